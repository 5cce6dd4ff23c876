package org.hearth.monitoring;

import java.util.EnumSet;
import java.util.Set;

import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * How far observers have verified an incident, and which change may follow which. An incident starts unverified and
 * never returns there: once observers have looked, that is on the record. A verified or unfounded incident can only
 * be disputed again (new evidence), and a disputed one settled either way; so reversing a conclusion always passes
 * through a dispute that says why. The database keeps the same transitions (migration monitoring/V1).
 */
public enum Verification {

	/** Recorded as reported; no observer has concluded anything yet. */
	UNVERIFIED,
	/** Observers confirmed it happened as recorded. */
	VERIFIED,
	/** Observers found the account contested or contradicted by what they saw or learned. */
	DISPUTED,
	/** Observers established that it did not happen as reported. */
	UNFOUNDED;

	/** The statuses this one may change to, in the order the page offers them. */
	public Set<Verification> next() {
		return switch (this) {
			case UNVERIFIED -> EnumSet.of(VERIFIED, DISPUTED, UNFOUNDED);
			case DISPUTED -> EnumSet.of(VERIFIED, UNFOUNDED);
			case VERIFIED, UNFOUNDED -> EnumSet.of(DISPUTED);
		};
	}

	/**
	 * Whether a change to {@code to} needs a note: a dispute and a finding of unfounded always say why, and so does
	 * every change after the first conclusion, which revises it. Only a first verification may go without.
	 */
	public boolean needsNote(Verification to) {
		return to == DISPUTED || to == UNFOUNDED || this != UNVERIFIED;
	}

	/** The status after the change, if the lifecycle allows it and the note it needs is there. */
	Verification changeTo(Verification to, @Nullable String note) {
		if (to == this) {
			throw new RuleViolationException("monitoring.error.verification-same", label());
		}
		if (!next().contains(to)) {
			throw new RuleViolationException("monitoring.error.verification-transition", label(), to.label());
		}
		if (needsNote(to) && (note == null || note.isBlank())) {
			throw new RuleViolationException("monitoring.error.verification-note", to.label());
		}
		return to;
	}

	/** The status's name in the reader's language, resolved when the message is shown. */
	public DefaultMessageSourceResolvable label() {
		return new DefaultMessageSourceResolvable("monitoring.verification." + name());
	}
}
