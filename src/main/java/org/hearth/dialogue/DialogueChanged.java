package org.hearth.dialogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.hearth.shared.RecordedChange;
import org.jspecify.annotations.Nullable;

/**
 * A change of a commitment that the public transparency log holds: created, revised, a status or a score claimed,
 * a claim verified or disputed, a party's statement, evidence added. The commitment's id and a digest of the
 * canonical content only: no name, no text in the clear.
 *
 * @param entityType always commitment
 * @param action created, revised, status-changed, score-changed, verified, disputed, statement or evidence
 */
public record DialogueChanged(String entityType, UUID entityId, String action, String roleName,
		@Nullable String officeCode, Instant occurredAt, String contentDigest) implements RecordedChange {

	static final String COMMITMENT = "commitment";

	static DialogueChanged of(Actor actor, UUID commitment, String action, Instant at, String... content) {
		return new DialogueChanged(COMMITMENT, commitment, action, actor.role(), actor.office(), at,
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
