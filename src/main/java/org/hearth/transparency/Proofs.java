package org.hearth.transparency;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hearth.shared.RuleViolationException;
import org.hearth.transparency.Merkle.NodeId;
import org.springframework.stereotype.Service;

/** Proofs and entries as the public API serves them, checked against the log's current size. */
@Service
public class Proofs {

	/** The most entries one request may ask for. */
	public static final int MAX_ENTRIES = 10_000;

	private final LogStore store;

	Proofs(LogStore store) {
		this.store = store;
	}

	public long size() {
		return store.size();
	}

	public record Inclusion(byte[] leafHash, List<byte[]> path) {
	}

	/** The proof and the leaf's hash, read in the same query as the proof's subtrees. */
	public Inclusion inclusion(long index, long size) {
		if (size < 1 || size > store.size() || index < 0 || index >= size) {
			throw new RuleViolationException("transparency.error.range");
		}
		NodeId leaf = new NodeId(0, index);
		Map<NodeId, byte[]> read = new HashMap<>();
		List<byte[]> path = Merkle.inclusionProof(index, size, ids -> {
			Set<NodeId> withLeaf = new HashSet<>(ids);
			withLeaf.add(leaf);
			read.putAll(store.hashes(withLeaf));
			return read;
		});
		byte[] leafHash = read.containsKey(leaf) ? read.get(leaf) : store.hashes(Set.of(leaf)).get(leaf);
		return new Inclusion(leafHash, path);
	}

	public Optional<Long> indexOf(byte[] leafHash) {
		return store.indexOf(leafHash);
	}

	public List<byte[]> consistency(long from, long to) {
		if (from < 1 || to > store.size() || from > to) {
			throw new RuleViolationException("transparency.error.range");
		}
		return Merkle.consistencyProof(from, to, store);
	}

	public byte[] root(long size) {
		if (size < 0 || size > store.size()) {
			throw new RuleViolationException("transparency.error.range");
		}
		return Merkle.root(size, store);
	}

	public record Entry(long index, byte[] data, byte[] hash) {
	}

	/** At most {@link #MAX_ENTRIES} from start; none when start is at or past the end of the log. */
	public List<Entry> entries(long start, long end) {
		if (start < 0 || end <= start) {
			throw new RuleViolationException("transparency.error.range");
		}
		long size = store.size();
		if (start >= size) {
			return List.of();
		}
		long last = Math.min(Math.min(end, size), start + MAX_ENTRIES);
		return store.leaves(start, last).stream().map(l -> new Entry(l.index(), l.data(), l.hash())).toList();
	}
}
