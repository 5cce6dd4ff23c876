package org.hearth.statistics.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.platform.Figures;
import org.hearth.platform.Suppression.Shown;
import org.hearth.shared.Csv;
import org.hearth.statistics.Releases;
import org.hearth.statistics.StatTable;
import org.hearth.statistics.TableSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A release's table as CSV (a header, an HXL hashtag row, the rows, the totals) and as JSON. Values are the
 * release's as stored: a count, {@code <10} for a small one, {@code x} for one withheld; nothing here can show
 * more than the release holds.
 */
@Component
class OpenData {

	private final Figures figures;
	private final MessageSource messages;

	OpenData(Figures figures, MessageSource messages) {
		this.figures = figures;
		this.messages = messages;
	}

	private @Nullable Object json(StatTable.Value value, TableSpec spec) {
		if (spec.measures()) {
			if (value.shown() != Shown.COUNT) {
				return figures.data(value.figure());
			}
			return value.measure();
		}
		return value.figure().isCount() ? (Object) value.count() : figures.data(value.figure());
	}

	private String column(TableSpec spec, String key, Locale locale) {
		return messages.getMessage("statistics.column." + spec.id() + "." + key, null, locale);
	}

	String csv(Releases.Release release, StatTable table, Locale locale) {
		TableSpec spec = TableSpec.get(table.id());
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(List.of(spec.rowKind(), "label"));
		List<String> hxl = new ArrayList<>(List.of(spec.rowHxl(), "#meta+label"));
		for (TableSpec.Column c : spec.columns()) {
			header.add(column(spec, c.key(), locale));
			hxl.add(c.hxl());
		}
		if (!table.rowTotals().isEmpty()) {
			header.add(messages.getMessage("statistics.total", null, locale));
			hxl.add("#meta+total");
		}
		csv.append(Csv.line(header)).append(Csv.line(hxl));
		List<String> labels = table.labels(locale.getLanguage());
		for (int i = 0; i < table.rowKeys().size(); i++) {
			List<String> line = new ArrayList<>(List.of(table.rowKeys().get(i), labels.get(i)));
			table.cells().get(i).forEach(v -> line.add(value(spec, v)));
			if (!table.rowTotals().isEmpty()) {
				line.add(value(spec, table.rowTotals().get(i)));
			}
			csv.append(Csv.line(line));
		}
		if (!table.columnTotals().isEmpty()) {
			List<String> line = new ArrayList<>(List.of("total", messages.getMessage("statistics.total", null, locale)));
			table.columnTotals().forEach(v -> line.add(value(spec, v)));
			if (!table.rowTotals().isEmpty()) {
				line.add(table.grandTotal() == null ? "" : value(spec, table.grandTotal()));
			}
			csv.append(Csv.line(line));
		}
		return csv.toString();
	}

	/** A value as open data writes it: a count, <10, x; a measure, or nothing where it is not known. */
	String value(TableSpec spec, StatTable.Value v) {
		if (spec.measures() && v.shown() == Shown.COUNT) {
			return v.measure() == null ? "" : v.measure().stripTrailingZeros().toPlainString();
		}
		return figures.data(v.figure());
	}

	Map<String, Object> json(Releases.Release release, StatTable table, Locale locale) {
		TableSpec spec = TableSpec.get(table.id());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("table", table.id());
		out.put("title", messages.getMessage("statistics.table." + table.id() + ".title", null, locale));
		out.put("release", release.releasedOn().toString());
		out.put("cutoff", release.cutoff().toString());
		out.put("language", locale.getLanguage());
		out.put("smallCellThreshold", release.threshold());
		out.put("withheld", table.withheld());
		out.put("rowKind", spec.rowKind());
		out.put("rowHxl", spec.rowHxl());
		List<Map<String, String>> columns = new ArrayList<>();
		for (TableSpec.Column c : spec.columns()) {
			columns.add(Map.of("key", c.key(), "label", column(spec, c.key(), locale), "hxl", c.hxl()));
		}
		out.put("columns", columns);
		List<Map<String, Object>> rows = new ArrayList<>();
		List<String> labels = table.labels(locale.getLanguage());
		for (int i = 0; i < table.rowKeys().size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("key", table.rowKeys().get(i));
			row.put("label", labels.get(i));
			row.put("values", table.cells().get(i).stream().map(v -> json(v, spec)).toList());
			if (!table.rowTotals().isEmpty()) {
				row.put("total", json(table.rowTotals().get(i), spec));
			}
			rows.add(row);
		}
		out.put("rows", rows);
		if (!table.columnTotals().isEmpty()) {
			out.put("columnTotals", table.columnTotals().stream().map(v -> json(v, spec)).toList());
		}
		if (table.grandTotal() != null) {
			out.put("total", json(table.grandTotal(), spec));
		}
		return out;
	}
}
