package org.hearth.platform;

import java.time.Instant;

/** What is known of a stored file. The type is what its content is, whatever its name claimed. */
public record StoredDocument(DocumentId id, String mediaType, long size, String sha256, String originalName,
		Instant storedAt) {
}
