package org.hearth.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members of the secretariat change one commitment at the same moment, from the same page: one change is
 * written, the other is refused as a conflict (409) and leaves no claim, history row or log entry behind.
 */
@HearthTest
class ConcurrentCommitmentTest {

	@Autowired
	Commitments commitments;

	@Autowired
	Claims claims;

	@Autowired
	DialogueFixtures fixtures;

	@Test
	void ofTwoChangesFromTheSamePageOneWinsAndTheOtherIsAConflict() throws Exception {
		for (int round = 0; round < 5; round++) {
			Commitment c = fixtures.commitment();
			CurrentUser first = fixtures.newSecretariat();
			CurrentUser second = fixtures.newSecretariat();
			List<Callable<Commitment>> attempts = List.of(
					() -> commitments.changeStatus(first, c.id(), c.version(), CommitmentStatus.AGREED, "Agreed."),
					() -> commitments.changeStatus(second, c.id(), c.version(), CommitmentStatus.WITHDRAWN, "Withdrawn."));
			List<UserFacingException> refusals = race(attempts);
			assertThat(refusals).singleElement().satisfies(refused -> {
				assertThat(refused.status()).isEqualTo(409);
				assertThat(refused.messageKey()).isEqualTo("dialogue.error.changed-meanwhile");
			});
			Commitment after = commitments.commitment(c.id());
			assertThat(after.version()).isEqualTo(c.version() + 1);
			assertThat(claims.claims(c.id())).singleElement()
					.satisfies(claim -> assertThat(claim.status()).isEqualTo(after.status()));
			assertThat(commitments.history(c.id())).hasSize(2);
		}
	}

	private static List<UserFacingException> race(List<Callable<Commitment>> attempts) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		try {
			List<Future<UserFacingException>> results = new ArrayList<>();
			for (Callable<Commitment> attempt : attempts) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						attempt.call();
						return null;
					}
					catch (UserFacingException refused) {
						return refused;
					}
				}));
			}
			start.countDown();
			List<UserFacingException> refusals = new ArrayList<>();
			for (Future<UserFacingException> result : results) {
				UserFacingException refused = result.get();
				if (refused != null) {
					refusals.add(refused);
				}
			}
			return refusals;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
