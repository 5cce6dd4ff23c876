package org.hearth.dialogue;

import java.util.Arrays;
import java.util.List;

import org.hearth.shared.RuleViolationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where a commitment stands. Proposed at a meeting, agreed, in progress, then one of three outcomes; withdrawn
 * while it is not yet finished. Which status may follow which is written here once: the pages offer only what is
 * allowed, and {@link #to(CommitmentStatus)} refuses the rest with the allowed next statuses named.
 */
public enum CommitmentStatus {

	PROPOSED, AGREED, IN_PROGRESS, FULFILLED, PARTLY_FULFILLED, NOT_FULFILLED, WITHDRAWN;

	/** The statuses that may follow this one, in the lifecycle's order; none once it is finished. */
	public List<CommitmentStatus> next() {
		return switch (this) {
			case PROPOSED -> List.of(AGREED, WITHDRAWN);
			case AGREED -> List.of(IN_PROGRESS, WITHDRAWN);
			case IN_PROGRESS -> List.of(FULFILLED, PARTLY_FULFILLED, NOT_FULFILLED, WITHDRAWN);
			case FULFILLED, PARTLY_FULFILLED, NOT_FULFILLED, WITHDRAWN -> List.of();
		};
	}

	/** Nothing follows: the commitment was kept, partly kept, not kept, or withdrawn. */
	public boolean finished() {
		return next().isEmpty();
	}

	/** Still to be carried out: a due date that has passed makes it overdue. */
	public boolean open() {
		return this == PROPOSED || this == AGREED || this == IN_PROGRESS;
	}

	/** Implementation can be scored once the commitment is agreed, and no longer once it is withdrawn. */
	public boolean scorable() {
		return this != PROPOSED && this != WITHDRAWN;
	}

	/**
	 * The status after a change to {@code target}, if the lifecycle allows it; refused otherwise, with the
	 * statuses that may follow this one.
	 */
	CommitmentStatus to(CommitmentStatus target) {
		if (target == this) {
			throw new RuleViolationException("dialogue.error.status-same", label());
		}
		if (finished()) {
			throw new RuleViolationException("dialogue.error.status-final", label());
		}
		if (!next().contains(target)) {
			throw new RuleViolationException("dialogue.error.status-jump", label(), target.label(), list(next()));
		}
		return target;
	}

	/** The status's name in the reader's language, resolved when the message is shown. */
	public DefaultMessageSourceResolvable label() {
		return new DefaultMessageSourceResolvable("dialogue.status." + name());
	}

	/** Statuses named in the reader's language and joined as the language joins a list (a, b or c). */
	static DefaultMessageSourceResolvable list(List<CommitmentStatus> statuses) {
		return new DefaultMessageSourceResolvable(new String[] { "dialogue.join." + statuses.size() },
				statuses.stream().map(CommitmentStatus::label).toArray());
	}

	/** The status named {@code name}, or none. */
	public static java.util.Optional<CommitmentStatus> parse(String name) {
		return Arrays.stream(values()).filter(s -> s.name().equals(name.strip())).findFirst();
	}
}
