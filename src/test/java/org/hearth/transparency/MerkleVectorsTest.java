package org.hearth.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hearth.transparency.Merkle.Node;
import org.hearth.transparency.Merkle.NodeId;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The RFC 9162 vectors of transparency-dev/merkle (src/test/resources/merkle/README.md): every valid proof verifies,
 * every corrupted one is rejected, and the valid ones are exactly the proofs {@link Merkle} builds for the same leaves.
 */
class MerkleVectorsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HexFormat HEX = HexFormat.of();

	/** The leaves and published roots behind the vectors (transparency-dev/merkle, testonly and proof tests). */
	private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f");
	private static final List<String> ROOTS = List.of(
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	@TestFactory
	Stream<DynamicTest> everyInclusionVector() {
		return vectors("inclusion").map(v -> dynamicTest(v.name(), () -> {
			JsonNode json = v.json();
			boolean verified = Merkle.verifyInclusion(u64(json.get("leafIdx")), u64(json.get("treeSize")),
					bytes(json.get("leafHash")), hashes(json.get("proof")), bytes(json.get("root")));
			assertThat(verified).as(json.get("desc").asString()).isEqualTo(v.valid());
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyConsistencyVector() {
		return vectors("consistency").map(v -> dynamicTest(v.name(), () -> {
			JsonNode json = v.json();
			boolean verified = Merkle.verifyConsistency(u64(json.get("size1")), u64(json.get("size2")),
					hashes(json.get("proof")), bytes(json.get("root1")), bytes(json.get("root2")));
			assertThat(verified).as(json.get("desc").asString()).isEqualTo(v.valid());
		}));
	}

	/**
	 * The vectors hold Go uint64 values, some of them 2^64-1; Java reads the same 64 bits as a negative long, which
	 * the verifier must reject just as Go's rejects an index beyond the tree.
	 */
	private static long u64(JsonNode value) {
		return value.bigIntegerValue().longValue();
	}

	/** A vector lost in copying would pass silently above; here it does not. */
	@Test
	void allVectorsAreThere() {
		for (String kind : List.of("inclusion", "consistency")) {
			long valid = vectors(kind).filter(Vector::valid).count();
			long invalid = vectors(kind).filter(v -> !v.valid()).count();
			System.out.printf("Merkle vectors, %s: %d valid, %d invalid%n", kind, valid, invalid);
			assertThat(valid).as(kind + " valid").isEqualTo(6);
			assertThat(invalid).as(kind + " invalid").isEqualTo(92);
		}
	}

	/** Ties the prover to the outside world: the valid vectors are what Merkle builds for the published leaves. */
	@Test
	void validVectorsAreTheProofsMerkleBuilds() {
		var appender = new Merkle.Appender();
		Map<NodeId, byte[]> store = new HashMap<>();
		Merkle.Subtrees subtrees = ids -> {
			Map<NodeId, byte[]> found = new HashMap<>();
			ids.forEach(id -> found.put(id, store.get(id)));
			return found;
		};
		for (int size = 1; size <= LEAVES.size(); size++) {
			for (Node node : appender.append(Merkle.leafHash(HEX.parseHex(LEAVES.get(size - 1))))) {
				store.put(node.id(), node.hash());
			}
			assertThat(HEX.formatHex(appender.root())).isEqualTo(ROOTS.get(size - 1));
			assertThat(HEX.formatHex(Merkle.root(size, subtrees))).isEqualTo(ROOTS.get(size - 1));
		}

		List<Vector> valid = Stream.concat(vectors("inclusion"), vectors("consistency")).filter(Vector::valid)
				.filter(v -> !v.name().contains("additional") && !v.name().contains("single-entry")).toList();
		assertThat(valid).hasSize(10);
		for (Vector v : valid) {
			JsonNode json = v.json();
			if (json.has("leafIdx")) {
				int index = json.get("leafIdx").asInt();
				long size = json.get("treeSize").asLong();
				assertThat(json.get("leafHash").asString())
						.isEqualTo(base64(Merkle.leafHash(HEX.parseHex(LEAVES.get(index)))));
				assertThat(base64(Merkle.inclusionProof(index, size, subtrees))).as(v.name())
						.isEqualTo(base64(hashes(json.get("proof"))));
				assertThat(json.get("root").asString()).isEqualTo(base64(Merkle.root(size, subtrees)));
			}
			else {
				long size1 = json.get("size1").asLong();
				long size2 = json.get("size2").asLong();
				assertThat(base64(Merkle.consistencyProof(size1, size2, subtrees))).as(v.name())
						.isEqualTo(base64(hashes(json.get("proof"))));
				assertThat(json.get("root1").asString()).isEqualTo(base64(Merkle.root(size1, subtrees)));
				assertThat(json.get("root2").asString()).isEqualTo(base64(Merkle.root(size2, subtrees)));
			}
		}
	}

	record Vector(String name, JsonNode json) {

		boolean valid() {
			return !json.get("wantErr").asBoolean();
		}
	}

	private static Stream<Vector> vectors(String kind) {
		try {
			Path root = Path.of(MerkleVectorsTest.class.getResource("/merkle").toURI());
			try (Stream<Path> files = Files.walk(root.resolve(kind))) {
				List<Vector> vectors = new ArrayList<>();
				for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
					vectors.add(new Vector(root.relativize(file).toString(), JSON.readTree(Files.readString(file))));
				}
				return vectors.stream();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] bytes(JsonNode base64) {
		return Base64.getDecoder().decode(base64.asString());
	}

	/** Go writes an empty proof as null. */
	private static List<byte[]> hashes(JsonNode array) {
		List<byte[]> hashes = new ArrayList<>();
		if (!array.isNull()) {
			array.forEach(element -> hashes.add(bytes(element)));
		}
		return hashes;
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(MerkleVectorsTest::base64).toList();
	}
}
