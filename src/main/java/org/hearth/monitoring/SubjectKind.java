package org.hearth.monitoring;

/** What an observer's finding is about. */
public enum SubjectKind {

	INCIDENT, SITE,
	/** A commitment of the dialogue, referenced by its id; this module does not read the dialogue's records. */
	COMMITMENT
}
