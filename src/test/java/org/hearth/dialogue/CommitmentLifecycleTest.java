package org.hearth.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hearth.dialogue.CommitmentStatus.AGREED;
import static org.hearth.dialogue.CommitmentStatus.FULFILLED;
import static org.hearth.dialogue.CommitmentStatus.IN_PROGRESS;
import static org.hearth.dialogue.CommitmentStatus.NOT_FULFILLED;
import static org.hearth.dialogue.CommitmentStatus.PARTLY_FULFILLED;
import static org.hearth.dialogue.CommitmentStatus.PROPOSED;
import static org.hearth.dialogue.CommitmentStatus.WITHDRAWN;

/**
 * The commitment's lifecycle and score as the aggregate guards them: every allowed change goes through, every other
 * is refused with a message that names the statuses that may follow; withdrawn only before the end; scores 0 to 3.
 */
class CommitmentLifecycleTest {

	static final Set<List<CommitmentStatus>> ALLOWED = Set.of(List.of(PROPOSED, AGREED), List.of(PROPOSED, WITHDRAWN),
			List.of(AGREED, IN_PROGRESS), List.of(AGREED, WITHDRAWN), List.of(IN_PROGRESS, FULFILLED),
			List.of(IN_PROGRESS, PARTLY_FULFILLED), List.of(IN_PROGRESS, NOT_FULFILLED), List.of(IN_PROGRESS, WITHDRAWN));

	static Commitment at(CommitmentStatus status, int score) {
		return new Commitment(UUID.randomUUID(), UUID.randomUUID(), DialogueFixtures.four("fuel"), null, status, score,
				List.of(UUID.randomUUID()), Instant.EPOCH, Instant.EPOCH, 3);
	}

	@Test
	void eachAllowedChangeGoesThroughAndKeepsTheRest() {
		for (List<CommitmentStatus> change : ALLOWED) {
			Commitment before = at(change.get(0), 1);
			Commitment after = before.movedTo(change.get(1));
			assertThat(after.status()).as(change.toString()).isEqualTo(change.get(1));
			assertThat(after.score()).isEqualTo(1);
			assertThat(after.version()).isEqualTo(before.version());
			assertThat(after.text()).isEqualTo(before.text());
		}
		assertThat(at(PROPOSED, 0).agree().start().fulfil().status()).isEqualTo(FULFILLED);
		assertThat(at(IN_PROGRESS, 0).fulfilPartly().status()).isEqualTo(PARTLY_FULFILLED);
		assertThat(at(IN_PROGRESS, 0).fail().status()).isEqualTo(NOT_FULFILLED);
	}

