package org.hearth.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.jspecify.annotations.Nullable;

/** A caseworker's recommended decision with reasons, and the supervisor's verdict on it. */
public record Recommendation(UUID id, int round, Outcome outcome, List<String> reasons, String explanation,
		AccountId recommendedBy, @Nullable OfficeId office, Instant recommendedAt, @Nullable Verdict verdict,
		@Nullable AccountId judgedBy, @Nullable String comment, @Nullable Instant judgedAt) {

	public Recommendation {
		reasons = List.copyOf(reasons);
	}

	Recommendation judged(Verdict given, Actor supervisor, @Nullable String text, Instant now) {
		return new Recommendation(id, round, outcome, reasons, explanation, recommendedBy, office, recommendedAt,
				given, supervisor.account(), text, now);
	}
}
