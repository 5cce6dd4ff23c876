package org.hearth.transparency;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Receipts: the proof a person keeps that their submission entered the log. A receipt names the entry (index and
 * leaf hash) and a signed checkpoint that contains it; anyone can check it at /transparency/check, now or years
 * later, against the log as it is then.
 */
@Service
public class Receipts {

	static final String VERSION_LINE = "hearth/receipt/v1";

	private final LogStore store;
	private final Checkpoints checkpoints;

	Receipts(LogStore store, Checkpoints checkpoints) {
		this.store = store;
		this.checkpoints = checkpoints;
	}

	/**
	 * @param checkpoint the signed note of the first checkpoint containing the entry, or null while none does yet
	 *     (checkpoints are signed every few seconds)
	 */
	public record Receipt(long index, byte[] leafHash, @Nullable String checkpoint) {

		public boolean sealed() {
			return checkpoint != null;
		}

		public String leafHashBase64() {
			return Base64.getEncoder().encodeToString(leafHash);
		}

		/** The receipt as text to keep, print or paste into the check page. */
		public String text() {
			return VERSION_LINE + "\nleaf " + index + "\nhash " + leafHashBase64() + "\n\n"
					+ (checkpoint == null ? "" : checkpoint);
		}
	}

	/** Receipts of every entry of a record, oldest first: the first is its submission's. */
	public List<Receipt> of(String entityType, UUID entityId) {
		return store.indexesOf(entityType, entityId).stream().map(this::receipt).toList();
	}

	/** The receipt of the record's first entry, waiting up to {@code patience} for a checkpoint to contain it. */
	public Optional<Receipt> first(String entityType, UUID entityId, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			List<Long> indexes = store.indexesOf(entityType, entityId);
			if (indexes.isEmpty()) {
				return Optional.empty();
			}
			Receipt receipt = receipt(indexes.get(0));
			if (receipt.sealed() || System.nanoTime() > deadline) {
				return Optional.of(receipt);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Optional.of(receipt);
			}
		}
	}

	private Receipt receipt(long index) {
		byte[] hash = store.leaves(index, index + 1).get(0).hash();
		String note = store.firstCheckpointWith(index).map(c -> checkpoints.withCosignatures(c.size(), c.note()))
				.orElse(null);
		return new Receipt(index, hash, note);
	}
}
