package org.hearth.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.Residency;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.shared.RecordedChange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The log inside the running application: one entry per change in the change's own transaction, entries without
 * personal data, checkpoints signed with the published key, the public proofs and entries, and receipts checked.
 */
@HearthTest
class TransparencyLogTest {

	@Autowired
	TransparencyLog log;

	@Autowired
	LogStore store;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	Receipts receipts;

	@Autowired
	ReceiptCheck receiptCheck;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransparencyProperties properties;

	final JsonMapper json = JsonMapper.builder().build();

	record Change(String entityType, UUID entityId, String action, String roleName, @Nullable String officeCode,
			Instant occurredAt, String contentDigest) implements RecordedChange {

		static Change any() {
			return new Change("test", UUID.randomUUID(), "tested", "CASEWORKER", "KHA",
					Instant.now().truncatedTo(ChronoUnit.MICROS), "00".repeat(32));
		}
	}

	@Test
	void anEntryIsWrittenOnlyWithinTheTransactionOfItsChange() {
		Change change = Change.any();
		assertThatThrownBy(() -> log.on(change)).isInstanceOf(IllegalTransactionStateException.class);

		// The change rolls back: so does its entry, and the next entry takes the same number.
		long before = transaction.execute(tx -> {
			long size = store.size();
			log.on(change);
			assertThat(store.indexesOf("test", change.entityId())).containsExactly(size);
			tx.setRollbackOnly();
			return size;
		});
		assertThat(store.indexesOf("test", change.entityId())).isEmpty();

		List<Long> appended = transaction.execute(tx -> log.appendAll(List.of(Change.any(), Change.any())));
		assertThat(appended.get(0)).isGreaterThanOrEqualTo(before);
		assertThat(appended.get(1)).isEqualTo(appended.get(0) + 1);
		assertThat(store.size()).isGreaterThan(appended.get(1));
	}

	@Test
	void everyChangeOfAnApplicationHasOneEntryWithoutPersonalData() {
		CurrentUser applicant = users.newApplicant("ru");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.forLanguageTag("ru"), null);
		CurrentUser caseworker = users.demo("caseworker@hearth.demo");
		applications.open(caseworker, draft.id(), org.hearth.applications.AccessPurpose.REVIEW);
		applications.assign(caseworker, draft.id());

