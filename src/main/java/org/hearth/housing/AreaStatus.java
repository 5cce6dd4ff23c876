package org.hearth.housing;

/** Where an area stands in mine action, as the mine-action database records it. */
public enum AreaStatus {

	/** Suspected hazardous area: contamination is suspected, not confirmed. */
	SUSPECTED_HAZARD,
	/** Confirmed hazardous area. */
	CONFIRMED_HAZARD,
	/** Released by survey or clearance, with a handover certificate: the only status in which homes may be offered. */
	RELEASED
}
