package org.hearth.applications;

public enum Outcome {
	APPROVE, REFUSE
}
