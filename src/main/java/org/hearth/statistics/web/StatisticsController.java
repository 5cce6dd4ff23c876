package org.hearth.statistics.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hearth.platform.Figures;
import org.hearth.platform.Suppression.Shown;
import org.hearth.platform.SvgCharts;
import org.hearth.shared.NotFoundException;
import org.hearth.statistics.PopulationFigures;
import org.hearth.statistics.Releases;
import org.hearth.statistics.StatTable;
import org.hearth.statistics.TableSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public statistics: the latest release as charts with their tables, every release's tables as CSV and JSON
 * at addresses that never change, and the data dictionary. Everything here reads a stored release.
 */
@Controller
@PreAuthorize("permitAll()")
class StatisticsController {

	/** Releases listed; older ones stay downloadable at their addresses. */
	static final int RELEASES_SHOWN = 52;

	private final Releases releases;
	private final PopulationFigures population;
	private final OpenData openData;
	private final Figures figures;
	private final MessageSource messages;

	StatisticsController(Releases releases, PopulationFigures population, OpenData openData, Figures figures,
			MessageSource messages) {
		this.releases = releases;
		this.population = population;
		this.openData = openData;
		this.figures = figures;
		this.messages = messages;
	}

	/** A value as the page shows it, and how it was shown (for the eye and for tests). */
	record CellView(String text, String shown) {
	}

	record RowView(String key, String label, List<CellView> cells, @Nullable CellView total) {
	}

	record TableView(String id, TableSpec spec, String chart, List<String> columns, List<RowView> rows,
			@Nullable RowView totals, boolean withheld) {
	}

	@GetMapping("/statistics")
	String dashboard(Locale locale, Model model) {
		Releases.Release release = releases.latest().orElse(null);
		model.addAttribute("release", release);
		model.addAttribute("population", population.latest());
		model.addAttribute("tables", release == null ? List.of()
				: release.tables().stream().filter(t -> TableSpec.of(t.id()).isPresent())
						.map(t -> view(t, locale)).toList());
		return "statistics/dashboard";
	}

	@GetMapping("/statistics/releases")
	String releases(Model model) {
		model.addAttribute("releases", releases.list(RELEASES_SHOWN));
		model.addAttribute("specs", TableSpec.ALL);
		return "statistics/releases";
	}

	@GetMapping("/statistics/data-dictionary")
	String dictionary(Model model) {
		model.addAttribute("specs", TableSpec.ALL);
		model.addAttribute("measures", PopulationFigures.Measure.values());
		return "statistics/dictionary";
	}

	@GetMapping("/statistics/releases/{date}/{table}.csv")
	ResponseEntity<String> csv(@PathVariable String date, @PathVariable String table, Locale locale) {
		Releases.Release release = release(date);
		StatTable t = table(release, table);
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("hearth-" + table + "-" + release.releasedOn() + "-" + locale.getLanguage() + ".csv")
						.build().toString())
				.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic())
				.body(openData.csv(release, t, locale));
	}

	@GetMapping(path = "/statistics/releases/{date}/{table}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> json(@PathVariable String date, @PathVariable String table, Locale locale) {
		Releases.Release release = release(date);
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic())
				.body(openData.json(release, table(release, table), locale));
	}

	/** The latest release's table: a redirect to its dated address, which never changes. */
	@GetMapping("/statistics/latest/{table}.{format}")
	String latest(@PathVariable String table, @PathVariable String format) {
		Releases.Release release = releases.latest().orElseThrow(() -> new NotFoundException());
		table(release, table);
		if (!format.equals("csv") && !format.equals("json")) {
			throw new NotFoundException();
		}
		return "redirect:/statistics/releases/" + release.releasedOn() + "/" + table + "." + format;
	}

	private Releases.Release release(String date) {
		try {
			return releases.release(LocalDate.parse(date))
					.orElseThrow(() -> new NotFoundException());
		}
		catch (DateTimeParseException e) {
			throw new NotFoundException();
		}
	}

	private static StatTable table(Releases.Release release, String id) {
		return release.table(id).orElseThrow(() -> new NotFoundException());
	}

	private TableView view(StatTable table, Locale locale) {
		TableSpec spec = TableSpec.get(table.id());
		List<String> labels = table.labels(locale.getLanguage());
		List<RowView> rows = new ArrayList<>();
		for (int i = 0; i < table.rowKeys().size(); i++) {
			rows.add(new RowView(table.rowKeys().get(i), labels.get(i),
					table.cells().get(i).stream().map(v -> cell(spec, v, locale)).toList(),
					table.rowTotals().isEmpty() ? null : cell(spec, table.rowTotals().get(i), locale)));
		}
		RowView totals = table.columnTotals().isEmpty() ? null
				: new RowView("total", text("statistics.total", locale),
						table.columnTotals().stream().map(v -> cell(spec, v, locale)).toList(),
						table.grandTotal() == null || table.rowTotals().isEmpty() ? null
								: cell(spec, table.grandTotal(), locale));
		List<String> columns = spec.columns().stream()
				.map(c -> text("statistics.column." + spec.id() + "." + c.key(), locale)).toList();
		return new TableView(table.id(), spec, chart(table, spec, labels, locale), columns, rows, totals,
				table.withheld());
	}

	private CellView cell(TableSpec spec, StatTable.Value v, Locale locale) {
		if (spec.measures() && v.shown() == Shown.COUNT) {
			return new CellView(v.measure() == null ? text("statistics.none", locale) : number(v.measure(), locale),
					"MEASURE");
		}
		return new CellView(figures.text(v.figure(), locale), v.shown().name());
	}

	/**
	 * One series of the table as bars: each row's total where the table has them, else its first column; a
	 * hidden figure has no bar and says why at its end.
	 */
	private String chart(StatTable table, TableSpec spec, List<String> labels, Locale locale) {
		int column = spec.id().equals(TableSpec.AID) ? 2 : 0;
		List<SvgCharts.Bar> bars = new ArrayList<>();
		double max = 1;
		for (int i = 0; i < table.rowKeys().size(); i++) {
			StatTable.Value v = table.rowTotals().isEmpty() ? table.cells().get(i).get(column)
					: table.rowTotals().get(i);
			double value = spec.measures() ? (v.measure() == null ? 0 : v.measure().doubleValue())
					: v.figure().isCount() ? v.count() : 0;
			max = Math.max(max, value);
			bars.add(new SvgCharts.Bar(labels.get(i), value, cell(spec, v, locale).text(), false));
		}
		String series = table.rowTotals().isEmpty()
				? text("statistics.column." + spec.id() + "." + spec.columns().get(column).key(), locale)
				: text("statistics.total", locale);
		return SvgCharts.horizontalBars(text("statistics.table." + spec.id() + ".title", locale) + " — " + series,
				bars, spec.id().equals(TableSpec.AID) ? Math.max(100, max) : max,
				spec.id().equals(TableSpec.AID) ? 100 : 0);
	}

	private static String number(BigDecimal value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
