package org.hearth.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The applicant's appeal against a refusal: a statement and optional documents. */
public record Appeal(String statement, List<UUID> documents, Instant lodgedAt) {

	public Appeal {
		documents = List.copyOf(documents);
	}
}
