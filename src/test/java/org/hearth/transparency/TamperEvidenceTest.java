package org.hearth.transparency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.hearth.HearthApplication;
import org.hearth.applications.AccessPurpose;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.Outcome;
import org.hearth.applications.Residency;
import org.hearth.applications.Status;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.platform.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What an observer can prove. A whole application journey, then its receipt and the observer's verifier over HTTP;
 * then someone with the database owner's rights edits an entry, and later removes the last entries and lets the log
 * go on: the verifier, the receipt check and the log's own signer each notice. Runs on a database of its own, since
 * it damages the log on purpose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceTest {

	@TempDir
	static Path temp;

	static EmbeddedDatabase database;
	static ConfigurableApplicationContext context;
	static String url;
	static String verifierKey;
	static Path observer;

	@BeforeAll
	static void start() {
		database = EmbeddedDatabase.open(temp.resolve("postgres"), false);
		context = new SpringApplicationBuilder(HearthApplication.class).profiles("demo", "test")
				.properties("server.port=0").run("--hearth.db.url=jdbc:postgresql://localhost:" + database.port()
						+ "/hearth", "--hearth.db.user=hearth_app", "--hearth.db.owner-user=hearth_owner",
						"--hearth.data-dir=" + temp.resolve("data"));
		url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		verifierKey = context.getBean(Checkpoints.class).verifierKey();
		observer = temp.resolve("observer");
	}

	@AfterAll
	static void stop() throws Exception {
		if (context != null) {
			context.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void aDecidedApplicationsReceiptChecksOutAndTheObserverVerifiesTheWholeLog() {
		ApplicationManagement applications = context.getBean(ApplicationManagement.class);
		TestUsers users = context.getBean(TestUsers.class);
		CurrentUser applicant = users.newApplicant("az");
		CurrentUser caseworker = users.demo("caseworker@hearth.demo");
		CurrentUser supervisor = users.demo("supervisor@hearth.demo");

		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.forLanguageTag("az"), null);
		applications.open(caseworker, draft.id(), AccessPurpose.REVIEW);
		applications.assign(caseworker, draft.id());
		applications.recommend(caseworker, draft.id(), Outcome.APPROVE,
				List.of("identity-established", "residence-established"), "Residence confirmed.");
		Application decided = applications.confirm(supervisor, draft.id(),
				applications.caseFor(supervisor, draft.id()).version());
		assertThat(decided.status()).isEqualTo(Status.APPROVED);

		// The applicant's receipt: the submission's entry, sealed by a signed checkpoint.
		Receipts.Receipt receipt = context.getBean(Receipts.class)
				.first("application", draft.id().id(), Duration.ofSeconds(30)).orElseThrow();
		assertThat(receipt.sealed()).isTrue();
		assertThat(LeafFormat.parse(store().leaves(receipt.index(), receipt.index() + 1).get(0).data()).action())
				.isEqualTo("submitted");
		assertThat(check(receipt).verdict()).isEqualTo(ReceiptCheck.Verdict.INCLUDED);

		// The observer pins the published key and audits every entry; the decision is in what it saw.
		awaitCheckpointOfTheWholeLog();
		Run first = verify("--key", verifierKey, "--full");
		assertThat(first.exit()).as(first.err()).isZero();
		assertThat(first.out()).contains("OK: checkpoint of " + store().size() + " entries verified")
				.contains("every entry and the root recomputed");
		assertThat(store().indexesOf("application", draft.id().id())).hasSize(4);

		// Later runs need no key: the pinned one is used, and another one is refused.
		assertThat(verify().exit()).isZero();
		Run otherKey = verify("--key", NoteSigner.generate("hearth.example/transparency").verifierKey());
		assertThat(otherKey.exit()).isEqualTo(ObserverVerifier.LOG_FAILED);
		assertThat(otherKey.err()).contains("differs from the key pinned");
		Run impostor = run(temp.resolve("impostor"), "--key",
				NoteSigner.generate("hearth.example/transparency").verifierKey());
		assertThat(impostor.exit()).isEqualTo(ObserverVerifier.LOG_FAILED);
		assertThat(impostor.err()).contains("not validly signed");
	}

	@Test
	@Order(2)
	void anEntryEditedInTheDatabaseIsCaught() throws SQLException {
		long index = store().size() - 1;
		LogStore.StoredLeaf original = store().leaves(index, index + 1).get(0);
		byte[] edited = new String(original.data(), StandardCharsets.UTF_8).replaceFirst("\naction [^\n]+\n",
				"\naction forged\n").getBytes(StandardCharsets.UTF_8);
		assertThat(edited).isNotEqualTo(original.data());

		asOwner("UPDATE transparency.leaf SET data = ? WHERE idx = ?", edited, index);
		Run data = verify("--full");
		assertThat(data.exit()).isEqualTo(ObserverVerifier.LOG_FAILED);
		assertThat(data.err()).contains("entry " + index + ": its data does not hash to the leaf hash served");

		// A careful forger fixes the leaf hash as well: the entries then no longer add up to the signed root.
		asOwner("UPDATE transparency.leaf SET hash = ? WHERE idx = ?", Merkle.leafHash(edited), index);
		Run root = verify("--full");
		assertThat(root.exit()).isEqualTo(ObserverVerifier.LOG_FAILED);
		assertThat(root.err()).contains("do not add up to the checkpoint's root");

		asOwner("UPDATE transparency.leaf SET data = ?, hash = ? WHERE idx = ?", original.data(), original.hash(),
				index);
		assertThat(verify("--full").exit()).isZero();
	}

	@Test
	@Order(3)
	void removedLastEntriesAreCaughtAndTheLogRefusesToSignOverThem() throws SQLException {
		List<UUID> records = append(3);
		awaitCheckpointOfTheWholeLog();
		long size = store().size();
		Receipts.Receipt last = context.getBean(Receipts.class).of("test", records.get(2)).get(0);
		assertThat(last.sealed()).isTrue();
		assertThat(verify("--full").exit()).isZero();

		// The last two entries go, with their subtrees, and the log's size is set back.
		long cut = size - 2;
		asOwner("DELETE FROM transparency.leaf_subject WHERE idx >= ?", cut);
		asOwner("DELETE FROM transparency.leaf WHERE idx >= ?", cut);
		asOwner("DELETE FROM transparency.node WHERE ((idx + 1) << level) > ?", cut);
		asOwner("UPDATE transparency.head SET size = ?", cut);

		Run missing = verify("--full");
		assertThat(missing.exit()).isEqualTo(ObserverVerifier.LOG_FAILED);
		assertThat(missing.err()).contains("entries from " + cut + " are missing");
		assertThat(check(last).verdict()).isEqualTo(ReceiptCheck.Verdict.LOG_REWRITTEN);

		// New entries take the removed places; the log will not sign a tree that contradicts its last checkpoint.
		append(3);
		Checkpoints checkpoints = context.getBean(Checkpoints.class);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(checkpoints::signIfGrown)
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to sign"));
		assertThat(store().latestCheckpoint().orElseThrow().size()).isEqualTo(size);

		// Unless its checkpoints go too: then it signs again, and the observer, who remembers, catches the rewrite.
		asOwner("DELETE FROM transparency.cosignature WHERE size > ?", cut);
		asOwner("DELETE FROM transparency.checkpoint WHERE size > ?", cut);
		awaitCheckpointOfTheWholeLog();
		Run rewritten = verify();
		assertThat(rewritten.exit()).isEqualTo(ObserverVerifier.LOG_FAILED);
		assertThat(rewritten.err()).contains("does not extend the one of " + size + " verified before");
		assertThat(check(last).verdict()).isEqualTo(ReceiptCheck.Verdict.LOG_REWRITTEN);
	}

	record Run(int exit, String out, String err) {
	}

	private static Run verify(String... options) {
		return run(observer, options);
	}

	private static Run run(Path state, String... options) {
		List<String> args = new ArrayList<>(List.of("--url", url, "--state", state.toString()));
		args.addAll(List.of(options));
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int exit = ObserverVerifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static ReceiptCheck.Result check(Receipts.Receipt receipt) {
		return context.getBean(ReceiptCheck.class).check(receipt.text());
	}

	private static LogStore store() {
		return context.getBean(LogStore.class);
	}

	/** The scheduler signs every second in tests; wait until it has signed the log as it is now. */
	private static void awaitCheckpointOfTheWholeLog() {
		await().atMost(Duration.ofSeconds(30)).until(
				() -> store().latestCheckpoint().map(LogStore.StoredCheckpoint::size).orElse(0L) == store().size());
	}

	private static List<UUID> append(int count) {
		List<UUID> ids = new ArrayList<>();
		List<TransparencyLogTest.Change> changes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			changes.add(new TransparencyLogTest.Change("test", id, "tested", "CASEWORKER", "KHA",
					Instant.now().truncatedTo(ChronoUnit.MICROS), "00".repeat(32)));
		}
		context.getBean(TransactionTemplate.class)
				.executeWithoutResult(tx -> context.getBean(TransparencyLog.class).appendAll(changes));
		return ids;
	}

	/** As the owner, with the append-only triggers switched off for the statement: what an insider could do. */
	private static void asOwner(String sql, Object... params) throws SQLException {
		DataSource owner = context.getBean("flywayDataSource", DataSource.class);
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				for (String table : List.of("leaf", "node", "leaf_subject", "checkpoint", "cosignature")) {
					statement.execute("ALTER TABLE transparency." + table + " DISABLE TRIGGER USER");
				}
			}
			try (var statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					statement.setObject(i + 1, params[i]);
				}
				statement.executeUpdate();
			}
			try (var statement = connection.createStatement()) {
				for (String table : List.of("leaf", "node", "leaf_subject", "checkpoint", "cosignature")) {
					statement.execute("ALTER TABLE transparency." + table + " ENABLE TRIGGER USER");
				}
			}
			connection.commit();
		}
	}
}
