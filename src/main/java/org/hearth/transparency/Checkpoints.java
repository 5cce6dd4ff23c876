package org.hearth.transparency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint whenever the log has grown, at most once per interval. Before signing it proves, from the
 * stored tree, that the new tree extends the last signed one: a log that was rewritten is never signed again.
 */
@Service
public class Checkpoints {

	private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

	private final LogStore store;
	private final LogKey key;
	private final TransparencyProperties properties;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;

	Checkpoints(LogStore store, LogKey key, TransparencyProperties properties, JdbcClient jdbc, Clock clock,
			TransactionTemplate transactions) {
		this.store = store;
		this.transactions = transactions;
		this.key = key;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hearth.transparency.checkpoint-interval}",
			initialDelayString = "${hearth.transparency.checkpoint-interval}")
	void scheduled() {
		try {
			scheduledOrThrow();
		}
		catch (RuntimeException e) {
			log.error("Could not sign a checkpoint: {}", e.getMessage());
		}
	}

	/**
	 * What the schedule runs. A call from inside this bean passes by its transactional proxy, so the transaction that
	 * holds the signer's lock until the checkpoint is written is opened here.
	 */
	void scheduledOrThrow() {
		transactions.executeWithoutResult(tx -> signIfGrown());
	}

	/**
	 * Signs a checkpoint of the current tree if it is larger than the last signed one.
	 *
	 * @return the new checkpoint's note, or empty if the log has not grown
	 * @throws IllegalStateException if the current tree is not consistent with the last checkpoint
	 */
	@Transactional
	public Optional<String> signIfGrown() {
		// One signer at a time across instances; others skip this round.
		boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('hearth.transparency.checkpoint'))")
				.query(Boolean.class).single();
		if (!mine) {
			return Optional.empty();
		}
		long size = store.size();
		Optional<LogStore.StoredCheckpoint> last = store.latestCheckpoint();
		if (size == 0 || last.isPresent() && last.get().size() >= size) {
			return Optional.empty();
		}
		byte[] root = Merkle.root(size, store);
		if (last.isPresent()) {
			List<byte[]> proof = Merkle.consistencyProof(last.get().size(), size, store);
			if (!Merkle.verifyConsistency(last.get().size(), size, proof, last.get().root(), root)) {
				throw new IllegalStateException("The log of size " + size + " is not consistent with the checkpoint of "
						+ "size " + last.get().size() + ": refusing to sign it");
			}
		}
		String note = SignedNote.sign(new Checkpoint(properties.origin(), size, root, List.of()).text(), key.signer());
		store.insertCheckpoint(size, root, note, clock.instant());
		return Optional.of(note);
	}

	/** The latest checkpoint with the observers' cosignatures added. */
	public Optional<String> latest() {
		return store.latestCheckpoint().map(c -> withCosignatures(c.size(), c.note()));
	}

	String withCosignatures(long size, String note) {
		List<String> lines = store.cosignatures(size);
		return lines.isEmpty() ? note : SignedNote.addSignatures(note, lines.toArray(String[]::new));
	}

	/**
	 * Adds an observer's cosignature (c2sp.org/tlog-cosignature) to the checkpoint of {@code size}, if it is by a
	 * witness this installation trusts ({@code hearth.transparency.witnesses}) and verifies. Adding the same witness
	 * twice keeps the first.
	 *
	 * @return the checkpoint with every cosignature it now has
	 */
	@Transactional
	public String addCosignature(long size, String line) {
		LogStore.StoredCheckpoint checkpoint = store.checkpoint(size).orElseThrow(NotFoundException::new);
		String text = SignedNote.parse(checkpoint.note()).text();
		String signature = line.strip();
		for (String witnessKey : properties.witnesses()) {
			NoteVerifier witness = NoteVerifier.parse(witnessKey);
			boolean valid;
			try {
				valid = Cosignature.verify(text, signature, witness);
			}
			catch (RuntimeException malformed) {
				throw new RuleViolationException("transparency.error.cosignature");
			}
			if (valid) {
				store.insertCosignature(size, witness.name(), signature, clock.instant());
				return withCosignatures(size, checkpoint.note());
			}
		}
		throw new RuleViolationException("transparency.error.cosignature");
	}

	/** The verifier key of the log, in the signed-note vkey format. */
	public String verifierKey() {
		return key.signer().verifierKey();
	}
}
