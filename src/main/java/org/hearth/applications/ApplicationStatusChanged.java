package org.hearth.applications;

import java.time.Instant;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Published, in the transaction of the change, for every state change of an application. Carries references and
 * the acting role, never answers or names: listeners that need more ask this module for it.
 *
 * @param action what happened, as the history names it ("submitted", "decided", …)
 */
public record ApplicationStatusChanged(ApplicationId application, AccountId applicant, String serviceCode,
		@Nullable Status from, Status to, String action, Role actorRole, @Nullable OfficeId actorOffice, int round,
		Instant at) {
}
