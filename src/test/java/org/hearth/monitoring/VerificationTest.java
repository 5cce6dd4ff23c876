package org.hearth.monitoring;

import java.util.EnumSet;

import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.monitoring.Verification.DISPUTED;
import static org.hearth.monitoring.Verification.UNFOUNDED;
import static org.hearth.monitoring.Verification.UNVERIFIED;
import static org.hearth.monitoring.Verification.VERIFIED;

/** The verification lifecycle on its own: which change may follow which, and when a note is needed. */
class VerificationTest {

	@Test
	void anUnverifiedIncidentMayBeVerifiedDisputedOrFoundUnfounded() {
		assertThat(UNVERIFIED.next()).containsExactly(VERIFIED, DISPUTED, UNFOUNDED);
		assertThat(UNVERIFIED.changeTo(VERIFIED, null)).isEqualTo(VERIFIED);
		assertThat(UNVERIFIED.changeTo(DISPUTED, "accounts differ")).isEqualTo(DISPUTED);
		assertThat(UNVERIFIED.changeTo(UNFOUNDED, "nothing there")).isEqualTo(UNFOUNDED);
	}

	@Test
	void aConclusionIsRevisedOnlyThroughADispute() {
		assertThat(VERIFIED.next()).containsExactly(DISPUTED);
		assertThat(UNFOUNDED.next()).containsExactly(DISPUTED);
		assertThat(DISPUTED.next()).containsExactly(VERIFIED, UNFOUNDED);
		assertThat(DISPUTED.changeTo(VERIFIED, "new evidence")).isEqualTo(VERIFIED);
		assertThat(VERIFIED.changeTo(DISPUTED, "a second witness")).isEqualTo(DISPUTED);
		refused(() -> VERIFIED.changeTo(UNFOUNDED, "changed our mind"), "monitoring.error.verification-transition");
		refused(() -> UNFOUNDED.changeTo(VERIFIED, "it did happen"), "monitoring.error.verification-transition");
	}

	@Test
	void nothingReturnsToUnverifiedAndNoStatusFollowsItself() {
		for (Verification status : EnumSet.of(VERIFIED, DISPUTED, UNFOUNDED)) {
			assertThat(status.next()).doesNotContain(UNVERIFIED);
			refused(() -> status.changeTo(UNVERIFIED, "start again"), "monitoring.error.verification-transition");
			refused(() -> status.changeTo(status, "again"), "monitoring.error.verification-same");
		}
	}

	@Test
	void disputesFindingsOfUnfoundedAndEveryRevisionNeedANote() {
		refused(() -> UNVERIFIED.changeTo(DISPUTED, null), "monitoring.error.verification-note");
		refused(() -> UNVERIFIED.changeTo(UNFOUNDED, "  "), "monitoring.error.verification-note");
		refused(() -> DISPUTED.changeTo(VERIFIED, ""), "monitoring.error.verification-note");
		assertThat(UNVERIFIED.needsNote(VERIFIED)).isFalse();
		assertThat(DISPUTED.needsNote(VERIFIED)).isTrue();
	}

	private static void refused(Runnable change, String key) {
		assertThatThrownBy(change::run).isInstanceOf(RuleViolationException.class).hasMessage(key);
	}
}
