package org.hearth.platform;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hearth.platform.Suppression.Figure;
import org.hearth.platform.Suppression.Published;
import org.hearth.platform.Suppression.Shown;
import org.hearth.platform.Suppression.Table;
import org.hearth.platform.Suppression.Totals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Small-cell suppression. The property: for random tables, no count from 1 to threshold − 1 is published, every
 * published count is true, and for every count shown as small there are two complete tables, each agreeing with
 * everything published, in which that count differs by at least {@link Suppression#PROTECTION} − 1. The two tables
 * come from the audit but are checked here by plain arithmetic, so the proof does not rest on the flow it used.
 */
class SuppressionTest {

	@Test
	void theThresholdIsNeverBelowFive() {
		assertThatThrownBy(() -> new Suppression(4)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("5");
		assertThat(new Suppression(5).threshold()).isEqualTo(5);
	}

	@Test
	void aSmallCountBesideOneLargeCountAndTheTotalHidesTheLargeOneToo() {
		Published p = new Suppression(10).publish(Table.column(3, 12, 0));
		assertThat(p.column()).extracting(Figure::shown).containsExactly(Shown.SMALL, Shown.WITHHELD, Shown.COUNT);
		assertThat(p.columnTotals()).containsExactly(Figure.of(15));
		// Known: c0 + c1 = 15, c0 in 1..9, c1 at least 10: c0 is anything from 1 to 5.
		assertThat(p.column().get(2)).isEqualTo(Figure.of(0));
	}

	@Test
	void twoSmallCountsWithALargeTotalNeedNoMore() {
		Published p = new Suppression(10).publish(Table.column(4, 5, 80, 31));
		assertThat(p.column()).extracting(Figure::shown)
				.containsExactly(Shown.SMALL, Shown.SMALL, Shown.COUNT, Shown.COUNT);
		assertThat(p.column().get(2).count()).isEqualTo(80);
		// c0 + c1 = 9 with both in 1..9: each could be anything from 1 to 8.
		assertThat(p.columnTotals()).containsExactly(Figure.of(120));
	}

	@Test
	void aTableOfOnlySmallCountsThatWouldGiveThemAwayIsWithheldWhole() {
		// Nine counts under ten and a total under ten: every one of them would be 1.
		Published p = new Suppression(10).publish(Table.column(1, 1, 1, 1, 1, 1, 1, 1, 1));
		assertThat(p.withheld()).isTrue();
		assertThat(p.column()).allMatch(f -> f.shown() == Shown.WITHHELD);
		assertThat(p.columnTotals()).allMatch(f -> f.shown() == Shown.WITHHELD);
	}

	@Test
	void aSmallCellOfACrossTableIsCoveredInItsRowAndItsColumn() {
		long[][] counts = { { 2, 40, 35 }, { 50, 60, 45 }, { 30, 25, 70 } };
		Suppression suppression = new Suppression(10);
		Published p = suppression.publish(new Table(3, 3, counts, Totals.ALL));
		assertThat(p.cell(0, 0).shown()).isEqualTo(Shown.SMALL);
		long hiddenInRow = p.cells().get(0).stream().filter(f -> !f.isCount()).count()
				+ (p.rowTotals().get(0).isCount() ? 0 : 1);
		long hiddenInColumn = p.cells().stream().filter(r -> !r.get(0).isCount()).count()
				+ (p.columnTotals().get(0).isCount() ? 0 : 1);
		assertThat(hiddenInRow).isGreaterThanOrEqualTo(2);
		assertThat(hiddenInColumn).isGreaterThanOrEqualTo(2);
		assertThat(p.grandTotal()).isEqualTo(Figure.of(357));
		assertProtected(suppression, new Table(3, 3, counts, Totals.ALL), p);
	}

	@Test
	void zerosAreShown() {
		Published p = new Suppression(10).publish(new Table(2, 2, new long[][] { { 0, 0 }, { 0, 14 } }, Totals.ALL));
		assertThat(p.cells()).allSatisfy(r -> assertThat(r).allMatch(Figure::isCount));
	}

	@Property(tries = 400)
	void noPublishedTableRevealsAHiddenCount(@ForAll("tables") Table table,
			@ForAll @IntRange(min = 5, max = 12) int threshold) {
		Suppression suppression = new Suppression(threshold);
		Published p = suppression.publish(table);
		assertProtected(suppression, table, p);
	}

	/** What the property asserts, for one table. */
	static void assertProtected(Suppression suppression, Table table, Published p) {
		int t = suppression.threshold();
		long[][] c = table.counts();
		long[] rowTotals = new long[table.rows()];
		long[] columnTotals = new long[table.columns()];
		long grand = 0;
		for (int i = 0; i < table.rows(); i++) {
			for (int j = 0; j < table.columns(); j++) {
				rowTotals[i] += c[i][j];
				columnTotals[j] += c[i][j];
				grand += c[i][j];
				assertTruthful(p.cell(i, j), c[i][j], t);
			}
		}
		for (int i = 0; i < p.rowTotals().size(); i++) {
			assertTruthful(p.rowTotals().get(i), rowTotals[i], t);
		}
		for (int j = 0; j < p.columnTotals().size(); j++) {
			assertTruthful(p.columnTotals().get(j), columnTotals[j], t);
		}
		if (p.grandTotal() != null) {
			assertTruthful(p.grandTotal(), grand, t);
		}
		Suppression.Network network = new Suppression.Network(table);
		List<Suppression.Range> ranges = suppression.audit(table, p);
		long small = p.cells().stream().flatMap(List::stream).filter(f -> f.shown() == Shown.SMALL).count()
				+ p.rowTotals().stream().filter(f -> f.shown() == Shown.SMALL).count()
				+ p.columnTotals().stream().filter(f -> f.shown() == Shown.SMALL).count()
				+ (p.grandTotal() != null && p.grandTotal().shown() == Shown.SMALL ? 1 : 0);
		assertThat(ranges).hasSize((int) small);
		for (Suppression.Range range : ranges) {
			assertThat(range.greatest() - range.least()).isGreaterThanOrEqualTo(Suppression.PROTECTION - 1);
			assertAgreesWithEverythingPublished(network, p, range.leastWitness(), t);
			assertAgreesWithEverythingPublished(network, p, range.greatestWitness(), t);
			assertThat(range.leastWitness()[range.quantity()]).isEqualTo(range.least());
			assertThat(range.greatestWitness()[range.quantity()]).isEqualTo(range.greatest());
		}
	}

	private static void assertTruthful(Figure figure, long count, int threshold) {
		if (count >= 1 && count < threshold) {
			assertThat(figure.isCount()).as("a count of %d is never published", count).isFalse();
		}
		if (figure.isCount()) {
			assertThat(figure.count()).isEqualTo(count);
		}
		if (figure.shown() == Shown.SMALL) {
			assertThat(count).isBetween(1L, threshold - 1L);
		}
	}

	/** A complete table that someone reading the published one could not tell from the true one. */
	private static void assertAgreesWithEverythingPublished(Suppression.Network n, Published p, long[] w, int t) {
		Table table = n.table;
		long grand = 0;
		for (int i = 0; i < table.rows(); i++) {
			long row = 0;
			for (int j = 0; j < table.columns(); j++) {
				long cell = w[n.cell(i, j)];
				row += cell;
				grand += cell;
				assertFits(p.cell(i, j), cell, t);
			}
			assertThat(w[n.rowTotal(i)]).isEqualTo(row);
			if (table.totals().rows()) {
				assertFits(p.rowTotals().get(i), row, t);
			}
		}
		for (int j = 0; j < table.columns(); j++) {
			long column = 0;
			for (int i = 0; i < table.rows(); i++) {
				column += w[n.cell(i, j)];
			}
			assertThat(w[n.columnTotal(j)]).isEqualTo(column);
			if (table.totals().columns()) {
				assertFits(p.columnTotals().get(j), column, t);
			}
		}
		assertThat(w[n.grandTotal()]).isEqualTo(grand);
		if (p.grandTotal() != null) {
			assertFits(p.grandTotal(), grand, t);
		}
	}

	private static void assertFits(Figure figure, long value, int threshold) {
		switch (figure.shown()) {
			case COUNT -> assertThat(value).isEqualTo(figure.count());
			case SMALL -> assertThat(value).isBetween(1L, threshold - 1L);
			case WITHHELD -> assertThat(value).isGreaterThanOrEqualTo(threshold);
		}
	}

	@Provide
	Arbitrary<Table> tables() {
		Arbitrary<Long> count = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(25, Arbitraries.just(0L)),
				net.jqwik.api.Tuple.of(40, Arbitraries.longs().between(1, 9)),
				net.jqwik.api.Tuple.of(25, Arbitraries.longs().between(10, 60)),
				net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(61, 500)));
		Arbitrary<Totals> totals = Arbitraries.of(Totals.NONE, Totals.COLUMN, Totals.ALL,
				new Totals(true, false, false), new Totals(true, false, true), new Totals(false, true, true),
				new Totals(true, true, false));
		return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6), totals)
				.flatAs((rows, columns, t) -> count.array(long[].class).ofSize(columns).array(long[][].class)
						.ofSize(rows).map(cells -> new Table(rows, columns, cells, t)));
	}
}
