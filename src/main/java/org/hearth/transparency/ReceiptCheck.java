package org.hearth.transparency;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Checks a receipt pasted by anyone: the checkpoint in it must be signed by this log, the entry must be in that
 * checkpoint's tree, and the log as it is now must extend that tree — so the entry is still there, unaltered.
 */
@Service
public class ReceiptCheck {

	public enum Verdict {
		/** In the log as of the receipt's checkpoint, and the log has not been rewritten since. */
		INCLUDED,
		/** Not a receipt of this format. */
		MALFORMED,
		/** The checkpoint is not signed by this log's key. */
		NOT_SIGNED_BY_THIS_LOG,
		/** The entry is not in the tree the checkpoint names. */
		NOT_INCLUDED,
		/** The log today does not extend the receipt's tree: it was rewritten. */
		LOG_REWRITTEN
	}

	/**
	 * @param checkpointSize the receipt checkpoint's tree size
	 * @param latestSize the size of the log's latest checkpoint, which extends the receipt's
	 */
	public record Result(Verdict verdict, long index, long checkpointSize, long latestSize) {
	}

	private final LogStore store;
	private final LogKey key;

	ReceiptCheck(LogStore store, LogKey key) {
		this.store = store;
		this.key = key;
	}

	public Result check(String receiptText) {
		String text = receiptText.replace("\r\n", "\n").strip() + "\n";
		String[] parts = text.split("\n\n", 2);
		String[] head = parts[0].split("\n");
		if (head.length != 3 || !head[0].equals(Receipts.VERSION_LINE) || !head[1].startsWith("leaf ")
				|| !head[2].startsWith("hash ") || parts.length < 2) {
			return new Result(Verdict.MALFORMED, -1, 0, 0);
		}
		long index;
		byte[] leafHash;
		try {
			index = Long.parseLong(head[1].substring(5).strip());
			leafHash = Base64.getDecoder().decode(head[2].substring(5).strip());
		}
		catch (IllegalArgumentException malformed) {
			return new Result(Verdict.MALFORMED, -1, 0, 0);
		}
		Checkpoint checkpoint;
		try {
			String note = SignedNote.open(parts[1], List.of(NoteVerifier.parse(key.signer().verifierKey())));
			checkpoint = Checkpoint.parse(note);
		}
		catch (RuntimeException notOurs) {
			return new Result(Verdict.NOT_SIGNED_BY_THIS_LOG, index, 0, 0);
		}
		if (index < 0 || index >= checkpoint.size()) {
			return new Result(Verdict.NOT_INCLUDED, index, checkpoint.size(), 0);
		}
		// The checkpoint is genuine: if the stored tree no longer has its root, the log was changed since.
		if (checkpoint.size() > store.size() || !Arrays.equals(storedRoot(checkpoint.size()), checkpoint.root())) {
			return new Result(Verdict.LOG_REWRITTEN, index, checkpoint.size(), 0);
		}
		List<byte[]> inclusion = Merkle.inclusionProof(index, checkpoint.size(), store);
		if (!Merkle.verifyInclusion(index, checkpoint.size(), leafHash, inclusion, checkpoint.root())) {
			return new Result(Verdict.NOT_INCLUDED, index, checkpoint.size(), 0);
		}
		Optional<LogStore.StoredCheckpoint> latest = store.latestCheckpoint();
		long latestSize = latest.map(LogStore.StoredCheckpoint::size).orElse(checkpoint.size());
		if (latest.isPresent() && latestSize >= checkpoint.size()) {
			List<byte[]> consistency = Merkle.consistencyProof(checkpoint.size(), latestSize, store);
			if (!Merkle.verifyConsistency(checkpoint.size(), latestSize, consistency, checkpoint.root(),
					latest.get().root())) {
				return new Result(Verdict.LOG_REWRITTEN, index, checkpoint.size(), latestSize);
			}
		}
		return new Result(Verdict.INCLUDED, index, checkpoint.size(), latestSize);
	}

	/** The root of the stored tree, or null when subtrees it needs are missing (removed behind the log's back). */
	private byte @Nullable [] storedRoot(long size) {
		try {
			return Merkle.root(size, store);
		}
		catch (IllegalStateException missing) {
			return null;
		}
	}

}
