package org.hearth.dialogue;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who is reading, which decides what the dialogue shows: the secretariat sees everything it recorded, observers
 * see no personal data (participants and members by affiliation and role only), the public sees what observers
 * see minus the secretariat's working notes and the documents not shared with it.
 */
public enum Audience {

	SECRETARIAT, OBSERVER, PUBLIC;

	/** The audience of a signed-in person, or the public's when nobody is signed in or the role reads nothing more. */
	public static Audience of(@Nullable CurrentUser user) {
		if (user == null) {
			return PUBLIC;
		}
		if (user.has(Role.DIALOGUE_SECRETARIAT)) {
			return SECRETARIAT;
		}
		return user.has(Role.OBSERVER) ? OBSERVER : PUBLIC;
	}

	/** Whether names of participants and members may be shown. */
	public boolean seesNames() {
		return this == SECRETARIAT;
	}
}
