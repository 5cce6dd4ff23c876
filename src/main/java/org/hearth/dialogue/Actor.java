package org.hearth.dialogue;

import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a change, as the dialogue records it: the account (kept for the rules, never shown), the roles that
 * decide what they may do, and the one role the record names. The demo writes its history as demo accounts
 * without anyone signed in, hence a record of its own instead of {@link CurrentUser}.
 */
record Actor(UUID id, Set<Role> roles, @Nullable String office) {

	Actor {
		roles = Set.copyOf(roles);
	}

	static Actor of(CurrentUser user) {
		return new Actor(user.uuid(), user.roles(), user.office().map(o -> o.code()).orElse(null));
	}

	boolean has(Role role) {
		return roles.contains(role);
	}

	/** The role a change is recorded under: the secretariat's or the observer's when held, never a name. */
	String role() {
		if (has(Role.DIALOGUE_SECRETARIAT)) {
			return Role.DIALOGUE_SECRETARIAT.name();
		}
		if (has(Role.OBSERVER)) {
			return Role.OBSERVER.name();
		}
		return roles.stream().filter(Role::isStaff).map(Enum::name).sorted().findFirst().orElse("SYSTEM");
	}

	/** Meetings, groups, parties, commitments and statements are the secretariat's to record. */
	void requireSecretariat() {
		if (!has(Role.DIALOGUE_SECRETARIAT)) {
			throw new RuleViolationException("dialogue.error.secretariat-only");
		}
	}

	/** Verifying and disputing is the observers' alone: a third party's word, or it is worth nothing. */
	void requireObserver() {
		if (!has(Role.OBSERVER)) {
			throw new RuleViolationException("dialogue.error.observers-only");
		}
	}
}
