package org.hearth.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.hearth.shared.RecordedChange;
import org.jspecify.annotations.Nullable;

/**
 * A change the public transparency log holds: an incident recorded or its verification changed, a heritage site
 * registered, a condition assessment, a finding. References and digests only: free texts (a description, a source,
 * a note, a finding) enter the digest as their own SHA-256, and no name is ever here.
 *
 * @param entityType incident, heritage-site, site-assessment or finding
 * @param action recorded, verified, disputed, unfounded, registered or assessed
 */
public record MonitoringChanged(String entityType, UUID entityId, String action, String roleName,
		@Nullable String officeCode, Instant occurredAt, String contentDigest) implements RecordedChange {

	static MonitoringChanged by(Actor actor, String entityType, UUID entityId, String action, Instant at,
			String... content) {
		return new MonitoringChanged(entityType, entityId, action, actor.role(), actor.office(), at,
				sha256(String.join("\n", content)));
	}

	static String sha256(@Nullable String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
