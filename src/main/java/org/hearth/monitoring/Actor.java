package org.hearth.monitoring;

import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a change, as this module records it: the account (kept, never shown), the roles the rules are checked
 * against, and the office if any. The demo acts through the same rules with an actor of its own.
 */
record Actor(UUID id, Set<Role> roles, @Nullable String office) {

	Actor {
		roles = Set.copyOf(roles);
	}

	static Actor of(CurrentUser user) {
		return new Actor(user.uuid(), user.roles(), user.office().map(o -> o.code()).orElse(null));
	}

	boolean observer() {
		return roles.contains(Role.OBSERVER);
	}

	/** The role a change is recorded under: the observer's when held, else the secretariat's, else the first staff role. */
	String role() {
		if (roles.contains(Role.OBSERVER)) {
			return Role.OBSERVER.name();
		}
		if (roles.contains(Role.DIALOGUE_SECRETARIAT)) {
			return Role.DIALOGUE_SECRETARIAT.name();
		}
		return roles.stream().filter(Role::isStaff).map(Enum::name).sorted().findFirst().orElse("SYSTEM");
	}

	/** Observers and the dialogue secretariat record incidents, sites and visits; nobody else. */
	void requireMonitoringStaff() {
		if (!observer() && !roles.contains(Role.DIALOGUE_SECRETARIAT)) {
			throw new RuleViolationException("monitoring.error.staff-only");
		}
	}

	/** What only an independent observer may do: verify, assess, complete a visit, record a finding. */
	void requireObserver(String messageKey) {
		if (!observer()) {
			throw new RuleViolationException(messageKey);
		}
	}
}
