package org.hearth.aid;

/** What a member of a roster does on a shift; coverage rules set a minimum of each per shift. */
public enum StaffRole {

	DOCTOR, NURSE, PARAMEDIC, PHARMACIST, INTERPRETER, SUPPORT
}
