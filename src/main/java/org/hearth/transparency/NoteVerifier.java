package org.hearth.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A public key that checks note signatures, written as a verifier key {@code <name>+<key ID>+<base64(type || key)>}
 * (c2sp.org/signed-note, golang.org/x/mod/sumdb/note). Two types: {@link #ED25519} signs the note text itself, as a
 * log signs its checkpoints; {@link #COSIGNATURE_V1} signs a timestamped statement about a checkpoint, as a witness
 * does (c2sp.org/tlog-cosignature). A verifier of either type can be handed to {@link SignedNote#open}.
 */
public final class NoteVerifier {

	/** Signature type 0x01: Ed25519 over the note text. */
	public static final int ED25519 = 0x01;

	/** Signature type 0x04: timestamped Ed25519 witness cosignature, cosignature/v1. */
	public static final int COSIGNATURE_V1 = 0x04;

	private static final int TIMESTAMP_SIZE = 8;

	private final String name;
	private final int type;
	private final byte[] publicKey;
	private final int keyId;
	private final PublicKey key;

	NoteVerifier(String name, int type, byte[] publicKey) {
		if (!SignedNote.isValidName(name)) {
			throw new IllegalArgumentException("a key name must be non-empty, without spaces, '+' or control characters");
		}
		if (type != ED25519 && type != COSIGNATURE_V1) {
			throw new IllegalArgumentException(String.format("unknown key type 0x%02x", type));
		}
		this.name = name;
		this.type = type;
		this.publicKey = publicKey.clone();
		this.key = Ed25519.decode(this.publicKey);
		this.keyId = keyId(name, type, this.publicKey);
	}

	/**
	 * Reads a verifier key. The key part is base64 and may itself hold '+', so only the first two '+' separate. The key
	 * ID must be the one the name and key give: a mismatch means a mistyped or tampered configuration.
	 */
	public static NoteVerifier parse(String verifierKey) {
		int first = verifierKey.indexOf('+');
		int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
		if (second < 0) {
			throw malformed("expected <name>+<key ID>+<key>");
		}
		String name = verifierKey.substring(0, first);
		String id = verifierKey.substring(first + 1, second);
		if (!SignedNote.isValidName(name)) {
			throw malformed("the name must be non-empty, without spaces, '+' or control characters");
		}
		if (!id.matches("[0-9a-f]{8}")) {
			throw malformed("the key ID must be 8 lowercase hexadecimal digits");
		}
		byte[] encoded = SignedNote.decodeBase64(verifierKey.substring(second + 1));
		if (encoded == null) {
			throw malformed("the key is not canonical base64");
		}
		if (encoded.length != 1 + Ed25519.KEY_SIZE) {
			throw malformed("the key must be a type byte and 32 bytes, not " + encoded.length + " bytes");
		}
		NoteVerifier verifier;
		try {
			verifier = new NoteVerifier(name, encoded[0] & 0xff, Arrays.copyOfRange(encoded, 1, encoded.length));
		}
		catch (IllegalArgumentException e) {
			throw malformed(e.getMessage());
		}
		if (verifier.keyId != Integer.parseUnsignedInt(id, 16)) {
			throw malformed("the key ID does not match the name and key");
		}
		return verifier;
	}

	public String name() {
		return name;
	}

	public int keyId() {
		return keyId;
	}

	/** {@link #ED25519} or {@link #COSIGNATURE_V1}. */
	public int type() {
		return type;
	}

	/** The 32-byte Ed25519 public key. */
	public byte[] publicKey() {
		return publicKey.clone();
	}

	/**
	 * Whether {@code signature} (the bytes after the key ID) signs {@code message}. For a cosignature key the message is
	 * the checkpoint note text and the signature is the 8-byte timestamp followed by the Ed25519 signature of the
	 * cosignature/v1 statement built from both.
	 */
	public boolean verify(byte[] message, byte[] signature) {
		if (type == ED25519) {
			return Ed25519.verify(key, message, signature);
		}
		if (signature.length != TIMESTAMP_SIZE + Ed25519.SIGNATURE_SIZE) {
			return false;
		}
		long timestamp = ByteBuffer.wrap(signature, 0, TIMESTAMP_SIZE).getLong();
		if (timestamp < 0) {
			// The spec caps timestamps at 2^63 - 1; a set top bit is not a time.
			return false;
		}
		return Ed25519.verify(key, Cosignature.message(timestamp, message),
				Arrays.copyOfRange(signature, TIMESTAMP_SIZE, signature.length));
	}

	public String verifierKey() {
		byte[] encoded = new byte[1 + Ed25519.KEY_SIZE];
		encoded[0] = (byte) type;
		System.arraycopy(publicKey, 0, encoded, 1, Ed25519.KEY_SIZE);
		return name + "+" + hex(keyId) + "+" + Base64.getEncoder().encodeToString(encoded);
	}

	/** SHA-256(name || 0x0A || type || public key)[:4], big-endian. */
	static int keyId(String name, int type, byte[] publicKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) '\n');
			sha256.update((byte) type);
			sha256.update(publicKey);
			return ByteBuffer.wrap(sha256.digest()).getInt();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String hex(int keyId) {
		return String.format("%08x", keyId);
	}

	private static IllegalArgumentException malformed(String why) {
		return new IllegalArgumentException("malformed verifier key: " + why);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof NoteVerifier v && v.type == type && v.name.equals(name)
				&& Arrays.equals(v.publicKey, publicKey);
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, type, keyId);
	}

	@Override
	public String toString() {
		return verifierKey();
	}
}
