package org.hearth.housing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published priority formula: points for each verified need, points per full year waiting (capped), and points
 * when the round covers the settlement of origin. The parts are kept, so a household sees how its score was made.
 */
final class Priority {

	/** The parts of the formula in the order they are shown. */
	static final List<String> ORDER = java.util.stream.Stream.concat(HousingProperties.NEEDS.stream(),
			java.util.stream.Stream.of("years-waiting", "origin")).toList();

	private Priority() {
	}

	/** The parts of a household's score, by name, in the order shown. */
	static Map<String, Integer> points(HousingProperties policy, List<String> needs, LocalDate registeredOn,
			LocalDate roundDate, String origin, Set<String> roundSettlements) {
		Map<String, Integer> points = new LinkedHashMap<>();
		for (String need : HousingProperties.NEEDS) {
			if (needs.contains(need)) {
				points.put(need, policy.needPoints(need));
			}
		}
		long years = Math.min(policy.maxYearsWaiting(), Math.max(0, ChronoUnit.YEARS.between(registeredOn, roundDate)));
		points.put("years-waiting", (int) years * policy.pointsPerYearWaiting());
		points.put("origin", roundSettlements.contains(origin) ? policy.originPoints() : 0);
		return points;
	}

	static int total(Map<String, Integer> points) {
		return points.values().stream().mapToInt(Integer::intValue).sum();
	}
}
