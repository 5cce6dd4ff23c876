package org.hearth.housing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hearth.housing.allocation.Household;
import org.hearth.housing.allocation.Rules;
import org.hearth.housing.allocation.Unit;

/**
 * Why a household of a round got no home, told from the round's published input alone, so that anyone holding the
 * input file can check it: either no unit of the round could house the household at all, or the units that could
 * went to households with a higher priority or a better match.
 */
final class RoundExplanations {

	/** No released ready unit in the preferred settlements has a size for the household. */
	static final String NONE_FITS = "housing.round.why.none-fits";
	/** As {@link #NONE_FITS}, for a household that needs a step-free home. */
	static final String NONE_FITS_STEP_FREE = "housing.round.why.none-fits-step-free";
	/** Fitting units existed and went to others; the argument is how many. */
	static final String TAKEN = "housing.round.why.taken";

	private RoundExplanations() {
	}

	/**
	 * The explanation for each household of the input that is not housed, by its pseudonym.
	 *
	 * @param housed pseudonyms of the households the round housed
	 */
	static Map<String, Rounds.Explanation> whyNotHoused(RoundFiles.Input input, Set<String> housed) {
		// Homes alike in settlement, rooms and step-free access are interchangeable: count them by kind once, so that
		// a round of many households and homes is explained in the time of households times kinds.
		Map<Kind, Long> kinds = new HashMap<>();
		for (Unit unit : input.units()) {
			if (unit.released()) {
				kinds.merge(new Kind(unit.settlement(), unit.rooms(), unit.stepFree()), 1L, Long::sum);
			}
		}
		Map<String, Rounds.Explanation> explanations = new LinkedHashMap<>();
		for (Household household : input.households()) {
			if (housed.contains(household.id())) {
				continue;
			}
			long fitting = kinds.entrySet().stream().filter(k -> k.getKey().fits(input.rules(), household))
					.mapToLong(Map.Entry::getValue).sum();
			if (fitting == 0) {
				explanations.put(household.id(), new Rounds.Explanation(
						household.needsStepFree() ? NONE_FITS_STEP_FREE : NONE_FITS, List.of(household.size())));
			}
			else {
				explanations.put(household.id(), new Rounds.Explanation(TAKEN, List.of(fitting)));
			}
		}
		return explanations;
	}

	/** A kind of released home; whether it could house a household is the solver's own test. */
	private record Kind(String settlement, int rooms, boolean stepFree) {

		boolean fits(Rules rules, Household household) {
			return household.preferences().contains(settlement) && rules.fits(household.size(), rooms)
					&& (stepFree || !household.needsStepFree());
		}
	}
}
