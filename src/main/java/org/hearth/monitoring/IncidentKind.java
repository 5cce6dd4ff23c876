package org.hearth.monitoring;

/** What kind of incident was reported. */
public enum IncidentKind {

	CEASEFIRE_VIOLATION,
	/** A threat or intimidation. */
	THREAT,
	PROPERTY_DAMAGE,
	/** Damage to a religious or cultural heritage site; the site is linked where it is in the register. */
	HERITAGE_DAMAGE,
	/** A mine or unexploded ordnance found, or an accident caused by one. */
	MINE_UXO,
	OTHER
}
