package org.hearth.transparency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed notes and checkpoints from anywhere — an observer's download, a pasted receipt, a witness's answer: any
 * bytes give the text a known key signed, or the {@link NoteException} that {@link SignedNote#open},
 * {@link SignedNote#decode} and {@link Checkpoint#parse} document, never another exception; no text opens that
 * the key did not sign; and a signed checkpoint changed anywhere no longer opens. Verifier keys, which operators
 * configure, read or are refused as malformed.
 */
class NoteFuzzTest {

	/** Fixed keys, so that the seed notes signed with them (NoteFuzzTestInputs) open in every run. */
	static final NoteSigner LOG = NoteSigner
			.fromSignerKey("PRIVATE+KEY+hearth.example/transparency+42af3319+AQ1NIm2RFs3+M+KPTC670qGOGq4ws8CYWI3zgdqsaSvU");

	static final NoteSigner WITNESS = NoteSigner
			.fromSignerKey("PRIVATE+KEY+witness.example/observer+de879dda+BE406dzWehyOIbKXeHvJpeSo9nNuTe++410wDl25karo");

	static final NoteVerifier PETER = NoteVerifier.parse(SignedNoteTest.PETER_VERIFIER);

	static final List<NoteVerifier> KNOWN = List.of(LOG.verifier(), WITNESS.verifier(), PETER);

	/** The checkpoint of the seed notes: a log of 8 entries. */
	static final Checkpoint SEED = new Checkpoint("hearth.example/transparency", 8,
			java.util.Base64.getDecoder().decode("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="));

	/** Every text that the known keys signed in the seeds: nothing else may open. */
	static final Set<String> SIGNED = Set.of(SEED.text(), SignedNoteTest.PETER_TEXT);

	@FuzzTest(maxDuration = "60s")
	void onlySignedNotesOpen(byte[] input) {
		String note;
		try {
			note = SignedNote.decode(input);
		}
		catch (NoteException notUtf8) {
			return;
		}
		try {
			String text = SignedNote.open(note, KNOWN);
			assertThat(SIGNED).as("a text a known key never signed opened").contains(text);
		}
		catch (NoteException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
		try {
			Checkpoint checkpoint = Checkpoint.open(note, LOG.verifier());
			assertThat(checkpoint).isEqualTo(SEED);
			for (String line : SignedNote.parse(note).signatures().stream().map(SignedNote.Signature::line).toList()) {
				// A cosignature line, verified or not, never throws.
				Cosignature.verify(checkpoint.text(), line, WITNESS.verifier());
			}
		}
		catch (NoteException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
		try {
			Checkpoint parsed = Checkpoint.parse(note);
			// One spelling per checkpoint: what parses is written back the same.
			assertThat(parsed.text()).isEqualTo(note);
		}
		catch (NoteException refused) {
			assertThat(refused.getMessage()).startsWith("malformed checkpoint: ");
		}
	}

	/** A checkpoint the log signs and a witness cosigns, changed by the fuzzer at one place: it opens no more. */
	@FuzzTest(maxDuration = "60s")
	void aSignedCheckpointChangedAnywhereDoesNotOpen(FuzzedDataProvider data) {
		List<String> extensions = new ArrayList<>();
		int count = data.consumeInt(0, 2);
		for (int i = 0; i < count; i++) {
			extensions.add(data.consumeString(20));
		}
		Checkpoint checkpoint;
		try {
			checkpoint = new Checkpoint(LOG.name(), data.consumeLong(0, Long.MAX_VALUE), data.consumeBytes(32),
					extensions);
		}
		catch (IllegalArgumentException notACheckpoint) {
			return;
		}
		String note = checkpoint.sign(LOG);
		if (data.consumeBoolean()) {
			note = SignedNote.addSignatures(note, Cosignature.cosign(checkpoint, WITNESS, data.consumeLong(0, 1L << 40)));
		}
		assertThat(Checkpoint.open(note, LOG.verifier())).isEqualTo(checkpoint);

		int at = data.consumeInt(0, note.length());
		int removed = data.consumeInt(0, Math.min(4, note.length() - at));
		String changed = note.substring(0, at) + data.consumeString(4) + note.substring(at + removed);
		if (changed.equals(note)) {
			return;
		}
		try {
			Checkpoint opened = Checkpoint.open(changed, LOG.verifier());
			// Only a change among the signatures of other keys, which the log's verifier ignores, may still open —
			// and then it opens to the very same checkpoint.
			assertThat(opened).isEqualTo(checkpoint);
			assertThat(changed).startsWith(checkpoint.text() + "\n");
		}
		catch (NoteException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
	}

	@FuzzTest(maxDuration = "60s")
	void verifierKeysReadOrAreMalformed(byte[] input) {
		String key = new String(input, StandardCharsets.UTF_8);
		NoteVerifier verifier;
		try {
			verifier = NoteVerifier.parse(key);
		}
		catch (IllegalArgumentException malformed) {
			assertThat(malformed).hasMessageStartingWith("malformed verifier key: ");
			return;
		}
		assertThat(verifier.verifierKey()).isEqualTo(key);
	}
}
