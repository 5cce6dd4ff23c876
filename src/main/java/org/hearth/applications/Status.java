package org.hearth.applications;

/** Where an application stands. The transitions between them are the {@link Application}'s methods. */
public enum Status {

	/** Being filled in by the applicant; nobody else sees it. */
	DRAFT,
	/** Submitted, waiting for a caseworker of the office. */
	SUBMITTED,
	/** A caseworker is reviewing it. */
	IN_REVIEW,
	/** The caseworker asked the applicant for more information. */
	AWAITING_APPLICANT,
	/** The caseworker recommended a decision; a supervisor confirms or returns it. */
	AWAITING_DECISION,
	APPROVED,
	REFUSED,
	/** The applicant appealed a refusal; a different caseworker and supervisor review it. */
	APPEALED;

	public boolean isDecided() {
		return this == APPROVED || this == REFUSED;
	}

	/** States in which the case waits for staff of the office. */
	public boolean isOpen() {
		return this == SUBMITTED || this == IN_REVIEW || this == AWAITING_APPLICANT || this == AWAITING_DECISION
				|| this == APPEALED;
	}
}
