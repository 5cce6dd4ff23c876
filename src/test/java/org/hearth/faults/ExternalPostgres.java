package org.hearth.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test's own, on a fixed port and data directory, that Hearth reaches over TCP as it would
 * a managed database; the test can SIGKILL it and start it again where it was.
 */
final class ExternalPostgres implements AutoCloseable {

	private final Path directory;
	private final int port;
	private EmbeddedPostgres postgres;

	private ExternalPostgres(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	static ExternalPostgres start(Path directory) throws IOException, SQLException {
		var server = new ExternalPostgres(directory, HearthProcess.freePort());
		server.launch();
		try (var connection = server.postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("CREATE ROLE hearth_owner LOGIN");
			statement.execute("CREATE ROLE hearth_app LOGIN");
			statement.execute("CREATE DATABASE hearth OWNER hearth_owner ENCODING 'UTF8'");
			statement.execute("REVOKE ALL ON DATABASE hearth FROM PUBLIC");
			statement.execute("GRANT CONNECT ON DATABASE hearth TO hearth_app");
		}
		return server;
	}

	/** Starts the server on its directory and port; after a kill, PostgreSQL recovers from its write-ahead log. */
	void launch() throws IOException {
		Files.createDirectories(directory);
		postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
				.setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on").setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100").start();
	}

	/** SIGKILL of the postmaster and every backend: nothing is flushed, no client is told. */
	void kill() throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		var children = postmaster.descendants().toList();
		new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();
		children.forEach(ProcessHandle::destroyForcibly);
		postmaster.onExit().join();
		children.forEach(child -> child.onExit().join());
		try {
			postgres.close(); // releases the directory's lock; pg_ctl stop finds nothing to stop
		}
		catch (IOException alreadyDead) {
			// expected
		}
	}

	/** A connection to Hearth's database as its owner, for a test's own checks. */
	java.sql.Connection connect() throws SQLException {
		return java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/hearth", "hearth_owner", "");
	}

	/** What Hearth needs to reach this server, as environment variables. */
	Map<String, String> environment() {
		return Map.of("HEARTH_DB_URL", "jdbc:postgresql://localhost:" + port + "/hearth", "HEARTH_DB_USER",
				"hearth_app", "HEARTH_DB_OWNER_USER", "hearth_owner");
	}

	@Override
	public void close() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}
}
