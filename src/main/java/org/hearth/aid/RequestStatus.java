package org.hearth.aid;

import java.util.UUID;

import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where a facility's request stands, and which change may follow which: the pages offer only what is allowed, and
 * these guards refuse the rest (a form from an old page, a request someone else decided in the meantime).
 */
public enum RequestStatus {

	/** Recorded, waiting for its first approval. */
	REQUESTED,
	/** Approved once; worth enough, or large enough, that a second coordinator must approve it too. */
	AWAITING_SECOND_APPROVAL,
	/** May be dispatched, in one shipment or several, up to the quantities approved. */
	APPROVED,
	REJECTED,
	CANCELLED,
	/** The facility needs no more: what was not yet dispatched is dropped. */
	CLOSED;

	/** Waiting for an approval or a rejection. */
	public boolean awaitingApproval() {
		return this == REQUESTED || this == AWAITING_SECOND_APPROVAL;
	}

	/** Nothing more can happen to it. */
	public boolean finished() {
		return this == REJECTED || this == CANCELLED || this == CLOSED;
	}

	/**
	 * The status after {@code approver} approves. The first approval approves outright unless the request needs a
	 * second approver; the second must come from someone other than the first.
	 */
	RequestStatus approvedBy(UUID approver, @Nullable UUID firstApprover, boolean needsSecondApprover) {
		return switch (this) {
			case REQUESTED -> needsSecondApprover ? AWAITING_SECOND_APPROVAL : APPROVED;
			case AWAITING_SECOND_APPROVAL -> {
				if (approver.equals(firstApprover)) {
					throw new RuleViolationException("aid.error.same-approver");
				}
				yield APPROVED;
			}
			default -> throw notNow();
		};
	}

	RequestStatus rejected() {
		if (!awaitingApproval()) {
			throw notNow();
		}
		return REJECTED;
	}

	/** Withdrawn before anything left a warehouse for it; once a shipment went, it can only be closed. */
	RequestStatus cancelled(boolean anythingDispatched) {
		if (finished()) {
			throw notNow();
		}
		if (anythingDispatched) {
			throw new RuleViolationException("aid.error.cancel-after-dispatch");
		}
		return CANCELLED;
	}

	RequestStatus closed() {
		if (this != APPROVED) {
			throw notNow();
		}
		return CLOSED;
	}

	/** Whether goods may leave a warehouse for it now. */
	void requireDispatchable() {
		if (this != APPROVED) {
			throw new RuleViolationException("aid.error.request-not-approved", label());
		}
	}

	private RuleViolationException notNow() {
		return new RuleViolationException("aid.error.request-status", label());
	}

	/** The status's name in the reader's language, resolved when the message is shown. */
	public DefaultMessageSourceResolvable label() {
		return new DefaultMessageSourceResolvable("aid.request-status." + name());
	}
}
