package org.hearth.dialogue;

import java.util.Collection;

/**
 * Where a claim stands with the observers. A single dispute withholds the verified mark, whoever verified: a
 * commitment is shown as verified only when no observer contests the claim it stands on.
 */
public enum Verification {

	/** No observer has given a finding yet, or there is no claim to verify. */
	UNVERIFIED,
	/** At least one observer verified it, none disputed it. */
	VERIFIED,
	/** At least one observer disputed it. */
	DISPUTED;

	static Verification of(int verified, int disputed) {
		return disputed > 0 ? DISPUTED : verified > 0 ? VERIFIED : UNVERIFIED;
	}

	static Verification of(Collection<Verdict> verdicts) {
		if (verdicts.contains(Verdict.DISPUTED)) {
			return DISPUTED;
		}
		return verdicts.contains(Verdict.VERIFIED) ? VERIFIED : UNVERIFIED;
	}
}
