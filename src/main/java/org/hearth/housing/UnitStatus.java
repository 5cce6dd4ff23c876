package org.hearth.housing;

import java.util.Set;

/** A housing unit's lifecycle. Offers move it between READY, OFFERED, ALLOCATED and OCCUPIED; staff move the rest. */
public enum UnitStatus {

	PLANNED, UNDER_CONSTRUCTION, READY, OFFERED, ALLOCATED, OCCUPIED;

	/** The changes staff make by hand: construction goes forward, or back one step when damage is found. */
	public boolean canBeSetByStaffTo(UnitStatus next) {
		return switch (this) {
			case PLANNED -> next == UNDER_CONSTRUCTION;
			case UNDER_CONSTRUCTION -> Set.of(PLANNED, READY).contains(next);
			case READY -> next == UNDER_CONSTRUCTION;
			default -> false;
		};
	}
}
