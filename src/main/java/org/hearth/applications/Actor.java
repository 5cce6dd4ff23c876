package org.hearth.applications;

import org.hearth.identity.AccountId;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who does something to an application, as the history records it: the role and office, never the name. The
 * account id is kept for the four-eyes rule and for assignment, not shown to applicants.
 */
public record Actor(AccountId account, Role role, @Nullable OfficeId office) {

	public static Actor applicant(CurrentUser user) {
		return new Actor(user.id(), Role.APPLICANT, null);
	}

	/** A member of staff acting in {@code role}, which they must hold. */
	public static Actor staff(CurrentUser user, Role role) {
		if (!user.has(role)) {
			throw new org.springframework.security.access.AccessDeniedException("not a " + role);
		}
		return new Actor(user.id(), role, user.office().orElse(null));
	}
}
