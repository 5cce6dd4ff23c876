package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.platform.DisplayZone;
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
 * The demo's aid: three warehouses with stock received from donors, the schools, hospitals, the field hospital, a
 * shelter and a kitchen of the first settlements with this month's needs, and fuel readings that put the hospital
 * below the alert. Written once, with plain SQL; a database that already holds the demo warehouses is left alone.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class AidDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AidDemo.class);

	/** Who the demo's rows say wrote them. */
	static final UUID DEMO_WRITER = UUID.nameUUIDFromBytes("hearth-demo-aid".getBytes(StandardCharsets.UTF_8));

	record DemoWarehouse(String code, String name, String settlement, List<String> receipts) {
	}

	record DemoFacility(String key, FacilityKind kind, String name, String settlement, int capacity, String contact,
			@Nullable String dailyFuel, List<String> needs) {
	}

	/** Receipts as item:quantity:source. */
	static final List<DemoWarehouse> WAREHOUSES = List.of(
			new DemoWarehouse("KHA-01", "Central warehouse, Xankəndi", "xankendi",
					List.of("diesel:60000:ICRC convoy", "petrol:8000:ICRC convoy", "flour-wheat:20000:WFP",
							"rice:8000:WFP", "vegetable-oil:3000:WFP", "food-parcel:1500:WFP",
							"health-kit:40:WHO", "trauma-kit:12:WHO", "insulin:600:WHO", "sim-card:2000:UNICEF",
							"satellite-terminal:6:UNICEF", "airtime:150000:UNICEF", "hygiene-kit:800:UNHCR",
							"blanket:1200:UNHCR")),
			new DemoWarehouse("SHU-01", "Şuşa depot", "susa",
					List.of("diesel:15000:ICRC convoy", "food-parcel:400:WFP", "ration-pack:900:WFP",
							"hygiene-kit:300:UNHCR", "tarpaulin:250:UNHCR")),
			new DemoWarehouse("AGD-01", "Ağdam road depot", "agdam",
					List.of("diesel:5000:ICRC convoy", "natural-gas:30000:ICRC convoy", "flour-wheat:6000:WFP")));

	/** Needs for this month as item:quantity. */
	static final List<DemoFacility> FACILITIES = List.of(
			new DemoFacility("school-1", FacilityKind.SCHOOL, "School No. 1", "xankendi", 420,
					"Director's office, +994 26 000 0001", "60", List.of("diesel:1800", "food-parcel:60")),
			new DemoFacility("hospital", FacilityKind.HOSPITAL, "Republican Medical Centre", "xankendi", 180,
					"Duty desk, +994 26 000 0002", "400", List.of("diesel:12000", "health-kit:10", "insulin:300")),
			new DemoFacility("field-hospital", FacilityKind.FIELD_HOSPITAL, "Joint field hospital", "xocali", 40,
					"Coordinator, +994 26 000 0003", "150",
					List.of("diesel:4500", "trauma-kit:4", "health-kit:6", "satellite-terminal:2", "sim-card:60")),
			new DemoFacility("school-susa", FacilityKind.SCHOOL, "Şuşa school", "susa", 200,
					"Director's office, +994 26 000 0004", "35", List.of("diesel:1000", "hygiene-kit:40")),
			new DemoFacility("clinic-susa", FacilityKind.CLINIC, "Şuşa clinic", "susa", 20,
					"Reception, +994 26 000 0005", "40", List.of("diesel:1200", "health-kit:2")),
			new DemoFacility("shelter-agdam", FacilityKind.SHELTER, "Ağdam shelter", "agdam", 150,
					"Site manager, +994 26 000 0006", null, List.of("blanket:300", "hygiene-kit:50", "food-parcel:50")),
			new DemoFacility("kitchen", FacilityKind.COMMUNITY_KITCHEN, "Community kitchen", "xankendi", 300,
					"Kitchen lead, +994 26 000 0007", null, List.of("flour-wheat:1500", "vegetable-oil:200", "natural-gas:900")));

	private final JdbcClient jdbc;
	private final DisplayZone zone;
	private final Clock clock;

	AidDemo(JdbcClient jdbc, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.clock = clock;
	}

	static UUID id(String key) {
		return UUID.nameUUIDFromBytes(("hearth-demo-aid/" + key).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT count(*) FROM aid.warehouse WHERE code = 'KHA-01'").query(Integer.class).single() > 0) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		int movements = 0;
		for (DemoWarehouse w : WAREHOUSES) {
			jdbc.sql("INSERT INTO aid.warehouse (id, code, name, settlement, created_at) VALUES (?, ?, ?, ?, ?)")
					.params(id(w.code()), w.code(), w.name(), w.settlement(), now).update();
			for (String receipt : w.receipts()) {
				String[] p = receipt.split(":");
				jdbc.sql("""
						INSERT INTO aid.movement (ref, warehouse, item, kind, delta, source, occurred_on, recorded_by,
						  recorded_at) VALUES (?, ?, ?, 'RECEIPT', ?, ?, ?, ?, ?)""")
						.params(UUID.randomUUID(), id(w.code()), p[0], new BigDecimal(p[1]), p[2],
								Date.valueOf(today.minusDays(20)), DEMO_WRITER, now)
						.update();
				movements++;
			}
		}
		LocalDate first = today.withDayOfMonth(1);
		LocalDate last = today.withDayOfMonth(today.lengthOfMonth());
		for (DemoFacility f : FACILITIES) {
			jdbc.sql("""
					INSERT INTO aid.facility (id, kind, name, settlement, capacity, contact, status, daily_fuel_use,
					  created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 0)""")
					.params(id(f.key()), f.kind().name(), f.name(), f.settlement(), f.capacity(), f.contact(),
							f.dailyFuel() == null ? null : new BigDecimal(f.dailyFuel()), now, now)
					.update();
			for (String need : f.needs()) {
				String[] p = need.split(":");
				jdbc.sql("""
						INSERT INTO aid.need (id, facility, item, quantity, period_from, period_to, recorded_by,
						  recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
						.params(UUID.randomUUID(), id(f.key()), p[0], new BigDecimal(p[1]), Date.valueOf(first),
								Date.valueOf(last), DEMO_WRITER, now)
						.update();
			}
		}
		// The hospital burns about 190 l a day and has under a week left; the school has plenty.
		fuel("hospital", "3100", today.minusDays(10), now);
		fuel("hospital", "1800", today.minusDays(3), now);
		fuel("school-1", "900", today.minusDays(4), now);
		fuel("field-hospital", "2400", today.minusDays(2), now);
		log.warn("Created demo aid: {} warehouses with {} receipts, {} facilities with this month's needs.",
				WAREHOUSES.size(), movements, FACILITIES.size());
	}

	private void fuel(String facility, String litres, LocalDate on, Timestamp now) {
		jdbc.sql("""
				INSERT INTO aid.fuel_reading (facility, item, on_hand, read_on, recorded_by, recorded_at)
				VALUES (?, 'diesel', ?, ?, ?, ?)""")
				.params(id(facility), new BigDecimal(litres), Date.valueOf(on), DEMO_WRITER, now).update();
	}
}
