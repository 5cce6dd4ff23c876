package org.hearth.transparency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hearth.transparency.Merkle.Node;
import org.hearth.transparency.Merkle.NodeId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the log's Merkle tree over random sizes, checked against {@link ReferenceMerkle} (RFC 9162 read
 * literally). The randomness is seeded and the seed is in every failure message, so a failure can be replayed.
 * (jqwik would shrink failures, but it is not part of the build: see docs/transparency.md, "Tests".)
 */
class MerklePropertiesTest {

	private static final long SEED = 0x4865617274684cL;
	private static final int TRIALS = 300;

	@Test
	void everyProofTheLogProducesVerifiesAndEqualsTheReference() {
		Random random = new Random(SEED);
		Tree tree = new Tree();
		tree.grow(600, random);
		ReferenceMerkle reference = new ReferenceMerkle(tree.leaves);
		for (int trial = 0; trial < TRIALS; trial++) {
			int size = 1 + random.nextInt(tree.size());
			int index = random.nextInt(size);
			int older = 1 + random.nextInt(size);
			String what = "seed " + SEED + ", trial " + trial + ": index " + index + ", sizes " + older + ".." + size;

			byte[] root = Merkle.root(size, tree);
			assertThat(root).as(what).isEqualTo(reference.root(size));
			List<byte[]> inclusion = Merkle.inclusionProof(index, size, tree);
			assertThat(inclusion).as(what).containsExactlyElementsOf(reference.path(index, size));
			assertThat(Merkle.verifyInclusion(index, size, tree.leafHash(index), inclusion, root)).as(what).isTrue();

			List<byte[]> consistency = Merkle.consistencyProof(older, size, tree);
			assertThat(consistency).as(what).containsExactlyElementsOf(reference.proof(older, size));
			assertThat(Merkle.verifyConsistency(older, size, consistency, Merkle.root(older, tree), root)).as(what)
					.isTrue();
			assertThat(ReferenceMerkle.verifyConsistency(older, size, consistency, reference.root(older), root))
					.as(what).isTrue();
		}
	}

	@Test
	void anyFlippedBitFailsVerification() {
		Random random = new Random(SEED + 1);
		Tree tree = new Tree();
		tree.grow(300, random);
		for (int trial = 0; trial < TRIALS; trial++) {
			int size = 2 + random.nextInt(tree.size() - 1);
			int index = random.nextInt(size);
			int older = 1 + random.nextInt(size - 1);
			String what = "seed " + (SEED + 1) + ", trial " + trial + ": index " + index + ", sizes " + older + ".." + size;
			byte[] root = Merkle.root(size, tree);
			byte[] olderRoot = Merkle.root(older, tree);
			List<byte[]> inclusion = Merkle.inclusionProof(index, size, tree);
			List<byte[]> consistency = Merkle.consistencyProof(older, size, tree);

			// One bit, anywhere: in the leaf, the root or one of the proof's hashes.
			assertThat(Merkle.verifyInclusion(index, size, flip(tree.leafHash(index), random), inclusion, root))
					.as(what).isFalse();
			assertThat(Merkle.verifyInclusion(index, size, tree.leafHash(index), inclusion, flip(root, random)))
					.as(what).isFalse();
			if (!inclusion.isEmpty()) {
				assertThat(Merkle.verifyInclusion(index, size, tree.leafHash(index), flipOne(inclusion, random), root))
						.as(what).isFalse();
			}
			assertThat(Merkle.verifyConsistency(older, size, consistency, flip(olderRoot, random), root)).as(what)
					.isFalse();
			assertThat(Merkle.verifyConsistency(older, size, consistency, olderRoot, flip(root, random))).as(what)
					.isFalse();
			if (!consistency.isEmpty()) {
				assertThat(Merkle.verifyConsistency(older, size, flipOne(consistency, random), olderRoot, root))
						.as(what).isFalse();
			}
			// The proof for another position, or with a hash missing or added, proves nothing.
			assertThat(Merkle.verifyInclusion((index + 1) % size, size, tree.leafHash(index), inclusion, root))
					.as(what).isFalse();
			if (!inclusion.isEmpty()) {
				assertThat(Merkle.verifyInclusion(index, size, tree.leafHash(index),
						inclusion.subList(0, inclusion.size() - 1), root)).as(what).isFalse();
			}
			List<byte[]> longer = new ArrayList<>(consistency);
			longer.add(root);
			assertThat(Merkle.verifyConsistency(older, size, longer, olderRoot, root)).as(what).isFalse();
		}
	}

