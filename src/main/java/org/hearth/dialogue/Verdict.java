package org.hearth.dialogue;

/** An observer's finding on a claim. */
public enum Verdict {

	/** The observer checked the claim and confirms it. */
	VERIFIED,
	/** The observer does not confirm the claim; the note says why, beside the claim, for everyone. */
	DISPUTED
}
