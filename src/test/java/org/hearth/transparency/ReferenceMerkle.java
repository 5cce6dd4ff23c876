package org.hearth.transparency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162 §2.1 read literally, as the oracle {@link Merkle} is tested against: MTH, PATH and PROOF recurse over the
 * leaves themselves, and the verifiers recurse along the same definitions instead of shifting bits. Slow but plain;
 * the only concession is a cache of MTH by range, which cannot change an answer since MTH(D[lo:hi]) does not depend
 * on the tree's size.
 */
final class ReferenceMerkle {

	private final List<byte[]> leaves;
	private final Map<Long, byte[]> mth = new HashMap<>();

	/** Over {@code leaves} (the entries, not their hashes); the list may grow afterwards. */
	ReferenceMerkle(List<byte[]> leaves) {
		this.leaves = leaves;
	}

	/** MTH(D[0:n]). */
	byte[] root(int n) {
		return mth(0, n);
	}

	/** PATH(m, D[0:n]). */
	List<byte[]> path(int m, int n) {
		return path(m, 0, n);
	}

	/** PROOF(m, D[0:n]) for 0 &lt; m ≤ n. */
	List<byte[]> proof(int m, int n) {
		return subproof(m, 0, n, true);
	}

	private byte[] mth(int lo, int hi) {
		int n = hi - lo;
		if (n == 0) {
			return Merkle.emptyRoot();
		}
		if (n == 1) {
			return Merkle.leafHash(leaves.get(lo));
		}
		long key = (long) lo << 32 | hi;
		byte[] cached = mth.get(key);
		if (cached == null) {
			int k = (int) split(n);
			cached = Merkle.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
			mth.put(key, cached);
		}
		return cached;
	}

	/** PATH(m, D[lo:hi]), m relative to lo. */
	private List<byte[]> path(int m, int lo, int hi) {
		int n = hi - lo;
		if (n == 1) {
			return new ArrayList<>();
		}
		int k = (int) split(n);
		List<byte[]> path;
		if (m < k) {
			path = path(m, lo, lo + k);
			path.add(mth(lo + k, hi));
		}
		else {
			path = path(m - k, lo + k, hi);
			path.add(mth(lo, lo + k));
		}
		return path;
	}

	/** SUBPROOF(m, D[lo:hi], b), m relative to lo. */
	private List<byte[]> subproof(int m, int lo, int hi, boolean b) {
		int n = hi - lo;
		if (m == n) {
			List<byte[]> proof = new ArrayList<>();
			if (!b) {
				proof.add(mth(lo, hi));
			}
			return proof;
		}
		int k = (int) split(n);
		List<byte[]> proof;
		if (m <= k) {
			proof = subproof(m, lo, lo + k, b);
			proof.add(mth(lo + k, hi));
		}
		else {
			proof = subproof(m - k, lo + k, hi, false);
			proof.add(mth(lo, lo + k));
		}
		return proof;
	}

	/** "The largest power of two smaller than n", counted up rather than taken from the bits. */
	private static long split(long n) {
		long k = 1;
		while (2 * k < n) {
			k *= 2;
		}
		return k;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// Verifiers that rebuild the roots by following PATH and SUBPROOF top-down, taking proof hashes from the end.

	static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		Deque<byte[]> rest = new ArrayDeque<>(proof);
		byte[] computed = rootFromPath(index, size, leafHash, rest);
		return computed != null && rest.isEmpty() && Arrays.equals(computed, root);
	}

	private static byte[] rootFromPath(long m, long n, byte[] leafHash, Deque<byte[]> rest) {
		if (n == 1) {
			return leafHash;
		}
		if (rest.isEmpty()) {
			return null;
		}
		byte[] sibling = rest.removeLast();
		long k = split(n);
		if (m < k) {
			byte[] left = rootFromPath(m, k, leafHash, rest);
			return left == null ? null : Merkle.nodeHash(left, sibling);
		}
		byte[] right = rootFromPath(m - k, n - k, leafHash, rest);
		return right == null ? null : Merkle.nodeHash(sibling, right);
	}

	/** With the same edges as {@link Merkle#verifyConsistency}: nothing follows from the empty tree. */
	static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
		if (size1 <= 0 || size1 > size2) {
			return false;
		}
		if (size1 == size2) {
			return proof.isEmpty() && Arrays.equals(root1, root2);
		}
		Deque<byte[]> rest = new ArrayDeque<>(proof);
		byte[][] roots = subtreeRoots(size1, size2, true, root1, rest);
		return roots != null && rest.isEmpty() && Arrays.equals(roots[0], root1) && Arrays.equals(roots[1], root2);
	}

	/** The hashes of D[0:m] and D[0:n] within the current range, or null if the proof runs short. */
	private static byte[][] subtreeRoots(long m, long n, boolean b, byte[] root1, Deque<byte[]> rest) {
		if (m == n) {
			if (b) {
				return new byte[][] { root1, root1 };
			}
			if (rest.isEmpty()) {
				return null;
			}
			byte[] hash = rest.removeLast();
			return new byte[][] { hash, hash };
		}
		if (rest.isEmpty()) {
			return null;
		}
		byte[] sibling = rest.removeLast();
		long k = split(n);
		if (m <= k) {
			byte[][] left = subtreeRoots(m, k, b, root1, rest);
			return left == null ? null : new byte[][] { left[0], Merkle.nodeHash(left[1], sibling) };
		}
		byte[][] right = subtreeRoots(m - k, n - k, false, root1, rest);
		return right == null ? null
				: new byte[][] { Merkle.nodeHash(sibling, right[0]), Merkle.nodeHash(sibling, right[1]) };
	}
}
