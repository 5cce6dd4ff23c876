package org.hearth.applications;

import java.time.Instant;
import java.util.List;

import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;

/** One immutable line of an application's history: when, which role of which office, from → to, and why. */
public record HistoryEntry(Instant at, Role role, @Nullable OfficeId office, String action, @Nullable Status from,
		Status to, List<String> reasons, @Nullable String comment, int round) {

	public HistoryEntry {
		reasons = List.copyOf(reasons);
	}
}
