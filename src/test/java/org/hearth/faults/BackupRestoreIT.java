package org.hearth.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hearth.faults.Submissions.Attempt;
import org.hearth.faults.Submissions.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's procedure of docs/operations.md, end to end: scripts/backup.sh while Hearth runs, then
 * scripts/restore.sh into a new PostgreSQL cluster and data directory, and Hearth started on the result. Every
 * table holds the same rows, every document's bytes match the size and SHA-256 recorded for it, the applicant sees
 * the same applications, the observer's verifier accepts the restored log as the one it verified before the backup,
 * and the restored Hearth goes on appending to it.
 */
class BackupRestoreIT {

	static final int APPLICATIONS = 4;

	@Test
	void aRestoredBackupHoldsTheRecordsTheDocumentsAndTheLog() throws Exception {
		// Under target/, not /tmp/junit*: the server's own user must be able to reach its directory.
		Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup-it-");
		Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path backup = work.resolve("backup");
		Path keys = work.resolve("keys");
		Path observer = work.resolve("observer");
		Map<String, Long> rows;
		Map<String, List<String>> listed;
		try (var original = InstalledPostgres.start(work.resolve("postgres-original"))) {
			Path data = work.resolve("data-original");
			try (var hearth = HearthProcess.start(data, original.environment())) {
				var submissions = new Submissions(() -> hearth.uri("/"), hearth.token("applicant@hearth.demo"));
				for (int i = 0; i < APPLICATIONS; i++) {
					var attempt = new Attempt();
					submissions.run(attempt);
					assertThat(attempt.outcome).as("%s", attempt).isEqualTo(Outcome.ACKNOWLEDGED);
				}
				listed = submissions.listed();
				var verified = hearth.verifyLog(observer);
				assertThat(verified.exit()).as(verified.output()).isZero();

				script(original.environment(), data, "scripts/backup.sh", backup.toString(), keys.toString());
			}
			rows = original.rowCounts();
		}
		assertThat(Files.readString(backup.resolve("backup.properties"))).contains("document_store=filesystem");
		assertThat(Files.list(keys).map(p -> p.getFileName().toString()))
				.containsExactlyInAnyOrder("log-signing.key", "log-signing.key.sha256");

		try (var fresh = InstalledPostgres.start(work.resolve("postgres-restored"))) {
			Path data = work.resolve("data-restored");
			script(fresh.environment(), data, "scripts/restore.sh", backup.toString(),
					keys.resolve("log-signing.key").toString());
			assertThat(fresh.rowCounts()).as("rows per table").isEqualTo(rows);
			var documents = fresh.documents();
			assertThat(documents).hasSizeGreaterThanOrEqualTo(APPLICATIONS);
			for (var document : documents.entrySet()) {
				assertThat(sizeAndSha256(data.resolve("documents").resolve(document.getKey())))
						.as("document %s", document.getKey()).isEqualTo(document.getValue());
			}

			try (var hearth = HearthProcess.start(data, fresh.environment())) {
				var submissions = new Submissions(() -> hearth.uri("/"), hearth.token("applicant@hearth.demo"));
				assertThat(submissions.listed()).isEqualTo(listed);
				var restored = hearth.verifyLog(observer);
				assertThat(restored.exit()).as("the log extends the checkpoint verified before the backup%n%s",
						restored.output()).isZero();

				var after = new Attempt();
				submissions.run(after);
				assertThat(after.outcome).as("%s", after).isEqualTo(Outcome.ACKNOWLEDGED);
				var extended = hearth.verifyLog(observer);
				assertThat(extended.exit()).as("the restored Hearth extends the same log%n%s", extended.output())
						.isZero();
			}
		}
	}

	private static void script(Map<String, String> environment, Path data, String... command) throws Exception {
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("HEARTH_DATA_DIR", data.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("%s%n%s", String.join(" ", command), output).isZero();
	}

	private static List<String> sizeAndSha256(Path file) throws Exception {
		byte[] bytes = Files.readAllBytes(file);
		return List.of(Long.toString(bytes.length),
				HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
	}
}
