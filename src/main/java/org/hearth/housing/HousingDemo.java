package org.hearth.housing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hearth.identity.AccountId;
import org.hearth.identity.Accounts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's housing: three settlements with their readiness, six mine-action areas of which one is a suspected and
 * one a confirmed hazard, thirty units and a dozen waiting households, enough to run a round. Written once, with
 * plain SQL; a database that already holds the demo areas is left as it is.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class HousingDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(HousingDemo.class);

	/** Who the demo's rows say wrote them. */
	static final UUID DEMO_WRITER = UUID.nameUUIDFromBytes("hearth-demo-housing".getBytes(StandardCharsets.UTF_8));

	record Ready(String settlement, int percent, boolean water, boolean electricity, boolean gas, boolean school,
			boolean clinic) {
	}

	record DemoArea(String reference, String settlement, String sector, AreaStatus status,
			@Nullable String certificate, @Nullable String releasedOn, List<String> units) {
	}

	static final List<Ready> READINESS = List.of(new Ready("susa", 85, true, true, true, true, false),
			new Ready("xocali", 60, true, true, false, false, false),
			new Ready("hadrut", 30, true, false, false, false, false));

	/** Units as status and rooms, e.g. "READY:3". */
	static final List<DemoArea> AREAS = List.of(
			new DemoArea("DEMO-SUS-01", "susa", "Sector 1, old town north", AreaStatus.RELEASED, "MA-2024-0117",
					"2024-09-12", List.of("READY:1", "READY:2", "READY:2", "READY:3", "READY:4", "UNDER_CONSTRUCTION:3",
							"UNDER_CONSTRUCTION:2", "PLANNED:3")),
			new DemoArea("DEMO-SUS-02", "susa", "Sector 2, road to the plateau", AreaStatus.RELEASED, "MA-2024-0231",
					"2024-11-05", List.of("READY:2", "READY:3", "UNDER_CONSTRUCTION:1", "UNDER_CONSTRUCTION:2",
							"UNDER_CONSTRUCTION:4")),
			new DemoArea("DEMO-XCI-01", "xocali", "Sector 1, centre", AreaStatus.RELEASED, "MA-2025-0042",
					"2025-02-20", List.of("READY:2", "READY:3", "READY:3", "READY:5", "UNDER_CONSTRUCTION:2",
							"UNDER_CONSTRUCTION:3", "UNDER_CONSTRUCTION:1")),
			new DemoArea("DEMO-XCI-02", "xocali", "Sector 2, eastern slopes", AreaStatus.SUSPECTED_HAZARD, null,
					null, List.of("PLANNED:2", "PLANNED:3", "PLANNED:3")),
			new DemoArea("DEMO-HAD-01", "hadrut", "Sector 1, lower town", AreaStatus.RELEASED, "MA-2025-0108",
					"2025-04-03", List.of("READY:2", "READY:4", "PLANNED:2", "PLANNED:3", "PLANNED:1")),
			new DemoArea("DEMO-HAD-02", "hadrut", "Sector 2, forest edge", AreaStatus.CONFIRMED_HAZARD, null, null,
					List.of("PLANNED:3", "PLANNED:2")));

	private final JdbcClient jdbc;
	private final Programme programme;
	private final Accounts accounts;
	private final Clock clock;

	private static final List<String> DEMO_APPLICANTS = List.of("applicant@hearth.demo", "applicant.ru@hearth.demo");

	HousingDemo(JdbcClient jdbc, Programme programme, Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.programme = programme;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean present = jdbc.sql("SELECT count(*) FROM housing.area WHERE reference LIKE 'DEMO-%'").query(Integer.class)
				.single() > 0;
		if (present) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		for (Ready r : READINESS) {
			jdbc.sql("""
					INSERT INTO housing.settlement_readiness (settlement, construction_percent, water, electricity,
					  gas, school, clinic, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (settlement) DO NOTHING""")
					.params(r.settlement(), r.percent(), r.water(), r.electricity(), r.gas(), r.school(), r.clinic(),
							now, DEMO_WRITER)
					.update();
		}
		int units = 0;
		for (DemoArea a : AREAS) {
			UUID area = UUID.nameUUIDFromBytes(a.reference().getBytes(StandardCharsets.UTF_8));
			Date released = a.releasedOn() == null ? null : Date.valueOf(LocalDate.parse(a.releasedOn()));
			jdbc.sql("""
					INSERT INTO housing.area (id, reference, settlement, sector, status, certificate, released_on,
					  updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
					.params(area, a.reference(), a.settlement(), a.sector(), a.status().name(), a.certificate(),
							released, now)
					.update();
			jdbc.sql("""
					INSERT INTO housing.area_history (area_id, status, certificate, released_on, source, changed_by,
					  changed_at) VALUES (?, ?, ?, ?, 'demo', ?, ?)""")
					.params(area, a.status().name(), a.certificate(), released, DEMO_WRITER, now).update();
			int flat = 0;
			for (String unit : a.units()) {
				String[] parts = unit.split(":");
				int rooms = Integer.parseInt(parts[1]);
				flat++;
				jdbc.sql("""
						INSERT INTO housing.unit (id, settlement, area_id, address, rooms, floor_area, step_free, status,
						  created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
						.params(UUID.nameUUIDFromBytes((a.reference() + "/" + flat).getBytes(StandardCharsets.UTF_8)),
								a.settlement(), area, "Block " + a.reference().substring(9) + ", flat " + flat, rooms,
								BigDecimal.valueOf(22 + 16L * rooms), flat % 3 == 1, parts[0], now, now)
						.update();
				units++;
			}
		}
		LocalDate today = LocalDate.now(clock);
		// Persons, and whether the household needs a step-free home.
		int[][] households = { { 4, 1 }, { 2, 0 }, { 6, 0 }, { 1, 0 }, { 3, 0 }, { 5, 1 }, { 2, 0 }, { 3, 0 },
				{ 4, 0 }, { 1, 1 }, { 7, 0 }, { 2, 0 } };
		List<List<String>> preferences = List.of(List.of("susa"), List.of("susa", "xocali"), List.of("xocali", "susa"),
				List.of("hadrut", "susa"), List.of("xocali"), List.of("susa", "hadrut", "xocali"));
		List<List<String>> needs = List.of(List.of("disability"), List.of(), List.of("elderly"), List.of(),
				List.of("single-parent"), List.of("serious-illness", "elderly"));
		for (int i = 0; i < households.length; i++) {
			UUID application = UUID.nameUUIDFromBytes(("demo-household-" + i).getBytes(StandardCharsets.UTF_8));
			// The first two belong to the demo applicants, so that "My home" shows a household and its rounds.
			AccountId account = (i < DEMO_APPLICANTS.size() ? accounts.byEmail(DEMO_APPLICANTS.get(i)) : Optional.<AccountId>empty())
					.orElse(new AccountId(UUID.nameUUIDFromBytes(("demo-account-" + i).getBytes(StandardCharsets.UTF_8))));
			programme.enrol(new Programme.Enrolment(application, account,
					null, households[i][0], needs.get(i % needs.size()), households[i][1] == 1,
					preferences.get(i % preferences.size()), null, today.minusMonths(7L * i + 3)));
		}
		log.warn("Created demo housing: {} settlements, {} areas, {} units, {} waiting households.", READINESS.size(),
				AREAS.size(), units, households.length);
	}
}