	@Test
	void everyOtherJumpIsRefusedNamingTheAllowedNextStatuses() {
		for (CommitmentStatus from : CommitmentStatus.values()) {
			for (CommitmentStatus to : CommitmentStatus.values()) {
				if (ALLOWED.contains(List.of(from, to))) {
					continue;
				}
				RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
						() -> at(from, 0).movedTo(to));
				assertThat(refused).as(from + " to " + to).isNotNull();
				if (from == to) {
					assertThat(refused.messageKey()).isEqualTo("dialogue.error.status-same");
				}
				else if (from.finished()) {
					assertThat(refused.messageKey()).isEqualTo("dialogue.error.status-final");
				}
				else {
					assertThat(refused.messageKey()).isEqualTo("dialogue.error.status-jump");
					DefaultMessageSourceResolvable allowed = (DefaultMessageSourceResolvable) refused.arguments()[2];
					assertThat(allowed.getCodes()).containsExactly("dialogue.join." + from.next().size());
					assertThat(Arrays.stream(allowed.getArguments()).map(a -> ((DefaultMessageSourceResolvable) a).getCode()))
							.containsExactlyElementsOf(from.next().stream().map(s -> "dialogue.status." + s.name()).toList());
				}
			}
		}
	}

	@Test
	void aProposedCommitmentCannotJumpToFulfilled() {
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> at(PROPOSED, 0).fulfil());
		assertThat(refused.messageKey()).isEqualTo("dialogue.error.status-jump");
		assertThat(((DefaultMessageSourceResolvable) refused.arguments()[0]).getCode()).isEqualTo("dialogue.status.PROPOSED");
		assertThat(((DefaultMessageSourceResolvable) refused.arguments()[1]).getCode()).isEqualTo("dialogue.status.FULFILLED");
	}

	@Test
	void withdrawnOnlyFromProposedAgreedOrInProgress() {
		Set<CommitmentStatus> withdrawable = EnumSet.noneOf(CommitmentStatus.class);
		for (CommitmentStatus from : CommitmentStatus.values()) {
			try {
				at(from, 0).withdraw();
				withdrawable.add(from);
			}
			catch (RuleViolationException refused) {
				// not from here
			}
		}
		assertThat(withdrawable).containsExactlyInAnyOrder(PROPOSED, AGREED, IN_PROGRESS);
		assertThat(WITHDRAWN.finished()).isTrue();
	}

	@Test
	void scoresRunFromZeroToThreeOnceAgreedAndUntilWithdrawn() {
		for (int score = 0; score <= 3; score++) {
			assertThat(at(IN_PROGRESS, score == 0 ? 1 : 0).scored(score).score()).isEqualTo(score);
		}
		for (int bad : new int[] { -1, 4, 100 }) {
			RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
					() -> at(IN_PROGRESS, 1).scored(bad));
			assertThat(refused.messageKey()).as("score " + bad).isEqualTo("dialogue.error.score-range");
			assertThat(refused.arguments()).containsExactly(0, 3);
		}
		assertThat(catchThrowableOfType(RuleViolationException.class, () -> at(IN_PROGRESS, 2).scored(2)).messageKey())
				.isEqualTo("dialogue.error.score-same");
		assertThat(catchThrowableOfType(RuleViolationException.class, () -> at(PROPOSED, 0).scored(1)).messageKey())
				.isEqualTo("dialogue.error.score-not-now");
		assertThat(catchThrowableOfType(RuleViolationException.class, () -> at(WITHDRAWN, 1).scored(2)).messageKey())
				.isEqualTo("dialogue.error.score-not-now");
		assertThat(at(FULFILLED, 2).scored(3).score()).isEqualTo(3);
	}

	@Test
	void overdueOnlyWhileOpenAndPastItsDueDate() {
		LocalDate today = LocalDate.of(2024, 1, 10);
		Commitment due = new Commitment(UUID.randomUUID(), UUID.randomUUID(), DialogueFixtures.four("fuel"),
				LocalDate.of(2024, 1, 9), IN_PROGRESS, 1, List.of(), Instant.EPOCH, Instant.EPOCH, 0);
		assertThat(due.overdue(today)).isTrue();
		assertThat(due.overdue(LocalDate.of(2024, 1, 9))).isFalse();
		assertThat(due.movedTo(FULFILLED).overdue(today)).isFalse();
		assertThat(at(IN_PROGRESS, 1).overdue(today)).as("no due date").isFalse();
	}

	@Test
	void verificationWithholdsVerifiedWhileAnyObserverDisputes() {
		assertThat(Verification.of(List.of())).isEqualTo(Verification.UNVERIFIED);
		assertThat(Verification.of(List.of(Verdict.VERIFIED))).isEqualTo(Verification.VERIFIED);
		assertThat(Verification.of(List.of(Verdict.VERIFIED, Verdict.DISPUTED))).isEqualTo(Verification.DISPUTED);
		assertThat(Verification.of(2, 0)).isEqualTo(Verification.VERIFIED);
		assertThat(Verification.of(2, 1)).isEqualTo(Verification.DISPUTED);
		assertThat(Verification.of(0, 0)).isEqualTo(Verification.UNVERIFIED);
	}
}
