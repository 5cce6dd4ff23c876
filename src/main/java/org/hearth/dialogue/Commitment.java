package org.hearth.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.shared.LocalizedText;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A promise made at the talks: its text in the four languages, the parties responsible, the meeting that produced
 * it, a due date, where it stands and how far it is implemented. The aggregate owns its workflow: each change is a
 * guarded method that returns the commitment as it is after the change, or refuses; {@link Commitments} writes
 * the result with its claim, history and log entry.
 *
 * @param score implementation as the Peace Accords Matrix scores it: 0 not initiated, 1 minimal, 2 intermediate,
 *        3 complete
 * @param version the version a page showed; a change of another is a conflict
 */
public record Commitment(UUID id, UUID meeting, LocalizedText text, @Nullable LocalDate dueOn,
		CommitmentStatus status, int score, List<UUID> parties, Instant createdAt, Instant updatedAt, long version) {

	/** The lowest and highest scores of the Peace Accords Matrix. */
	public static final int MIN_SCORE = 0;
	public static final int MAX_SCORE = 3;

	public Commitment {
		parties = List.copyOf(parties);
	}

	/** The parties to the meeting agreed to it. */
	Commitment agree() {
		return movedTo(CommitmentStatus.AGREED);
	}

	/** Work on it has begun. */
	Commitment start() {
		return movedTo(CommitmentStatus.IN_PROGRESS);
	}

	Commitment fulfil() {
		return movedTo(CommitmentStatus.FULFILLED);
	}

	Commitment fulfilPartly() {
		return movedTo(CommitmentStatus.PARTLY_FULFILLED);
	}

	Commitment fail() {
		return movedTo(CommitmentStatus.NOT_FULFILLED);
	}

	/** Taken back before it was carried out: from proposed, agreed or in progress only. */
	Commitment withdraw() {
		return movedTo(CommitmentStatus.WITHDRAWN);
	}

	/** The commitment at {@code next}, if the lifecycle allows the change (see {@link CommitmentStatus#next()}). */
	Commitment movedTo(CommitmentStatus next) {
		return new Commitment(id, meeting, text, dueOn, status.to(next), score, parties, createdAt, updatedAt,
				version);
	}

	/** The commitment scored anew: 0 to 3, a different score, and only while its implementation can be scored. */
	Commitment scored(int next) {
		if (next < MIN_SCORE || next > MAX_SCORE) {
			throw new RuleViolationException("dialogue.error.score-range", MIN_SCORE, MAX_SCORE);
		}
		if (!status.scorable()) {
			throw new RuleViolationException("dialogue.error.score-not-now", status.label());
		}
		if (next == score) {
			throw new RuleViolationException("dialogue.error.score-same", score);
		}
		return new Commitment(id, meeting, text, dueOn, status, next, parties, createdAt, updatedAt, version);
	}

	/** Its text, due date and parties corrected; what it was stays in the history. */
	Commitment revised(LocalizedText newText, @Nullable LocalDate newDueOn, List<UUID> newParties) {
		return new Commitment(id, meeting, newText, newDueOn, status, score, newParties, createdAt, updatedAt,
				version);
	}

	/** Due before {@code today} and not yet carried out. */
	public boolean overdue(LocalDate today) {
		return dueOn != null && dueOn.isBefore(today) && status.open();
	}
}
