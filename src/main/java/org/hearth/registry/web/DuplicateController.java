package org.hearth.registry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Offices;
import org.hearth.identity.Role;
import org.hearth.registry.DuplicateFinder;
import org.hearth.registry.Duplicates;
import org.hearth.registry.Duplicates.Duplicate;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.shared.NotFoundException;
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
 * Likely duplicates as caseworkers decide them: the open pairs without names, then one pair with both records side by
 * side, merged or dismissed with an explanation. Opening a pair shows two persons' data and is recorded as a quality
 * check; a refused decision comes back with what was typed.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
class DuplicateController {

	/** The longest explanation kept with a decision, as the database allows. */
	static final int EXPLANATION_LIMIT = 2_000;

	/** The most open pairs listed at once; deciding the first ones brings up the next. */
	static final int LIST_LIMIT = 100;

	private final Duplicates duplicates;
	private final Registry registry;
	private final Offices offices;

	DuplicateController(Duplicates duplicates, Registry registry, Offices offices) {
		this.duplicates = duplicates;
		this.registry = registry;
		this.offices = offices;
	}

	/** A refusal shown above the forms: which form's field it concerns, and the message. */
	record Problem(String field, String messageKey, List<Object> arguments) {
	}

	/** An open pair as the list shows it: no names, only how likely and why. */
	record PairRow(long id, double score, List<DuplicateFinder.Reason> reasons) {
	}

	@GetMapping("/registry/duplicates")
	String list(Model model) {
		model.addAttribute("pairs", duplicates.open(LIST_LIMIT).stream()
				.map(pair -> new PairRow(pair.id(), pair.score(), reasons(pair))).toList());
		model.addAttribute("limit", LIST_LIMIT);
		model.addAttribute("isSupervisor", CurrentUser.require().has(Role.SUPERVISOR));
		return "registry/duplicates";
	}

	@PostMapping("/registry/duplicates/detect")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String detect(RedirectAttributes redirect) {
		redirect.addFlashAttribute("detected", duplicates.detect());
		return "redirect:/registry/duplicates";
	}

	@GetMapping("/registry/duplicates/{id}")
	String pair(@PathVariable long id, Locale locale, Model model) {
		return render(id, locale, model, "", "", "", List.of());
	}

	@PostMapping("/registry/duplicates/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(defaultValue = "") String survivor,
			@RequestParam(defaultValue = "") String explanation, Locale locale, Model model,
			RedirectAttributes redirect) {
		UUID chosen = parse(survivor);
		if (chosen == null || explanation.length() > EXPLANATION_LIMIT) {
			List<Problem> problems = new ArrayList<>();
			if (chosen == null) {
				problems.add(new Problem("survivor", "registry.error.survivor", List.of()));
			}
			if (explanation.isBlank()) {
				problems.add(new Problem("merge-explanation", "registry.error.explanation-required", List.of()));
			}
			if (explanation.length() > EXPLANATION_LIMIT) {
				problems.add(new Problem("merge-explanation", "registry.pair.explanation-too-long",
						List.of(EXPLANATION_LIMIT)));
			}
			return render(id, locale, model, survivor, explanation, "", problems);
		}
		try {
			duplicates.merge(CurrentUser.require(), id, chosen, explanation);
		}
		catch (UserFacingException refused) {
			return refused(refused, "merge-explanation", id, locale, model, survivor, explanation, "");
		}
		redirect.addFlashAttribute("notice", "registry.pair.merged");
		return "redirect:/registry/duplicates/" + id;
	}

	@PostMapping("/registry/duplicates/{id}/dismiss")
	String dismiss(@PathVariable long id, @RequestParam(defaultValue = "") String explanation, Locale locale,
			Model model, RedirectAttributes redirect) {
		if (explanation.length() > EXPLANATION_LIMIT) {
			return render(id, locale, model, "", "", explanation, List.of(new Problem("dismiss-explanation",
					"registry.pair.explanation-too-long", List.of(EXPLANATION_LIMIT))));
		}
		try {
			duplicates.dismiss(CurrentUser.require(), id, explanation);
		}
		catch (UserFacingException refused) {
			return refused(refused, "dismiss-explanation", id, locale, model, "", "", explanation);
		}
		redirect.addFlashAttribute("notice", "registry.pair.dismissed");
		return "redirect:/registry/duplicates/" + id;
	}

	/** A pair that does not exist stays a 404; any other refusal is shown on the pair's page. */
	private String refused(UserFacingException refused, String field, long id, Locale locale, Model model,
			String survivor, String mergeExplanation, String dismissExplanation) {
		if (refused.status() == 404) {
			throw refused;
		}
		String target = refused.status() == 409 ? "decision"
				: "registry.error.survivor".equals(refused.messageKey()) ? "survivor" : field;
		return render(id, locale, model, survivor, mergeExplanation, dismissExplanation,
				List.of(new Problem(target, refused.messageKey(), List.of(refused.arguments()))));
	}

	private String render(long id, Locale locale, Model model, String survivor, String mergeExplanation,
			String dismissExplanation, List<Problem> problems) {
		CurrentUser staff = CurrentUser.require();
		Duplicate pair = duplicates.get(id);
		Registry.Person first = registry.person(staff, pair.first(), SearchPurpose.QUALITY_CHECK)
				.orElseThrow(NotFoundException::new);
		Registry.Person second = registry.person(staff, pair.second(), SearchPurpose.QUALITY_CHECK)
				.orElseThrow(NotFoundException::new);
		model.addAttribute("pair", pair);
		model.addAttribute("first", first);
		model.addAttribute("second", second);
		model.addAttribute("reasons", reasons(pair));
		model.addAttribute("survivor", survivor);
		model.addAttribute("mergeExplanation", mergeExplanation);
		model.addAttribute("dismissExplanation", dismissExplanation);
		model.addAttribute("problems", problems);
		model.addAttribute("problemFields", problems.stream().map(Problem::field).collect(Collectors.toSet()));
		Duplicates.Decision decision = pair.decision();
		model.addAttribute("decision", decision);
		model.addAttribute("decidedOffice", decision == null || decision.office() == null ? ""
				: officeName(decision.office(), locale));
		return "registry/pair";
	}

	private String officeName(String code, Locale locale) {
		try {
			return offices.name(new OfficeId(code)).in(locale);
		}
		catch (IllegalArgumentException closed) {
			return code;
		}
	}

	/** Reasons in the finder's own order, the strongest first. */
	static List<DuplicateFinder.Reason> reasons(Duplicate pair) {
		return pair.reasons().stream().sorted(Comparator.naturalOrder()).toList();
	}

	private static @Nullable UUID parse(String id) {
		try {
			return id.isBlank() ? null : UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}
}
