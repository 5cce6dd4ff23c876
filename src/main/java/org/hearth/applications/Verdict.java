package org.hearth.applications;

/** A supervisor's answer to a recommendation. */
public enum Verdict {
	CONFIRMED, RETURNED
}
