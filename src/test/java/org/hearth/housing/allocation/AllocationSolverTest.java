package org.hearth.housing.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AllocationSolverTest {

	private static final Rules RULES = Rules.defaults();

	@Test
	void matchesBruteForceOptimumAndTieRuleOnSmallInstances() {
		for (long seed = 1; seed <= 600; seed++) {
			Random random = new Random(seed);
			List<Household> households = randomHouseholds(random, random.nextInt(8), 2 + random.nextInt(2), 6);
			List<Unit> units = randomUnits(random, random.nextInt(7), 2 + random.nextInt(2));
			Result result = AllocationSolver.solve(households, units, RULES);
			String msg = "seed " + seed;

			assertValid(result, households, units, msg);
			BruteForce best = new BruteForce(households, units);
			assertThat(result.totalValue()).as(msg).isEqualTo(best.bestValue);
			assertThat(housedRanks(result, households)).as(msg + " housed set").isEqualTo(best.bestHoused);
			Collections.shuffle(households, random);
			Collections.shuffle(units, random);
			assertThat(AllocationSolver.solve(households, units, RULES)).as(msg + " shuffled").isEqualTo(result);
		}
	}

	@Test
	void matchesIndependentFlowOptimumOnMediumInstances() {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			List<Household> households = randomHouseholds(random, 60, 5, 30);
			List<Unit> units = randomUnits(random, 40, 5);
			Result result = AllocationSolver.solve(households, units, RULES);
			String msg = "seed " + seed;

			assertValid(result, households, units, msg);
			assertThat(result.totalValue()).as(msg).isEqualTo(augmentingPathOptimum(households, units));
			Collections.shuffle(households, random);
			Collections.shuffle(units, random);
			assertThat(AllocationSolver.solve(households, units, RULES)).as(msg + " shuffled").isEqualTo(result);
		}
	}

	@Test
	void respectsReleaseSizeAndStepFreeOnLargerInstances() {
		for (long seed = 1; seed <= 5; seed++) {
			Random random = new Random(seed);
			List<Household> households = randomHouseholds(random, 3000, 12, 101);
			List<Unit> units = randomUnits(random, 600, 12);
			Result result = AllocationSolver.solve(households, units, RULES);
			assertValid(result, households, units, "seed " + seed);
			assertThat(result.assignments()).as("seed " + seed).isNotEmpty();
		}
	}

	@Test
	void neverAssignsAnUnreleasedUnit() {
		List<Household> households = List.of(new Household("h", 50, 2, false, List.of("A")));
		List<Unit> units = List.of(new Unit("u", "A", 1, false, false));
		assertThat(AllocationSolver.solve(households, units, RULES)).isEqualTo(new Result(List.of(), 0));
	}

	@Test
	void housesAHouseholdWithoutPriorityPoints() {
		Result result = AllocationSolver.solve(List.of(new Household("h", 0, 1, false, List.of("B", "A"))),
				List.of(new Unit("u", "A", 1, false, true)), RULES);
		assertThat(result.assignments()).containsExactly(new Assignment("h", "u", 2, 3));
	}

	@Test
	void beatsGreedyFirstChoiceForTheMostUrgent() {
		// Greedy gives the unit in A to "urgent" (11 * 4 = 44) and leaves "local" without a home.
		List<Household> households = List.of(
				new Household("urgent", 10, 2, false, List.of("A", "B")),
				new Household("local", 9, 2, false, List.of("A")));
		List<Unit> units = List.of(new Unit("a1", "A", 1, false, true), new Unit("b1", "B", 1, false, true));

		Result result = AllocationSolver.solve(households, units, RULES);

		assertThat(result.totalValue()).isEqualTo(11 * 3 + 10 * 4).isGreaterThan(44);
		assertThat(result.assignments()).containsExactly(
				new Assignment("local", "a1", 1, 40), new Assignment("urgent", "b1", 2, 33));
	}

	@Test
	void tieGoesToTheHigherRankedHousehold() {
		// Both are worth 16: (3 + 1) * 4 for a first choice, (7 + 1) * 2 for a third choice.
		List<Household> households = List.of(
				new Household("first-choice", 3, 1, false, List.of("A")),
				new Household("third-choice", 7, 1, false, List.of("X", "Y", "A")));
		List<Unit> units = List.of(new Unit("a1", "A", 1, false, true));

		assertThat(AllocationSolver.solve(households, units, RULES).assignments())
				.containsExactly(new Assignment("third-choice", "a1", 3, 16));
	}

	@Test
	void equalPriorityTieGoesToTheSmallerIdAndUnitsGoOutInIdOrder() {
		List<Household> households = List.of(
				new Household("c", 5, 1, false, List.of("A")),
				new Household("b", 5, 1, false, List.of("A")),
				new Household("a", 5, 1, false, List.of("A")));
		List<Unit> units = List.of(new Unit("u2", "A", 1, false, true), new Unit("u1", "A", 1, false, true));

		assertThat(AllocationSolver.solve(households, units, RULES).assignments()).containsExactly(
				new Assignment("a", "u1", 1, 24), new Assignment("b", "u2", 1, 24));
	}

	@Test
	void rejectsDuplicateIds() {
		Household h = new Household("h", 1, 1, false, List.of("A"));
		assertThatThrownBy(() -> AllocationSolver.solve(List.of(h, h), List.of(), RULES))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate household id h");
	}

	private static List<Household> randomHouseholds(Random random, int count, int settlements, int priorities) {
		List<Household> households = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> all = new ArrayList<>(settlementCodes(settlements));
			Collections.shuffle(all, random);
			int prefs = 1 + random.nextInt(Math.min(Household.MAX_PREFERENCES, settlements));
			households.add(new Household("h" + i, random.nextInt(priorities), 1 + random.nextInt(6),
					random.nextInt(4) == 0, all.subList(0, prefs)));
		}
		return households;
	}

	private static List<Unit> randomUnits(Random random, int count, int settlements) {
		List<String> codes = settlementCodes(settlements);
		List<Unit> units = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			units.add(new Unit("u" + i, codes.get(random.nextInt(settlements)), 1 + random.nextInt(4),
					random.nextInt(3) == 0, random.nextInt(5) != 0));
		}
		return units;
	}

	private static List<String> settlementCodes(int count) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			codes.add(String.valueOf((char) ('A' + i)));
		}
		return codes;
	}

	/** The value of the pair under the default rules, computed independently of the solver, or -1 if infeasible. */
	private static long value(Household h, Unit u) {
		int rank = h.preferences().indexOf(u.settlement());
		boolean fits = h.size() >= Math.max(1, u.rooms() - 1) && h.size() <= 2 * u.rooms();
		if (!u.released() || rank < 0 || !fits || (h.needsStepFree() && !u.stepFree())) {
			return -1;
		}
		return (h.priority() + 1) * new int[] {4, 3, 2, 1}[rank];
	}

	private static void assertValid(Result result, List<Household> households, List<Unit> units, String msg) {
		Map<String, Household> byId = new HashMap<>();
		households.forEach(h -> byId.put(h.id(), h));
		Map<String, Unit> unitById = new HashMap<>();
		units.forEach(u -> unitById.put(u.id(), u));
		Set<String> usedUnits = new HashSet<>();
		long total = 0;
		String previous = "";
		for (Assignment a : result.assignments()) {
			Household h = byId.get(a.householdId());
			Unit u = unitById.get(a.unitId());
			assertThat(a.householdId()).as(msg + " sorted, each household once").isGreaterThan(previous);
			assertThat(usedUnits.add(a.unitId())).as(msg + " unit once: " + a).isTrue();
			assertThat(u.released()).as(msg + " released: " + a).isTrue();
			assertThat(value(h, u)).as(msg + " feasible with stated value: " + a).isEqualTo(a.value());
			assertThat(h.preferences().get(a.preferenceRank() - 1)).as(msg + " rank: " + a).isEqualTo(u.settlement());
			previous = a.householdId();
			total += a.value();
		}
		assertThat(result.totalValue()).as(msg + " total").isEqualTo(total);
	}

	/** Bit i set iff the household at position i of the ranking (priority desc, id asc) is housed. */
	private static long housedRanks(Result result, List<Household> households) {
		List<Household> ranked = ranked(households);
		long mask = 0;
		for (Assignment a : result.assignments()) {
			for (int i = 0; i < ranked.size(); i++) {
				if (ranked.get(i).id().equals(a.householdId())) {
					mask |= 1L << i;
				}
			}
		}
		return mask;
	}

	private static List<Household> ranked(List<Household> households) {
		List<Household> ranked = new ArrayList<>(households);
		ranked.sort((x, y) -> x.priority() != y.priority() ? Long.compare(y.priority(), x.priority()) : x.id().compareTo(y.id()));
		return ranked;
	}

	/** Enumerates every matching; keeps the best value and, among those, the lexicographically first housed set. */
	private static final class BruteForce {
		private final List<Household> ranked;
		private final List<Unit> units;
		private final boolean[] used;
		long bestValue = -1;
		long bestHoused;

		BruteForce(List<Household> households, List<Unit> units) {
			this.ranked = ranked(households);
			this.units = units;
			this.used = new boolean[units.size()];
			search(0, 0, 0);
		}

		private void search(int i, long value, long housed) {
			if (i == ranked.size()) {
				if (value > bestValue || (value == bestValue && lexicographicallyFirst(housed, bestHoused))) {
					bestValue = value;
					bestHoused = housed;
				}
				return;
			}
			search(i + 1, value, housed);
			for (int j = 0; j < units.size(); j++) {
				long v = value(ranked.get(i), units.get(j));
				if (used[j] || v < 0) {
					continue;
				}
				used[j] = true;
				search(i + 1, value + v, housed | 1L << i);
				used[j] = false;
			}
		}

		private static boolean lexicographicallyFirst(long a, long b) {
			long differ = a ^ b;
			return differ != 0 && (a & Long.lowestOneBit(differ)) != 0;
		}
	}

	/** Maximum-weight matching on individual units by best-gain augmenting paths (Bellman-Ford), for cross-checking. */
	private static long augmentingPathOptimum(List<Household> households, List<Unit> units) {
		int n = households.size();
		int m = units.size();
		long[][] w = new long[n][m];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				w[i][j] = value(households.get(i), units.get(j));
			}
		}
		int[] unitOf = new int[n];
		int[] householdOf = new int[m];
		Arrays.fill(unitOf, -1);
		Arrays.fill(householdOf, -1);
		long total = 0;
		while (true) {
			// gain[j]: best gain of an alternating path from a free household ending by entering unit j.
			long[] gain = new long[m];
			int[] from = new int[m];
			Arrays.fill(gain, Long.MIN_VALUE);
			for (boolean changed = true; changed; ) {
				changed = false;
				for (int i = 0; i < n; i++) {
					long base;
					if (unitOf[i] < 0) {
						base = 0;
					}
					else if (gain[unitOf[i]] == Long.MIN_VALUE) continue;
					else base = gain[unitOf[i]] - w[i][unitOf[i]];
					for (int j = 0; j < m; j++) {
						if (w[i][j] < 0 || j == unitOf[i] || base + w[i][j] <= gain[j]) {
							continue;
						}
						gain[j] = base + w[i][j];
						from[j] = i;
						changed = true;
					}
				}
			}
			int bestUnit = -1;
			long best = 0;
			for (int j = 0; j < m; j++) {
				long g = householdOf[j] < 0 ? gain[j] : gain[j] == Long.MIN_VALUE ? Long.MIN_VALUE : gain[j] - w[householdOf[j]][j];
				if (g > best) {
					best = g;
					bestUnit = j;
				}
			}
			if (bestUnit < 0) {
				return total;
			}
			if (householdOf[bestUnit] >= 0) {
				unitOf[householdOf[bestUnit]] = -1;
			}
			for (int j = bestUnit; j >= 0; ) {
				int i = from[j];
				int previous = unitOf[i];
				unitOf[i] = j;
				householdOf[j] = i;
				j = previous;
			}
			total += best;
		}
	}
}
