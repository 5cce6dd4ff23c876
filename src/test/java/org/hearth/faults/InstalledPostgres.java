package org.hearth.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from the operating system's own installation (Debian's {@code postgresql-NN}), whose
 * {@code pg_dump} and {@code pg_restore} match it: the embedded server's binaries ship without them. As root, the
 * server runs as the {@code postgres} user, which initdb insists on.
 */
final class InstalledPostgres implements AutoCloseable {

	private final Path bin;
	private final Path directory;
	private final int port;

	private InstalledPostgres(Path bin, Path directory, int port) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
	}

	/** A new cluster in {@code directory} with Hearth's two roles and an empty database, as docs/operations.md says. */
	static InstalledPostgres start(Path directory) throws IOException, InterruptedException {
		var server = new InstalledPostgres(binaries(), directory, HearthProcess.freePort());
		Files.createDirectories(directory);
		if (root()) {
			run(List.of("chown", "postgres", directory.toString()));
		}
		server.asServerUser(server.bin.resolve("initdb").toString(), "--auth=trust", "--username=postgres",
				"--encoding=UTF8", "--locale=C.UTF-8", "--pgdata=" + directory);
		server.asServerUser(server.bin.resolve("pg_ctl").toString(), "--pgdata=" + directory, "--wait",
				"--log=" + directory.resolve("server.log"), "--options=-p " + server.port
						+ " -c listen_addresses=localhost -c unix_socket_directories=" + directory,
				"start");
		server.execute("CREATE ROLE hearth_owner LOGIN", "CREATE ROLE hearth_app LOGIN",
				"CREATE DATABASE hearth OWNER hearth_owner ENCODING 'UTF8'", "REVOKE ALL ON DATABASE hearth FROM PUBLIC",
				"GRANT CONNECT ON DATABASE hearth TO hearth_app");
		return server;
	}

	/** The newest installed major version that has the backup tools, or {@code HEARTH_PG_BIN}. */
	private static Path binaries() throws IOException {
		String configured = System.getenv("HEARTH_PG_BIN");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path installed = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(installed)) {
			try (Stream<Path> versions = Files.list(installed)) {
				var found = versions.map(version -> version.resolve("bin"))
						.filter(bin -> Files.isExecutable(bin.resolve("pg_dump")) && Files.isExecutable(bin.resolve("initdb")))
						.max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
				if (found.isPresent()) {
					return found.get();
				}
			}
		}
		throw new IllegalStateException("No PostgreSQL server with pg_dump under /usr/lib/postgresql: "
				+ "apt-get install postgresql-15 (.ci/run does), or set HEARTH_PG_BIN");
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	private void asServerUser(String... command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (root()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		run(full);
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
	}

	private void execute(String... statements) throws IOException {
		try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "");
				var statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException e) {
			throw new IOException(e);
		}
	}

	private String url(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	/** What Hearth and scripts/backup.sh need to reach this server; PATH leads to this server's client tools. */
	Map<String, String> environment() {
		return Map.of("HEARTH_DB_URL", url("hearth"), "HEARTH_DB_USER", "hearth_app", "HEARTH_DB_OWNER_USER",
				"hearth_owner", "PATH", bin + ":" + System.getenv("PATH"));
	}

	/** Every table of the database with its number of rows. */
	Map<String, Long> rowCounts() throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		try (var connection = DriverManager.getConnection(url("hearth"), "hearth_owner", "");
				var statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (var rs = statement.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) "
					+ "FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (var rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
					rs.next();
					counts.put(table, rs.getLong(1));
				}
			}
		}
		return counts;
	}

	/** Each stored document's id with its recorded size and SHA-256. */
	Map<String, List<String>> documents() throws SQLException {
		Map<String, List<String>> documents = new TreeMap<>();
		try (var connection = DriverManager.getConnection(url("hearth"), "hearth_owner", "");
				var statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT id, size, sha256 FROM platform.document")) {
			while (rs.next()) {
				documents.put(rs.getString("id"), List.of(rs.getString("size"), rs.getString("sha256")));
			}
		}
		return documents;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		asServerUser(bin.resolve("pg_ctl").toString(), "--pgdata=" + directory, "--wait", "--mode=fast", "stop");
	}
}
