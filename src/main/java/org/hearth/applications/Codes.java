package org.hearth.applications;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Reference numbers and verification codes people read out on the phone: Crockford's base32 (no I, L, O, U), so
 * that 0/O and 1/I/L cannot be confused, in groups of four.
 */
final class Codes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final SecureRandom random = new SecureRandom();

	private Codes() {
	}

	/** "RES-26-7K3Q-9M2X": service prefix, year, 40 random bits. */
	static String reference(String serviceCode, int year) {
		String prefix = serviceCode.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
		prefix = prefix.substring(0, Math.min(3, prefix.length()));
		return prefix + "-" + String.format("%02d", year % 100) + "-" + group(4) + "-" + group(4);
	}

	/** "4F7Q-X2MK-9RTD": 60 random bits, not guessable. */
	static String verificationCode() {
		return group(4) + "-" + group(4) + "-" + group(4);
	}

	/** A code as typed by someone: any case, spaces or dashes, O for 0, I or L for 1. */
	static Optional<String> normalizeVerificationCode(String typed) {
		String clean = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
				.replace('L', '1');
		if (!clean.matches("[" + ALPHABET + "]{12}")) {
			return Optional.empty();
		}
		return Optional.of(clean.substring(0, 4) + "-" + clean.substring(4, 8) + "-" + clean.substring(8));
	}

	private static String group(int length) {
		var out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
