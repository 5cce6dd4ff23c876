package org.hearth.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.hearth.platform.Suppression;
import org.jspecify.annotations.Nullable;

/**
 * One table of a release, exactly as it is published: counts already through {@link Suppression}, labels of its
 * rows in the four languages as they were on the day (a later renaming does not change an old release). Columns are
 * named by key; their labels, meanings and HXL hashtags are in {@link TableSpec}.
 *
 * @param id stable, part of the download's address
 * @param rowKeys what each row is: a week's Monday, a settlement's gazetteer id, a status
 * @param rowLabels by language code, one label per row
 * @param rowTotals empty where the table shows none
 * @param withheld the whole table is withheld: too few to publish anything without singling someone out
 */
public record StatTable(String id, List<String> rowKeys, Map<String, List<String>> rowLabels,
		List<List<Value>> cells, List<Value> rowTotals, List<Value> columnTotals, @Nullable Value grandTotal,
		boolean withheld) {

	public StatTable {
		rowKeys = List.copyOf(rowKeys);
		rowLabels = Map.copyOf(rowLabels);
		cells = cells.stream().map(List::copyOf).toList();
		rowTotals = List.copyOf(rowTotals);
		columnTotals = List.copyOf(columnTotals);
	}

	/**
	 * A published value: a count as suppression left it, or a measure (litres, days) that counts no one.
	 *
	 * @param measure only for {@link Suppression.Shown#COUNT} values of a table of measures; none where unknown
	 */
	public record Value(Suppression.Shown shown, long count, @Nullable BigDecimal measure) {

		public static Value of(Suppression.Figure figure) {
			return new Value(figure.shown(), figure.count(), null);
		}

		public static Value measure(@Nullable BigDecimal measure) {
			return new Value(Suppression.Shown.COUNT, 0, measure);
		}

		public static final Value WITHHELD = new Value(Suppression.Shown.WITHHELD, 0, null);

		public boolean measured() {
			return shown == Suppression.Shown.COUNT && measure != null;
		}

		public Suppression.Figure figure() {
			return shown == Suppression.Shown.COUNT ? Suppression.Figure.of(count)
					: new Suppression.Figure(shown, 0);
		}
	}

	/** The same table from a suppressed one. */
	public static StatTable of(String id, List<String> rowKeys, Map<String, List<String>> rowLabels,
			Suppression.Published p) {
		return new StatTable(id, rowKeys, rowLabels,
				p.cells().stream().map(r -> r.stream().map(Value::of).toList()).toList(),
				p.rowTotals().stream().map(Value::of).toList(), p.columnTotals().stream().map(Value::of).toList(),
				p.grandTotal() == null ? null : Value.of(p.grandTotal()), p.withheld());
	}

	public List<String> labels(String language) {
		return rowLabels.getOrDefault(language, rowLabels.getOrDefault("en", rowKeys));
	}
}
