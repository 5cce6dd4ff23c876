package org.hearth.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Small-cell suppression, the one place every published count passes through, whatever the output (page, chart,
 * CSV, JSON). A count from 1 to {@code threshold − 1} is shown as small ("fewer than ten"); then, cell by cell, an
 * audit asks what someone could work out from everything else the table publishes, its totals included: where a
 * small count could be narrowed to fewer than {@link #PROTECTION} values, a neighbouring count is withheld too
 * (complementary suppression), the smallest one that helps first. If nothing left to withhold helps, the whole table
 * is withheld. Zeros are shown: they single nobody out.
 *
 * <p>The audit models someone who knows this rule: a small count lies between 1 and {@code threshold − 1}, a
 * withheld one is at least {@code threshold} (only counts that large are withheld to protect others), a total the
 * table does not show could be anything. Rows, columns and their totals form a network, so the least and greatest
 * value a hidden count can take are found exactly with a flow (see {@link Circulation}).
 *
 * <p>A table's overall total (its grand total, or the total of its only column or row) is never withheld to
 * protect a cell: it is the figure several tables of one population share, and withholding it in one table but not
 * in another would undo the protection. Tables of one population should therefore share nothing else: publish one
 * cross table with its margins rather than the margins again as tables of their own.
 */
public final class Suppression {

	/** The lowest threshold anyone may configure. */
	public static final int MINIMUM_THRESHOLD = 5;

	/** How many values a small count must still be able to take, given everything else that is published. */
	public static final int PROTECTION = 3;

	private static final long UNBOUNDED = 1L << 40;

	private final int threshold;

	public Suppression(int threshold) {
		if (threshold < MINIMUM_THRESHOLD) {
			throw new IllegalArgumentException(
					"The small-cell threshold is " + threshold + "; it may not be below " + MINIMUM_THRESHOLD);
		}
		this.threshold = threshold;
	}

	public int threshold() {
		return threshold;
	}

	/** Which totals a table publishes beside its counts. */
	public record Totals(boolean rows, boolean columns, boolean grand) {

		public static final Totals NONE = new Totals(false, false, false);

		/** A list of categories in one column, with its total. */
		public static final Totals COLUMN = new Totals(false, true, false);

		public static final Totals ALL = new Totals(true, true, true);
	}

	/** A table of counts as counted: never published as it is. */
	public record Table(int rows, int columns, long[][] counts, Totals totals) {

		public Table {
			if (counts.length != rows || Arrays.stream(counts).anyMatch(r -> r.length != columns)) {
				throw new IllegalArgumentException("A table of " + rows + " × " + columns + " needs as many counts");
			}
			if (Arrays.stream(counts).flatMapToLong(Arrays::stream).anyMatch(c -> c < 0)) {
				throw new IllegalArgumentException("Counts are never negative");
			}
			counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
		}

		/** One column of counts, with its total. */
		public static Table column(long... counts) {
			long[][] cells = new long[counts.length][];
			for (int i = 0; i < counts.length; i++) {
				cells[i] = new long[] { counts[i] };
			}
			return new Table(counts.length, 1, cells, Totals.COLUMN);
		}
	}

	/** How a figure is shown. */
	public enum Shown {
		/** The count itself. */
		COUNT,
		/** From 1 to threshold − 1: shown as fewer than the threshold. */
		SMALL,
		/** Withheld so that a small count cannot be worked out. */
		WITHHELD
	}

	/** A published figure: its count only when it is shown; otherwise not even the program holds it. */
	public record Figure(Shown shown, long count) {

		public Figure {
			if (shown != Shown.COUNT && count != 0) {
				throw new IllegalArgumentException("A hidden figure carries no count");
			}
		}

		static final Figure SMALL = new Figure(Shown.SMALL, 0);

		static final Figure WITHHELD = new Figure(Shown.WITHHELD, 0);

		public static Figure of(long count) {
			return new Figure(Shown.COUNT, count);
		}

		public boolean isCount() {
			return shown == Shown.COUNT;
		}
	}

	/**
	 * A table as it may be published. {@code rowTotals}, {@code columnTotals} and {@code grandTotal} are empty or
	 * null where the table does not show them; {@code withheld} when the table could not be published at all.
	 */
	public record Published(List<List<Figure>> cells, List<Figure> rowTotals, List<Figure> columnTotals,
			@Nullable Figure grandTotal, boolean withheld, int threshold) {

		public Published {
			cells = cells.stream().map(List::copyOf).toList();
			rowTotals = List.copyOf(rowTotals);
			columnTotals = List.copyOf(columnTotals);
		}

		public Figure cell(int row, int column) {
			return cells.get(row).get(column);
		}

		/** The figures of a one-column table, in order. */
		public List<Figure> column() {
			return cells.stream().map(r -> r.get(0)).toList();
		}

		public int rows() {
			return cells.size();
		}
	}

	/** One count or total of a table: an edge of the network it forms. */
	enum Kind {
		CELL, ROW, COLUMN, GRAND
	}

	/** The state of each quantity in the audit. */
	enum State {
		COUNT, SMALL, WITHHELD, NOT_SHOWN
	}

	/**
	 * The network a table forms: node 0 stands before the rows, 1..R are the rows, R+1..R+C the columns, R+C+1 after
	 * the columns. A cell is an edge from its row to its column, a row total from node 0 to the row, a column total
	 * from the column to the last node, and the grand total closes the circle back to node 0.
	 */
	static final class Network {

		final Table table;
		final int size;
		final Kind[] kind;
		final int[] row;
		final int[] column;
		final long[] value;
		final boolean[] shown;
		final Circulation circulation;

		Network(Table table) {
			this.table = table;
			int r = table.rows();
			int c = table.columns();
			this.size = r * c + r + c + 1;
			kind = new Kind[size];
			row = new int[size];
			column = new int[size];
			value = new long[size];
			shown = new boolean[size];
			int[] from = new int[size];
			int[] to = new int[size];
			int last = r + c + 1;
			long grand = 0;
			for (int i = 0; i < r; i++) {
				long rowTotal = 0;
				for (int j = 0; j < c; j++) {
					int e = cell(i, j);
					set(e, Kind.CELL, i, j, table.counts()[i][j], true);
					from[e] = 1 + i;
					to[e] = 1 + r + j;
					rowTotal += table.counts()[i][j];
				}
				int e = rowTotal(i);
				set(e, Kind.ROW, i, -1, rowTotal, table.totals().rows());
				from[e] = 0;
				to[e] = 1 + i;
				grand += rowTotal;
			}
			for (int j = 0; j < c; j++) {
				long columnTotal = 0;
				for (int i = 0; i < r; i++) {
					columnTotal += table.counts()[i][j];
				}
				int e = columnTotal(j);
				set(e, Kind.COLUMN, -1, j, columnTotal, table.totals().columns());
				from[e] = 1 + r + j;
				to[e] = last;
			}
			int g = grandTotal();
			set(g, Kind.GRAND, -1, -1, grand, table.totals().grand());
			from[g] = last;
			to[g] = 0;
			circulation = new Circulation(last + 1, from, to);
		}

		private void set(int e, Kind k, int i, int j, long v, boolean isShown) {
			kind[e] = k;
			row[e] = i;
			column[e] = j;
			value[e] = v;
			shown[e] = isShown;
		}

		int cell(int i, int j) {
			return i * table.columns() + j;
		}

		int rowTotal(int i) {
			return table.rows() * table.columns() + i;
		}

		int columnTotal(int j) {
			return table.rows() * table.columns() + table.rows() + j;
		}

		int grandTotal() {
			return size - 1;
		}

		/** Whether a quantity is the table's overall total: never withheld to protect a cell (see the class). */
		boolean overall(int e) {
			return kind[e] == Kind.GRAND || (kind[e] == Kind.COLUMN && table.columns() == 1)
					|| (kind[e] == Kind.ROW && table.rows() == 1);
		}

		/** Whether two quantities meet at a row or a column: withholding one can cover the other. */
		boolean adjacent(int a, int b) {
			return (row[a] >= 0 && row[a] == row[b]) || (column[a] >= 0 && column[a] == column[b])
					|| (kind[a] == Kind.ROW && kind[b] == Kind.ROW) || (kind[a] == Kind.COLUMN && kind[b] == Kind.COLUMN);
		}
	}

	/** What someone who knows the rule can tell of a hidden quantity: its least and greatest value, and proof. */
	record Range(int quantity, long least, long greatest, long[] leastWitness, long[] greatestWitness) {
	}

	/** Publishes a table: small counts shown as such, enough others withheld that none can be worked out. */
	public Published publish(Table table) {
		Network network = new Network(table);
		State[] state = initial(network);
		while (true) {
			int exposed = firstExposed(network, state);
			if (exposed < 0) {
				return published(network, state, false);
			}
			int cover = cover(network, state, exposed);
			if (cover < 0) {
				return published(network, state, true);
			}
			state[cover] = State.WITHHELD;
		}
	}

	State[] initial(Network network) {
		State[] state = new State[network.size];
		for (int e = 0; e < network.size; e++) {
			long v = network.value[e];
			state[e] = !network.shown[e] ? State.NOT_SHOWN : v >= 1 && v < threshold ? State.SMALL : State.COUNT;
		}
		return state;
	}

	/** The states the published table stands for, as the audit reads them back. */
	static State[] states(Network network, Published published) {
		State[] state = new State[network.size];
		Arrays.fill(state, State.NOT_SHOWN);
		Table t = network.table;
		for (int i = 0; i < t.rows(); i++) {
			for (int j = 0; j < t.columns(); j++) {
				state[network.cell(i, j)] = state(published.cell(i, j));
			}
			if (t.totals().rows()) {
				state[network.rowTotal(i)] = state(published.rowTotals().get(i));
			}
		}
		for (int j = 0; j < t.columns() && t.totals().columns(); j++) {
			state[network.columnTotal(j)] = state(published.columnTotals().get(j));
		}
		if (published.grandTotal() != null) {
			state[network.grandTotal()] = state(published.grandTotal());
		}
		return state;
	}

	private static State state(Figure figure) {
		return switch (figure.shown()) {
			case COUNT -> State.COUNT;
			case SMALL -> State.SMALL;
			case WITHHELD -> State.WITHHELD;
		};
	}

	private int firstExposed(Network network, State[] state) {
		for (int e = 0; e < network.size; e++) {
			if (state[e] == State.SMALL) {
				Range range = range(network, state, e);
				if (range.greatest() - range.least() + 1 < PROTECTION) {
					return e;
				}
			}
		}
		return -1;
	}

	/** The smallest count beside the exposed one that may be withheld; failing that, the smallest anywhere. */
	private int cover(Network network, State[] state, int exposed) {
		int best = -1;
		for (boolean near : new boolean[] { true, false }) {
			for (int e = 0; e < network.size; e++) {
				if (state[e] == State.COUNT && network.value[e] >= threshold && !network.overall(e)
						&& (!near || network.adjacent(exposed, e))
						&& (best < 0 || network.value[e] < network.value[best])) {
					best = e;
				}
			}
			if (best >= 0) {
				return best;
			}
		}
		return -1;
	}

	long[] lower(Network network, State[] state) {
		long[] lower = new long[network.size];
		for (int e = 0; e < network.size; e++) {
			lower[e] = switch (state[e]) {
				case COUNT -> network.value[e];
				case SMALL -> 1;
				case WITHHELD -> threshold;
				case NOT_SHOWN -> 0;
			};
		}
		return lower;
	}

	long[] upper(Network network, State[] state) {
		long[] upper = new long[network.size];
		for (int e = 0; e < network.size; e++) {
			upper[e] = switch (state[e]) {
				case COUNT -> network.value[e];
				case SMALL -> threshold - 1;
				case WITHHELD, NOT_SHOWN -> UNBOUNDED;
			};
		}
		return upper;
	}

	/** The least and greatest value a small quantity can take given everything else shown, with a table for each. */
	Range range(Network network, State[] state, int quantity) {
		long[] lower = lower(network, state);
		long[] upper = upper(network, state);
		long[] least = null;
		long leastValue = 0;
		for (long v = lower[quantity]; v <= upper[quantity] && least == null; v++) {
			least = fixed(network, lower, upper, quantity, v);
			leastValue = v;
		}
		long[] greatest = null;
		long greatestValue = 0;
		for (long v = upper[quantity]; v >= lower[quantity] && greatest == null; v--) {
			greatest = fixed(network, lower, upper, quantity, v);
			greatestValue = v;
		}
		if (least == null || greatest == null) {
			throw new IllegalStateException("The table as counted does not satisfy its own totals");
		}
		return new Range(quantity, leastValue, greatestValue, least, greatest);
	}

	private static long @Nullable [] fixed(Network network, long[] lower, long[] upper, int quantity, long v) {
		long[] l = lower.clone();
		long[] u = upper.clone();
		l[quantity] = v;
		u[quantity] = v;
		return network.circulation.solve(l, u);
	}

	/** Every hidden small quantity of a published table, and what could be told of it. */
	List<Range> audit(Table table, Published published) {
		Network network = new Network(table);
		State[] state = states(network, published);
		List<Range> ranges = new ArrayList<>();
		if (published.withheld()) {
			return ranges;
		}
		for (int e = 0; e < network.size; e++) {
			if (state[e] == State.SMALL) {
				ranges.add(range(network, state, e));
			}
		}
		return ranges;
	}

	private Published published(Network network, State[] state, boolean withheld) {
		Table t = network.table;
		List<List<Figure>> cells = new ArrayList<>();
		for (int i = 0; i < t.rows(); i++) {
			List<Figure> row = new ArrayList<>();
			for (int j = 0; j < t.columns(); j++) {
				row.add(figure(network, state, network.cell(i, j), withheld));
			}
			cells.add(row);
		}
		List<Figure> rowTotals = new ArrayList<>();
		for (int i = 0; i < t.rows() && t.totals().rows(); i++) {
			rowTotals.add(figure(network, state, network.rowTotal(i), withheld));
		}
		List<Figure> columnTotals = new ArrayList<>();
		for (int j = 0; j < t.columns() && t.totals().columns(); j++) {
			columnTotals.add(figure(network, state, network.columnTotal(j), withheld));
		}
		Figure grand = t.totals().grand() ? figure(network, state, network.grandTotal(), withheld) : null;
		return new Published(cells, rowTotals, columnTotals, grand, withheld, threshold);
	}

	private static Figure figure(Network network, State[] state, int e, boolean withheld) {
		if (withheld) {
			return Figure.WITHHELD;
		}
		return switch (state[e]) {
			case COUNT, NOT_SHOWN -> Figure.of(network.value[e]);
			case SMALL -> Figure.SMALL;
			case WITHHELD -> Figure.WITHHELD;
		};
	}
}
