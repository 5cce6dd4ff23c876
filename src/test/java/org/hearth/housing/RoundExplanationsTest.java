package org.hearth.housing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hearth.housing.allocation.AllocationSolver;
import org.hearth.housing.allocation.Household;
import org.hearth.housing.allocation.Rules;
import org.hearth.housing.allocation.Unit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundExplanationsTest {

	static RoundFiles.Input input(List<Household> households, List<Unit> units) {
		return RoundFiles.parseInput(RoundFiles.input(1, Rules.defaults(), households, units));
	}

	@Test
	void aHouseholdThatNoUnitFitsIsToldSoAndOneOutrankedIsToldTheHomesWentToOthers() {
		List<Household> households = List.of(new Household("a", 50, 2, false, List.of("susa")),
				new Household("b", 0, 2, false, List.of("susa")), new Household("c", 10, 9, false, List.of("susa")),
				new Household("d", 10, 2, true, List.of("susa", "xocali")),
				new Household("e", 10, 2, false, List.of("hadrut")));
		List<Unit> units = List.of(new Unit("u1", "susa", 2, false, true), new Unit("u2", "susa", 2, true, false),
				new Unit("u3", "hadrut", 2, false, false));
		RoundFiles.Input input = input(households, units);
		Set<String> housed = Set.of("a");
		assertThat(AllocationSolver.solve(input.households(), input.units(), input.rules()).assignments())
				.extracting(a -> a.householdId()).containsExactly("a");

		Map<String, Rounds.Explanation> why = RoundExplanations.whyNotHoused(input, housed);
		assertThat(why).containsOnlyKeys("b", "c", "d", "e");
		assertThat(why.get("b")).isEqualTo(new Rounds.Explanation(RoundExplanations.TAKEN, List.of(1L)));
		assertThat(why.get("c")).isEqualTo(new Rounds.Explanation(RoundExplanations.NONE_FITS, List.of(9)));
		// The step-free unit is not released: it cannot count for anyone.
		assertThat(why.get("d")).isEqualTo(new Rounds.Explanation(RoundExplanations.NONE_FITS_STEP_FREE, List.of(2)));
		assertThat(why.get("e")).isEqualTo(new Rounds.Explanation(RoundExplanations.NONE_FITS, List.of(2)));
	}
}
