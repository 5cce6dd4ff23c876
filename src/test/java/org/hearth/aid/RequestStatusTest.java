package org.hearth.aid;

import java.util.UUID;

import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request's workflow on its own: which change may follow which, and the second pair of eyes. */
class RequestStatusTest {

	final UUID first = UUID.randomUUID();
	final UUID second = UUID.randomUUID();

	@Test
	void oneApprovalApprovesUnlessASecondApproverIsNeeded() {
		assertThat(RequestStatus.REQUESTED.approvedBy(first, null, false)).isEqualTo(RequestStatus.APPROVED);
		assertThat(RequestStatus.REQUESTED.approvedBy(first, null, true))
				.isEqualTo(RequestStatus.AWAITING_SECOND_APPROVAL);
	}

	@Test
	void theSecondApprovalMustBeSomeoneElses() {
		assertThat(key(() -> RequestStatus.AWAITING_SECOND_APPROVAL.approvedBy(first, first, true)))
				.isEqualTo("aid.error.same-approver");
		assertThat(RequestStatus.AWAITING_SECOND_APPROVAL.approvedBy(second, first, true))
				.isEqualTo(RequestStatus.APPROVED);
	}

	@Test
	void finishedAndApprovedRequestsAreNotApprovedAgainNorRejected() {
		for (RequestStatus status : new RequestStatus[] { RequestStatus.APPROVED, RequestStatus.REJECTED,
				RequestStatus.CANCELLED, RequestStatus.CLOSED }) {
			assertThat(key(() -> status.approvedBy(second, first, false))).as(status.name())
					.isEqualTo("aid.error.request-status");
			assertThat(key(status::rejected)).as(status.name()).isEqualTo("aid.error.request-status");
		}
		assertThat(RequestStatus.REQUESTED.rejected()).isEqualTo(RequestStatus.REJECTED);
		assertThat(RequestStatus.AWAITING_SECOND_APPROVAL.rejected()).isEqualTo(RequestStatus.REJECTED);
	}

	@Test
	void cancelledOnlyWhileNothingLeftAndClosedOnlyOnceApproved() {
		assertThat(RequestStatus.APPROVED.cancelled(false)).isEqualTo(RequestStatus.CANCELLED);
		assertThat(RequestStatus.REQUESTED.cancelled(false)).isEqualTo(RequestStatus.CANCELLED);
		assertThat(key(() -> RequestStatus.APPROVED.cancelled(true))).isEqualTo("aid.error.cancel-after-dispatch");
		assertThat(key(() -> RequestStatus.CLOSED.cancelled(false))).isEqualTo("aid.error.request-status");
		assertThat(RequestStatus.APPROVED.closed()).isEqualTo(RequestStatus.CLOSED);
		assertThat(key(RequestStatus.REQUESTED::closed)).isEqualTo("aid.error.request-status");
		assertThat(key(RequestStatus.REQUESTED::requireDispatchable)).isEqualTo("aid.error.request-not-approved");
	}

	private static String key(Runnable action) {
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class, action::run);
		return refused == null ? "accepted" : refused.messageKey();
	}
}
