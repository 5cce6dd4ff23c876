package org.hearth.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hearth.shared.RecordedChange;
import org.hearth.transparency.Merkle.NodeId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends one entry per recorded change, in the transaction of the change: if the change rolls back, so does its
 * entry, and a change cannot commit without it. Entries are numbered without gaps under a lock on the log's head.
 */
@Service
public class TransparencyLog {

	private static final SecureRandom random = new SecureRandom();

	private final LogStore store;
	private final Clock clock;
	private volatile byte[] referenceKey;

	TransparencyLog(LogStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Runs in the caller's transaction, which must exist: an entry is never written on its own. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(RecordedChange change) {
		appendAll(List.of(change));
	}

	/** Appends several changes at once: one lock, one read of the tree's right edge, batched inserts. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> appendAll(List<? extends RecordedChange> changes) {
		long size = store.lockSize();
		Merkle.Appender appender = new Merkle.Appender(size, store.hashes(Merkle.frontier(size)));
		List<LogStore.NewLeaf> leaves = new ArrayList<>();
		Map<NodeId, byte[]> nodes = new LinkedHashMap<>();
		List<Long> indexes = new ArrayList<>();
		Instant now = clock.instant();
		for (RecordedChange change : changes) {
			long index = appender.size();
			byte[] salt = new byte[32];
			random.nextBytes(salt);
			var entry = new LeafFormat.Entry(index, change.occurredAt(), change.entityType(),
					reference(change.entityType(), change.entityId().toString()), change.action(), change.roleName(),
					change.officeCode() == null ? "-" : change.officeCode(), commitment(salt, change));
			byte[] data = entry.bytes();
			byte[] hash = Merkle.leafHash(data);
			for (Merkle.Node node : appender.append(hash)) {
				nodes.put(node.id(), node.hash());
			}
			leaves.add(new LogStore.NewLeaf(index, data, hash, now, change.entityType(), change.entityId(), salt));
			indexes.add(index);
		}
		store.insert(leaves, nodes);
		store.setSize(appender.size());
		return indexes;
	}

	/**
	 * The opaque form of a record's id in the log: keyed, so that nobody can tell from the public log which record an
	 * entry is about, yet stable, so that the entries of one record can be seen to belong together.
	 */
	String reference(String entityType, String id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(referenceKey(), "HmacSHA256"));
			byte[] full = mac.doFinal((entityType + ":" + id).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] referenceKey() {
		byte[] key = referenceKey;
		if (key == null) {
			key = store.secret("entity-reference");
			referenceKey = key;
		}
		return key;
	}

	/**
	 * SHA-256 over a random salt and the change: binds the entry to the record's content (through its digest)
	 * without revealing it; the salt, kept privately, lets the agency prove the content later to an auditor.
	 */
	static byte[] commitment(byte[] salt, RecordedChange change) {
		String content = "hearth/commitment/v1\n" + change.entityType() + "\n" + change.entityId() + "\n"
				+ change.action() + "\n" + change.occurredAt() + "\n" + change.contentDigest() + "\n";
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(salt);
			return sha256.digest(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
