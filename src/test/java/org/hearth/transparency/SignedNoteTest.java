package org.hearth.transparency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedNoteTest {

	// The example of golang.org/x/mod/sumdb/note: Ed25519 is deterministic, so the note must come out byte for byte.
	static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
	static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
	static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
			+ "then you don't know what your problem is.\n";
	static final String PETER_NOTE = PETER_TEXT + "\n"
			+ "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

	// The example of c2sp.org/signed-note; its public key is not published.
	static final String QUASIMODO_TEXT = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\n"
			+ "ed è subito sera.\n";
	static final String QUASIMODO_NOTE = QUASIMODO_TEXT + "\n"
			+ "— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

	final NoteVerifier peter = NoteVerifier.parse(PETER_VERIFIER);

	@Test
	void signsTheReferenceNoteByteForByte() {
		NoteSigner signer = NoteSigner.fromSignerKey(PETER_SIGNER);

		assertThat(SignedNote.sign(PETER_TEXT, signer)).isEqualTo(PETER_NOTE);
		assertThat(SignedNote.open(PETER_NOTE, List.of(peter))).isEqualTo(PETER_TEXT);
	}

	@Test
	void refusesTheReferenceNoteWithAnySingleCharacterChanged() {
		int rejected = 0;
		for (int i = 0; i < PETER_NOTE.length(); i++) {
			for (char replacement : new char[] { 'A', 'z', '/' }) {
				if (PETER_NOTE.charAt(i) == replacement) {
					continue;
				}
				String changed = PETER_NOTE.substring(0, i) + replacement + PETER_NOTE.substring(i + 1);
				assertThatThrownBy(() -> SignedNote.open(changed, List.of(peter))).as("changed at %d", i)
						.isInstanceOf(NoteException.class);
				rejected++;
			}
		}
		assertThat(rejected).isGreaterThan(PETER_NOTE.length() * 2);
	}

	@Test
	void refusesAnotherBase64SpellingOfTheSameSignature() {
		// The last character before '=' carries two unused bits: 'M' and 'N' decode to the same bytes.
		String respelled = PETER_NOTE.replace("JnAM=", "JnAN=");
		byte[] original = Base64.getDecoder().decode("nAM=");
		assertThat(Base64.getDecoder().decode("nAN=")).isEqualTo(original);

		assertThatThrownBy(() -> SignedNote.open(respelled, List.of(peter))).isInstanceOf(NoteException.class)
				.hasMessage("malformed note: the signature of PeterNeumann is not canonical base64");
	}

	@Test
	void parsesTheSpecExampleWithABlankLineInItsText() {
		SignedNote.Parsed parsed = SignedNote.parse(QUASIMODO_NOTE);

		assertThat(parsed.text()).isEqualTo(QUASIMODO_TEXT).endsWith("sole:\n\ned è subito sera.\n");
		assertThat(parsed.signatures()).singleElement().satisfies(s -> {
			assertThat(s.keyName()).isEqualTo("quasimodo.example/salvatore");
			assertThat(s.keyId()).isEqualTo(0x367ba04b);
			assertThat(s.signatureBytes()).hasSize(64);
			assertThat(s.line()).isEqualTo(QUASIMODO_NOTE.substring(QUASIMODO_TEXT.length() + 1).strip());
		});
	}

	@Test
	void refusesTheSpecExampleWithoutItsKey() {
		NoteVerifier unrelated = NoteSigner.generate("example.org/log").verifier();
		// Same name, other key: the key ID differs, so this is an unknown key too.
		NoteVerifier impostor = NoteSigner.generate("quasimodo.example/salvatore").verifier();

		assertThatThrownBy(() -> SignedNote.open(QUASIMODO_NOTE, List.of(unrelated))).isInstanceOf(NoteException.class)
				.hasMessage("no signature from a known key");
		assertThatThrownBy(() -> SignedNote.open(QUASIMODO_NOTE, List.of(impostor))).isInstanceOf(NoteException.class)
				.hasMessage("no signature from a known key");
		assertThatThrownBy(() -> SignedNote.open(QUASIMODO_NOTE, List.of())).isInstanceOf(NoteException.class)
				.hasMessage("no signature from a known key");
	}

	@Test
	void opensANoteWithSixteenSignaturesOfWhichOneIsKnown() {
		var signers = new ArrayList<NoteSigner>();
		for (int i = 0; i < 16; i++) {
			signers.add(NoteSigner.generate("witness-" + i + ".example"));
		}
		String note = SignedNote.sign("hello\n", signers.toArray(NoteSigner[]::new));

		assertThat(SignedNote.parse(note).signatures()).hasSize(16);
		assertThat(SignedNote.open(note, List.of(signers.get(11).verifier()))).isEqualTo("hello\n");
	}

	@Test
	void refusesTheWholeNoteWhenAKnownKeysSignatureFails() {
		NoteSigner log = NoteSigner.generate("log.example");
		NoteSigner other = NoteSigner.generate("other.example");
		String good = SignedNote.sign("tree head\n", log, other);
		// A line of the other key, re-signed over a different text, then spliced into this note.
		String forged = SignedNote.parse(SignedNote.sign("another text\n", other)).signatures().get(0).line();
		String note = SignedNote.addSignatures(SignedNote.sign("tree head\n", log), forged);

		assertThat(SignedNote.open(good, List.of(log.verifier(), other.verifier()))).isEqualTo("tree head\n");
		assertThat(SignedNote.open(note, List.of(log.verifier()))).isEqualTo("tree head\n");
		assertThatThrownBy(() -> SignedNote.open(note, List.of(log.verifier(), other.verifier())))
				.isInstanceOf(NoteException.class).hasMessage("signature of other.example does not verify");
	}

	@Test
	void ignoresSignaturesMatchingAKnownKeyByNameOrIdButNotBoth() {
		NoteSigner log = NoteSigner.generate("log.example");
		byte[] junk = new byte[64];
		String sameNameOtherId = SignedNote.line("log.example", log.keyId() + 1, junk);
		String sameIdOtherName = SignedNote.line("elsewhere.example", log.keyId(), junk);
		String note = SignedNote.addSignatures(SignedNote.sign("x\n", log), sameNameOtherId, sameIdOtherName);

		assertThat(SignedNote.open(note, List.of(log.verifier()))).isEqualTo("x\n");
		String onlyImpostors = "x\n\n" + sameNameOtherId + "\n" + sameIdOtherName + "\n";
		assertThatThrownBy(() -> SignedNote.open(onlyImpostors, List.of(log.verifier())))
				.hasMessage("no signature from a known key");
	}

	@Test
	void limitsTheNumberOfSignatures() {
		String line = SignedNote.line("someone", 1, new byte[64]);
		String hundred = "x\n\n" + (line + "\n").repeat(100);
		String hundredAndOne = hundred + line + "\n";

		assertThat(SignedNote.parse(hundred).signatures()).hasSize(100);
		assertThatThrownBy(() -> SignedNote.parse(hundredAndOne)).hasMessage("malformed note: more than 100 signatures");
	}

	@Test
	void limitsTheSize() {
		String huge = "x".repeat(SignedNote.MAX_NOTE_BYTES) + "\n\n" + SignedNote.line("someone", 1, new byte[64])
				+ "\n";
		// Counted in UTF-8 bytes: 600 000 Armenian letters are fewer characters than the limit but 1 200 000 bytes.
		String armenian = "ա".repeat(600_000) + "\n\n" + SignedNote.line("someone", 1, new byte[64]) + "\n";

		assertThatThrownBy(() -> SignedNote.parse(huge)).hasMessage("malformed note: larger than 1048576 bytes");
		assertThatThrownBy(() -> SignedNote.parse(armenian)).hasMessage("malformed note: larger than 1048576 bytes");
	}

	@Test
	void refusesMalformedNotes() {
		String sig = SignedNote.line("k", 1, new byte[64]);
		assertMalformed("no blank line\n" + sig + "\n", "no blank line before the signatures");
		assertMalformed("text\n\n" + sig, "it does not end with a newline");
		assertMalformed("text\n\n", "no signature lines after the last blank line");
		assertMalformed("tab\there\n\n" + sig + "\n", "it holds the control character U+0009");
		assertMalformed("cr\r\n\n" + sig + "\n", "it holds the control character U+000D");
		assertMalformed("lone \ud800 surrogate\n\n" + sig + "\n", "it holds text that is not valid UTF-8");
		assertMalformed("text\n\n- k AAAAAQAA\n", "a signature line must start with an em dash and a space");
		assertMalformed("text\n\n—k AAAAAQAA\n", "a signature line must start with an em dash and a space");
		assertMalformed("text\n\n— kAAAAAQAA\n", "a signature line has no space between key name and signature");
		assertMalformed("text\n\n—  AAAAAQAA\n", "a signature line has an invalid key name");
		assertMalformed("text\n\n— k+1 AAAAAQAA\n", "a signature line has an invalid key name");
		assertMalformed("text\n\n— k AAAAAQAA AA==\n", "the signature of k is not canonical base64");
		assertMalformed("text\n\n— k AAAAAQA\n", "the signature of k is not canonical base64");
		assertMalformed("text\n\n— k AAAAAQ==\n", "the signature of k is shorter than a key ID and a signature");
		// The text ends at the last blank line: a blank line among signatures leaves a signature in the text.
		assertMalformed("text\n\n" + sig + "\n\n\n", "no signature lines after the last blank line");
	}

	@Test
	void decodesOnlyValidUtf8() {
		byte[] valid = PETER_NOTE.getBytes(StandardCharsets.UTF_8);
		byte[] overlong = { 'a', (byte) 0xc0, (byte) 0xaf, '\n' };
		byte[] encodedSurrogate = { 'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n' };

		assertThat(SignedNote.decode(valid)).isEqualTo(PETER_NOTE);
		assertThatThrownBy(() -> SignedNote.decode(overlong)).hasMessage("malformed note: not valid UTF-8");
		assertThatThrownBy(() -> SignedNote.decode(encodedSurrogate)).hasMessage("malformed note: not valid UTF-8");
	}

	@Test
	void signsTextsWithBlankLinesAndUnicode() {
		NoteSigner signer = NoteSigner.generate("հայ.example/log");
		for (String text : List.of("\n", "a\n\n", "a\n\n\nb\n", QUASIMODO_TEXT, "— fake 1234\n\n")) {
			String note = SignedNote.sign(text, signer);
			assertThat(SignedNote.open(note, List.of(signer.verifier()))).as(text).isEqualTo(text);
		}
	}

	@Test
	void refusesToSignWhatCouldNotBeOpened() {
		NoteSigner signer = NoteSigner.generate("log.example");
		NoteSigner witness = NoteSigner.generate("witness.example", NoteVerifier.COSIGNATURE_V1);

		assertThatThrownBy(() -> SignedNote.sign("no newline", signer)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("a note text must end with a newline");
		assertThatThrownBy(() -> SignedNote.sign("bell\u0007\n", signer))
				.hasMessage("a note text must not hold the control character U+0007");
		assertThatThrownBy(() -> SignedNote.sign("x\n")).hasMessage("a note needs at least one signature");
		assertThatThrownBy(() -> SignedNote.sign("x\n", witness))
				.hasMessage("the key of witness.example is a cosignature key: use Cosignature.cosign");
		assertThatThrownBy(() -> SignedNote.sign("x".repeat(SignedNote.MAX_NOTE_BYTES) + "\n", signer))
				.hasMessage("the note would not open: malformed note: larger than 1048576 bytes");
	}

	@Test
	void addsSignaturesOnceAndInOrder() {
		NoteSigner log = NoteSigner.generate("log.example");
		NoteSigner mirror = NoteSigner.generate("mirror.example");
		String note = SignedNote.sign("text\n", log);
		String mirrorLine = SignedNote.parse(SignedNote.sign("text\n", mirror)).signatures().get(0).line();

		String both = SignedNote.addSignatures(note, mirrorLine + "\n", mirrorLine);

		assertThat(both).isEqualTo(note + mirrorLine + "\n");
		assertThat(SignedNote.open(both, List.of(mirror.verifier()))).isEqualTo("text\n");
		assertThat(SignedNote.open(both, List.of(log.verifier(), mirror.verifier()))).isEqualTo("text\n");
		assertThat(SignedNote.addSignatures(both, mirrorLine)).isEqualTo(both);
		assertThatThrownBy(() -> SignedNote.addSignatures(note, "— mirror.example not base64!"))
				.hasMessage("malformed note: the signature of mirror.example is not canonical base64");
		assertThatThrownBy(() -> SignedNote.addSignatures(note, mirrorLine + "\n" + mirrorLine))
				.hasMessageStartingWith("malformed note:");
	}

	@Test
	void acceptsTheSameVerifierTwice() {
		NoteSigner signer = NoteSigner.generate("log.example");
		String note = SignedNote.sign("x\n", signer);

		assertThatCode(() -> SignedNote.open(note, List.of(signer.verifier(), NoteVerifier.parse(signer.verifierKey()))))
				.doesNotThrowAnyException();
	}

	private static void assertMalformed(String note, String why) {
		assertThatThrownBy(() -> SignedNote.parse(note)).as(note).isInstanceOf(NoteException.class)
				.hasMessage("malformed note: " + why);
	}
}
