package org.hearth.transparency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Witness cosignatures, Ed25519 cosignature/v1 (c2sp.org/tlog-cosignature): a witness states that, at a time, this
 * checkpoint is the largest consistent one it has seen of the log. The signature line is {@code — <witness name>
 * base64(key ID || 8-byte big-endian timestamp || Ed25519 signature)}; what is signed is {@code "cosignature/v1\ntime
 * <seconds>\n"} followed by the whole checkpoint note text, extension lines included.
 */
public final class Cosignature {

	private Cosignature() {
	}

	/** The witness's signature line for the checkpoint (without newline), to add to the note. */
	public static String cosign(Checkpoint checkpoint, NoteSigner witness, long timestampSeconds) {
		if (witness.type() != NoteVerifier.COSIGNATURE_V1) {
			throw new IllegalArgumentException("the key of " + witness.name() + " is not a cosignature key (type 0x04)");
		}
		if (timestampSeconds < 0) {
			throw new IllegalArgumentException("a cosignature timestamp is seconds since 1970, not negative");
		}
		byte[] signature = witness.sign(message(timestampSeconds, checkpoint.text().getBytes(StandardCharsets.UTF_8)));
		byte[] timestamped = ByteBuffer.allocate(8 + signature.length).putLong(timestampSeconds).put(signature).array();
		return SignedNote.line(witness.name(), witness.keyId(), timestamped);
	}

	/**
	 * Whether the line is a valid cosignature of the note text by this witness. False if it is another key's line or
	 * does not verify; a line that is not a signature line at all is a {@link NoteException}.
	 */
	public static boolean verify(String noteText, String signatureLine, NoteVerifier witness) {
		if (witness.type() != NoteVerifier.COSIGNATURE_V1) {
			throw new IllegalArgumentException("the key of " + witness.name() + " is not a cosignature key (type 0x04)");
		}
		SignedNote.Signature signature = SignedNote.parseLine(withoutNewline(signatureLine));
		if (!signature.keyName().equals(witness.name()) || signature.keyId() != witness.keyId()) {
			return false;
		}
		return witness.verify(noteText.getBytes(StandardCharsets.UTF_8), signature.signatureBytes());
	}

	/** The time a cosignature line claims, in seconds since 1970; not verified. */
	public static long timestamp(String signatureLine) {
		byte[] bytes = SignedNote.parseLine(withoutNewline(signatureLine)).signatureBytes();
		if (bytes.length != 8 + Ed25519.SIGNATURE_SIZE) {
			throw new NoteException("malformed note: not an Ed25519 cosignature: " + bytes.length
					+ " bytes after the key ID, not 72");
		}
		long timestamp = ByteBuffer.wrap(bytes).getLong();
		if (timestamp < 0) {
			throw new NoteException("malformed note: a cosignature timestamp beyond 2^63 - 1");
		}
		return timestamp;
	}

	/** What an Ed25519 cosignature/v1 signs. */
	static byte[] message(long timestampSeconds, byte[] noteText) {
		var message = new ByteArrayOutputStream(noteText.length + 40);
		message.writeBytes(("cosignature/v1\ntime " + timestampSeconds + "\n").getBytes(StandardCharsets.US_ASCII));
		message.writeBytes(noteText);
		return message.toByteArray();
	}

	private static String withoutNewline(String line) {
		return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
	}
}
