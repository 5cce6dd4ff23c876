package org.hearth.monitoring;

import org.hearth.shared.RuleViolationException;

/** Where an observer visit to a site stands: planned, then done or called off, and never reopened. */
public enum VisitStatus {

	SCHEDULED, COMPLETED, CANCELLED;

	/** Completing or cancelling is for a scheduled visit only; a page shown before someone else closed it is refused. */
	void requireScheduled() {
		if (this != SCHEDULED) {
			throw new RuleViolationException("monitoring.error.visit-closed");
		}
	}
}
