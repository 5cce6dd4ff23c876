package org.hearth.transparency;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * The JDK's Ed25519, plus the two things it does not offer: deriving the public key of a stored seed, and checking
 * that a public key read from configuration is a canonical encoding of a point of large order.
 */
final class Ed25519 {

	static final int KEY_SIZE = 32;
	static final int SIGNATURE_SIZE = 64;

	private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
	// d = -121665 / 121666 and sqrt(-1) = 2^((p-1)/4), as in RFC 8032 section 5.1.
	private static final BigInteger D = BigInteger.valueOf(-121665)
			.multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
	private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

	private Ed25519() {
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this JDK offers no Ed25519", e);
		}
	}

	/**
	 * The key pair of a 32-byte seed (RFC 8032 private key). The JDK has no public API for this, but its generator
	 * draws the seed as exactly 32 random bytes; a random source that yields the seed makes it compute the public key
	 * in its own constant-time code. The seed of the result is checked, so a JDK that drew differently fails loudly
	 * instead of producing a wrong key.
	 */
	static KeyPair fromSeed(byte[] seed) {
		if (seed.length != KEY_SIZE) {
			throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
		}
		KeyPair pair;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
			pair = generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this JDK offers no Ed25519", e);
		}
		byte[] taken = seed((EdECPrivateKey) pair.getPrivate());
		boolean same = Arrays.equals(taken, seed);
		Arrays.fill(taken, (byte) 0);
		if (!same) {
			throw new IllegalStateException("this JDK's Ed25519 key generator did not take the seed as given");
		}
		return pair;
	}

	static byte[] seed(EdECPrivateKey key) {
		return key.getBytes().orElseThrow(() -> new IllegalStateException("an Ed25519 private key without its seed"));
	}

	/** The RFC 8032 encoding: y little-endian, the parity of x in the top bit. */
	static byte[] encode(PublicKey key) {
		EdECPoint point = ((EdECPublicKey) key).getPoint();
		byte[] bigEndian = point.getY().toByteArray();
		byte[] encoded = new byte[KEY_SIZE];
		for (int i = 0; i < KEY_SIZE && i < bigEndian.length; i++) {
			encoded[i] = bigEndian[bigEndian.length - 1 - i];
		}
		if (point.isXOdd()) {
			encoded[KEY_SIZE - 1] |= (byte) 0x80;
		}
		return encoded;
	}

	/**
	 * Decodes a public key, refusing what RFC 8032 decoding refuses (y not below p, no such point, x = 0 with the odd
	 * bit set) and points of small order, whose "signatures" verify for many messages.
	 */
	static PublicKey decode(byte[] encoded) {
		if (encoded.length != KEY_SIZE) {
			throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + encoded.length);
		}
		boolean xOdd = (encoded[KEY_SIZE - 1] & 0x80) != 0;
		byte[] bigEndian = new byte[KEY_SIZE];
		for (int i = 0; i < KEY_SIZE; i++) {
			bigEndian[i] = encoded[KEY_SIZE - 1 - i];
		}
		bigEndian[0] &= 0x7f;
		BigInteger y = new BigInteger(1, bigEndian);
		if (y.compareTo(P) >= 0) {
			throw new IllegalArgumentException("the Ed25519 public key is not canonically encoded");
		}
		// x^2 = (y^2 - 1) / (d y^2 + 1); the denominator is never zero because d is not a square.
		BigInteger y2 = y.multiply(y).mod(P);
		BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
		BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
		if (!x.multiply(x).mod(P).equals(x2)) {
			x = x.multiply(SQRT_MINUS_ONE).mod(P);
		}
		if (!x.multiply(x).mod(P).equals(x2)) {
			throw new IllegalArgumentException("the Ed25519 public key is not a point on the curve");
		}
		if (x.signum() == 0 && xOdd) {
			throw new IllegalArgumentException("the Ed25519 public key is not canonically encoded");
		}
		if (x.testBit(0) != xOdd) {
			x = P.subtract(x);
		}
		if (hasSmallOrder(x, y)) {
			throw new IllegalArgumentException("the Ed25519 public key is a point of small order");
		}
		try {
			return KeyFactory.getInstance("Ed25519")
					.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("the JDK refuses the Ed25519 public key", e);
		}
	}

	static byte[] sign(PrivateKey key, byte[] message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(key);
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 signing failed", e);
		}
	}

	static boolean verify(PublicKey key, byte[] message, byte[] signature) {
		if (signature.length != SIGNATURE_SIZE) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (SignatureException e) {
			// The JDK throws rather than returns false for some malformed signatures (S not below the group order).
			return false;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 verification failed", e);
		}
	}

	/** Whether [8]P is the neutral element, i.e. P lies in the 8-torsion subgroup. */
	private static boolean hasSmallOrder(BigInteger x, BigInteger y) {
		for (int i = 0; i < 3; i++) {
			// Affine doubling on -x^2 + y^2 = 1 + d x^2 y^2 (complete for Ed25519, so no special cases).
			BigInteger xy = x.multiply(y).mod(P);
			BigInteger dxy2 = D.multiply(xy).multiply(xy).mod(P);
			BigInteger nx = xy.shiftLeft(1).multiply(BigInteger.ONE.add(dxy2).modInverse(P)).mod(P);
			BigInteger ny = y.multiply(y).add(x.multiply(x)).multiply(BigInteger.ONE.subtract(dxy2).mod(P).modInverse(P))
					.mod(P);
			x = nx;
			y = ny;
		}
		return x.signum() == 0 && y.equals(BigInteger.ONE);
	}

	/** Hands out the given seed, once, as "random" bytes; anything more is a misuse and fails. */
	private static final class SeedAsRandom extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final transient byte[] seed;
		private transient boolean used;

		SeedAsRandom(byte[] seed) {
			this.seed = seed;
		}

		@Override
		public void nextBytes(byte[] bytes) {
			if (used || bytes.length != seed.length) {
				throw new IllegalStateException("this JDK's Ed25519 key generator did not take the seed as given");
			}
			used = true;
			System.arraycopy(seed, 0, bytes, 0, bytes.length);
		}
	}
}
