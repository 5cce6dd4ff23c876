package org.hearth.housing.allocation;

/**
 * One household housed in one unit.
 *
 * @param preferenceRank position of the unit's settlement in the household's preferences, 1 = first choice
 * @param value {@code (priority + 1) * weight(preferenceRank)}
 */
public record Assignment(String householdId, String unitId, int preferenceRank, long value) {
}
