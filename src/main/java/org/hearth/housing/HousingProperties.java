package org.hearth.housing;

import java.util.List;
import java.util.Map;

import org.hearth.housing.allocation.Rules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The programme's published policy ({@code hearth.housing.*}): the priority formula, how unit size must fit the
 * household, the weight of each preference and how long an offer stays open. Applicants see these numbers.
 *
 * @param needPoints points per need declared and verified: disability, elderly, serious-illness, single-parent
 * @param pointsPerYearWaiting points per full year since registration
 * @param maxYearsWaiting years waiting beyond this count no more
 * @param originPoints points when the round covers the household's settlement of origin
 * @param preferenceWeights weight of the first to fourth preference in the matching
 * @param minPersonsPerRoomOffset a unit of r rooms houses at least r minus this many persons
 * @param maxPersonsPerRoom and at most this many per room
 * @param offerDays days a household has to answer an offer
 */
@ConfigurationProperties("hearth.housing")
public record HousingProperties(
		@org.jspecify.annotations.Nullable Map<String, Integer> needPoints,
		@DefaultValue("5") int pointsPerYearWaiting, @DefaultValue("10") int maxYearsWaiting,
		@DefaultValue("15") int originPoints, @DefaultValue({"4", "3", "2", "1"}) List<Integer> preferenceWeights,
		@DefaultValue("1") int minPersonsPerRoomOffset, @DefaultValue("2") int maxPersonsPerRoom,
		@DefaultValue("14") int offerDays) {

	/** The needs a registration can declare, in the order they are shown. */
	public static final List<String> NEEDS = List.of("disability", "elderly", "serious-illness", "single-parent");

	public HousingProperties {
		needPoints = needPoints == null ? Map.of("disability", 30, "elderly", 20, "serious-illness", 30, "single-parent", 20)
				: Map.copyOf(needPoints);
		for (String need : NEEDS) {
			if (needPoints.getOrDefault(need, -1) < 0) {
				throw new IllegalArgumentException("hearth.housing.need-points." + need + " must be set and >= 0");
			}
		}
		if (pointsPerYearWaiting < 0 || maxYearsWaiting < 0 || originPoints < 0 || offerDays < 1) {
			throw new IllegalArgumentException("hearth.housing: points must be >= 0 and offer-days >= 1");
		}
		preferenceWeights = List.copyOf(preferenceWeights);
		rules(preferenceWeights, minPersonsPerRoomOffset, maxPersonsPerRoom);
	}

	public Rules rules() {
		return rules(preferenceWeights, minPersonsPerRoomOffset, maxPersonsPerRoom);
	}

	private static Rules rules(List<Integer> weights, int offset, int perRoom) {
		return new Rules(weights.stream().mapToInt(Integer::intValue).toArray(), offset, perRoom);
	}

	public int needPoints(String need) {
		return needPoints.getOrDefault(need, 0);
	}
}
