package org.hearth.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.jspecify.annotations.Nullable;

/**
 * A confirmed decision. Approvals carry the residence permit and its validity; first-round refusals the deadline for
 * an appeal. The verification code lets anyone check the letter at /verify.
 */
public record Decision(UUID id, int round, Outcome outcome, List<String> reasons, String explanation,
		AccountId recommendedBy, AccountId decidedBy, @Nullable OfficeId office, Instant decidedAt,
		@Nullable String permitNumber, @Nullable LocalDate permitValidFrom, @Nullable LocalDate permitValidUntil,
		@Nullable LocalDate appealDeadline, String verificationCode) {

	public Decision {
		reasons = List.copyOf(reasons);
	}
}
