package org.hearth.applications;

import java.time.Instant;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.hearth.shared.RecordedChange;
import org.jspecify.annotations.Nullable;

/**
 * Published, in the transaction of the change, for every state change of an application. Carries references and
 * the acting role, never answers or names: listeners that need more ask this module for it.
 *
 * @param action what happened, as the history names it ("submitted", "decided", …)
 * @param contentDigest hex SHA-256 of the application's canonical content after the change (see
 *     {@link ApplicationRepository#contentDigest}), for the transparency log's commitment
 */
public record ApplicationStatusChanged(ApplicationId application, AccountId applicant, String serviceCode,
		@Nullable Status from, Status to, String action, Role actorRole, @Nullable OfficeId actorOffice, int round,
		Instant at, String contentDigest) implements RecordedChange {

	ApplicationStatusChanged withContentDigest(String digest) {
		return new ApplicationStatusChanged(application, applicant, serviceCode, from, to, action, actorRole,
				actorOffice, round, at, digest);
	}

	@Override
	public String entityType() {
		return "application";
	}

	@Override
	public java.util.UUID entityId() {
		return application.id();
	}

	@Override
	public String roleName() {
		return actorRole.name();
	}

	@Override
	public @Nullable String officeCode() {
		return actorOffice == null ? null : actorOffice.code();
	}

	@Override
	public Instant occurredAt() {
		return at;
	}
}
