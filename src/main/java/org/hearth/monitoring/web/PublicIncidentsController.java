package org.hearth.monitoring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.monitoring.IncidentKind;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.Verification;
import org.hearth.platform.SvgCharts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public incident summary, without signing in: how many incidents were recorded by kind, by month and by
 * verification status, as tables and as charts with the same numbers. Counts only: no description, no source, no
 * place finer than the whole region, nobody's name. Every figure passes through {@link PublicFigures}.
 */
@Controller
class PublicIncidentsController {

	private final Incidents incidents;
	private final Labels labels;
	private final MessageSource messages;

	PublicIncidentsController(Incidents incidents, Labels labels, MessageSource messages) {
		this.incidents = incidents;
		this.labels = labels;
		this.messages = messages;
	}

	/** One line of a table: what is counted, and the published figure. */
	record Row(String key, String label, PublicFigures.Figure figure) {
	}

	/** A kind of incident with its figure under each status, in the order of the statuses. */
	record CrossRow(String key, String label, List<PublicFigures.Figure> figures, PublicFigures.Figure total) {
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/incidents")
	String summary(@RequestParam(defaultValue = "") String year, Locale locale, Model model) {
		List<Integer> years = incidents.years();
		Integer chosen = null;
		try {
			Integer typed = year.isBlank() ? null : Integer.valueOf(year.strip());
			chosen = typed != null && years.contains(typed) ? typed : null;
		}
		catch (NumberFormatException e) {
			// An odd year in a link shows every year.
		}
		Incidents.Summary summary = incidents.summary(chosen);
		List<Row> kinds = new ArrayList<>();
		summary.byKind().forEach((k, n) -> kinds.add(new Row(k.name(), text("monitoring.incident-kind." + k.name(), locale),
				PublicFigures.of(n))));
		List<Row> statuses = new ArrayList<>();
		summary.byStatus().forEach((s, n) -> statuses.add(new Row(s.name(),
				text("monitoring.verification." + s.name(), locale), PublicFigures.of(n))));
		List<Row> months = summary.byMonth().stream()
				.map(m -> new Row(m.month().toString(), labels.month(m.month(), locale), PublicFigures.of(m.count())))
				.toList();
		List<CrossRow> cross = new ArrayList<>();
		for (Map.Entry<IncidentKind, Map<Verification, Long>> e : summary.byKindAndStatus().entrySet()) {
			cross.add(new CrossRow(e.getKey().name(), text("monitoring.incident-kind." + e.getKey().name(), locale),
					e.getValue().values().stream().map(PublicFigures::of).toList(),
					PublicFigures.of(summary.byKind().get(e.getKey()))));
		}
		model.addAttribute("years", years);
		model.addAttribute("year", chosen);
		model.addAttribute("total", PublicFigures.of(summary.total()));
		model.addAttribute("kinds", kinds);
		model.addAttribute("statuses", statuses);
		model.addAttribute("statusKeys", Verification.values());
		model.addAttribute("months", months);
		model.addAttribute("cross", cross);
		model.addAttribute("kindChart", chart(text("monitoring.public.incidents.by-kind", locale), kinds, locale));
		model.addAttribute("statusChart",
				chart(text("monitoring.public.incidents.by-status", locale), statuses, locale));
		model.addAttribute("monthChart", months.isEmpty() ? null
				: chart(text("monitoring.public.incidents.by-month", locale), months, locale));
		return "monitoring/public-incidents";
	}

	/** Bars of the figures shown; a withheld figure has no bar, as it has no number in the table. */
	private String chart(String title, List<Row> rows, Locale locale) {
		List<SvgCharts.Bar> bars = rows.stream().map(r -> new SvgCharts.Bar(r.label(),
				r.figure().suppressed() ? 0 : r.figure().count(), r.figure().suppressed()
						? text("monitoring.public.suppressed", locale) : count(r.figure().count(), locale), false))
				.toList();
		double max = Math.max(1, rows.stream().filter(r -> !r.figure().suppressed())
				.mapToLong(r -> r.figure().count()).max().orElse(1));
		return SvgCharts.horizontalBars(title, bars, max, 0);
	}

	private String count(long n, Locale locale) {
		return text("monitoring.common.count", locale, n);
	}

	private String text(String key, Locale locale, @Nullable Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
