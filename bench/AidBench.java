package org.hearth.aid;

import static org.hearth.bench.Measurements.format;
import static org.hearth.bench.Measurements.get;
import static org.hearth.bench.Measurements.report;
import static org.hearth.bench.Measurements.timed;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.hearth.HearthApplication;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aid benchmark (bench/aid.sh; docs/benchmarks.md): 50 warehouses, 2,000 facilities and 1,000,000 ledger
 * movements written into the aid tables (by COPY, through the ledger's own trigger, so that stock on hand is what
 * the movements add up to), with needs, deliveries and fuel readings at the same scale. Then, timed: stock on hand
 * for a random warehouse, from PostgreSQL and as its page over HTTP, and the coordinator's dashboard, its data and
 * its page over HTTP, each many times; p50 / p95 / p99 / max.
 */
public final class AidBench {

	static final int WAREHOUSES = 50;
	static final int FACILITIES = 2_000;
	static final int MOVEMENTS = 1_000_000;
	static final int RUNS = 300;

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
		int movements = args.length > 1 ? Integer.parseInt(args[1]) : MOVEMENTS;
		Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 20261201);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
				.profiles("demo").run("--server.port=0", "--hearth.data-dir=" + data, "--logging.level.root=WARN",
						"--spring.main.banner-mode=off")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			DataSource owner = context.getBean("flywayDataSource", DataSource.class);
			long t0 = System.nanoTime();
			Seeded seeded = seed(jdbc, context.getBean(DataSource.class), movements, random);
			new JdbcTemplate(owner).execute("VACUUM ANALYZE aid.movement");
			new JdbcTemplate(owner).execute("ANALYZE aid.stock, aid.need, aid.delivered, aid.fuel_reading, aid.facility");
			report("seed.seconds", format((System.nanoTime() - t0) / 1e9));
			// The bulk load's own clean-up (checkpoints, autovacuum of a million new rows) is not what a coordinator
			// waits for on an ordinary day: let it finish before measuring.
			Thread.sleep(20_000);
			report("seed.movements", jdbc.queryForObject("SELECT count(*) FROM aid.movement", Long.class));
			report("seed.warehouses", jdbc.queryForObject("SELECT count(*) FROM aid.warehouse", Long.class));
			report("seed.facilities", jdbc.queryForObject("SELECT count(*) FROM aid.facility", Long.class));
			report("seed.needs", jdbc.queryForObject("SELECT count(*) FROM aid.need", Long.class));
			report("seed.delivered-rows", jdbc.queryForObject("SELECT count(*) FROM aid.delivered", Long.class));
			report("seed.readings", jdbc.queryForObject("SELECT count(*) FROM aid.fuel_reading", Long.class));
			report("seed.negative-stock", jdbc.queryForObject("SELECT count(*) FROM aid.stock WHERE on_hand < 0", Long.class));
			report("seed.stock-mismatch", jdbc.queryForObject("""
					SELECT count(*) FROM aid.stock s WHERE s.on_hand <> (SELECT coalesce(sum(delta), 0) FROM aid.movement m
					  WHERE m.warehouse = s.warehouse AND m.item = s.item)""", Long.class));

			StockLedger ledger = context.getBean(StockLedger.class);
			Overview overview = context.getBean(Overview.class);
			FuelWatch fuel = context.getBean(FuelWatch.class);
			List<UUID> warehouses = seeded.warehouses();
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Baku"));
			LocalDate first = today.withDayOfMonth(1);
			LocalDate last = today.withDayOfMonth(today.lengthOfMonth());

			timed("stock.db", RUNS, () -> ledger.onHand(warehouses.get(random.nextInt(warehouses.size()))).size());
			timed("dashboard.db", RUNS / 3, () -> {
				List<Overview.NeedLine> lines = overview.needsAgainstDelivered(first, last, null);
				return overview.byCategory(lines).size() + overview.byFacility(lines).size()
						+ fuel.statuses().size() + overview.stockByWarehouse().size();
			});

			// The dashboard's parts, to tell where its time goes; the plan of its main query for the log.
			jdbc.queryForList("""
					EXPLAIN (ANALYZE, BUFFERS) SELECT f.id, f.name, f.kind, f.settlement, n.item, sum(n.quantity), sum(nd.quantity)
					FROM aid.need n JOIN aid.need_delivered nd ON nd.need = n.id JOIN aid.facility f ON f.id = n.facility
					WHERE n.superseded_by IS NULL AND n.period_from <= ? AND n.period_to >= ?
					GROUP BY f.id, f.name, f.kind, f.settlement, n.item ORDER BY f.settlement, f.name, f.id, n.item""",
					String.class, last, first).forEach(line -> System.out.println("PLAN " + line));
			timed("part.needs", RUNS / 3, () -> overview.needsAgainstDelivered(first, last, null).size());
			timed("part.fuel", RUNS / 3, () -> fuel.statuses().size());
			timed("part.stock", RUNS / 3, () -> overview.stockByWarehouse().size());

			String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER).build();
			signIn(http, url, "aid@hearth.demo", "hearth-demo-2026");
			int[] bytes = new int[1];
			timed("stock.http", RUNS, () -> get(http, url + "/aid/warehouses/" + warehouses.get(random.nextInt(warehouses.size())), "en", bytes));
			report("stock.http-kb", bytes[0] / 1024);
			timed("dashboard.http", RUNS / 3, () -> get(http, url + "/aid", "en", bytes));
			report("dashboard.http-kb", bytes[0] / 1024);
			// What any page costs here: the catalogue, a table of 17 rows from memory, no query of its own.
			timed("baseline.http", RUNS, () -> get(http, url + "/aid/items", "en", bytes));
			report("baseline.http-kb", bytes[0] / 1024);

			long heap = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					heap += pool.getPeakUsage().getUsed();
				}
			}
			report("heap.peak-mb", heap / 1_000_000);
			report("heap.max-mb", Runtime.getRuntime().maxMemory() / 1_000_000);
			report("db.size-mb", jdbc.queryForObject(
					"SELECT sum(pg_total_relation_size(c.oid)) / 1000000 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'aid' AND c.relkind = 'r'",
					Long.class));
		}
	}

	record Seeded(List<UUID> warehouses, List<UUID> facilities) {
	}

	static final String[] ITEMS = { "flour-wheat", "rice", "vegetable-oil", "ration-pack", "food-parcel", "diesel",
			"petrol", "natural-gas", "health-kit", "trauma-kit", "insulin", "sim-card", "satellite-terminal", "airtime",
			"hygiene-kit", "tarpaulin", "blanket" };
	static final String[] KINDS = { "SCHOOL", "HOSPITAL", "CLINIC", "SHELTER", "COMMUNITY_KITCHEN" };

	/** Movements per warehouse and item in a realistic order: receipts first and often, takings within the stock. */
	static Seeded seed(JdbcTemplate jdbc, DataSource app, int movements, Random random) throws Exception {
		List<String> settlements = jdbc.queryForList("SELECT id FROM gazetteer.settlement ORDER BY id", String.class);
		UUID writer = UUID.randomUUID();
		List<UUID> warehouses = new ArrayList<>();
		for (int w = 0; w < WAREHOUSES; w++) {
			UUID id = UUID.randomUUID();
			warehouses.add(id);
			jdbc.update("INSERT INTO aid.warehouse (id, code, name, settlement, created_at) VALUES (?, ?, ?, ?, now())",
					id, "B-" + w, "Bench warehouse " + w, settlements.get(random.nextInt(settlements.size())));
		}
		List<UUID> facilities = new ArrayList<>();
		StringBuilder facilityRows = new StringBuilder();
		for (int f = 0; f < FACILITIES; f++) {
			UUID id = UUID.randomUUID();
			facilities.add(id);
			String kind = f == 0 ? "FIELD_HOSPITAL" : KINDS[random.nextInt(KINDS.length)];
			facilityRows.append(id).append('\t').append(kind).append('\t').append("Facility ").append(f).append('\t')
					.append(settlements.get(random.nextInt(settlements.size()))).append('\t').append(50 + random.nextInt(500))
					.append("\t\\N\tOPEN\t").append(10 + random.nextInt(300)).append("\tnow()\tnow()\t0\n");
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baku"));
		try (Connection connection = app.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn("COPY aid.facility (id, kind, name, settlement, capacity, contact, status, daily_fuel_use, "
					+ "created_at, updated_at, version) FROM STDIN", new StringReader(facilityRows.toString().replace("now()",
							java.time.OffsetDateTime.now().toString())));
			// The ledger: per (warehouse, item) a running balance that never goes below zero.
			int pairs = WAREHOUSES * ITEMS.length;
			BigDecimal[] balance = new BigDecimal[pairs];
			Arrays.fill(balance, BigDecimal.ZERO);
			StringBuilder rows = new StringBuilder(1 << 22);
			for (int m = 0; m < movements; m++) {
				int pair = random.nextInt(pairs);
				String item = ITEMS[pair % ITEMS.length];
				UUID warehouse = warehouses.get(pair / ITEMS.length);
				String kind;
				BigDecimal delta;
				if (balance[pair].signum() == 0 || random.nextInt(10) < 3) {
					kind = "RECEIPT";
					delta = BigDecimal.valueOf(100 + random.nextInt(5000));
				}
				else {
					BigDecimal taken = BigDecimal.valueOf(1 + random.nextInt(Math.max(1, Math.min(2000, balance[pair].intValue()))));
					kind = random.nextInt(20) == 0 ? "LOSS" : "DISPATCH";
					delta = taken.min(balance[pair]).negate();
				}
				balance[pair] = balance[pair].add(delta);
				rows.append(UUID.randomUUID()).append('\t').append(warehouse).append('\t').append(item).append('\t')
						.append(kind).append('\t').append(delta.toPlainString()).append('\t')
						.append("LOSS".equals(kind) ? "bench loss" : "\\N").append('\t')
						.append("RECEIPT".equals(kind) ? "bench donor" : "\\N").append('\t')
						.append(today.minusDays(365 - (m * 365L / movements))).append('\t').append(writer).append('\t')
						.append(java.time.OffsetDateTime.now()).append('\n');
				if (rows.length() > (1 << 22)) {
					copy(copy, rows);
				}
			}
			copy(copy, rows);
			// Needs this month, deliveries over the last 60 days, fuel readings for the watched ones.
			StringBuilder needs = new StringBuilder();
			StringBuilder delivered = new StringBuilder();
			StringBuilder readings = new StringBuilder();
			LocalDate first = today.withDayOfMonth(1);
			LocalDate last = today.withDayOfMonth(today.lengthOfMonth());
			for (UUID facility : facilities) {
				List<String> items = new ArrayList<>(List.of(ITEMS));
				java.util.Collections.shuffle(items, random);
				for (String item : items.subList(0, 5)) {
					needs.append(UUID.randomUUID()).append('\t').append(facility).append('\t').append(item).append('\t')
							.append(100 + random.nextInt(5000)).append('\t').append(first).append('\t').append(last)
							.append("\t\\N\t").append(writer).append('\t').append(java.time.OffsetDateTime.now()).append('\n');
					for (int d = 0; d < 60; d += 3 + random.nextInt(6)) {
						delivered.append(facility).append('\t').append(item).append('\t').append(today.minusDays(d)).append('\t')
								.append(10 + random.nextInt(800)).append('\n');
					}
				}
				for (int r = 0; r < 8; r++) {
					readings.append(facility).append("\tdiesel\t").append(200 + random.nextInt(3000)).append('\t')
							.append(today.minusDays(r * 4L)).append('\t').append(writer).append('\t')
							.append(java.time.OffsetDateTime.now()).append('\n');
				}
			}
			copy.copyIn("COPY aid.need (id, facility, item, quantity, period_from, period_to, note, recorded_by, recorded_at) FROM STDIN",
					new StringReader(needs.toString()));
			copy.copyIn("COPY aid.delivered (facility, item, day, quantity) FROM STDIN", new StringReader(delivered.toString()));
			copy.copyIn("COPY aid.fuel_reading (facility, item, on_hand, read_on, recorded_by, recorded_at) FROM STDIN",
					new StringReader(readings.toString()));
		}
		return new Seeded(warehouses, facilities);
	}

	private static void copy(org.postgresql.copy.CopyManager copy, StringBuilder rows) throws Exception {
		copy.copyIn("COPY aid.movement (ref, warehouse, item, kind, delta, reason, source, occurred_on, recorded_by, "
				+ "recorded_at) FROM STDIN", new StringReader(rows.toString()));
		rows.setLength(0);
	}

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static void signIn(HttpClient http, String url, String email, String password) throws Exception {
		String form = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
		}
	}
}
