package org.hearth.housing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.hearth.HearthApplication;
import org.hearth.identity.CurrentUser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The allocation round's end-to-end benchmark (bench/round.sh; docs/benchmarks.md): generated areas, units and
 * waiting households written straight into the housing tables, then one {@link Rounds#start} over all their
 * settlements, timed by the wall clock: reading from PostgreSQL, priorities, the solver, the round's files and
 * hashes, one round entry per household and one offer per assignment (with its history, status moves and
 * transparency-log entry), all in the round's one transaction. Then cheap checks of the result: no offer in an area
 * that is not released, and verify-round on the stored files gives the stored result.
 */
public final class RoundBench {

	static final int SETTLEMENTS = 20;
	static final int UNRELEASED_AREAS = 5;
	static final int BATCH = 5_000;

	public static void main(String[] args) throws Exception {
		int householdCount = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int unitCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
		Path data = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
		long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261128;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
				.profiles("demo").run("--server.port=0", "--hearth.data-dir=" + data, "--logging.level.root=WARN",
						"--spring.main.banner-mode=off")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Random random = new Random(seed);
			long t0 = System.nanoTime();
			List<String> settlements = jdbc.queryForList("SELECT id FROM gazetteer.settlement ORDER BY id", String.class);
			settlements = new ArrayList<>(settlements);
			Collections.shuffle(settlements, random);
			settlements = List.copyOf(settlements.subList(0, Math.min(SETTLEMENTS, settlements.size())));
			Seed seeded = seed(jdbc, settlements, householdCount, unitCount, random);
			// As autovacuum would have done by the time of a round: statistics for the planner. Only the tables'
			// owner may, so through the migrations' data source.
			new JdbcTemplate(context.getBean("flywayDataSource", DataSource.class))
					.execute("ANALYZE housing.area, housing.unit, housing.household");
			report("seed.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
			report("seed.settlements", settlements.size());
			report("seed.households", householdCount);
			report("seed.units", unitCount);
			report("seed.units-unreleased", seeded.unreleasedUnits());
			CurrentUser officer = officer(context, jdbc);
			// What one statement costs on this machine at this moment: the round is made of many.
			long[] trips = new long[2000];
			for (int i = 0; i < trips.length; i++) {
				long start = System.nanoTime();
				jdbc.queryForObject("SELECT 1", Integer.class);
				trips[i] = System.nanoTime() - start;
			}
			java.util.Arrays.sort(trips);
			report("db.select1-p50-ms", String.format(Locale.ROOT, "%.3f", trips[trips.length / 2] / 1e6));

			Rounds rounds = context.getBean(Rounds.class);
			System.gc();
			Sampler sampler = new Sampler(Thread.currentThread());
			sampler.start();
			t0 = System.nanoTime();
			Rounds.Round round = rounds.start(officer, settlements);
			double seconds = (System.nanoTime() - t0) / 1e9;
			sampler.finish();
			report("round.seconds", String.format(Locale.ROOT, "%.1f", seconds));
			report("round.number", round.number());
			report("round.households", round.households());
			report("round.units", round.units());
			report("round.assigned", round.assigned());
			report("profile.offers-percent", String.format(Locale.ROOT, "%.0f", sampler.share("offers")));
			report("profile.solver-percent", String.format(Locale.ROOT, "%.0f", sampler.share("solver")));
			report("profile.database-percent", String.format(Locale.ROOT, "%.0f", sampler.databaseShare()));

			long offers = jdbc.queryForObject("SELECT count(*) FROM housing.offer WHERE round_id = ?", Long.class,
					round.id());
			long entries = jdbc.queryForObject("SELECT count(*) FROM housing.round_entry WHERE round_id = ?",
					Long.class, round.id());
			long unreleased = jdbc.queryForObject("""
					SELECT count(*) FROM housing.offer o JOIN housing.unit u ON u.id = o.unit_id
					JOIN housing.area a ON a.id = u.area_id WHERE a.status <> 'RELEASED'""", Long.class);
			long offered = jdbc.queryForObject("SELECT count(*) FROM housing.household WHERE status = 'OFFERED'",
					Long.class);
			long logged = jdbc.queryForObject(
					"SELECT count(*) FROM transparency.leaf_subject WHERE entity_type = 'offer'", Long.class);
			report("offers.created", offers);
			report("offers.in-unreleased-areas", unreleased);
			report("households.offered", offered);
			report("round-entries", entries);
			report("log.offer-entries", logged);

			Path input = Files.write(data.resolve("round-input.json"), rounds.inputFile(round.number()));
			Path result = Files.write(data.resolve("round-result.json"), rounds.resultFile(round.number()));
			report("files.input-mb", String.format(Locale.ROOT, "%.1f", Files.size(input) / 1e6));
			report("files.result-mb", String.format(Locale.ROOT, "%.1f", Files.size(result) / 1e6));
			var out = new ByteArrayOutputStream();
			var err = new ByteArrayOutputStream();
			t0 = System.nanoTime();
			int verified = RoundVerifier.run(new String[] { input.toString(), result.toString() },
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
			report("verify.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
			report("verify.exit", verified);
			System.out.print(out.toString(StandardCharsets.UTF_8));
			System.out.print(err.toString(StandardCharsets.UTF_8));

			long heap = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					heap += pool.getPeakUsage().getUsed();
				}
			}
			report("heap.peak-mb", heap / 1_000_000);
			report("heap.max-mb", Runtime.getRuntime().maxMemory() / 1_000_000);
			sampler.print();
		}
		System.exit(0);
	}

	record Seed(int unreleasedUnits) {
	}

	/**
	 * One released area per settlement, a few areas not released (with ready units that must not be offered), ready
	 * units of 1 to 5 rooms, about one in ten step-free, and waiting households of 1 to 7 persons with 1 to 4 of the
	 * settlements as preferences, origin first.
	 */
	static Seed seed(JdbcTemplate jdbc, List<String> settlements, int householdCount, int unitCount, Random random) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> areas = new ArrayList<>();
		Map<String, UUID> released = new HashMap<>();
		for (int i = 0; i < settlements.size(); i++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			released.put(settlements.get(i), id);
			areas.add(new Object[] { id, "BENCH-R-" + i, settlements.get(i), "sector " + i, "RELEASED",
					"CERT-BENCH-" + i, Date.valueOf(LocalDate.of(2025, 3, 1)), now });
		}
		List<UUID> hazards = new ArrayList<>();
		List<String> hazardSettlements = new ArrayList<>();
		for (int i = 0; i < UNRELEASED_AREAS; i++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			String settlement = settlements.get(i % settlements.size());
			hazards.add(id);
			hazardSettlements.add(settlement);
			areas.add(new Object[] { id, "BENCH-H-" + i, settlement, "hazard sector " + i,
					i % 2 == 0 ? "CONFIRMED_HAZARD" : "SUSPECTED_HAZARD", null, null, now });
		}
		jdbc.batchUpdate("""
				INSERT INTO housing.area (id, reference, settlement, sector, status, certificate, released_on,
				  updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", areas);

		int unreleasedUnits = 0;
		List<Object[]> units = new ArrayList<>();
		for (int i = 0; i < unitCount; i++) {
			String settlement;
			UUID area;
			if (random.nextInt(20) == 0) {
				int h = random.nextInt(hazards.size());
				area = hazards.get(h);
				settlement = hazardSettlements.get(h);
				unreleasedUnits++;
			}
			else {
				settlement = settlements.get(random.nextInt(settlements.size()));
				area = released.get(settlement);
			}
			int rooms = 1 + random.nextInt(5);
			units.add(new Object[] { new UUID(random.nextLong(), random.nextLong()), settlement, area,
					"Street " + (i % 500) + ", " + (1 + i / 500), rooms, 20 * rooms + 15, random.nextInt(10) == 0,
					now, now });
			if (units.size() == BATCH) {
				insertUnits(jdbc, units);
			}
		}
		insertUnits(jdbc, units);

		LocalDate today = LocalDate.now();
		List<Object[]> households = new ArrayList<>();
		for (int i = 0; i < householdCount; i++) {
			List<String> needs = new ArrayList<>();
			for (String need : HousingProperties.NEEDS) {
				if (random.nextInt(10) == 0) {
					needs.add(need);
				}
			}
			List<String> preferences = new ArrayList<>();
			int count = 1 + random.nextInt(4);
			while (preferences.size() < count) {
				String s = settlements.get(random.nextInt(settlements.size()));
				if (!preferences.contains(s)) {
					preferences.add(s);
				}
			}
			households.add(new Object[] { new UUID(random.nextLong(), random.nextLong()),
					new UUID(random.nextLong(), random.nextLong()), new UUID(random.nextLong(), random.nextLong()),
					1 + random.nextInt(7), literal(needs), random.nextInt(100) < 8, literal(preferences),
					Date.valueOf(today.minusDays(random.nextInt(3653))), now });
			if (households.size() == BATCH) {
				insertHouseholds(jdbc, households);
			}
		}
		insertHouseholds(jdbc, households);
		return new Seed(unreleasedUnits);
	}

	private static void insertUnits(JdbcTemplate jdbc, List<Object[]> units) {
		jdbc.batchUpdate("""
				INSERT INTO housing.unit (id, settlement, area_id, address, rooms, floor_area, step_free, status,
				  created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'READY', ?, ?, 0)""", units);
		units.clear();
	}

	private static void insertHouseholds(JdbcTemplate jdbc, List<Object[]> households) {
		jdbc.batchUpdate("""
				INSERT INTO housing.household (id, application_id, account, size, needs, needs_step_free, preferences,
				  registered_on, status, updated_at, version)
				VALUES (?, ?, ?, ?, ?::text[], ?, ?::text[], ?, 'WAITING', ?, 0)""", households);
		households.clear();
	}

	/** A PostgreSQL array literal; settlement ids and needs are plain slugs, no quoting needed. */
	private static String literal(List<String> values) {
		return "{" + String.join(",", values) + "}";
	}

	/**
	 * A housing officer of the Khankendi office: the account row written directly, the signed-in user built as
	 * the identity module builds it ({@code Account.toCurrentUser().withSecondFactor()}), by reflection since
	 * those are the module's own.
	 */
	static CurrentUser officer(ConfigurableApplicationContext context, JdbcTemplate jdbc) throws Exception {
		String email = "housing-officer-" + UUID.randomUUID() + "@bench.hearth";
		jdbc.update("""
				INSERT INTO identity.account (id, email, password_hash, status, roles, office, language, created_at,
				  confirmed_at) VALUES (?, ?, '{noop}unusable', 'ACTIVE', '{HOUSING_OFFICER}', 'KHA', 'en', now(), now())""",
				UUID.randomUUID(), email);
		Class<?> repository = Class.forName("org.hearth.identity.AccountRepository");
		Method find = repository.getDeclaredMethod("findByEmail", String.class);
		find.setAccessible(true);
		Object account = ((Optional<?>) find.invoke(context.getBean(repository), email)).orElseThrow();
		Method toCurrentUser = account.getClass().getDeclaredMethod("toCurrentUser");
		toCurrentUser.setAccessible(true);
		return ((CurrentUser) toCurrentUser.invoke(account)).withSecondFactor();
	}

	/**
	 * Where the round's thread spends its time: every 10 ms, the innermost Hearth method on its stack, and whether
	 * the thread is waiting for PostgreSQL's answer at that moment.
	 */
	static final class Sampler extends Thread {

		private final Thread target;
		private final AtomicBoolean running = new AtomicBoolean(true);
		private final Map<String, Integer> byMethod = new HashMap<>();
		private final Map<String, Integer> byPhase = new HashMap<>();
		private int samples;
		private int waitingForDatabase;

		Sampler(Thread target) {
			super("round-sampler");
			this.target = target;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (running.get()) {
				StackTraceElement[] stack = target.getStackTrace();
				samples++;
				boolean database = false;
				String hearth = "(outside Hearth)";
				for (StackTraceElement frame : stack) {
					if (frame.getClassName().startsWith("org.postgresql.core.PGStream")
							|| frame.getClassName().startsWith("sun.nio.ch.NioSocketImpl")) {
						database = true;
					}
					if (frame.getClassName().startsWith("org.hearth.") && !frame.getClassName().contains("$$")) {
						hearth = frame.getClassName().replace("org.hearth.", "") + "." + frame.getMethodName() + ":"
								+ frame.getLineNumber();
						break;
					}
				}
				if (database) {
					waitingForDatabase++;
				}
				byPhase.merge(phase(stack), 1, Integer::sum);
				byMethod.merge(hearth + (database ? " [waiting for PostgreSQL]" : ""), 1, Integer::sum);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		/** The part of the round: an offer, the solver, the files, else the line of {@code Rounds.start}. */
		private static String phase(StackTraceElement[] stack) {
			for (StackTraceElement frame : stack) {
				String type = frame.getClassName();
				if (type.equals("org.hearth.housing.Offers") && frame.getMethodName().equals("make")) {
					return "offers";
				}
				if (type.startsWith("org.hearth.housing.allocation.")) {
					return "solver";
				}
				if (type.equals("org.hearth.housing.RoundFiles")) {
					return "files";
				}
				if (type.equals("org.hearth.housing.Rounds") && frame.getMethodName().equals("start")) {
					return "Rounds.start:" + frame.getLineNumber();
				}
			}
			return "(outside Rounds.start)";
		}

		double share(String phase) {
			return 100.0 * byPhase.getOrDefault(phase, 0) / Math.max(1, samples);
		}

		double databaseShare() {
			return 100.0 * waitingForDatabase / Math.max(1, samples);
		}

		void finish() throws InterruptedException {
			running.set(false);
			join();
		}

		void print() {
			System.out.printf(Locale.ROOT, "PROFILE %d samples, %.0f %% waiting for PostgreSQL%n", samples,
					100.0 * waitingForDatabase / Math.max(1, samples));
			System.out.println("PROFILE by part of the round:");
			byPhase.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
					.forEach(e -> System.out.printf(Locale.ROOT, "PROFILE %5.1f %%  %s%n",
							100.0 * e.getValue() / samples, e.getKey()));
			System.out.println("PROFILE by innermost Hearth method:");
			byMethod.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
					.forEach(e -> System.out.printf(Locale.ROOT, "PROFILE %5.1f %%  %s%n",
							100.0 * e.getValue() / samples, e.getKey()));
		}
	}

	private static void report(String key, Object value) {
		System.out.println("RESULT " + key + " = " + value);
	}
}
