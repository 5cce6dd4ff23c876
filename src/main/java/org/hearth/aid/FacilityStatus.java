package org.hearth.aid;

public enum FacilityStatus {
	OPEN, PARTLY_OPEN, CLOSED
}
