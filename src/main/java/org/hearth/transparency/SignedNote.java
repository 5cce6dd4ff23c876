package org.hearth.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Signed notes (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or more lines
 * {@code — <key name> <base64(key ID || signature)>}. The text may itself hold blank lines; the last one separates it
 * from the signatures. Parsing is strict where leniency would let one signature be written two ways: base64 must be
 * canonical (padded, unused bits zero).
 */
public final class SignedNote {

	/** More than the 16 signatures the spec requires to be accepted; a bound on the work one note can cause. */
	public static final int MAX_SIGNATURES = 100;

	/** Bound on a note's size in UTF-8 bytes. */
	public static final int MAX_NOTE_BYTES = 1 << 20;

	static final String DASH = "\u2014 ";

	private SignedNote() {
	}

	/**
	 * One signature line. {@code signatureBytes} are the bytes after the 4-byte key ID; {@code line} is the whole line
	 * without its newline, exactly as in the note.
	 */
	public record Signature(String keyName, int keyId, byte[] signatureBytes, String line) {

		public Signature {
			signatureBytes = signatureBytes.clone();
			if (!line.equals(SignedNote.line(keyName, keyId, signatureBytes))) {
				throw new IllegalArgumentException("the line does not spell this signature");
			}
		}

		@Override
		public byte[] signatureBytes() {
			return signatureBytes.clone();
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Signature s && s.line.equals(line);
		}

		@Override
		public int hashCode() {
			return line.hashCode();
		}

		@Override
		public String toString() {
			return line;
		}
	}

	/** A note taken apart, its signatures not yet checked. */
	public record Parsed(String text, List<Signature> signatures) {

		public Parsed {
			signatures = List.copyOf(signatures);
		}
	}

	/** Signs {@code text} (which must end in a newline) with each signer, in order. */
	public static String sign(String text, NoteSigner... signers) {
		if (signers.length == 0) {
			throw new IllegalArgumentException("a note needs at least one signature");
		}
		if (!text.endsWith("\n")) {
			throw new IllegalArgumentException("a note text must end with a newline");
		}
		String problem = characterProblem(text);
		if (problem != null) {
			throw new IllegalArgumentException("a note text must not hold " + problem);
		}
		byte[] message = text.getBytes(StandardCharsets.UTF_8);
		var note = new StringBuilder(text).append('\n');
		for (NoteSigner signer : signers) {
			if (signer.type() != NoteVerifier.ED25519) {
				throw new IllegalArgumentException(
						"the key of " + signer.name() + " is a cosignature key: use Cosignature.cosign");
			}
			note.append(line(signer.name(), signer.keyId(), signer.sign(message))).append('\n');
		}
		return checkedForOpening(note.toString());
	}

	/** Takes a note apart without checking any signature. */
	public static Parsed parse(String note) {
		if (note.length() > MAX_NOTE_BYTES || utf8Length(note) > MAX_NOTE_BYTES) {
			throw malformed("larger than " + MAX_NOTE_BYTES + " bytes");
		}
		String problem = characterProblem(note);
		if (problem != null) {
			throw malformed("it holds " + problem);
		}
		int split = note.lastIndexOf("\n\n");
		if (split < 0) {
			throw malformed("no blank line before the signatures");
		}
		String text = note.substring(0, split + 1);
		String signatures = note.substring(split + 2);
		if (signatures.isEmpty()) {
			throw malformed("no signature lines after the last blank line");
		}
		if (!signatures.endsWith("\n")) {
			throw malformed("it does not end with a newline");
		}
		// Count before parsing, so that a note with a million lines costs no more than one with 101.
		long count = signatures.chars().filter(c -> c == '\n').count();
		if (count > MAX_SIGNATURES) {
			throw malformed("more than " + MAX_SIGNATURES + " signatures");
		}
		var parsed = new ArrayList<Signature>();
		for (String line : signatures.substring(0, signatures.length() - 1).split("\n", -1)) {
			parsed.add(parseLine(line));
		}
		return new Parsed(text, parsed);
	}

	/**
	 * The text of a note, if a known key signed it. Signatures of unknown keys (name and key ID not both matching a
	 * verifier) are ignored; every signature of a known key must verify, and at least one must be there.
	 *
	 * @throws NoteException "no signature from a known key", "signature of NAME does not verify", or "malformed
	 * note: WHY"
	 */
	public static String open(String note, List<NoteVerifier> verifiers) {
		var known = new HashMap<KeyRef, NoteVerifier>();
		for (NoteVerifier verifier : verifiers) {
			NoteVerifier earlier = known.putIfAbsent(new KeyRef(verifier.name(), verifier.keyId()), verifier);
			if (earlier != null && !earlier.equals(verifier)) {
				// Unreachable by chance (32-bit ID over name and key); a configuration that does this is suspect.
				throw new IllegalArgumentException("two different verifier keys share the name " + verifier.name()
						+ " and key ID " + NoteVerifier.hex(verifier.keyId()));
			}
		}
		Parsed parsed = parse(note);
		byte[] text = parsed.text().getBytes(StandardCharsets.UTF_8);
		boolean verified = false;
		for (Signature signature : parsed.signatures()) {
			NoteVerifier verifier = known.get(new KeyRef(signature.keyName(), signature.keyId()));
			if (verifier == null) {
				continue;
			}
			// A known key's bad signature fails the whole note, even beside a good one: it means tampering or a bug.
			if (!verifier.verify(text, signature.signatureBytes)) {
				throw new NoteException("signature of " + signature.keyName() + " does not verify");
			}
			verified = true;
		}
		if (!verified) {
			throw new NoteException("no signature from a known key");
		}
		return parsed.text();
	}

	/**
	 * Appends signature lines (with or without their newline), such as witnesses' cosignatures, after the note's own.
	 * A line already in the note is not repeated. Nothing is verified here.
	 */
	public static String addSignatures(String note, String... signatureLines) {
		Parsed parsed = parse(note);
		Set<String> lines = new LinkedHashSet<>();
		parsed.signatures().forEach(s -> lines.add(s.line()));
		for (String line : signatureLines) {
			String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
			lines.add(parseLine(bare).line());
		}
		var out = new StringBuilder(parsed.text()).append('\n');
		lines.forEach(l -> out.append(l).append('\n'));
		return checkedForOpening(out.toString());
	}

	/** Bytes received from elsewhere, as a note: they must be valid UTF-8 (decoded strictly, not repaired). */
	public static String decode(byte[] note) {
		if (note.length > MAX_NOTE_BYTES) {
			throw malformed("larger than " + MAX_NOTE_BYTES + " bytes");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note)).toString();
		}
		catch (CharacterCodingException e) {
			throw malformed("not valid UTF-8");
		}
	}

	/** Parses one signature line, without its newline. */
	static Signature parseLine(String line) {
		if (!line.startsWith(DASH)) {
			throw malformed("a signature line must start with an em dash and a space");
		}
		String problem = characterProblem(line);
		if (problem != null || line.indexOf('\n') >= 0) {
			throw malformed("a signature line holds " + (problem != null ? problem : "a line break"));
		}
		int space = line.indexOf(' ', DASH.length());
		if (space < 0) {
			throw malformed("a signature line has no space between key name and signature");
		}
		String name = line.substring(DASH.length(), space);
		if (!isValidName(name)) {
			throw malformed("a signature line has an invalid key name");
		}
		byte[] decoded = decodeBase64(line.substring(space + 1));
		if (decoded == null) {
			throw malformed("the signature of " + name + " is not canonical base64");
		}
		if (decoded.length < 5) {
			throw malformed("the signature of " + name + " is shorter than a key ID and a signature");
		}
		int keyId = ByteBuffer.wrap(decoded).getInt();
		return new Signature(name, keyId, Arrays.copyOfRange(decoded, 4, decoded.length), line);
	}

	static String line(String name, int keyId, byte[] signature) {
		byte[] bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
		return DASH + name + " " + Base64.getEncoder().encodeToString(bytes);
	}

	/** Key names: non-empty, no Unicode space (as Go's unicode.IsSpace), no '+', nothing a note may not hold. */
	static boolean isValidName(String name) {
		if (name.isEmpty() || name.indexOf('+') >= 0 || characterProblem(name) != null) {
			return false;
		}
		return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
	}

	/**
	 * What a note must not hold, if {@code text} holds it: an ASCII control character other than newline, or a lone
	 * surrogate (which has no UTF-8 encoding, so the signed bytes would not be the text).
	 */
	static @Nullable String characterProblem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n') {
				return String.format("the control character U+%04X", (int) c);
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "text that is not valid UTF-8";
			}
		}
		return null;
	}

	/** Standard base64, or null unless it is the canonical spelling of its bytes. */
	static byte @Nullable [] decodeBase64(String text) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
	}

	private static String checkedForOpening(String note) {
		// What this class writes, it must be able to read: the same limits apply.
		try {
			parse(note);
		}
		catch (NoteException e) {
			throw new IllegalArgumentException("the note would not open: " + e.getMessage());
		}
		return note;
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private static NoteException malformed(String why) {
		return new NoteException("malformed note: " + why);
	}

	private record KeyRef(String name, int keyId) {
	}
}
