package org.hearth.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Merkle tree of RFC 9162 §2.1 (the same as RFC 6962 §2.1) over SHA-256: the tree hash, inclusion and
 * consistency proofs, their verification, and appending.
 * <p>
 * Proofs are built from a store of complete, aligned subtree hashes ({@link Subtrees}), never from the leaves: every
 * range the RFC's recursion hashes is either such a subtree or lies on the tree's right edge, where it is the fold of
 * the subtrees of its binary decomposition. So each operation needs O(log n) stored hashes, asked for in one call.
 * Verification ports the RFC's bit-shifting algorithms step by step and never throws: any malformed input is simply
 * not a proof.
 */
public final class Merkle {

	/** The length of every leaf, node and root hash. */
	public static final int HASH_SIZE = 32;

	/** The deepest level a tree of up to {@link Long#MAX_VALUE} leaves has. */
	private static final int MAX_LEVEL = 62;

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java platform must provide SHA-256", e);
		}
	});

	private static final byte[] EMPTY_ROOT = SHA256.get().digest(new byte[0]);

	private Merkle() {
	}

	/** The root of the empty tree: SHA-256 of the empty string. */
	public static byte[] emptyRoot() {
		return EMPTY_ROOT.clone();
	}

	/** SHA-256(0x00 ‖ data): the prefix keeps a leaf from ever passing for an inner node (second preimages). */
	public static byte[] leafHash(byte[] data) {
		MessageDigest sha = SHA256.get();
		sha.update((byte) 0x00);
		sha.update(data);
		return sha.digest();
	}

	/** SHA-256(0x01 ‖ left ‖ right). */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = SHA256.get();
		sha.update((byte) 0x01);
		sha.update(left);
		sha.update(right);
		return sha.digest();
	}

	/**
	 * The complete, aligned subtree of 2<sup>level</sup> leaves starting at leaf {@code index·2^level}; level 0 is a
	 * leaf hash. The constructor admits exactly the subtrees that fit in a tree of {@link Long#MAX_VALUE} leaves, so
	 * {@link #end()} never overflows.
	 */
	public record NodeId(int level, long index) {

		public NodeId {
			if (level < 0 || level > MAX_LEVEL || index < 0 || index >= Long.MAX_VALUE >>> level) {
				throw new IllegalArgumentException("No subtree at level " + level + ", index " + index);
			}
		}

		/** The first leaf it covers. */
		public long start() {
			return index << level;
		}

		/** One past the last leaf it covers. */
		public long end() {
			return (index + 1) << level;
		}
	}

	/** A newly completed subtree and its hash, as {@link Appender#append} reports it for storing. */
	public record Node(NodeId id, byte[] hash) {
	}

	/**
	 * A store of complete subtree hashes. Each operation of {@link Merkle} calls it at most once, with every node it
	 * needs, so a database answers with one query; it is never called with an empty set (an SQL {@code IN ()} would
	 * not parse), which happens only when the answer needs no stored hash at all.
	 */
	@FunctionalInterface
	public interface Subtrees {

		/** The hashes of {@code ids}; a missing one means the store is behind the tree size asked about. */
		Map<NodeId, byte[]> hashes(Set<NodeId> ids);
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Planning: which stored subtrees each answer needs.

	/** The subtrees {@link #root} reads: the binary decomposition of {@code size}, which is also its right edge. */
	public static Set<NodeId> neededForRoot(long size) {
		return rootPlan(size).nodes();
	}

	/** The subtrees {@link #inclusionProof} reads. */
	public static Set<NodeId> neededForInclusion(long index, long size) {
		return inclusionPlan(index, size).nodes();
	}

	/** The subtrees {@link #consistencyProof} reads. */
	public static Set<NodeId> neededForConsistency(long size1, long size2) {
		return consistencyPlan(size1, size2).nodes();
	}

	/** The subtrees an {@link Appender} at {@code size} starts from; the same nodes as {@link #neededForRoot}. */
	public static Set<NodeId> frontier(long size) {
		return neededForRoot(size);
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Answers from the store.

	/** MTH(D[size]) of RFC 9162 §2.1.1. */
	public static byte[] root(long size, Subtrees store) {
		return size == 0 ? emptyRoot() : resolve(rootPlan(size), store).get(0);
	}

	/** PATH(index, D[size]) of RFC 9162 §2.1.3.1, ordered from the leaf's sibling up to the root's child. */
	public static List<byte[]> inclusionProof(long index, long size, Subtrees store) {
		return resolve(inclusionPlan(index, size), store);
	}

	/**
	 * PROOF(size1, D[size2]) of RFC 9162 §2.1.4.1, bottom up. For {@code size1 == size2} and {@code size1 == 0} it is
	 * empty; {@link #verifyConsistency} nevertheless rejects a proof from the empty tree, which proves nothing.
	 */
	public static List<byte[]> consistencyProof(long size1, long size2, Subtrees store) {
		return resolve(consistencyPlan(size1, size2), store);
	}

	/** Each group folds, right to left, into one hash: a root, or one element of a proof. */
	private record Plan(List<List<NodeId>> groups) {

		Set<NodeId> nodes() {
			Set<NodeId> nodes = new LinkedHashSet<>();
			groups.forEach(nodes::addAll);
			return Collections.unmodifiableSet(nodes);
		}
	}

	private static Plan rootPlan(long size) {
		if (size < 0) {
			throw new IllegalArgumentException("Negative tree size " + size);
		}
		return new Plan(size == 0 ? List.of() : List.of(decompose(0, size)));
	}

	private static Plan inclusionPlan(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("Leaf " + index + " is not in a tree of size " + size);
		}
		// PATH's recursion unrolled from the top: the sibling of each range holding the leaf, reversed at the end
		// because the RFC lists them from the bottom.
		List<List<NodeId>> path = new ArrayList<>();
		long lo = 0;
		long hi = size;
		while (hi - lo > 1) {
			long split = lo + largestPowerOfTwoBelow(hi - lo);
			if (index < split) {
				path.add(decompose(split, hi));
				hi = split;
			}
			else {
				path.add(decompose(lo, split));
				lo = split;
			}
		}
		Collections.reverse(path);
		return new Plan(path);
	}

	private static Plan consistencyPlan(long size1, long size2) {
		if (size1 < 0 || size1 > size2) {
			throw new IllegalArgumentException("No consistency proof from size " + size1 + " to " + size2);
		}
		if (size1 == 0 || size1 == size2) {
			return new Plan(List.of());
		}
		// SUBPROOF(m, D[lo:hi], whole) unrolled from the top; m stays absolute, so "m == n" reads size1 == hi.
		List<List<NodeId>> proof = new ArrayList<>();
		long lo = 0;
		long hi = size2;
		boolean whole = true;
		while (size1 != hi) {
			long split = lo + largestPowerOfTwoBelow(hi - lo);
			if (size1 <= split) {
				proof.add(decompose(split, hi));
				hi = split;
			}
			else {
				proof.add(decompose(lo, split));
				lo = split;
				whole = false;
			}
		}
		if (!whole) {
			// A left step came first, so [lo, hi) is complete: one node.
			proof.add(decompose(lo, hi));
		}
		Collections.reverse(proof);
		return new Plan(proof);
	}

	/**
	 * The complete subtrees making up the leaves from start to end (excluded), largest first. Holds for the ranges RFC 9162's recursion visits:
	 * start is a multiple of a power of two at least as large as the range, so every piece is aligned.
	 */
	private static List<NodeId> decompose(long start, long end) {
		List<NodeId> nodes = new ArrayList<>(Long.bitCount(end - start));
		long at = start;
		long rest = end - start;
		while (rest != 0) {
			int level = 63 - Long.numberOfLeadingZeros(rest);
			nodes.add(new NodeId(level, at >>> level));
			at += 1L << level;
			rest -= 1L << level;
		}
		return nodes;
	}

	/** The RFC's split point k: the largest power of two strictly smaller than n, for n ≥ 2. */
	private static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	private static List<byte[]> resolve(Plan plan, Subtrees store) {
		Set<NodeId> ids = plan.nodes();
		Map<NodeId, byte[]> hashes = ids.isEmpty() ? Map.of() : store.hashes(ids);
		List<byte[]> out = new ArrayList<>(plan.groups().size());
		for (List<NodeId> group : plan.groups()) {
			// The right edge of a range: MTH splits off the largest power of two each time, so it nests rightwards.
			byte[] hash = stored(hashes, group.get(group.size() - 1)).clone();
			for (int i = group.size() - 2; i >= 0; i--) {
				hash = nodeHash(stored(hashes, group.get(i)), hash);
			}
			out.add(hash);
		}
		return Collections.unmodifiableList(out);
	}

	private static byte[] stored(Map<NodeId, byte[]> hashes, NodeId id) {
		byte[] hash = hashes.get(id);
		if (hash == null || hash.length != HASH_SIZE) {
			throw new IllegalStateException("The subtree store has no valid hash for " + id);
		}
		return hash;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Verification, as a client does it.

	/**
	 * RFC 9162 §2.1.3.2: does {@code proof} show the leaf with {@code leafHash} at {@code index} in the tree of
	 * {@code size} leaves with {@code root}? False, never an exception, for anything malformed.
	 */
	public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !areHashes(proof)) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				// fn is the last node of its level: skip the levels where it has no right sibling.
				while ((fn & 1) == 0 && fn != 0) {
					fn >>>= 1;
					sn >>>= 1;
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/**
	 * RFC 9162 §2.1.4.2: is the tree of {@code size2} leaves with {@code root2} an extension of the one of
	 * {@code size1} with {@code root1}? False, never an exception, for anything malformed.
	 * <p>
	 * The RFC defines the algorithm for 0 &lt; size1 &lt; size2; the edges follow transparency-dev/merkle and its test
	 * vectors: equal sizes need an empty proof and equal roots (compared as given), and a proof from the empty tree is
	 * rejected whatever it holds, since every tree extends the empty one and saying so proves nothing.
	 */
	public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
		if (size1 <= 0 || size1 > size2 || proof == null || root1 == null || root2 == null) {
			return false;
		}
		if (size1 == size2) {
			return proof.isEmpty() && Arrays.equals(root1, root2);
		}
		// Step 1: an empty path proves nothing between different sizes.
		if (proof.isEmpty() || !isHash(root1) || !isHash(root2) || !areHashes(proof)) {
			return false;
		}
		// Step 2: a power-of-two size1 is a complete subtree whose hash the client already has: root1 leads the path.
		boolean prepended = (size1 & (size1 - 1)) == 0;
		byte[] first = prepended ? root1 : proof.get(0);
		int next = prepended ? 0 : 1;
		// Steps 3 and 4.
		long fn = size1 - 1;
		long sn = size2 - 1;
		while ((fn & 1) == 1) {
			fn >>>= 1;
			sn >>>= 1;
		}
		// Step 5.
		byte[] fr = first;
		byte[] sr = first;
		// Step 6.
		for (int i = next; i < proof.size(); i++) {
			byte[] c = proof.get(i);
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>>= 1;
					sn >>>= 1;
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		// Step 7.
		return Arrays.equals(fr, root1) && Arrays.equals(sr, root2) && sn == 0;
	}

	private static boolean isHash(byte[] hash) {
		return hash != null && hash.length == HASH_SIZE;
	}

	private static boolean areHashes(List<byte[]> hashes) {
		if (hashes == null) {
			return false;
		}
		for (byte[] hash : hashes) {
			if (!isHash(hash)) {
				return false;
			}
		}
		return true;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Appending.

	/**
	 * The right edge of a growing tree: the hashes of the complete subtrees of its size's binary decomposition, one
	 * per set bit. Appending a leaf merges it with the equally large subtrees to its left, like a binary counter's
	 * carry, so n appends cost fewer than 2n hashes. Not thread-safe: a log has one writer.
	 */
	public static final class Appender {

		/** By level: the decomposition's subtree of that level, or null where size's bit is clear. */
		private final byte[][] edge = new byte[MAX_LEVEL + 1][];
		private long size;

		/** An empty tree. */
		public Appender() {
			this(0, Map.of());
		}

		/** The tree of {@code size} leaves, from the hashes of {@link Merkle#frontier(long) frontier(size)}. */
		public Appender(long size, Map<NodeId, byte[]> frontier) {
			for (NodeId id : Merkle.frontier(size)) {
				byte[] hash = frontier.get(id);
				if (!isHash(hash)) {
					throw new IllegalArgumentException("The frontier of size " + size + " lacks " + id);
				}
				edge[id.level()] = hash.clone();
			}
			this.size = size;
		}

		public long size() {
			return size;
		}

		/** MTH of the current tree, from the edge alone. */
		public byte[] root() {
			byte[] root = null;
			for (byte[] hash : edge) {
				if (hash != null) {
					root = root == null ? hash.clone() : nodeHash(hash, root);
				}
			}
			return root == null ? emptyRoot() : root;
		}

		/**
		 * Appends the leaf with {@code leafHash} (see {@link Merkle#leafHash}) and returns every subtree it completes,
		 * bottom up: the leaf itself at level 0, then each parent it fills.
		 */
		public List<Node> append(byte[] leafHash) {
			if (!isHash(leafHash)) {
				throw new IllegalArgumentException("A leaf hash has " + HASH_SIZE + " bytes");
			}
			if (size == Long.MAX_VALUE) {
				throw new IllegalStateException("The tree is full");
			}
			List<Node> completed = new ArrayList<>(2);
			byte[] hash = leafHash.clone();
			int level = 0;
			long index = size;
			completed.add(new Node(new NodeId(level, index), hash.clone()));
			// While a subtree of the same size waits at this level, the new one is its right sibling.
			while ((index & 1) == 1) {
				hash = nodeHash(edge[level], hash);
				edge[level] = null;
				level++;
				index >>>= 1;
				completed.add(new Node(new NodeId(level, index), hash.clone()));
			}
			edge[level] = hash;
			size++;
			return Collections.unmodifiableList(completed);
		}
	}
}
