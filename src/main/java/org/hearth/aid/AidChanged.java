package org.hearth.aid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.shared.RecordedChange;
import org.jspecify.annotations.Nullable;

/**
 * A change the public transparency log holds: goods received into or taken out of a warehouse, a shipment dispatched
 * or received, a distribution round's handing out. References and digests only: no household, no name.
 *
 * @param entityType "stock-movement", "shipment" or "distribution"
 */
public record AidChanged(String entityType, UUID entityId, String action, String roleName,
		@Nullable String officeCode, Instant occurredAt, String contentDigest) implements RecordedChange {

	static AidChanged by(CurrentUser actor, String entityType, UUID entityId, String action, Instant at,
			String... content) {
		String role = actor.has(Role.AID_COORDINATOR) ? Role.AID_COORDINATOR.name()
				: actor.roles().stream().filter(Role::isStaff).map(Enum::name).sorted().findFirst().orElse("SYSTEM");
		return new AidChanged(entityType, entityId, action, role, actor.office().map(o -> o.code()).orElse(null), at,
				sha256(String.join("\n", content)));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
