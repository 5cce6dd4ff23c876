package org.hearth.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run by Hearth itself, so that a laptop needs nothing but a JDK.
 *
 * <p>Zonky's defaults suit throw-away test databases: fsync and synchronous commit off, a shutdown hook that races
 * the connection pool. Hearth keeps people's applications here, so durability is switched back on and the server is
 * stopped only after the pool has closed (the bean's destroy method). One server runs per data directory and JVM;
 * several Spring contexts in one test run share it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String OWNER_ROLE = "hearth_owner";
	static final String APP_ROLE = "hearth_app";
	static final String DATABASE = "hearth";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	private static final Map<Path, EmbeddedDatabase> running = new HashMap<>();
	private static final Map<Path, java.util.concurrent.CompletableFuture<EmbeddedDatabase>> starting = new HashMap<>();
	private static final Path ephemeralKey = Path.of("<ephemeral>");

	private final Path key;
	private final Path directory;
	private final boolean ephemeral;
	private final EmbeddedPostgres postgres;
	private int users;

	private EmbeddedDatabase(Path key, Path directory, boolean ephemeral) throws IOException {
		this.key = key;
		this.directory = directory;
		this.ephemeral = ephemeral;
		Files.createDirectories(directory);
		stopOrphanedServer(directory);
		this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				// Zonky starts postgres with -F (no fsync) and synchronous_commit=off; the later -c settings win.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "200")
				.start();
		createRolesAndDatabase();
	}

	/**
	 * Opens the server for {@code directory}, starting it if this JVM has not yet. With {@code ephemeral} the
	 * directory is ignored: a fresh temporary one is used and removed when the last user closes.
	 */
	public static EmbeddedDatabase open(Path directory, boolean ephemeral) {
		java.util.concurrent.CompletableFuture<EmbeddedDatabase> early;
		synchronized (EmbeddedDatabase.class) {
			early = starting.remove(key(directory, ephemeral));
		}
		if (early != null) {
			// Started by EarlyStart; its reference passes to the caller.
			try {
				return early.join();
			}
			catch (java.util.concurrent.CompletionException e) {
				throw e.getCause() instanceof RuntimeException cause ? cause : e;
			}
		}
		return openNow(directory, ephemeral);
	}

	/**
	 * Starts the server on a thread of its own; the next {@link #open} of the same directory takes it over. If that
	 * start fails, {@link #open} fails with the same cause.
	 */
	static synchronized void openEarly(Path directory, boolean ephemeral) {
		Path key = key(directory, ephemeral);
		if (!starting.containsKey(key)) {
			starting.put(key, java.util.concurrent.CompletableFuture.supplyAsync(() -> openNow(directory, ephemeral),
					runnable -> {
						Thread thread = new Thread(runnable, "hearth-postgres-start");
						thread.setDaemon(true);
						thread.start();
					}));
		}
	}

	private static Path key(Path directory, boolean ephemeral) {
		return ephemeral ? ephemeralKey : directory.toAbsolutePath().normalize();
	}

	private static synchronized EmbeddedDatabase openNow(Path directory, boolean ephemeral) {
		Path key = key(directory, ephemeral);
		EmbeddedDatabase database = running.get(key);
		if (database == null) {
			try {
				Path dataDirectory = ephemeral ? Files.createTempDirectory("hearth-postgres-") : key;
				database = new EmbeddedDatabase(key, dataDirectory, ephemeral);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
			}
			running.put(key, database);
		}
		database.users++;
		return database;
	}

	DatabaseEndpoint endpoint(String role) {
		return new DatabaseEndpoint(postgres.getJdbcUrl(role, DATABASE).replaceAll("[?&]user=[^&]*", ""), role, null);
	}

	public int port() {
		return postgres.getPort();
	}

	public Path directory() {
		return directory;
	}

	@Override
	public void close() throws IOException {
		synchronized (EmbeddedDatabase.class) {
			if (--users > 0) {
				return;
			}
			running.remove(key);
		}
		postgres.close();
		if (ephemeral) {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	/** Roles and database exist from the first start on; later starts find them and change nothing. */
	private void createRolesAndDatabase() throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			for (String role : new String[] { OWNER_ROLE, APP_ROLE }) {
				statement.execute("""
						DO $$ BEGIN
						  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s LOGIN; END IF;
						END $$""".formatted(role));
			}
			try (var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (!result.next()) {
					statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8'");
					statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
					statement.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_ROLE);
				}
			}
		}
		catch (SQLException e) {
			throw new IOException("Could not prepare the embedded database", e);
		}
	}

	/**
	 * After a {@code kill -9} of Hearth the postgres child keeps running and holds the data directory. If no live
	 * Hearth holds the directory's lock, that server is an orphan: stop it (fast shutdown) before starting anew.
	 */
	private static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new IllegalStateException("The database directory " + directory
						+ " is in use by another running Hearth. Stop it first, or set HEARTH_DATA_DIR.");
			}
			Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
					.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
			if (orphan.isEmpty()) {
				return;
			}
			log.warn("Stopping the embedded PostgreSQL left running by an earlier Hearth that did not shut down");
			ProcessHandle process = orphan.get();
			new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception timeout) {
				process.destroyForcibly();
				process.onExit().get(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping an orphaned PostgreSQL", e);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			throw new IOException("Could not stop the orphaned PostgreSQL in " + directory, e);
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			return Files.readAllLines(pidFile).stream().findFirst().map(String::strip).map(Long::valueOf);
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}
}
