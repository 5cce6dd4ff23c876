package org.hearth.housing.allocation;

import java.util.Objects;

/**
 * A housing unit.
 *
 * @param released whether its mine-action area has been released; only released units may be allocated
 */
public record Unit(String id, String settlement, int rooms, boolean stepFree, boolean released) {

	public Unit {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(settlement, "settlement");
		if (rooms < 1) {
			throw new IllegalArgumentException("Unit " + id + ": rooms must be >= 1");
		}
	}
}
