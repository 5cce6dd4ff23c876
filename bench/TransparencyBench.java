package org.hearth.transparency;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.hearth.HearthApplication;
import org.hearth.shared.RecordedChange;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transparency log's benchmark (bench/transparency.sh; what the numbers mean: docs/benchmarks.md). Starts Hearth
 * (demo profile, embedded PostgreSQL, fresh data directory) in this JVM and measures, in order:
 *
 * <ol>
 * <li>appends through the application's own code ({@link TransparencyLog#appendAll}) in transactions of a batch
 * each, for a fixed time, with the checkpoint signer running as in production;</li>
 * <li>the observer's full audit ({@code java -jar hearth.jar verify --full}, a separate process, over HTTP) of a log
 * of {@code --audit} entries;</li>
 * <li>inclusion and consistency proofs on a log of {@code --proofs} entries: {@link Merkle} on the stored subtrees
 * (one PostgreSQL query each), and the public HTTP endpoints.</li>
 * </ol>
 *
 * Between the steps the log is grown by bulk load: entries in the same format, hashed by the same {@link Merkle}
 * appender, copied into the same tables with PostgreSQL's COPY, because appending 10 million entries one transaction
 * at a time would take most of an hour. Every proof measured is also verified against the signed checkpoint.
 */
public final class TransparencyBench {

	record Change(String entityType, UUID entityId, String action, String roleName, String officeCode,
			Instant occurredAt, String contentDigest) implements RecordedChange {
	}

	private static final HexFormat HEX = HexFormat.of();

	public static void main(String[] args) throws Exception {
		int appendSeconds = 60;
		int batch = 1000;
		long audit = 1_000_000;
		long proofs = 10_000_000;
		int samples = 1000;
		String jar = null;
		Path data = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--append-seconds" -> appendSeconds = Integer.parseInt(args[++i]);
				case "--batch" -> batch = Integer.parseInt(args[++i]);
				case "--audit" -> audit = Long.parseLong(args[++i]);
				case "--proofs" -> proofs = Long.parseLong(args[++i]);
				case "--samples" -> samples = Integer.parseInt(args[++i]);
				case "--jar" -> jar = args[++i];
				case "--data" -> data = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (jar == null || data == null) {
			throw new IllegalArgumentException("--jar and --data are required");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
				.profiles("demo").run("--server.port=0", "--hearth.data-dir=" + data, "--logging.level.root=WARN",
						"--spring.main.banner-mode=off")) {
			new TransparencyBench(context, Path.of(jar), data).run(appendSeconds, batch, audit, proofs, samples);
		}
		System.exit(0);
	}

	private final ConfigurableApplicationContext context;
	private final LogStore store;
	private final Checkpoints checkpoints;
	private final TransactionTemplate transaction;
	private final Path jar;
	private final Path data;
	private final String url;
	private final HttpClient http = HttpClient.newHttpClient();

