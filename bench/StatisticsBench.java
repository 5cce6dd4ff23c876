package org.hearth.statistics;

import static org.hearth.bench.Measurements.format;
import static org.hearth.bench.Measurements.get;
import static org.hearth.bench.Measurements.report;
import static org.hearth.bench.Measurements.timed;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hearth.HearthApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics benchmark (bench/statistics.sh; docs/benchmarks.md): 1,000,000 residency applications over two
 * years with their first decisions, written into the applications tables, beside the demo's other modules. Then,
 * timed: building and storing a release from all of it, and the public dashboard and a CSV download over HTTP,
 * which read the stored release; p50 / p95 / p99 / max.
 */
public final class StatisticsBench {

	static final int APPLICATIONS = 1_000_000;
	static final int RUNS = 300;

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
		int applications = args.length > 1 ? Integer.parseInt(args[1]) : APPLICATIONS;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
				.profiles("demo").run("--server.port=0", "--hearth.data-dir=" + data, "--logging.level.root=WARN",
						"--spring.main.banner-mode=off")) {
			JdbcTemplate owner = new JdbcTemplate(context.getBean("flywayDataSource", DataSource.class));
			long t0 = System.nanoTime();
			int version = owner.queryForObject(
					"SELECT max(version) FROM services.definition_version WHERE code = 'residency'", Integer.class);
			owner.execute("SELECT setseed(0.20261201)");
			// Two years of applications; about three in four decided, the rest at each open step.
			owner.update("""
					INSERT INTO applications.application (id, applicant, service_code, definition_version, answers,
					  status, reference, language, office, settlement, submitted_at, created_at, updated_at, version)
					SELECT gen_random_uuid(), gen_random_uuid(), 'residency', ?, '{}'::jsonb,
					  CASE WHEN r < 0.55 THEN 'APPROVED' WHEN r < 0.70 THEN 'REFUSED' WHEN r < 0.73 THEN 'APPEALED'
					       WHEN r < 0.83 THEN 'SUBMITTED' WHEN r < 0.90 THEN 'IN_REVIEW'
					       WHEN r < 0.95 THEN 'AWAITING_APPLICANT' ELSE 'AWAITING_DECISION' END,
					  'BENCH-' || g, (ARRAY['hy', 'az', 'ru', 'en'])[1 + (g % 4)], 'KHA', 'xankendi', ts, ts, ts, 0
					FROM (SELECT g, random() AS r, now() - random() * interval '730 days' AS ts
					      FROM generate_series(1, ?) g) s""", version, applications);
			owner.update("""
					INSERT INTO applications.decision (id, application_id, round, outcome, reasons, explanation,
					  recommended_by, decided_by, office, decided_at, permit_number, verification_code)
					SELECT gen_random_uuid(), id, 1, CASE WHEN status = 'APPROVED' THEN 'APPROVE' ELSE 'REFUSE' END,
					  '{}', 'bench', gen_random_uuid(), gen_random_uuid(), 'KHA',
					  least(now(), submitted_at + (2 + random() * 58) * interval '1 day'),
					  CASE WHEN status = 'APPROVED' THEN 'BP-' || reference END, 'BV-' || reference
					FROM applications.application
					WHERE reference LIKE 'BENCH-%' AND status IN ('APPROVED', 'REFUSED', 'APPEALED')""");
			owner.execute("VACUUM ANALYZE applications.application");
			owner.execute("VACUUM ANALYZE applications.decision");
			report("seed.seconds", format((System.nanoTime() - t0) / 1e9));
			report("seed.applications", owner.queryForObject(
					"SELECT count(*) FROM applications.application WHERE service_code = 'residency'", Long.class));
			report("seed.decisions", owner.queryForObject("SELECT count(*) FROM applications.decision", Long.class));
			Thread.sleep(10_000);

			Releases releases = context.getBean(Releases.class);
			LocalDate day = releases.today().plusDays(1);
			long build = System.nanoTime();
			Releases.Release release = releases.insert(day, "BENCH").orElseThrow();
			report("release.seconds", format((System.nanoTime() - build) / 1e9));
			report("release.tables", release.tables().size());
			report("release.kb", owner.queryForObject(
					"SELECT length(tables::text) / 1024 FROM statistics.release WHERE released_on = ?", Long.class,
					java.sql.Date.valueOf(day)));
			ReleaseBuilder builder = context.getBean(ReleaseBuilder.class);
			timed("build.db", 5, () -> builder.build(day).size());
			timed("latest.db", RUNS, () -> releases.latest().orElseThrow().tables().size());

			String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			int[] bytes = new int[1];
			timed("dashboard.http", RUNS, () -> get(http, url + "/statistics", "hy", bytes));
			report("dashboard.http-kb", bytes[0] / 1024);
			String csv = url + "/statistics/releases/" + day + "/" + TableSpec.APPLICATIONS + ".csv";
			timed("csv.http", RUNS, () -> get(http, csv, "ru", bytes));
			report("csv.http-kb", bytes[0] / 1024);
			timed("baseline.http", RUNS, () -> get(http, url + "/statistics/data-dictionary", "en", bytes));
			report("baseline.http-kb", bytes[0] / 1024);

			long heap = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					heap += pool.getPeakUsage().getUsed();
				}
			}
			report("heap.peak-mb", heap / 1_000_000);
			report("heap.max-mb", Runtime.getRuntime().maxMemory() / 1_000_000);
		}
	}
}
