package org.hearth.monitoring;

/** A heritage site's condition as an assessment found it on the day. */
public enum Condition {

	INTACT, DAMAGED, DESTROYED,
	/** Repaired or rebuilt after damage. */
	RESTORED
}
