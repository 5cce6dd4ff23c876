package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.registry.Duplicates;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's distribution round: seven households of Xankəndi registered in Armenian, Azerbaijani and Russian, one of
 * them a likely duplicate of another under a Russian spelling (the registry proposes the pair, nobody has decided
 * it), and an open round of food parcels from the central warehouse in which three households already received.
 * The duplicate has not received: the tablet shows it flagged. Written once; a database that holds the round is left
 * alone.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class AidDistributionsDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AidDistributionsDemo.class);

	static final UUID ROUND = AidDemo.id("distribution-round-winter-parcels");

	static final String SETTLEMENT = "xankendi";

	/** Who the demo's rows say wrote them. */
	static final UUID DEMO_WRITER = UUID.nameUUIDFromBytes("hearth-demo-aid-distributions".getBytes(StandardCharsets.UTF_8));

	/** The households, head first; those marked received got their parcel in the demo round. */
	record DemoHousehold(boolean received, List<NewPerson> members) {
	}

	static final List<DemoHousehold> HOUSEHOLDS = List.of(
			new DemoHousehold(true, List.of(person("Արամ", "Սարգսյան", "1958-02-17"), person("Անահիտ", "Սարգսյան", null),
					person("Դավիթ", "Սարգսյան", null))),
			new DemoHousehold(false, List.of(person("Գայանե", "Պետրոսյան", "1971-09-03"), person("Հայկ", "Պետրոսյան", null))),
			new DemoHousehold(true, List.of(
					new NewPerson("Elşən", "Məmmədov", "Həsən oğlu", LocalDate.of(1961, 4, 12), "Xankəndi", 1992),
					person("Aytən", "Məmmədova", null), person("Orxan", "Məmmədov", null))),
			// The same man registered again from a Russian list: a likely duplicate, not decided yet.
			new DemoHousehold(false, List.of(
					new NewPerson("Эльшан", "Мамедов", "Гасанович", LocalDate.of(1961, 4, 12), "Ханкенди", 1992))),
			new DemoHousehold(true, List.of(person("Kamran", "Hüseynov", "1980-06-30"), person("Sevinc", "Hüseynova", null))),
			new DemoHousehold(false, List.of(person("Тимур", "Алиев", "1966-11-08"), person("Наталья", "Алиева", null))),
			new DemoHousehold(false, List.of(person("Նարինե", "Հակոբյան", "1990-01-25"))));

	private static NewPerson person(String given, String family, @Nullable String born) {
		return new NewPerson(given, family, null, born == null ? null : LocalDate.parse(born), null, null);
	}

	private final JdbcClient jdbc;
	private final Registry registry;
	private final Duplicates duplicates;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	AidDistributionsDemo(JdbcClient jdbc, Registry registry, Duplicates duplicates, ApplicationEventPublisher events,
			DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.duplicates = duplicates;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT count(*) FROM aid.distribution_round WHERE id = ?").param(ROUND).query(Integer.class)
				.single() > 0) {
			return;
		}
		UUID warehouse = AidDemo.id("KHA-01");
		if (jdbc.sql("SELECT count(*) FROM aid.warehouse WHERE id = ?").param(warehouse).query(Integer.class)
				.single() == 0) {
			return;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		List<UUID> received = new ArrayList<>();
		for (DemoHousehold household : HOUSEHOLDS) {
			UUID id = registry.register(new NewHousehold(SETTLEMENT, null, "demo", household.members()));
			if (household.received()) {
				received.add(id);
			}
		}
		int pairs = duplicates.detect();
		jdbc.sql("""
				INSERT INTO aid.distribution_round (id, name, item, warehouse, settlement, per_household, per_member,
				  opens_on, closes_on, status, created_by, created_at)
				VALUES (?, 'Winter food parcels, Xankəndi', 'food-parcel', ?, ?, 1, 0, ?, ?, 'OPEN', ?, ?)""")
				.params(ROUND, warehouse, SETTLEMENT, Date.valueOf(today.minusDays(3)), Date.valueOf(today.plusDays(14)),
						DEMO_WRITER, Timestamp.from(now))
				.update();
		int day = 0;
		for (UUID household : received) {
			int members = registry.findHousehold(household).orElseThrow().members().size();
			UUID distribution = AidDemo.id("distribution/" + household);
			LocalDate on = today.minusDays(2 - (day++ % 2));
			BigDecimal quantity = BigDecimal.ONE;
			jdbc.sql("""
					INSERT INTO aid.distribution (id, round, household, canonical, members, quantity, handed_on, method,
					  recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(distribution, ROUND, household, household, members, quantity, Date.valueOf(on),
							day == 1 ? "TABLET" : "SIGNED_LIST", DEMO_WRITER, Timestamp.from(now))
					.update();
			jdbc.sql("""
					INSERT INTO aid.movement (ref, warehouse, item, kind, delta, distribution, occurred_on, recorded_by,
					  recorded_at) VALUES (?, ?, 'food-parcel', 'DISTRIBUTION', ?, ?, ?, ?, ?)""")
					.params(UUID.randomUUID(), warehouse, quantity.negate(), distribution, Date.valueOf(on), DEMO_WRITER,
							Timestamp.from(now))
					.update();
			events.publishEvent(new AidChanged("distribution", distribution, "handed-out",
					Role.AID_COORDINATOR.name(), "KHA", now, AidChanged.sha256(String.join("\n", ROUND.toString(),
							household.toString(), quantity.toPlainString(), on.toString()))));
		}
		log.warn("Created demo distributions: {} households of {} in the registry ({} likely duplicate pairs), one open "
				+ "round of food parcels with {} handed out.", HOUSEHOLDS.size(), SETTLEMENT, pairs, received.size());
	}
}
