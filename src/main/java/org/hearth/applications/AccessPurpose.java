package org.hearth.applications;

/** Why a member of staff opens a case. Recorded with every opening; the applicant sees it. */
public enum AccessPurpose {
	REVIEW, INFORMATION_REQUEST, RECOMMENDATION, DECISION, APPEAL_REVIEW, SUPERVISION, QUALITY_CHECK
}
