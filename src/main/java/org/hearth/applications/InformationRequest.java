package org.hearth.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A caseworker's request for more information, and the applicant's answer once given. */
public record InformationRequest(UUID id, int round, String message, Instant requestedAt, @Nullable String response,
		List<UUID> documents, @Nullable Instant respondedAt) {

	public InformationRequest {
		documents = List.copyOf(documents);
	}

	public boolean isOpen() {
		return respondedAt == null;
	}

	InformationRequest answered(String text, List<UUID> attached, Instant now) {
		return new InformationRequest(id, round, message, requestedAt, text, attached, now);
	}
}
