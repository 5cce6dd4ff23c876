package org.hearth.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keys derived from {@code HEARTH_SECRET}: a keyed hash for values that must be found again but not read (tokens,
 * throttling keys), and authenticated encryption for values that must be read again (TOTP secrets).
 */
@Component
class Secrets {

	static final int MIN_SECRET_LENGTH = 32;

	private static final SecureRandom random = new SecureRandom();

	private final byte[] hashKey;
	private final byte[] encryptionKey;

	Secrets(@Value("${hearth.security.secret}") String secret) {
		if (secret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalStateException("HEARTH_SECRET must be at least " + MIN_SECRET_LENGTH
					+ " characters of random text (for example: openssl rand -base64 48)");
		}
		byte[] master = secret.getBytes(StandardCharsets.UTF_8);
		this.hashKey = hmac(master, "hearth keyed hash v1".getBytes(StandardCharsets.UTF_8));
		this.encryptionKey = hmac(master, "hearth encryption v1".getBytes(StandardCharsets.UTF_8));
	}

	byte[] hash(String purpose, String value) {
		return hmac(hashKey, (purpose + '\0' + value).getBytes(StandardCharsets.UTF_8));
	}

	String encrypt(String plaintext) {
		try {
			byte[] iv = randomBytes(12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
					.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	String decrypt(String encrypted) {
		try {
			byte[] all = Base64.getDecoder().decode(encrypted);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"),
					new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("A stored secret does not decrypt: was HEARTH_SECRET changed?", e);
		}
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A random token safe in URLs: 32 bytes, base64url. */
	static String randomToken() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
