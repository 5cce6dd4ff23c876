package org.hearth.housing.allocation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A household waiting for a home.
 *
 * @param priority points of urgency, higher is more urgent
 * @param size persons in the household
 * @param preferences settlement codes in order of preference, the settlement of origin first
 */
public record Household(String id, long priority, int size, boolean needsStepFree, List<String> preferences) {

	/** The most settlements a household may name. */
	public static final int MAX_PREFERENCES = 4;

	public Household {
		Objects.requireNonNull(id, "id");
		if (priority < 0) {
			throw new IllegalArgumentException("Household " + id + ": priority must be >= 0");
		}
		if (size < 1) {
			throw new IllegalArgumentException("Household " + id + ": size must be >= 1");
		}
		preferences = List.copyOf(preferences);
		if (preferences.isEmpty() || preferences.size() > MAX_PREFERENCES) {
			throw new IllegalArgumentException("Household " + id + ": 1 to " + MAX_PREFERENCES + " preferences");
		}
		if (new HashSet<>(preferences).size() != preferences.size()) {
			throw new IllegalArgumentException("Household " + id + ": duplicate preference");
		}
	}
}
