package org.hearth.housing;

/** An offer of one unit to one household. */
public enum OfferStatus {

	/** Waiting for the household's answer until the deadline. */
	OPEN,
	ACCEPTED,
	DECLINED,
	/** Not answered by the deadline: the unit went back to the pool. */
	EXPIRED,
	/** The unit's area stopped being released; the household was told why. Staff may reinstate it after release. */
	SUSPENDED,
	/** Keys handed over; the moved-in date follows. */
	HANDED_OVER;

	boolean isLive() {
		return this == OPEN || this == ACCEPTED || this == HANDED_OVER;
	}
}
