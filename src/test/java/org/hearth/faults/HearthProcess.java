package org.hearth.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged Hearth (target/hearth-*.jar, built by {@code ./mvnw verify} before the integration tests) run as an
 * operator runs it: its own JVM, data directory and port, killed with SIGKILL when a test says so.
 */
final class HearthProcess implements AutoCloseable {

	static final String DEMO_PASSWORD = "hearth-demo-2026";

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final Path dataDir;
	private final Map<String, String> environment;
	private final List<String> arguments;
	private final Path log;
	private final int port;
	private Process process;

	private HearthProcess(Path dataDir, Map<String, String> environment, List<String> arguments, int port) {
		this.dataDir = dataDir;
		this.environment = environment;
		this.arguments = arguments;
		this.port = port;
		this.log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
	}

	/** Starts the demo profile in {@code dataDir} and waits until it is healthy. */
	static HearthProcess start(Path dataDir, Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		var hearth = new HearthProcess(dataDir, environment, List.of(arguments), freePort());
		hearth.launch();
		return hearth;
	}

	static Path jar() {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("hearth-.*\\.jar")).findFirst()
					.orElseThrow(() -> new IllegalStateException(
							"No target/hearth-*.jar: these tests run after the jar is packaged (./mvnw verify)"));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Starts (again) on the same data directory and port, and waits until healthy. */
	void launch() throws IOException, InterruptedException {
		Files.createDirectories(dataDir);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar().toAbsolutePath().toString(),
				"--spring.profiles.active=demo", "--server.port=" + port, "--hearth.data-dir=" + dataDir,
				// Checkpoints soon after each change, so that the observer's verifier sees the latest entries.
				"--hearth.transparency.checkpoint-interval=1s"));
		command.addAll(arguments);
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		process = builder.start();
		awaitHealthy(Duration.ofMinutes(3));
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Hearth exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				var health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Hearth was not healthy within " + timeout + ":\n" + tail());
	}

	/** SIGKILL: no shutdown hook, no pool close; an embedded PostgreSQL is orphaned. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(1, TimeUnit.MINUTES);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	int port() {
		return port;
	}

	Path dataDir() {
		return dataDir;
	}

	/** A bearer token for the API, from the token endpoint. */
	String token(String email) throws IOException, InterruptedException {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + DEMO_PASSWORD
						+ "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 201 && response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("No token for " + email + ": " + response.statusCode());
		}
		return token.group(1);
	}

	/**
	 * The observer's verifier from the same jar against this Hearth's log, pinned to its published key and a state
	 * directory that remembers the last checkpoint verified; the exit code (0 = the log holds) and output.
	 */
	VerifierRun verifyLog(Path state) throws IOException, InterruptedException {
		awaitCheckpoint();
		String key = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/transparency/key")).build(),
				HttpResponse.BodyHandlers.ofString()).body().strip();
		var verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar().toAbsolutePath().toString(), "verify", "--url", uri("").toString(), "--key", key,
				"--state", state.toString(), "--full").redirectErrorStream(true).start();
		String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		verifier.waitFor(2, TimeUnit.MINUTES);
		return new VerifierRun(verifier.exitValue(), output);
	}

	/** A new log has no checkpoint until the signer's first run. */
	private void awaitCheckpoint() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 0; i < 120; i++) {
			if (client.send(HttpRequest.newBuilder(uri("/transparency/checkpoint")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("No checkpoint signed within 30 s:\n" + tail());
	}

	record VerifierRun(int exit, String output) {
	}

	/** The last lines Hearth wrote, for a failure's message. */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** Stops gracefully (SIGTERM), so that an embedded PostgreSQL stops with it; stops one a kill left behind. */
	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(1, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				process.waitFor(1, TimeUnit.MINUTES);
			}
		}
		Path postgres = dataDir.resolve("postgres");
		if (Files.exists(postgres.resolve("postmaster.pid"))) {
			org.hearth.platform.EmbeddedDatabase.open(postgres, false).close();
		}
	}
}
