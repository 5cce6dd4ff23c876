package org.hearth.housing;

import java.time.Instant;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.shared.RecordedChange;
import org.jspecify.annotations.Nullable;

/**
 * A change the public transparency log holds: an allocation round run, an offer made, answered, suspended or
 * handed over, a mine-action area's status changed. References and digests only, never names.
 *
 * @param entityType "allocation-round", "offer" or "mine-action-area"
 */
public record HousingChanged(String entityType, UUID entityId, String action, String roleName,
		@Nullable String officeCode, Instant occurredAt, String contentDigest) implements RecordedChange {

	static HousingChanged by(@Nullable CurrentUser actor, String entityType, UUID entityId, String action, Instant at,
			String contentDigest) {
		return new HousingChanged(entityType, entityId, action, roleOf(actor),
				actor == null ? null : actor.office().map(o -> o.code()).orElse(null), at, contentDigest);
	}

	/** The role an action is recorded under: the housing officer's if held, else the first staff role; no actor is the system. */
	static String roleOf(@Nullable CurrentUser actor) {
		if (actor == null) {
			return "SYSTEM";
		}
		if (actor.has(Role.HOUSING_OFFICER)) {
			return Role.HOUSING_OFFICER.name();
		}
		return actor.roles().stream().filter(Role::isStaff).map(Enum::name).sorted().findFirst()
				.orElse(Role.APPLICANT.name());
	}
}