	TransparencyBench(ConfigurableApplicationContext context, Path jar, Path data) {
		this.context = context;
		this.store = context.getBean(LogStore.class);
		this.checkpoints = context.getBean(Checkpoints.class);
		this.transaction = context.getBean(TransactionTemplate.class);
		this.jar = jar;
		this.data = data;
		this.url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	void run(int appendSeconds, int batch, long audit, long proofs, int samples) throws Exception {
		append(appendSeconds, batch);
		fill(audit);
		audit();
		fill(proofs);
		proofs(samples);
		storage();
	}

	// ---- 1. appends through the application ---------------------------------------------------------------------

	void append(int seconds, int batch) {
		TransparencyLog log = context.getBean(TransparencyLog.class);
		SplittableRandom random = new SplittableRandom(1);
		// Warm-up: let the JIT compile the path before it is measured.
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < warmupEnd) {
			List<Change> changes = changes(batch, random);
			transaction.executeWithoutResult(tx -> log.appendAll(changes));
		}
		long before = store.size();
		List<Double> windows = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		long windowStart = start;
		long windowCount = 0;
		long total = 0;
		List<Long> batchMicros = new ArrayList<>();
		while (System.nanoTime() < end) {
			List<Change> changes = changes(batch, random);
			long t0 = System.nanoTime();
			transaction.executeWithoutResult(tx -> log.appendAll(changes));
			long t1 = System.nanoTime();
			batchMicros.add((t1 - t0) / 1000);
			total += batch;
			windowCount += batch;
			if (t1 - windowStart >= 10_000_000_000L) {
				windows.add(windowCount / ((t1 - windowStart) / 1e9));
				windowStart = t1;
				windowCount = 0;
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (store.size() != before + total) {
			throw new IllegalStateException("appended " + total + " but the log grew by " + (store.size() - before));
		}
		double slowest = windows.stream().mapToDouble(Double::doubleValue).min().orElse(total / elapsed);
		report("append.entries", total);
		report("append.seconds", String.format(Locale.ROOT, "%.1f", elapsed));
		report("append.batch", batch);
		report("append.rate", String.format(Locale.ROOT, "%.0f", total / elapsed));
		report("append.slowest-10s-window", String.format(Locale.ROOT, "%.0f", slowest));
		report("append.batch-ms.p50", millis(percentile(batchMicros, 50)));
		report("append.batch-ms.p99", millis(percentile(batchMicros, 99)));
		report("append.batch-ms.max", millis(percentile(batchMicros, 100)));
	}

	private static List<Change> changes(int count, SplittableRandom random) {
		List<Change> changes = new ArrayList<>(count);
		byte[] digest = new byte[32];
		for (int i = 0; i < count; i++) {
			for (int b = 0; b < digest.length; b++) {
				digest[b] = (byte) random.nextInt();
			}
			changes.add(new Change("application", new UUID(random.nextLong(), random.nextLong()), "submitted",
					"APPLICANT", null, Instant.now(), HEX.formatHex(digest)));
		}
		return changes;
	}

	// ---- bulk load ----------------------------------------------------------------------------------------------

	/** Grows the log to {@code target} entries with COPY, then signs a checkpoint of it. */
	void fill(long target) throws Exception {
		long t0 = System.nanoTime();
		long from = store.size();
		SplittableRandom random = new SplittableRandom(target);
		while (store.size() < target) {
			long chunk = Math.min(500_000, target - store.size());
			transaction.executeWithoutResult(tx -> {
				try {
					copyChunk(chunk, random);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
		}
		checkpoints.signIfGrown();
		settle();
		report("fill." + target + ".seconds", String.format(Locale.ROOT, "%.0f (%d entries by COPY)",
				(System.nanoTime() - t0) / 1e9, Math.max(0, target - from)));
	}

	/**
	 * After a bulk load PostgreSQL still has work to do (visibility map, statistics, dirty pages) that autovacuum and
	 * the checkpointer would otherwise do during the measurements; a log growing at a real pace spreads it out.
	 */
	private void settle() throws Exception {
		DataSource owner = context.getBean("flywayDataSource", DataSource.class);
		try (Connection connection = owner.getConnection(); var statement = connection.createStatement()) {
			for (String table : List.of("leaf", "node", "head", "checkpoint")) {
				statement.execute("VACUUM (ANALYZE) transparency." + table);
			}
			try {
				statement.execute("CHECKPOINT");
			}
			catch (java.sql.SQLException notAllowed) {
				// Only a superuser may; the dirty pages are then written in the background.
			}
		}
	}

	private void copyChunk(long count, SplittableRandom random) throws Exception {
		long size = store.lockSize();
		Merkle.Appender appender = new Merkle.Appender(size, store.hashes(Merkle.frontier(size)));
		var leaves = new StringBuilder();
		var nodes = new StringBuilder();
		byte[] commitment = new byte[32];
		byte[] ref = new byte[16];
		Instant now = Instant.now();
		DataSource dataSource = context.getBean("dataSource", DataSource.class);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (long i = 0; i < count; i++) {
			for (int b = 0; b < 32; b++) {
				commitment[b] = (byte) random.nextInt();
			}
			for (int b = 0; b < 16; b++) {
				ref[b] = (byte) random.nextInt();
			}
			long index = appender.size();
			byte[] entry = new LeafFormat.Entry(index, now, "application",
					Base64.getUrlEncoder().withoutPadding().encodeToString(ref), "submitted", "APPLICANT", "-",
					commitment).bytes();
			byte[] hash = Merkle.leafHash(entry);
			leaves.append(index).append("\t\\\\x").append(HEX.formatHex(entry)).append("\t\\\\x")
					.append(HEX.formatHex(hash)).append('\t').append(now).append('\n');
			for (Merkle.Node node : appender.append(hash)) {
				nodes.append(node.id().level()).append('\t').append(node.id().index()).append("\t\\\\x")
						.append(HEX.formatHex(node.hash())).append('\n');
			}
			if (leaves.length() > 8_000_000) {
				copy.copyIn("COPY transparency.leaf (idx, data, hash, appended_at) FROM STDIN",
						new StringReader(leaves.toString()));
				copy.copyIn("COPY transparency.node (level, idx, hash) FROM STDIN", new StringReader(nodes.toString()));
				leaves.setLength(0);
				nodes.setLength(0);
			}
		}
		copy.copyIn("COPY transparency.leaf (idx, data, hash, appended_at) FROM STDIN",
				new StringReader(leaves.toString()));
		copy.copyIn("COPY transparency.node (level, idx, hash) FROM STDIN", new StringReader(nodes.toString()));
		store.setSize(appender.size());
	}

	// ---- 2. the observer's full audit ---------------------------------------------------------------------------

	void audit() throws Exception {
		long size = store.latestCheckpoint().orElseThrow().size();
		List<Double> seconds = new ArrayList<>();
		for (int run = 0; run < 3; run++) {
			Path state = Files.createTempDirectory(data, "observer");
			Process verifier = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
					jar.toString(), "verify", "--url", url, "--state", state.toString(), "--key",
					checkpoints.verifierKey(), "--full").redirectErrorStream(true).start();
			long t0 = System.nanoTime();
			String output = new String(verifier.getInputStream().readAllBytes());
			int exit = verifier.waitFor();
			seconds.add((System.nanoTime() - t0) / 1e9);
			if (exit != 0 || !output.contains("OK: checkpoint of " + size + " entries verified")) {
				throw new IllegalStateException("the verifier failed (" + exit + "): " + output);
			}
		}
		report("audit.entries", size);
		report("audit.seconds", minMedianMax(seconds, "%.1f"));
	}

	// ---- 3. proofs on a large log -------------------------------------------------------------------------------

	void proofs(int samples) throws IOException, InterruptedException {
		LogStore.StoredCheckpoint checkpoint = store.latestCheckpoint().orElseThrow();
		long size = checkpoint.size();
		byte[] root = checkpoint.root();
		Random random = new SecureRandom();
		// Warm-up of both paths, not measured.
		for (int i = 0; i < 200; i++) {
			Merkle.inclusionProof(Math.floorMod(random.nextLong(), size), size, store);
			get("/transparency/proof/inclusion?index=" + Math.floorMod(random.nextLong(), size) + "&size=" + size);
		}
		List<Long> inclusion = new ArrayList<>();
		List<Long> consistency = new ArrayList<>();
		List<Long> httpInclusion = new ArrayList<>();
		List<Long> httpConsistency = new ArrayList<>();
		List<Long> httpFloor = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			long index = Math.floorMod(random.nextLong(), size);
			long t0 = System.nanoTime();
			List<byte[]> path = Merkle.inclusionProof(index, size, store);
			inclusion.add((System.nanoTime() - t0) / 1000);
			byte[] leafHash = store.hashes(java.util.Set.of(new Merkle.NodeId(0, index)))
					.get(new Merkle.NodeId(0, index));
			if (!Merkle.verifyInclusion(index, size, leafHash, path, root)) {
				throw new IllegalStateException("inclusion proof of " + index + " does not verify");
			}
			long older = 1 + Math.floorMod(random.nextLong(), size - 1);
			t0 = System.nanoTime();
			List<byte[]> proof = Merkle.consistencyProof(older, size, store);
			consistency.add((System.nanoTime() - t0) / 1000);
			if (!Merkle.verifyConsistency(older, size, proof, Merkle.root(older, store), root)) {
				throw new IllegalStateException("consistency proof " + older + " to " + size + " does not verify");
			}
			t0 = System.nanoTime();
			get("/transparency/proof/inclusion?index=" + index + "&size=" + size);
			httpInclusion.add((System.nanoTime() - t0) / 1000);
			t0 = System.nanoTime();
			get("/transparency/proof/consistency?from=" + older + "&to=" + size);
			httpConsistency.add((System.nanoTime() - t0) / 1000);
			// The same way to the server for an answer that needs no database: what HTTP itself costs here.
			t0 = System.nanoTime();
			get("/transparency/key");
			httpFloor.add((System.nanoTime() - t0) / 1000);
		}
		report("proofs.size", size);
		report("proofs.samples", samples);
		report("proofs.inclusion-ms", percentiles(inclusion));
		report("proofs.consistency-ms", percentiles(consistency));
		report("proofs.http-inclusion-ms", percentiles(httpInclusion));
		report("proofs.http-consistency-ms", percentiles(httpConsistency));
		report("proofs.http-floor-ms", percentiles(httpFloor));
	}

	private void get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
	}

	void storage() {
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		long bytes = jdbc.sql("""
				SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'transparency' AND c.relkind = 'r'""").query(Long.class).single();
		report("storage.bytes-per-entry", bytes / store.size());
		report("storage.total-mb", bytes / 1_000_000);
	}

	// ---- reporting ----------------------------------------------------------------------------------------------

	private static void report(String key, Object value) {
		System.out.println("RESULT " + key + " = " + value);
	}

	private static long percentile(List<Long> values, int percent) {
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static String percentiles(List<Long> micros) {
		return millis(percentile(micros, 50)) + " / " + millis(percentile(micros, 99)) + " / "
				+ millis(percentile(micros, 100));
	}

	private static String millis(long micros) {
		return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
	}

	private static String minMedianMax(List<Double> values, String format) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(Locale.ROOT, format + " / " + format + " / " + format, sorted[0],
				sorted[sorted.length / 2], sorted[sorted.length - 1]);
	}
}
