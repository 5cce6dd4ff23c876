package org.hearth.dialogue.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Parties;
import org.hearth.dialogue.web.Forms.Done;
import org.hearth.dialogue.web.Forms.Multilingual;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The parties: the list, a new party and a party's corrected name, each in the four languages. */
@Controller
class PartyController {

	private final Parties parties;

	PartyController(Parties parties) {
		this.parties = parties;
	}

	/** What was typed into the new party's form or into one party's rename form ({@code party}). */
	record Typed(@Nullable UUID party, Multilingual name) {
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/parties")
	String list(Model model) {
		return render(new Typed(null, Multilingual.EMPTY), model);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/parties")
	String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		var typed = new Typed(null, Multilingual.read(form, "name"));
		return Forms.change("party", model, redirect, response, () -> {
			parties.create(CurrentUser.require(), typed.name().text());
			return new Done("/dialogue/parties", "dialogue.notice.party-created");
		}, () -> render(typed, model));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/parties/{id}")
	String rename(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		parties.party(id);
		var typed = new Typed(id, Multilingual.read(form, "name"));
		return Forms.change("party-" + id, model, redirect, response, () -> {
			parties.rename(CurrentUser.require(), id, version, typed.name().text());
			return new Done("/dialogue/parties#party-" + id, "dialogue.notice.party-renamed");
		}, () -> render(typed, model));
	}

	private String render(Typed typed, Model model) {
		List<Parties.Party> all = parties.parties();
		Map<UUID, Multilingual> names = new HashMap<>();
		all.forEach(p -> names.put(p.id(), p.id().equals(typed.party()) ? typed.name() : Multilingual.of(p.name())));
		model.addAttribute("parties", all);
		model.addAttribute("names", names);
		model.addAttribute("newName", typed.party() == null ? typed.name() : Multilingual.EMPTY);
		model.addAttribute("typed", typed);
		model.addAttribute("secretariat", CurrentUser.require().has(Role.DIALOGUE_SECRETARIAT));
		return "dialogue/parties";
	}
}
