package org.hearth.housing;

/** Where a household admitted to the programme stands. */
public enum HouseholdStatus {

	/** Waiting for a home: taken into the next round that covers one of its settlements. */
	WAITING,
	/** Has an open offer. */
	OFFERED,
	/** Accepted an offer; waiting for the keys. */
	ALLOCATED,
	MOVED_IN,
	WITHDRAWN
}