		UUID id = draft.id().id();
		List<Long> indexes = store.indexesOf("application", id);
		assertThat(indexes).hasSize(applications.history(draft.id()).size()).hasSize(2);
		List<LeafFormat.Entry> entries = new ArrayList<>();
		for (long index : indexes) {
			LogStore.StoredLeaf leaf = store.leaves(index, index + 1).get(0);
			assertThat(leaf.hash()).isEqualTo(Merkle.leafHash(leaf.data()));
			String text = new String(leaf.data(), StandardCharsets.UTF_8);
			assertThat(text).doesNotContain(id.toString()).doesNotContain(users.email(applicant))
					.doesNotContain(applicant.uuid().toString()).doesNotContain(caseworker.uuid().toString())
					.doesNotContain("caseworker@").doesNotContain(Residency.LATIN_NAME).doesNotContain("Петросян")
					.doesNotContain(Residency.WRITTEN_NAME).doesNotContain("Yerevan");
			entries.add(LeafFormat.parse(leaf.data()));
		}
		assertThat(entries).extracting(LeafFormat.Entry::action).containsExactly("submitted", "assigned");
		assertThat(entries).extracting(LeafFormat.Entry::role).containsExactly("APPLICANT", "CASEWORKER");
		assertThat(entries).extracting(LeafFormat.Entry::office).containsExactly("-", "KHA");
		assertThat(entries).extracting(LeafFormat.Entry::entity).containsOnly("application");
		// One opaque reference per record, so its entries can be followed without knowing which record it is.
		assertThat(entries).extracting(LeafFormat.Entry::ref).containsOnly(entries.get(0).ref());
		assertThat(entries.get(0).ref()).isEqualTo(log.reference("application", id.toString()))
				.isNotEqualTo(log.reference("application", UUID.randomUUID().toString()));
		// The commitment opens only with the salt the agency keeps.
		byte[] salt = jdbc.sql("SELECT salt FROM transparency.leaf_subject WHERE idx = ?").param(indexes.get(0))
				.query(byte[].class).single();
		assertThat(salt).hasSize(32);
		assertThat(entries.get(0).commitment()).hasSize(32);
	}

	@Test
	void checkpointsAreSignedWhenTheLogGrowsWithThePublishedKey() throws Exception {
		transaction.executeWithoutResult(tx -> log.on(Change.any()));
		checkpoints.signIfGrown();
		assertThat(checkpoints.signIfGrown()).as("nothing new to sign").isEmpty();

		String key = mvc.perform(get("/transparency/key")).andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)).andReturn().getResponse()
				.getContentAsString();
		var served = mvc.perform(get("/transparency/checkpoint")).andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)).andReturn();
		// Observers' tools get no session: nothing is stored for them, no cookie is set.
		assertThat(served.getRequest().getSession(false)).isNull();
		assertThat(served.getResponse().getHeader("Set-Cookie")).isNull();
		String note = served.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(note, List.of(NoteVerifier.parse(key.strip()))));
		assertThat(checkpoint.origin()).isEqualTo(properties.origin());
		assertThat(checkpoint.size()).isEqualTo(store.latestCheckpoint().orElseThrow().size());
		assertThat(checkpoint.root()).isEqualTo(Merkle.root(checkpoint.size(), store));
		assertThat(note.lines().toList()).first().isEqualTo(checkpoint.origin());
		assertThat(note).contains("\n\n\u2014 " + properties.origin() + " ");
	}

	@Test
	void theScheduledSignerAndACallerNeverSignTheSameSizeTwice() throws Exception {
		// The scheduled signer once called signIfGrown on itself, outside any transaction: its lock was gone
		// before it wrote, and a caller signing at the same moment hit a duplicate checkpoint.
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 10; round++) {
				transaction.executeWithoutResult(tx -> log.appendAll(List.of(Change.any())));
				var start = new java.util.concurrent.CountDownLatch(1);
				List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
				for (int t = 0; t < 8; t++) {
					boolean scheduled = t % 2 == 0;
					running.add(pool.submit(() -> {
						start.await();
						if (scheduled) {
							checkpoints.scheduledOrThrow();
						}
						else {
							checkpoints.signIfGrown();
						}
						return null;
					}));
				}
				start.countDown();
				for (var future : running) {
					future.get();
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void proofsAndEntriesAreServedToAnyoneAndVerify() throws Exception {
		transaction.executeWithoutResult(tx -> log.appendAll(List.of(Change.any(), Change.any(), Change.any())));
		checkpoints.signIfGrown();
		Checkpoint checkpoint = latest();
		long size = checkpoint.size();
		long index = size - 2;

		JsonNode inclusion = read(mvc.perform(get("/transparency/proof/inclusion").param("index", "" + index)
				.param("size", "" + size)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		byte[] leafHash = decode(inclusion.get("leafHash").asString());
		assertThat(Merkle.verifyInclusion(index, size, leafHash, hashes(inclusion.get("proof")), checkpoint.root()))
				.isTrue();
		JsonNode byHash = read(mvc.perform(get("/transparency/proof/inclusion").param("hash", encode(leafHash))
				.param("size", "" + size)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(byHash.get("index").asLong()).isEqualTo(index);

		JsonNode consistency = read(mvc.perform(get("/transparency/proof/consistency").param("from", "1")
				.param("to", "" + size)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(Merkle.verifyConsistency(1, size, hashes(consistency.get("proof")), Merkle.root(1, store),
				checkpoint.root())).isTrue();

		JsonNode entries = read(mvc.perform(get("/transparency/entries").param("start", "" + index)
				.param("end", "" + (size + 50))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString());
		assertThat(entries.get("entries")).hasSizeGreaterThanOrEqualTo(2);
		JsonNode first = entries.get("entries").get(0);
		assertThat(first.get("index").asLong()).isEqualTo(index);
		assertThat(Merkle.leafHash(decode(first.get("data").asString()))).isEqualTo(leafHash);
		assertThat(LeafFormat.parse(decode(first.get("data").asString()))).isNotNull();
		long limit = Proofs.MAX_ENTRIES;
		assertThat(read(mvc.perform(get("/transparency/entries").param("start", "0").param("end", "" + (limit * 3)))
				.andReturn().getResponse().getContentAsString()).get("entries").size())
				.isLessThanOrEqualTo((int) limit);
		assertThat(read(mvc.perform(get("/transparency/entries").param("start", "" + (store.size() + 5))
				.param("end", "" + (store.size() + 10))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).get("entries")).isEmpty();
	}

	@Test
	void impossibleRangesAreRefusedInTheCallersLanguage() throws Exception {
		long size = store.size();
		mvc.perform(get("/transparency/proof/inclusion").param("index", "5").param("size", "" + (size + 1000))
				.header("Accept-Language", "ru")).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail").value("Запрошенная запись или размер дерева выходят за пределы журнала."));
		mvc.perform(get("/transparency/proof/consistency").param("from", "0").param("to", "1")
				.header("Accept-Language", "hy")).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("մատյանի")));
		mvc.perform(get("/transparency/proof/consistency").param("from", "x").param("to", "1"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/transparency/entries").param("start", "-1").param("end", "3"))
				.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/transparency/proof/inclusion").param("hash", encode(new byte[32])).param("size", "1"))
				.andExpect(status().isNotFound());
	}

	@Test
	void aReceiptChecksOutAndAnyAlteredReceiptDoesNot() throws Exception {
		Change change = Change.any();
		transaction.executeWithoutResult(tx -> log.on(change));
		checkpoints.signIfGrown();
		Receipts.Receipt receipt = receipts.first("test", change.entityId(), java.time.Duration.ZERO).orElseThrow();
		assertThat(receipt.sealed()).isTrue();

		ReceiptCheck.Result good = receiptCheck.check(receipt.text());
		assertThat(good.verdict()).isEqualTo(ReceiptCheck.Verdict.INCLUDED);
		assertThat(good.index()).isEqualTo(receipt.index());
		// Pasted from an e-mail: Windows line ends and stray space around it.
		assertThat(receiptCheck.check("  \r\n" + receipt.text().replace("\n", "\r\n") + "\r\n ").verdict())
				.isEqualTo(ReceiptCheck.Verdict.INCLUDED);

		byte[] otherHash = Merkle.leafHash(new byte[] { 1 });
		assertThat(receiptCheck.check(receipt.text().replace("hash " + receipt.leafHashBase64(), "hash " + encode(otherHash))).verdict())
				.isEqualTo(ReceiptCheck.Verdict.NOT_INCLUDED);
		assertThat(receiptCheck.check(receipt.text().replace("leaf " + receipt.index(), "leaf " + (receipt.index() + 1)))
				.verdict()).isEqualTo(ReceiptCheck.Verdict.NOT_INCLUDED);
		String forged = SignedNote.sign(Checkpoint.parse(SignedNote.open(receipt.checkpoint(), List.of(
				NoteVerifier.parse(checkpoints.verifierKey())))).text(), NoteSigner.generate(properties.origin()));
		assertThat(receiptCheck.check(receipt.text().replace(receipt.checkpoint(), forged)).verdict())
				.isEqualTo(ReceiptCheck.Verdict.NOT_SIGNED_BY_THIS_LOG);
		assertThat(receiptCheck.check("hearth/receipt/v1\nleaf 1\n").verdict())
				.isEqualTo(ReceiptCheck.Verdict.MALFORMED);
		assertThat(receiptCheck.check("").verdict()).isEqualTo(ReceiptCheck.Verdict.MALFORMED);

		// The page, in Armenian, without signing in; what was pasted stays in the box.
		String included = mvc.perform(post("/transparency/check").param("receipt", receipt.text())
				.header("Accept-Language", "hy").with(org.springframework.security.test.web.servlet.request
						.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(included).contains("Ներառված է մատյանում").contains(receipt.leafHashBase64());
		String malformed = mvc.perform(post("/transparency/check").param("receipt", "hearth/receipt/v1 garbage")
				.header("Accept-Language", "az").with(org.springframework.security.test.web.servlet.request
						.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(malformed).contains("Bu, tam qəbz deyil.").contains("hearth/receipt/v1 garbage");
	}

	/** The witness configured in application-test.yaml; a key for tests only. */
	static final String WITNESS = "PRIVATE+KEY+observer.test/witness+d442bd91+BLzc0ZvAU6a/Ufb3pvW0pdlH3//1UR9j+uzZ8ZdJfylP";

	@Test
	void aTrustedWitnessCosignsThroughTheApiAndTheCheckpointCarriesItsCosignature() throws Exception {
		transaction.executeWithoutResult(tx -> log.on(Change.any()));
		checkpoints.signIfGrown();
		Checkpoint checkpoint = latest();
		NoteSigner witness = NoteSigner.fromSignerKey(WITNESS);
		String line = Cosignature.cosign(checkpoint, witness, Instant.now().getEpochSecond());

		String body = "{\"size\": " + checkpoint.size() + ", \"signature\": \"" + line + "\"}";
		String cosigned = mvc.perform(post("/api/v1/transparency/cosignatures").contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(cosigned).contains(line);
		String served = mvc.perform(get("/transparency/checkpoint")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		if (latest().size() == checkpoint.size()) {
			assertThat(served).isEqualTo(cosigned);
		}
		// Both signatures verify: the log's and the witness's over the same checkpoint text.
		String text = SignedNote.open(cosigned, List.of(NoteVerifier.parse(checkpoints.verifierKey())));
		assertThat(Cosignature.verify(text, line, witness.verifier())).isTrue();

		// An unknown witness, a signature over another checkpoint, a checkpoint that does not exist.
		NoteSigner stranger = NoteSigner.generate("observer.test/witness", NoteVerifier.COSIGNATURE_V1);
		String strangers = Cosignature.cosign(checkpoint, stranger, Instant.now().getEpochSecond());
		mvc.perform(post("/api/v1/transparency/cosignatures").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "hy")
				.content(body.replace(line, strangers))).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("համաստորագրություն")));
		String other = Cosignature.cosign(new Checkpoint(checkpoint.origin(), checkpoint.size(), new byte[32]), witness,
				Instant.now().getEpochSecond());
		mvc.perform(post("/api/v1/transparency/cosignatures").contentType(MediaType.APPLICATION_JSON)
				.content(body.replace(line, other))).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/transparency/cosignatures").contentType(MediaType.APPLICATION_JSON)
				.content(body.replace(line, "not a signature"))).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/transparency/cosignatures").contentType(MediaType.APPLICATION_JSON)
				.content("{\"size\": " + (store.size() + 100) + ", \"signature\": \"" + line + "\"}"))
				.andExpect(status().isNotFound());
	}

	private Checkpoint latest() {
		return Checkpoint.parse(SignedNote.open(checkpoints.latest().orElseThrow(),
				List.of(NoteVerifier.parse(checkpoints.verifierKey()))));
	}

	private JsonNode read(String body) {
		return json.readTree(body);
	}

	private static List<byte[]> hashes(JsonNode array) {
		List<byte[]> hashes = new ArrayList<>();
		array.forEach(node -> hashes.add(decode(node.asString())));
		return hashes;
	}

	private static byte[] decode(String base64) {
		return Base64.getDecoder().decode(base64);
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
