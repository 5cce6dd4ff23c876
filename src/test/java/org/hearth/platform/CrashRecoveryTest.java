package org.hearth.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of Hearth leaves its PostgreSQL running and holding the data directory; the next start must find
 * that orphan, stop it, and come up with every committed row. The Hearth that dies is a child JVM.
 */
class CrashRecoveryTest {

	@TempDir
	Path temp;

	@Test
	void afterAKillNineTheNextStartSucceedsWithTheCommittedRow() throws Exception {
		Path directory = temp.resolve("postgres");
		String value = "committed-" + UUID.randomUUID();
		Process child = startChild(directory, value);
		boolean recovered = false;
		try {
			List<String> output = new ArrayList<>();
			boolean ready = CompletableFuture.supplyAsync(() -> awaitReady(child, output)).get(3, TimeUnit.MINUTES);
			assertThat(ready).as("the child said READY; its output:%n%s", String.join("\n", output)).isTrue();

			child.destroyForcibly(); // SIGKILL: no shutdown hook, no pool close, postgres is orphaned
			assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(child.exitValue()).isEqualTo(137);

			try (EmbeddedDatabase database = EmbeddedDatabase.open(directory, false)) {
				DatabaseEndpoint owner = database.endpoint(EmbeddedDatabase.OWNER_ROLE);
				var properties = new Properties();
				properties.setProperty("user", owner.user());
				try (var connection = DriverManager.getConnection(owner.url(), properties);
						var statement = connection.prepareStatement("SELECT count(*) FROM crash_probe WHERE value = ?")) {
					statement.setString(1, value);
					try (var result = statement.executeQuery()) {
						result.next();
						assertThat(result.getInt(1)).isOne();
					}
				}
			}
			recovered = true;
		}
		finally {
			child.destroyForcibly();
			child.waitFor(1, TimeUnit.MINUTES);
			if (!recovered && java.nio.file.Files.exists(directory.resolve("postmaster.pid"))) {
				// Leave no orphaned postgres behind: opening stops one, closing stops ours.
				EmbeddedDatabase.open(directory, false).close();
			}
		}
	}

	private static Process startChild(Path directory, String value) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		var builder = new ProcessBuilder(java, "-cp", classpath, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
				CrashingServer.class.getName(), directory.toString(), value);
		builder.redirectErrorStream(true);
		builder.environment().put("CLASSPATH", "");
		return builder.start();
	}

	/** Reads the child's output until READY, then drains the rest on a daemon thread; false if it ends first. */
	private static boolean awaitReady(Process child, List<String> output) {
		var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.equals("READY")) {
					Thread drain = new Thread(() -> {
						try {
							reader.transferTo(java.io.Writer.nullWriter());
						}
						catch (java.io.IOException gone) {
							// the child was killed
						}
					});
					drain.setDaemon(true);
					drain.start();
					return true;
				}
				output.add(line);
			}
			return false;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
