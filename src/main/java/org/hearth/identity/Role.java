package org.hearth.identity;

/** What a person may do in Hearth; an account holds one or more. */
public enum Role {

	APPLICANT(false), CASEWORKER(true), SUPERVISOR(true), HOUSING_OFFICER(true), AID_COORDINATOR(true),
	DIALOGUE_SECRETARIAT(true), OBSERVER(true), STATISTICIAN(true), DATA_PROTECTION_OFFICER(true), ADMINISTRATOR(true);

	private final boolean staff;

	Role(boolean staff) {
		this.staff = staff;
	}

	/** Staff roles act on other people's data and need a second factor outside the demo. */
	public boolean isStaff() {
		return staff;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
