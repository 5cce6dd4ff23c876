package org.hearth.dialogue;

/** How a meeting was held. */
public enum MeetingFormat {

	IN_PERSON, ONLINE,
	/** A mediator carrying messages between delegations that do not sit together. */
	SHUTTLE,
	/** Some in the room, some online. */
	MIXED
}
