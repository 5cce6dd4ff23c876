package org.hearth.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoteKeysTest {

	@Test
	void readsTheReferenceKeys() {
		NoteSigner signer = NoteSigner.fromSignerKey(SignedNoteTest.PETER_SIGNER);
		NoteVerifier verifier = NoteVerifier.parse(SignedNoteTest.PETER_VERIFIER);

		assertThat(signer.name()).isEqualTo("PeterNeumann");
		assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
		assertThat(signer.type()).isEqualTo(NoteVerifier.ED25519);
		assertThat(signer.signerKey()).isEqualTo(SignedNoteTest.PETER_SIGNER);
		assertThat(signer.verifierKey()).isEqualTo(SignedNoteTest.PETER_VERIFIER);
		assertThat(signer.verifier()).isEqualTo(verifier);
		assertThat(verifier.name()).isEqualTo("PeterNeumann");
		assertThat(verifier.keyId()).isEqualTo(0xc74f20a3);
		assertThat(verifier.verifierKey()).isEqualTo(SignedNoteTest.PETER_VERIFIER);
	}

	@Test
	void splitsAVerifierKeyOnItsFirstTwoPlusSignsOnly() {
		// From transparency-dev/formats: the base64 key holds a '+'.
		NoteVerifier verifier = NoteVerifier.parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");

		assertThat(verifier.name()).isEqualTo("TEST");
		assertThat(verifier.keyId()).isEqualTo(0x7997405c);
		assertThat(verifier.type()).isEqualTo(NoteVerifier.ED25519);
	}

	@Test
	void readsAPublishedWitnessKey() {
		// A public witness's cosignature key, type 0x04 (from transparency-dev/formats tests).
		NoteVerifier witness = NoteVerifier.parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");

		assertThat(witness.type()).isEqualTo(NoteVerifier.COSIGNATURE_V1);
		assertThat(witness.keyId()).isEqualTo(0xda77ade7);
	}

	@Test
	void generatesKeysThatRoundTrip() {
		for (int type : new int[] { NoteVerifier.ED25519, NoteVerifier.COSIGNATURE_V1 }) {
			NoteSigner signer = NoteSigner.generate("example.org/log", type);
			NoteSigner again = NoteSigner.fromSignerKey(signer.signerKey());
			NoteVerifier verifier = NoteVerifier.parse(signer.verifierKey());

			assertThat(signer.signerKey()).startsWith("PRIVATE+KEY+example.org/log+" + NoteVerifier.hex(signer.keyId()));
			assertThat(again.verifierKey()).isEqualTo(signer.verifierKey());
			assertThat(verifier.type()).isEqualTo(type);
			assertThat(verifier.keyId())
					.isEqualTo(expectedKeyId("example.org/log", type, verifier.publicKey()));
			byte[] message = "message".getBytes(StandardCharsets.UTF_8);
			if (type == NoteVerifier.ED25519) {
				assertThat(verifier.verify(message, again.sign(message))).isTrue();
				assertThat(verifier.verify("other".getBytes(StandardCharsets.UTF_8), again.sign(message))).isFalse();
			}
		}
	}

	@Test
	void sameKeyOfTheOtherTypeHasAnotherId() {
		NoteSigner log = NoteSigner.fromSignerKey(SignedNoteTest.PETER_SIGNER);
		String asWitness = signerKey("PeterNeumann", NoteVerifier.COSIGNATURE_V1, seedOf(SignedNoteTest.PETER_SIGNER));

		NoteSigner witness = NoteSigner.fromSignerKey(asWitness);

		assertThat(witness.verifier().publicKey()).isEqualTo(log.verifier().publicKey());
		assertThat(witness.keyId()).isNotEqualTo(log.keyId());
	}

	@Test
	void refusesMalformedVerifierKeys() {
		byte[] key = NoteVerifier.parse(SignedNoteTest.PETER_VERIFIER).publicKey();

		assertMalformedVerifier("PeterNeumann", "expected <name>+<key ID>+<key>");
		assertMalformedVerifier("PeterNeumann+c74f20a3", "expected <name>+<key ID>+<key>");
		assertMalformedVerifier("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"the key ID does not match the name and key");
		assertMalformedVerifier("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"the key ID must be 8 lowercase hexadecimal digits");
		assertMalformedVerifier("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"the key ID must be 8 lowercase hexadecimal digits");
		assertMalformedVerifier("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"the name must be non-empty, without spaces, '+' or control characters");
		assertMalformedVerifier("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
				"the key is not canonical base64");
		// 33 bytes fill 44 base64 digits exactly, so a changed last digit is another key: here, not a curve point.
		assertMalformedVerifier("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX",
				"the Ed25519 public key is not a point on the curve");
		assertMalformedVerifier("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW=",
				"the key is not canonical base64");
		// Names: Unicode spaces of every kind, as Go's unicode.IsSpace.
		for (String name : new String[] { "Peter Neumann", "Peter\u00a0Neumann", "Peter\u2009Neumann",
				"Peter\u3000Neumann", "Peter\u0085Neumann", "Peter\tNeumann" }) {
			assertMalformedVerifier(vkey(name, 1, key),
					"the name must be non-empty, without spaces, '+' or control characters");
		}
		// Lengths and types, with a correct key ID so that the length or type is what fails.
		assertMalformedVerifier(vkey("k", new byte[] { 1, 2, 3 }), "the key must be a type byte and 32 bytes, not 3 bytes");
		assertMalformedVerifier(vkey("k", concat(new byte[] { 1 }, key, new byte[] { 0 })),
				"the key must be a type byte and 32 bytes, not 34 bytes");
		assertMalformedVerifier(vkey("k", 2, key), "unknown key type 0x02");
		assertMalformedVerifier(vkey("k", 6, key), "unknown key type 0x06");
	}

	@Test
	void refusesPublicKeysThatAreNotCanonicalPointsOfLargeOrder() {
		// y = p = 2^255 - 19, which is 0 again: not canonical.
		assertMalformedVerifier(vkey("k", 1, hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
				"the Ed25519 public key is not canonically encoded");
		// y = 1 and x = 0 with the odd bit set: not canonical.
		assertMalformedVerifier(vkey("k", 1, hex("0100000000000000000000000000000000000000000000000000000000000080")),
				"the Ed25519 public key is not canonically encoded");
		// y = 2 has no x on the curve.
		assertMalformedVerifier(vkey("k", 1, hex("0200000000000000000000000000000000000000000000000000000000000000")),
				"the Ed25519 public key is not a point on the curve");
		// All eight points of small order: the neutral element, order 2, two of order 4, four of order 8.
		for (String point : new String[] { "0100000000000000000000000000000000000000000000000000000000000000",
				"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
				"0000000000000000000000000000000000000000000000000000000000000000",
				"0000000000000000000000000000000000000000000000000000000000000080",
				"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
				"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
				"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
				"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85" }) {
			for (int type : new int[] { NoteVerifier.ED25519, NoteVerifier.COSIGNATURE_V1 }) {
				assertMalformedVerifier(vkey("k", type, hex(point)), "the Ed25519 public key is a point of small order");
			}
		}
	}

	@Test
	void refusesMalformedSignerKeysWithoutShowingThem() {
		String seed = Base64.getEncoder().encodeToString(seedOf(SignedNoteTest.PETER_SIGNER));
		assertMalformedSigner("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
				"the key ID does not match the name and key");
		assertMalformedSigner("PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
				"it must start with PRIVATE+KEY+");
		assertMalformedSigner("PRIVATE+KEY+PeterNeumann+c74f20a3", "expected PRIVATE+KEY+<name>+<key ID>+<key>");
		assertMalformedSigner("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF",
				"the key is not canonical base64");
		assertMalformedSigner("PRIVATE+KEY+PeterNeumann+c74f20a3+" + seed,
				"the key must be a type byte and a 32-byte seed, not 32 bytes");
		assertMalformedSigner(signerKey("PeterNeumann", 2, Base64.getDecoder().decode(seed)), "unknown key type 0x02");
		assertMalformedSigner("PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
				"the name must be non-empty, without spaces, '+' or control characters");
	}

	@Test
	void neverShowsTheSigningKey() {
		NoteSigner signer = NoteSigner.generate("example.org/log");
		String secret = signer.signerKey().split("\\+", 5)[4];

		assertThat(signer.toString()).isEqualTo("NoteSigner[example.org/log+" + NoteVerifier.hex(signer.keyId()) + "]")
				.doesNotContain(secret);
	}

	private static void assertMalformedVerifier(String verifierKey, String why) {
		assertThatThrownBy(() -> NoteVerifier.parse(verifierKey)).as(verifierKey)
				.isInstanceOf(IllegalArgumentException.class).hasMessage("malformed verifier key: " + why);
	}

	private static void assertMalformedSigner(String signerKey, String why) {
		String secret = signerKey.substring(signerKey.indexOf('+', signerKey.indexOf('+', "PRIVATE+KEY+".length()) + 1) + 1);
		assertThatThrownBy(() -> NoteSigner.fromSignerKey(signerKey)).as(signerKey)
				.isInstanceOf(IllegalArgumentException.class).hasMessage("malformed signer key: " + why)
				.satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
				.hasNoCause();
	}

	/** A verifier key with the key ID the name and key give, whatever the key bytes are. */
	static String vkey(String name, int type, byte[] key) {
		return vkey(name, concat(new byte[] { (byte) type }, key));
	}

	static String vkey(String name, byte[] typeAndKey) {
		return name + "+" + String.format("%08x", keyIdOf(name, typeAndKey)) + "+"
				+ Base64.getEncoder().encodeToString(typeAndKey);
	}

	/** A signer key for a seed of any type; its key ID is that of the public key the seed gives. */
	static String signerKey(String name, int type, byte[] seed) {
		byte[] publicKey = Ed25519.encode(Ed25519.fromSeed(seed).getPublic());
		return "PRIVATE+KEY+" + name + "+" + String.format("%08x", expectedKeyId(name, type, publicKey)) + "+"
				+ Base64.getEncoder().encodeToString(concat(new byte[] { (byte) type }, seed));
	}

	/** The seed of a signer key: what follows the type byte, after the fourth '+'. */
	static byte[] seedOf(String signerKey) {
		int at = -1;
		for (int i = 0; i < 4; i++) {
			at = signerKey.indexOf('+', at + 1);
		}
		byte[] encoded = Base64.getDecoder().decode(signerKey.substring(at + 1));
		return Arrays.copyOfRange(encoded, 1, encoded.length);
	}

	/** The key ID as the spec defines it, computed here independently of the code under test. */
	static int expectedKeyId(String name, int type, byte[] publicKey) {
		return keyIdOf(name, concat(new byte[] { (byte) type }, publicKey));
	}

	private static int keyIdOf(String name, byte[] typeAndKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((name + "\n").getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(sha256.digest(typeAndKey)).getInt();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	static byte[] concat(byte[]... parts) {
		var out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
