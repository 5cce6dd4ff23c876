package org.hearth.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 with the parameters every authenticator app uses: HMAC-SHA1, 30-second
 * steps, 6 digits. One step either side is accepted for clock drift.
 */
final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** A new 160-bit secret, base32 as authenticator apps expect it. */
	static String newSecret() {
		return base32(Secrets.randomBytes(20));
	}

	static boolean verify(String base32Secret, String code, Instant now) {
		return matchingStep(base32Secret, code, now).isPresent();
	}

	/** The time step whose code {@code code} is, among now and one step either side. */
	static java.util.OptionalLong matchingStep(String base32Secret, String code, Instant now) {
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return java.util.OptionalLong.empty();
		}
		long step = now.getEpochSecond() / 30;
		long matched = Long.MIN_VALUE;
		for (long s = step - 1; s <= step + 1; s++) {
			// No early exit: the comparison takes the same time whichever step matches.
			boolean match = java.security.MessageDigest.isEqual(code(decodeBase32(base32Secret), s, 6).getBytes(),
					digits.getBytes());
			matched = match ? s : matched;
		}
		return matched == Long.MIN_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(matched);
	}

	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int otp = binary % (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", otp);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The otpauth URI an authenticator app imports (RFC 6238 key URI format). */
	static String uri(String issuer, String account, String secret) {
		var enc = (java.util.function.Function<String, String>) s -> java.net.URLEncoder
				.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + enc.apply(issuer) + ":" + enc.apply(account) + "?secret=" + secret + "&issuer="
				+ enc.apply(issuer);
	}

	static String base32(byte[] bytes) {
		var out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] decodeBase32(String text) {
		String clean = text.replaceAll("[\\s=]", "").toUpperCase(java.util.Locale.ROOT);
		var out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
