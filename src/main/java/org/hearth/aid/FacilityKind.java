package org.hearth.aid;

/** What a facility is; it decides what its capacity counts and whether it is watched for fuel. */
public enum FacilityKind {

	SCHOOL(true), HOSPITAL(true), CLINIC(true), FIELD_HOSPITAL(true), SHELTER(false), COMMUNITY_KITCHEN(false);

	private final boolean fuelWatched;

	FacilityKind(boolean fuelWatched) {
		this.fuelWatched = fuelWatched;
	}

	/** Schools and places that treat the sick cannot run out of fuel: their days of fuel left are watched. */
	public boolean fuelWatched() {
		return fuelWatched;
	}
}
