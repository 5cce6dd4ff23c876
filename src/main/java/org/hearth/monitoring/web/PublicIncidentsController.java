package org.hearth.monitoring.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hearth.monitoring.IncidentKind;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.Verification;
import org.hearth.platform.Figures;
import org.hearth.platform.Suppression;
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
 * place finer than the whole region, nobody's name. Every figure passes through {@link Suppression}.
 */
@Controller
class PublicIncidentsController {

	private final Incidents incidents;
	private final Labels labels;
	private final MessageSource messages;
	private final Suppression suppression;
	private final Figures figures;

	PublicIncidentsController(Incidents incidents, Labels labels, MessageSource messages, Suppression suppression,
			Figures figures) {
		this.incidents = incidents;
		this.labels = labels;
		this.messages = messages;
		this.suppression = suppression;
		this.figures = figures;
	}

	/** One line of a table: what is counted, and the published figure. */
	record Row(String key, String label, Suppression.Figure figure) {
	}

	/** A kind of incident with its figure under each status, in the order of the statuses. */
	record CrossRow(String key, String label, List<Suppression.Figure> figures, Suppression.Figure total) {
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
		// One cross table with its margins: the counts by kind and by status are its totals, so that a figure
		// withheld in one place is withheld everywhere it appears.
		List<IncidentKind> kindKeys = List.copyOf(summary.byKindAndStatus().keySet());
		Verification[] statusKeys = Verification.values();
		long[][] counts = new long[kindKeys.size()][statusKeys.length];
		for (int i = 0; i < kindKeys.size(); i++) {
			for (int j = 0; j < statusKeys.length; j++) {
				counts[i][j] = summary.byKindAndStatus().get(kindKeys.get(i)).getOrDefault(statusKeys[j], 0L);
			}
		}
		Suppression.Published table = suppression.publish(new Suppression.Table(kindKeys.size(), statusKeys.length,
				counts, Suppression.Totals.ALL));
		List<Row> kinds = new ArrayList<>();
		List<CrossRow> cross = new ArrayList<>();
		for (int i = 0; i < kindKeys.size(); i++) {
			String key = kindKeys.get(i).name();
			String label = text("monitoring.incident-kind." + key, locale);
			kinds.add(new Row(key, label, table.rowTotals().get(i)));
			cross.add(new CrossRow(key, label, table.cells().get(i), table.rowTotals().get(i)));
		}
		List<Row> statuses = new ArrayList<>();
		for (int j = 0; j < statusKeys.length; j++) {
			statuses.add(new Row(statusKeys[j].name(), text("monitoring.verification." + statusKeys[j].name(), locale),
					table.columnTotals().get(j)));
		}
		Suppression.Published byMonth = suppression.publish(
				Suppression.Table.column(summary.byMonth().stream().mapToLong(Incidents.MonthCount::count).toArray()));
		List<Row> months = new ArrayList<>();
		for (int i = 0; i < summary.byMonth().size(); i++) {
			YearMonth month = summary.byMonth().get(i).month();
			months.add(new Row(month.toString(), labels.month(month, locale), byMonth.column().get(i)));
		}
		model.addAttribute("years", years);
		model.addAttribute("year", chosen);
		model.addAttribute("total", table.grandTotal());
		model.addAttribute("kinds", kinds);
		model.addAttribute("statuses", statuses);
		model.addAttribute("statusKeys", statusKeys);
		model.addAttribute("months", months);
		model.addAttribute("cross", cross);
		model.addAttribute("kindChart", chart(text("monitoring.public.incidents.by-kind", locale), kinds, locale));
		model.addAttribute("statusChart",
				chart(text("monitoring.public.incidents.by-status", locale), statuses, locale));
		model.addAttribute("monthChart", months.isEmpty() ? null
				: chart(text("monitoring.public.incidents.by-month", locale), months, locale));
		return "monitoring/public-incidents";
	}

	/** Bars of the figures shown; a hidden figure has no bar, as it has no number in the table. */
	private String chart(String title, List<Row> rows, Locale locale) {
		List<SvgCharts.Bar> bars = rows.stream().map(r -> new SvgCharts.Bar(r.label(), r.figure().count(),
				figures.text(r.figure(), locale), false)).toList();
		double max = Math.max(1, rows.stream().mapToLong(r -> r.figure().count()).max().orElse(1));
		return SvgCharts.horizontalBars(title, bars, max, 0);
	}

	private String text(String key, Locale locale, @Nullable Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
