package org.hearth.dialogue;

/**
 * Who may open a document, chosen by the secretariat when it is uploaded: minutes may name people, a joint
 * statement is meant for everyone. The default is the narrowest.
 */
public enum SharedWith {

	SECRETARIAT, OBSERVERS, PUBLIC;

	boolean visibleTo(Audience audience) {
		return switch (audience) {
			case SECRETARIAT -> true;
			case OBSERVER -> this != SECRETARIAT;
			case PUBLIC -> this == PUBLIC;
		};
	}
}
