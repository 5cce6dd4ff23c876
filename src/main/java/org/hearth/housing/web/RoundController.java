package org.hearth.housing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.housing.HousingProperties;
import org.hearth.housing.HousingStock;
import org.hearth.housing.Rounds;
import org.hearth.housing.Rounds.Entry;
import org.hearth.housing.Rounds.Explanation;
import org.hearth.housing.Rounds.Round;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Allocation rounds for staff: the list, the start of a round over chosen settlements, and each round's result with
 * every household's priority, its parts, and the home it was matched to or why none.
 */
@Controller
@PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'SUPERVISOR')")
class RoundController {

	/** The priority's parts in the order the published formula lists them. */
	static final List<String> PARTS = java.util.stream.Stream.concat(HousingProperties.NEEDS.stream(),
			java.util.stream.Stream.of("years-waiting", "origin")).toList();

	/** Households shown per page of a round's result. */
	static final int PAGE_SIZE = 100;

	private final Rounds rounds;
	private final HousingStock stock;
	private final Places places;

	RoundController(Rounds rounds, HousingStock stock, Places places) {
		this.rounds = rounds;
		this.stock = stock;
		this.places = places;
	}

	record RoundRow(Round round, List<String> settlements) {
	}

	record Choice(String id, String label, int ready, int waiting) {
	}

	record Part(String name, int points) {
	}

	/** A household's line: its unit and the unit's settlement if housed, else why not. */
	record Line(Entry entry, List<Part> parts, HousingStock.@Nullable Unit unit, @Nullable String settlement,
			@Nullable Explanation why) {
	}

	@GetMapping("/housing/rounds")
	String list(Locale locale, Model model) {
		return render(locale, model, List.of(), null);
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/rounds")
	String start(@RequestParam(name = "settlements", required = false) @Nullable List<String> settlements,
			Locale locale, Model model, RedirectAttributes redirect) {
		List<String> chosen = settlements == null ? List.of() : settlements;
		try {
			Round round = rounds.start(CurrentUser.require(), chosen);
			redirect.addFlashAttribute("notice", "housing.rounds.notice.started");
			redirect.addFlashAttribute("noticeArgs", new Object[] { round.number(), round.assigned(),
					round.households() });
			return "redirect:/housing/rounds/" + round.number();
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			return render(locale, model, chosen, Refusal.of("start", refused));
		}
	}

	@GetMapping("/housing/rounds/{number}")
	String round(@PathVariable int number, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		Round round = rounds.round(number);
		List<Entry> entries = rounds.entries(number);
		int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(0, page), pages - 1);
		Map<String, Explanation> why = rounds.explanations(number);
		List<Line> lines = new ArrayList<>();
		for (Entry e : entries.subList(shown * PAGE_SIZE, Math.min(entries.size(), (shown + 1) * PAGE_SIZE))) {
			List<Part> parts = e.points().entrySet().stream().map(p -> new Part(p.getKey(), p.getValue()))
					.sorted(java.util.Comparator.comparingInt(p -> PARTS.indexOf(p.name()))).toList();
			if (e.unit() != null) {
				HousingStock.Unit unit = stock.unit(e.unit());
				lines.add(new Line(e, parts, unit, places.label(unit.settlement(), locale), null));
			}
			else {
				lines.add(new Line(e, parts, null, null, why.get(e.pseudonym())));
			}
		}
		model.addAttribute("round", round);
		model.addAttribute("settlements", round.settlements().stream().map(s -> places.label(s, locale)).toList());
		model.addAttribute("lines", lines);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		return "housing/round";
	}

	private String render(Locale locale, Model model, List<String> chosen, @Nullable Refusal refusal) {
		model.addAttribute("rounds", rounds.rounds().stream()
				.map(r -> new RoundRow(r, r.settlements().stream().map(s -> places.label(s, locale)).toList()))
				.toList());
		List<Choice> choices = new ArrayList<>();
		for (HousingStock.SettlementSummary s : stock.summaries()) {
			if (s.units().values().stream().mapToInt(Integer::intValue).sum() > 0) {
				choices.add(new Choice(s.settlement(), places.label(s.settlement(), locale),
						s.units(org.hearth.housing.UnitStatus.READY), s.householdsWaiting()));
			}
		}
		choices.sort(java.util.Comparator.comparing(Choice::label, java.text.Collator.getInstance(locale)));
		model.addAttribute("choices", choices);
		model.addAttribute("chosen", chosen);
		model.addAttribute("refusal", refusal);
		model.addAttribute("canStart", CurrentUser.require().has(Role.HOUSING_OFFICER));
		return "housing/rounds";
	}
}
