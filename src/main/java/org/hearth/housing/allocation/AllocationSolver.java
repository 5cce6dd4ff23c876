package org.hearth.housing.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Allocates units to households so that the total value {@code sum((priority + 1) * weight(rank))} is maximal;
 * the {@code + 1} lets a household without priority points still be housed when nobody more urgent can use the unit.
 *
 * <p>The optimum is exact, not greedy. Units that agree on settlement, rooms, step-free access and release are
 * interchangeable, so the solver matches households to these few hundred classes ({@link ClassMatching}) and only
 * then hands out concrete units.
 *
 * <p><b>Ties.</b> Households are ranked by priority descending, then id ascending. Among all allocations of maximal
 * value the solver houses the set of households that is lexicographically first in that ranking: walking down the
 * ranking, a household is housed whenever some maximal allocation houses it together with all households housed
 * before it. (A bonus {@code n - position} per housed household, scaled below one unit of value, enforces this
 * exactly because matchable sets form a matroid.) When a housed household could equally well get one of several
 * classes, the choice follows the solver's fixed search order over the canonically ordered input. Within a class,
 * households in ranking order receive units in id order. The result therefore depends only on the input's content.
 */
public final class AllocationSolver {

	/** Names the algorithm and tie rule; record it with each round. */
	public static final String ALGORITHM_VERSION =
			"hungarian-insertion-over-unit-classes/1; ties: lexicographically first housed set by (priority desc, id asc), units by id";

	/** Primary values above this would not fit beside the tie-breaking bonus. */
	private static final long MAX_VALUE_PER_PAIR = 1L << 30;

	private static final Comparator<Household> RANKING =
			Comparator.comparingLong(Household::priority).reversed().thenComparing(Household::id);

	private record UnitClass(String settlement, int rooms, boolean stepFree) {
	}

	private static final Comparator<UnitClass> CLASS_ORDER = Comparator.comparing(UnitClass::settlement)
			.thenComparingInt(UnitClass::rooms).thenComparing(UnitClass::stepFree);

	private AllocationSolver() {
	}

	public static Result solve(List<Household> households, List<Unit> units, Rules rules) {
		Objects.requireNonNull(rules, "rules");
		List<Household> ranked = households.stream().sorted(RANKING).toList();
		requireUniqueIds(ranked.stream().map(Household::id).toList(), "household");
		requireUniqueIds(units.stream().map(Unit::id).toList(), "unit");

		TreeMap<UnitClass, List<Unit>> byClass = new TreeMap<>(CLASS_ORDER);
		for (Unit u : units) {
			if (u.released()) {
				byClass.computeIfAbsent(new UnitClass(u.settlement(), u.rooms(), u.stepFree()), c -> new ArrayList<>()).add(u);
			}
		}
		List<UnitClass> classes = List.copyOf(byClass.keySet());
		List<List<Unit>> classUnits = new ArrayList<>();
		Map<String, List<Integer>> classesBySettlement = new HashMap<>();
		int[] capacity = new int[classes.size()];
		for (int c = 0; c < classes.size(); c++) {
			List<Unit> members = new ArrayList<>(byClass.get(classes.get(c)));
			members.sort(Comparator.comparing(Unit::id));
			classUnits.add(members);
			capacity[c] = members.size();
			classesBySettlement.computeIfAbsent(classes.get(c).settlement(), s -> new ArrayList<>()).add(c);
		}

		int n = ranked.size();
		int[] edgeStart = new int[n + 1];
		IntList edgeClass = new IntList();
		IntList primary = new IntList();
		IntList rank = new IntList();
		long maxPrimary = 0;
		for (int h = 0; h < n; h++) {
			Household hh = ranked.get(h);
			for (int r = 0; r < hh.preferences().size(); r++) {
				long value = value(hh, r, rules);
				for (int c : classesBySettlement.getOrDefault(hh.preferences().get(r), List.of())) {
					UnitClass uc = classes.get(c);
					if (rules.fits(hh.size(), uc.rooms()) && (uc.stepFree() || !hh.needsStepFree())) {
						edgeClass.add(c);
						primary.add((int) value);
						rank.add(r);
						maxPrimary = Math.max(maxPrimary, value);
					}
				}
			}
			edgeStart[h + 1] = edgeClass.size();
		}

		long scale = scale(n, Arrays.stream(capacity).asLongStream().sum(), maxPrimary);
		int[] chosen = new ClassMatching(edgeStart, edgeClass.toArray(), primary.toArray(), scale, capacity).solve();

		int[] handedOut = new int[classes.size()];
		List<Assignment> assignments = new ArrayList<>();
		long total = 0;
		for (int h = 0; h < n; h++) {
			int e = chosen[h];
			if (e < 0) {
				continue;
			}
			int c = edgeClass.get(e);
			Unit unit = classUnits.get(c).get(handedOut[c]++);
			assignments.add(new Assignment(ranked.get(h).id(), unit.id(), rank.get(e) + 1, primary.get(e)));
			total += primary.get(e);
		}
		assignments.sort(Comparator.comparing(Assignment::householdId));
		return new Result(assignments, total);
	}

	private static long value(Household h, int rank, Rules rules) {
		long weight = rules.weight(rank);
		if (h.priority() >= MAX_VALUE_PER_PAIR / weight) {
			throw new IllegalArgumentException("Household " + h.id() + ": priority too large");
		}
		return (h.priority() + 1) * weight;
	}

	/**
	 * The factor that puts one unit of value above any difference in the tie-breaking bonus: at most
	 * {@code min(n, units)} households are housed, and their bonuses {@code n - position} sum to less than it.
	 */
	private static long scale(int n, long units, long maxPrimary) {
		long m = Math.min(n, units);
		try {
			long scale = Math.addExact(Math.subtractExact(Math.multiplyExact(m, n), m * (m - 1) / 2), 1);
			// Dijkstra sums up to three weights; keep them clear of overflow.
			long maxWeight = Math.addExact(Math.multiplyExact(maxPrimary, scale), n);
			Math.multiplyExact(maxWeight, 4);
			return scale;
		} catch (ArithmeticException e) {
			throw new IllegalArgumentException("Instance too large for exact tie-breaking: " + n + " households, "
					+ units + " units, values up to " + maxPrimary, e);
		}
	}

	private static void requireUniqueIds(List<String> ids, String kind) {
		HashSet<String> seen = new HashSet<>();
		for (String id : ids) {
			if (!seen.add(id)) {
				throw new IllegalArgumentException("Duplicate " + kind + " id " + id);
			}
		}
	}

	/** A growable int array: edge lists for 200,000 households should not be boxed. */
	private static final class IntList {
		private int[] items = new int[1024];
		private int size;

		void add(int value) {
			if (size == items.length) {
				items = Arrays.copyOf(items, size * 2);
			}
			items[size++] = value;
		}

		int get(int index) {
			return items[index];
		}

		int size() {
			return size;
		}

		int[] toArray() {
			return Arrays.copyOf(items, size);
		}
	}
}
