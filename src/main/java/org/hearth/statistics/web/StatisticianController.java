package org.hearth.statistics.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.UserFacingException;
import org.hearth.statistics.PopulationFigures;
import org.hearth.statistics.Releases;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statistician's page: population figures from outside the system, each with its source, and publishing
 * today's release by hand. A refused entry comes back with the reason in the reader's language and what was typed.
 */
@Controller
@PreAuthorize("hasRole('STATISTICIAN')")
class StatisticianController {

	private final PopulationFigures population;
	private final Releases releases;

	StatisticianController(PopulationFigures population, Releases releases) {
		this.population = population;
		this.releases = releases;
	}

	/** A refused form, named so the page can put the message beside it. */
	record Refusal(String form, String messageKey, Object[] arguments) {
	}

	@GetMapping("/statistics/manage")
	String page(Model model) {
		return render(model, new PopulationFigures.NewFigure("", "", "", "", ""), null);
	}

	@PostMapping("/statistics/population")
	String enter(@RequestParam(defaultValue = "") String measure, @RequestParam(defaultValue = "") String value,
			@RequestParam(defaultValue = "") String asOf, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "") String sourceUrl, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PopulationFigures.NewFigure typed = new PopulationFigures.NewFigure(measure, value, asOf, source, sourceUrl);
		try {
			population.enter(CurrentUser.require(), typed);
			redirect.addFlashAttribute("notice", "statistics.manage.notice.entered");
			return "redirect:/statistics/manage";
		}
		catch (UserFacingException refused) {
			response.setStatus(refused.status());
			return render(model, typed, new Refusal("population", refused.messageKey(), refused.arguments()));
		}
	}

	@PostMapping("/statistics/releases")
	String publish(Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Releases.Release release = releases.publish(CurrentUser.require());
			redirect.addFlashAttribute("notice", "statistics.manage.notice.published");
			redirect.addFlashAttribute("noticeArgs", new Object[] { release.releasedOn().toString() });
			return "redirect:/statistics/manage";
		}
		catch (UserFacingException refused) {
			response.setStatus(refused.status());
			return render(model, new PopulationFigures.NewFigure("", "", "", "", ""),
					new Refusal("release", refused.messageKey(), refused.arguments()));
		}
	}

	private String render(Model model, PopulationFigures.NewFigure typed, @Nullable Refusal refusal) {
		model.addAttribute("typed", typed);
		model.addAttribute("refusal", refusal);
		model.addAttribute("measures", PopulationFigures.Measure.values());
		model.addAttribute("history", List.of(PopulationFigures.Measure.values()).stream()
				.flatMap(m -> population.history(m).stream()).toList());
		model.addAttribute("releases", releases.list(10));
		return "statistics/manage";
	}
}
