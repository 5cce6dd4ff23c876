package org.hearth.transparency;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.hearth.transparency.Merkle.NodeId;

/**
 * A store for a tree too large to hash, made up on demand. A proof about one leaf only needs the hashes along that
 * leaf's path to be real: every other subtree enters the verifier as an opaque sibling. So each subtree hash here is
 * a pseudo-random function of its position, except the ancestors of one witness leaf, which are the node hashes of
 * their children. Proofs about the witness (inclusion of it; consistency up to the size just after it) then verify
 * against {@link Merkle#root} of this same store, and a proof that used a wrong node would not.
 */
final class SyntheticSubtrees implements Merkle.Subtrees {

	private final long witness;
	private final byte[][] ancestors = new byte[63][];

	/** How often {@link #hashes} was called, and with what. */
	int calls;
	Set<NodeId> asked = Set.of();

	SyntheticSubtrees(long witness) {
		this.witness = witness;
		ancestors[0] = pseudo(0, witness);
		for (int level = 1; level < ancestors.length; level++) {
			long index = witness >>> level;
			boolean right = ((witness >>> (level - 1)) & 1) == 1;
			byte[] sibling = pseudo(level - 1, right ? 2 * index : 2 * index + 1);
			ancestors[level] = right ? Merkle.nodeHash(sibling, ancestors[level - 1])
					: Merkle.nodeHash(ancestors[level - 1], sibling);
		}
	}

	@Override
	public Map<NodeId, byte[]> hashes(Set<NodeId> ids) {
		calls++;
		asked = new LinkedHashSet<>(ids);
		Map<NodeId, byte[]> hashes = new HashMap<>();
		for (NodeId id : ids) {
			hashes.put(id, hash(id));
		}
		return hashes;
	}

	private byte[] hash(NodeId id) {
		return id.index() == witness >>> id.level() ? ancestors[id.level()].clone() : pseudo(id.level(), id.index());
	}

	/** 32 bytes from SplitMix64 seeded with the position: cheap, so timings measure the proofs, not the store. */
	private static byte[] pseudo(int level, long index) {
		byte[] hash = new byte[Merkle.HASH_SIZE];
		long state = index * 0x9E3779B97F4A7C15L + level;
		for (int i = 0; i < hash.length; i += 8) {
			state += 0x9E3779B97F4A7C15L;
			long z = state;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			z ^= z >>> 31;
			for (int b = 0; b < 8; b++) {
				hash[i + b] = (byte) (z >>> (8 * b));
			}
		}
		return hash;
	}
}