	/** The appender's nodes are exactly the complete subtrees, so a log resumed from its frontier continues alike. */
	@Test
	void anAppenderResumedFromItsFrontierBuildsTheSameTree() {
		Random random = new Random(SEED + 2);
		Tree tree = new Tree();
		tree.grow(1 + random.nextInt(500), random);
		Merkle.Appender resumed = new Merkle.Appender(tree.size(), tree.hashes(Merkle.frontier(tree.size())));
		Tree continued = new Tree();
		continued.leaves.addAll(tree.leaves);
		continued.nodes.putAll(tree.nodes);
		for (int i = 0; i < 300; i++) {
			byte[] data = new byte[8 + random.nextInt(40)];
			random.nextBytes(data);
			continued.leaves.add(data);
			for (Node node : resumed.append(Merkle.leafHash(data))) {
				continued.nodes.put(node.id(), node.hash());
			}
			assertThat(resumed.root()).isEqualTo(new ReferenceMerkle(continued.leaves).root(continued.size()));
		}
	}

	/**
	 * On trees of up to 2^62 leaves, a proof is one store read of at most 2·log2(n) subtrees and verifies; so the
	 * work does not grow with the log (benchmarked on a real 10-million-entry log in bench/).
	 */
	@Test
	void proofsOnHugeTreesReadLogarithmicallyManySubtreesInOneCall() {
		Random random = new Random(SEED + 3);
		for (int trial = 0; trial < 200; trial++) {
			long size = 2 + (random.nextLong() >>> (1 + random.nextInt(62)));
			long index = Math.floorMod(random.nextLong(), size - 1);
			SyntheticSubtrees store = new SyntheticSubtrees(index);
			int bound = 2 * (64 - Long.numberOfLeadingZeros(size));
			String what = "seed " + (SEED + 3) + ", trial " + trial + ": index " + index + " of " + size;

			byte[] root = Merkle.root(size, store);
			store.calls = 0;
			List<byte[]> inclusion = Merkle.inclusionProof(index, size, store);
			assertThat(store.calls).as(what).isEqualTo(1);
			assertThat(store.asked.size()).as(what).isLessThanOrEqualTo(bound);
			assertThat(Merkle.verifyInclusion(index, size, leafOf(store, index), inclusion, root)).as(what).isTrue();

			store.calls = 0;
			List<byte[]> consistency = Merkle.consistencyProof(index + 1, size, store);
			assertThat(store.calls).as(what).isEqualTo(1);
			assertThat(store.asked.size()).as(what).isLessThanOrEqualTo(bound);
			assertThat(Merkle.verifyConsistency(index + 1, size, consistency, Merkle.root(index + 1, store), root))
					.as(what).isTrue();
		}
	}

	private static byte[] leafOf(SyntheticSubtrees store, long index) {
		NodeId id = new NodeId(0, index);
		return store.hashes(java.util.Set.of(id)).get(id);
	}

	private static byte[] flip(byte[] hash, Random random) {
		byte[] flipped = hash.clone();
		int bit = random.nextInt(flipped.length * 8);
		flipped[bit / 8] ^= (byte) (1 << (bit % 8));
		return flipped;
	}

	private static List<byte[]> flipOne(List<byte[]> hashes, Random random) {
		List<byte[]> flipped = new ArrayList<>(hashes);
		int which = random.nextInt(flipped.size());
		flipped.set(which, flip(flipped.get(which), random));
		return flipped;
	}

	/** A log in memory: leaves of random content, with every complete subtree stored as the database stores it. */
	private static final class Tree implements Merkle.Subtrees {

		final List<byte[]> leaves = new ArrayList<>();
		final Map<NodeId, byte[]> nodes = new HashMap<>();

		void grow(int count, Random random) {
			Merkle.Appender appender = new Merkle.Appender();
			for (byte[] leaf : leaves) {
				appender.append(Merkle.leafHash(leaf));
			}
			for (int i = 0; i < count; i++) {
				byte[] data = new byte[8 + random.nextInt(40)];
				random.nextBytes(data);
				leaves.add(data);
				for (Node node : appender.append(Merkle.leafHash(data))) {
					nodes.put(node.id(), node.hash());
				}
			}
		}

		int size() {
			return leaves.size();
		}

		byte[] leafHash(int index) {
			return nodes.get(new NodeId(0, index));
		}

		@Override
		public Map<NodeId, byte[]> hashes(java.util.Set<NodeId> ids) {
			Map<NodeId, byte[]> found = new HashMap<>();
			ids.forEach(id -> {
				if (nodes.containsKey(id)) {
					found.put(id, nodes.get(id));
				}
			});
			return found;
		}
	}
}
