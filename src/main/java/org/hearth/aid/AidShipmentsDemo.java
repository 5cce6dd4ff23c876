package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.Accounts;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
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
 * The demo's requests and shipments, to the facilities of {@link AidDemo}: the hospital's request approved by two
 * coordinators and served by two shipments (one received with a leak on record, one on the road), the school's
 * received as sent, the kitchen's waiting for its second approval, the field hospital's for its first, and the
 * shelter's rejected. Written once with plain SQL, stock taken and the log appended as the services would.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class AidShipmentsDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AidShipmentsDemo.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Facilities facilities;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	AidShipmentsDemo(JdbcClient jdbc, Accounts accounts, Facilities facilities, ApplicationEventPublisher events,
			DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.facilities = facilities;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	static UUID id(String key) {
		return UUID.nameUUIDFromBytes(("hearth-demo-aid-shipments/" + key).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean present = jdbc.sql("SELECT count(*) FROM aid.request WHERE id = ?").param(id("hospital"))
				.query(Integer.class).single() > 0;
		boolean facilitiesThere = jdbc.sql("SELECT count(*) FROM aid.facility WHERE id IN (?, ?, ?, ?, ?)")
				.params(AidDemo.id("hospital"), AidDemo.id("school-1"), AidDemo.id("kitchen"),
						AidDemo.id("field-hospital"), AidDemo.id("shelter-agdam"))
				.query(Integer.class).single() == 5;
		if (present || !facilitiesThere) {
			return;
		}
		// The demo's two coordinators, so that signing in as either shows their own approvals as theirs.
		UUID first = coordinator("aid@hearth.demo");
		UUID second = coordinator("aid2@hearth.demo");
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		Instant now = clock.instant();
		UUID central = AidDemo.id("KHA-01");

		request("hospital", "hospital", now.minus(Duration.ofDays(9)), today.plusDays(5),
				"Generators run day and night since the grid failed.", List.of("diesel:6000", "health-kit:4"));
		approve("hospital", first, now.minus(Duration.ofDays(8)), null);
		approve("hospital", second, now.minus(Duration.ofDays(8).minusHours(3)), "Checked against the fuel readings.");
		UUID leaked = ship("hospital-1", "hospital", "hospital", central, "ICRC convoy 14", "10-AA-101",
				today.minusDays(6), first, List.of("diesel:4000", "health-kit:4"));
		receive(leaked, today.minusDays(5), "Duty nurse (signature on file)", first,
				List.of("diesel:3950:50 l lost from a leaking valve on the tanker; the driver signed the note",
						"health-kit:4:"));
		ship("hospital-2", "hospital", "hospital", central, "ICRC convoy 15", "10-AA-102", today.minusDays(1), first,
				List.of("diesel:2000"));

		request("school-1", "school-1", now.minus(Duration.ofDays(7)), null, null,
				List.of("food-parcel:60", "diesel:1800"));
		approve("school-1", second, now.minus(Duration.ofDays(6)), null);
		UUID school = ship("school-1", "school-1", "school-1", central, "Karabakh Logistics", "10-BB-202",
				today.minusDays(4), second, List.of("food-parcel:60", "diesel:1800"));
		receive(school, today.minusDays(3), "School director (signature on file)", second,
				List.of("food-parcel:60:", "diesel:1800:"));

		// 20,000 kg of flour is the flour's approval quantity, and with the oil worth more than the threshold too.
		request("kitchen", "kitchen", now.minus(Duration.ofDays(2)), today.plusDays(14),
				"Bread for the returnees' first winter.", List.of("flour-wheat:20000", "vegetable-oil:200"));
		approve("kitchen", first, now.minus(Duration.ofDays(1)), null);

		request("field-hospital", "field-hospital", now.minus(Duration.ofHours(20)), today.plusDays(3), null,
				List.of("trauma-kit:4", "satellite-terminal:2"));

		request("shelter-agdam", "shelter-agdam", now.minus(Duration.ofDays(4)), null, null, List.of("blanket:300"));
		jdbc.sql("""
				UPDATE aid.request SET status = 'REJECTED', decided_reason = ?, updated_at = ?, version = version + 1
				WHERE id = ?""")
				.params("Covered by UNHCR's own distribution this month.", Timestamp.from(now.minus(Duration.ofDays(3))),
						id("shelter-agdam"))
				.update();
		history("shelter-agdam", RequestStatus.REJECTED, "Covered by UNHCR's own distribution this month.", second,
				now.minus(Duration.ofDays(3)));
		log.warn("Created demo aid requests: five requests, three shipments (two received, one in transit).");
	}

	private UUID coordinator(String email) {
		return accounts.byEmail(email).map(a -> a.id())
				.orElse(UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)));
	}

	/** Lines as item:quantity. */
	private void request(String key, String facility, Instant at, @Nullable LocalDate neededBy, @Nullable String note,
			List<String> lines) {
		jdbc.sql("""
				INSERT INTO aid.request (id, facility, status, needed_by, note, requested_by, requested_at, updated_at,
				  version) VALUES (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, 0)""")
				.params(id(key), AidDemo.id(facility), neededBy == null ? null : Date.valueOf(neededBy), note,
						AidDemo.DEMO_WRITER, Timestamp.from(at), Timestamp.from(at))
				.update();
		for (String line : lines) {
			String[] p = line.split(":");
			jdbc.sql("INSERT INTO aid.request_line (request, item, quantity) VALUES (?, ?, ?)")
					.params(id(key), p[0], new BigDecimal(p[1])).update();
		}
		history(key, RequestStatus.REQUESTED, null, AidDemo.DEMO_WRITER, at);
	}

	/** The first approval, or the second when there is one already; approved outright below the thresholds. */
	private void approve(String key, UUID by, Instant at, @Nullable String comment) {
		boolean second = jdbc.sql("SELECT first_approved_by IS NOT NULL FROM aid.request WHERE id = ?").param(id(key))
				.query(Boolean.class).single();
		boolean needsSecond = key.equals("hospital") || key.equals("kitchen");
		RequestStatus next = second || !needsSecond ? RequestStatus.APPROVED : RequestStatus.AWAITING_SECOND_APPROVAL;
		String columns = second ? "second_approved_by = ?, second_approved_at = ?"
				: "first_approved_by = ?, first_approved_at = ?";
		jdbc.sql("UPDATE aid.request SET status = ?, " + columns + ", updated_at = ?, version = version + 1 WHERE id = ?")
				.params(next.name(), by, Timestamp.from(at), Timestamp.from(at), id(key)).update();
		history(key, next, comment, by, at);
	}

	private void history(String key, RequestStatus status, @Nullable String comment, UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO aid.request_history (request, status, comment, changed_by, role, changed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id(key), status.name(), comment, by, Role.AID_COORDINATOR.name(), Timestamp.from(at)).update();
	}

	/** A dispatch as {@link Shipments} makes it: the shipment, its lines, the stock taken, the log's entry. */
	private UUID ship(String key, @Nullable String request, String facility, UUID warehouse, String carrier,
			String vehicle, LocalDate on, UUID by, List<String> lines) {
		UUID shipment = id("shipment/" + key);
		Instant at = on.atTime(9, 0).atZone(zone.zone()).toInstant();
		jdbc.sql("""
				INSERT INTO aid.shipment (id, request, warehouse, facility, carrier, vehicle, status, dispatched_on,
				  dispatched_by, dispatched_at, version) VALUES (?, ?, ?, ?, ?, ?, 'IN_TRANSIT', ?, ?, ?, 0)""")
				.params(shipment, request == null ? null : id(request), warehouse, AidDemo.id(facility), carrier,
						vehicle, Date.valueOf(on), by, Timestamp.from(at))
				.update();
		List<StockLedger.Line> taken = new ArrayList<>();
		for (String line : lines) {
			String[] p = line.split(":");
			BigDecimal quantity = new BigDecimal(p[1]);
			taken.add(new StockLedger.Line(p[0], quantity));
			jdbc.sql("INSERT INTO aid.shipment_line (shipment, item, dispatched) VALUES (?, ?, ?)")
					.params(shipment, p[0], quantity).update();
			jdbc.sql("""
					INSERT INTO aid.movement (ref, warehouse, item, kind, delta, shipment, occurred_on, recorded_by,
					  recorded_at) VALUES (?, ?, ?, 'DISPATCH', ?, ?, ?, ?, ?)""")
					.params(UUID.randomUUID(), warehouse, p[0], quantity.negate(), shipment, Date.valueOf(on), by,
							Timestamp.from(at))
					.update();
		}
		events.publishEvent(changed(shipment, "dispatched", at, Shipments.dispatchedContent(shipment,
				request == null ? null : id(request), warehouse, AidDemo.id(facility), carrier, vehicle, on, taken)));
		return shipment;
	}

	/** Lines as item:received:reason, the reason empty where it arrived as sent. */
	private void receive(UUID shipment, LocalDate on, String signedBy, UUID by, List<String> lines) {
		Instant at = on.atTime(15, 0).atZone(zone.zone()).toInstant();
		UUID facility = jdbc.sql("SELECT facility FROM aid.shipment WHERE id = ?").param(shipment).query(UUID.class)
				.single();
		for (String line : lines) {
			String[] p = line.split(":", 3);
			BigDecimal received = new BigDecimal(p[1]);
			jdbc.sql("UPDATE aid.shipment_line SET received = ?, discrepancy = ? WHERE shipment = ? AND item = ?")
					.params(received, p[2].isEmpty() ? null : p[2], shipment, p[0]).update();
			facilities.delivered(facility, p[0], on, received);
		}
		jdbc.sql("""
				UPDATE aid.shipment SET status = 'RECEIVED', received_on = ?, received_by = ?, received_at = ?,
				  signed_by = ?, version = version + 1 WHERE id = ?""")
				.params(Date.valueOf(on), by, Timestamp.from(at), signedBy, shipment).update();
		List<Shipments.ShipmentLine> received = jdbc.sql("SELECT * FROM aid.shipment_line WHERE shipment = ? ORDER BY item")
				.param(shipment).query((rs, n) -> new Shipments.ShipmentLine(rs.getString("item"),
						Requests.plain(rs.getBigDecimal("dispatched")), Requests.plain(rs.getBigDecimal("received")),
						rs.getString("discrepancy")))
				.list();
		events.publishEvent(changed(shipment, "received", at, Shipments.receivedContent(shipment, on, signedBy, received)));
	}

	private static AidChanged changed(UUID shipment, String action, Instant at, String[] content) {
		return new AidChanged("shipment", shipment, action, Role.AID_COORDINATOR.name(), null, at,
				AidChanged.sha256(String.join("\n", content)));
	}
}
