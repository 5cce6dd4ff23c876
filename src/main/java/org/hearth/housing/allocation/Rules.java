package org.hearth.housing.allocation;

import java.util.Arrays;

/**
 * The policy of a round.
 *
 * <p>A unit of {@code r} rooms fits {@code s} persons iff {@code max(1, r - minPersonsPerRoomOffset) <= s <= maxPersonsPerRoom * r}:
 * with the defaults (1 and 2) a 3-room unit houses 2 to 6 persons, so large units do not go to single persons and
 * no room holds more than two.
 *
 * @param preferenceWeights weight by preference rank (index 0 = first choice), each positive
 */
public record Rules(int[] preferenceWeights, int minPersonsPerRoomOffset, int maxPersonsPerRoom) {

	public Rules {
		preferenceWeights = preferenceWeights.clone();
		if (preferenceWeights.length < Household.MAX_PREFERENCES) {
			throw new IllegalArgumentException("need a weight for each of " + Household.MAX_PREFERENCES + " preferences");
		}
		for (int w : preferenceWeights) {
			if (w < 1) {
				throw new IllegalArgumentException("preference weights must be positive");
			}
		}
		if (minPersonsPerRoomOffset < 0 || maxPersonsPerRoom < 1) {
			throw new IllegalArgumentException("size bounds must be minPersonsPerRoomOffset >= 0, maxPersonsPerRoom >= 1");
		}
	}

	public static Rules defaults() {
		return new Rules(new int[] {4, 3, 2, 1}, 1, 2);
	}

	@Override
	public int[] preferenceWeights() {
		return preferenceWeights.clone();
	}

	int weight(int rank) {
		return preferenceWeights[rank];
	}

	/** Whether a unit of {@code rooms} rooms houses {@code persons} persons under these rules. */
	public boolean fits(int persons, int rooms) {
		return persons >= Math.max(1, rooms - minPersonsPerRoomOffset) && persons <= (long) maxPersonsPerRoom * rooms;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Rules r && Arrays.equals(preferenceWeights, r.preferenceWeights)
				&& minPersonsPerRoomOffset == r.minPersonsPerRoomOffset && maxPersonsPerRoom == r.maxPersonsPerRoom;
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(preferenceWeights) + minPersonsPerRoomOffset) + maxPersonsPerRoom;
	}

	@Override
	public String toString() {
		return "Rules[preferenceWeights=" + Arrays.toString(preferenceWeights) + ", minPersonsPerRoomOffset="
				+ minPersonsPerRoomOffset + ", maxPersonsPerRoom=" + maxPersonsPerRoom + "]";
	}
}
