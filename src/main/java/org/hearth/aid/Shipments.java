package org.hearth.aid;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.hearth.identity.CurrentUser;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goods on their way from a warehouse to a facility, and the proof that they arrived. A dispatch takes its lines
 * out of the warehouse's stock in the same transaction, all or none, and never more than its request still has
 * approved; the facility's confirmation gives what arrived of each line, with a reason wherever that differs from
 * what left. Both enter the transparency log, as digests without names.
 */
@Service
public class Shipments {

	/** The most shipments a list shows; the filters narrow it down. */
	public static final int LIMIT = 200;

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final StockLedger ledger;
	private final Facilities facilities;
	private final Requests requests;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Shipments(JdbcClient jdbc, Catalogue catalogue, StockLedger ledger, Facilities facilities, Requests requests,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.ledger = ledger;
		this.facilities = facilities;
		this.requests = requests;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What leaves a warehouse: from which, who carries it in which vehicle, on which day, and how much of which
	 * items, in the items' units.
	 */
	public record NewShipment(UUID warehouse, String carrier, String vehicle, LocalDate dispatchedOn,
			List<StockLedger.Line> lines) {

		public NewShipment {
			lines = List.copyOf(lines);
		}
	}

	/**
	 * @param carrier as written: a company, a convoy or a driver; shown to coordinators only
	 * @param signedBy who signed the delivery note at the facility; shown to coordinators only
	 */
	public record Shipment(UUID id, @Nullable UUID request, UUID warehouse, UUID facility, String carrier,
			String vehicle, ShipmentStatus status, LocalDate dispatchedOn, UUID dispatchedBy, Instant dispatchedAt,
			@Nullable LocalDate receivedOn, @Nullable UUID receivedBy, @Nullable Instant receivedAt,
			@Nullable String signedBy, long version) {
	}

	public record ShipmentLine(String item, BigDecimal dispatched, @Nullable BigDecimal received,
			@Nullable String discrepancy) {

		/** Received, and not what was dispatched. */
		public boolean differs() {
			return received != null && received.compareTo(dispatched) != 0;
		}
	}

	/** What arrived of one item of the shipment; a reason is required when it differs from what left. */
	public record Received(String item, BigDecimal quantity, @Nullable String discrepancy) {
	}

	/**
	 * The facility's confirmation: the day the goods arrived, who signed the delivery note there, and what arrived
	 * of every line of the shipment.
	 */
	public record Receipt(LocalDate receivedOn, String signedBy, List<Received> lines) {

		public Receipt {
			lines = List.copyOf(lines);
		}
	}

	/** One received line of a shipment, as the deliveries export gives it: no names of anyone. */
	public record Delivery(UUID shipment, LocalDate dispatchedOn, LocalDate receivedOn, String warehouseCode,
			UUID facility, String facilityName, FacilityKind facilityKind, String settlement, String item,
			Category category, MeasureUnit unit, BigDecimal dispatched, BigDecimal received) {

		public boolean discrepancy() {
			return received.compareTo(dispatched) != 0;
		}
	}

	/**
	 * Dispatches goods for an approved request, to its facility: each line at most what the request still has
	 * approved and not yet dispatched, and at most what the warehouse holds. Several shipments may serve one request.
	 */
	@Transactional
	public Shipment dispatch(CurrentUser staff, UUID request, NewShipment shipment) {
		// Locked first: two dispatches for the same request cannot both take what remains of it.
		Requests.Request r = requests.locked(request);
		r.status().requireDispatchable();
		requests.openFacility(r.facility());
		List<StockLedger.Line> lines = checkLines(shipment.lines());
		Map<String, Requests.RequestLine> approved = new HashMap<>();
		requests.lines(request).forEach(line -> approved.put(line.item(), line));
		for (int i = 0; i < lines.size(); i++) {
			StockLedger.Line line = lines.get(i);
			Requests.RequestLine left = approved.get(line.item());
			if (left == null) {
				throw new RuleViolationException("aid.error.item-not-requested", i + 1);
			}
			if (line.quantity().compareTo(left.remaining()) > 0) {
				MeasureUnit unit = catalogue.require(line.item()).unit();
				throw new RuleViolationException("aid.error.over-approved", Quantities.amount(left.remaining(), unit),
						Quantities.amount(line.quantity(), unit), i + 1);
			}
		}
		return dispatch(staff, request, r.facility(), shipment, lines);
	}

	/** Dispatches goods to a facility without a request, as in an emergency; the stock still limits it. */
	@Transactional
	public Shipment dispatchWithoutRequest(CurrentUser staff, UUID facility, NewShipment shipment) {
		requests.openFacility(facility);
		return dispatch(staff, null, facility, shipment, checkLines(shipment.lines()));
	}

	private Shipment dispatch(CurrentUser staff, @Nullable UUID request, UUID facility, NewShipment shipment,
			List<StockLedger.Line> lines) {
		try {
			ledger.warehouse(shipment.warehouse());
		}
		catch (NotFoundException unknown) {
			throw new RuleViolationException("aid.error.choose-warehouse");
		}
		String carrier = required(shipment.carrier(), 200, "aid.error.carrier");
		String vehicle = required(shipment.vehicle(), 60, "aid.error.vehicle");
		ledger.requireNotFuture(shipment.dispatchedOn());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		// The stock first: if any line is short, the ledger refuses before anything of the shipment is written.
		ledger.take(staff, shipment.warehouse(), lines, StockLedger.Purpose.shipment(id), shipment.dispatchedOn());
		jdbc.sql("""
				INSERT INTO aid.shipment (id, request, warehouse, facility, carrier, vehicle, status, dispatched_on,
				  dispatched_by, dispatched_at, version) VALUES (?, ?, ?, ?, ?, ?, 'IN_TRANSIT', ?, ?, ?, 0)""")
				.params(id, request, shipment.warehouse(), facility, carrier, vehicle,
						Date.valueOf(shipment.dispatchedOn()), staff.uuid(), Timestamp.from(now))
				.update();
		for (StockLedger.Line line : lines) {
			jdbc.sql("INSERT INTO aid.shipment_line (shipment, item, dispatched) VALUES (?, ?, ?)")
					.params(id, line.item(), line.quantity()).update();
		}
		events.publishEvent(AidChanged.by(staff, "shipment", id, "dispatched", now,
				dispatchedContent(id, request, shipment.warehouse(), facility, carrier, vehicle,
						shipment.dispatchedOn(), lines)));
		return shipment(id);
	}

	/**
	 * Records the facility's confirmation of what arrived: once per shipment. Each line's received quantity may be
	 * less than dispatched (or nothing), or more, but then only with a reason; a line that arrived as it left
	 * needs none. What arrived counts as delivered to the facility on the day of receipt.
	 */
	@Transactional
	public Shipment receive(CurrentUser staff, UUID id, Receipt receipt) {
		Shipment shipment = jdbc.sql("SELECT * FROM aid.shipment WHERE id = ? FOR UPDATE").param(id)
				.query(Shipments::shipment).optional().orElseThrow(NotFoundException::new);
		if (shipment.status() == ShipmentStatus.RECEIVED) {
			throw new ConflictException("aid.error.already-received");
		}
		String signedBy = required(receipt.signedBy(), 200, "aid.error.signed-by");
		ledger.requireNotFuture(receipt.receivedOn());
		if (receipt.receivedOn().isBefore(shipment.dispatchedOn())) {
			throw new RuleViolationException("aid.error.received-before-dispatch");
		}
		List<ShipmentLine> shipped = lines(id);
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < shipped.size(); i++) {
			position.put(shipped.get(i).item(), i);
		}
		Received[] received = new Received[shipped.size()];
		for (int i = 0; i < receipt.lines().size(); i++) {
			Received line = receipt.lines().get(i);
			Integer at = position.get(line.item());
			if (at == null) {
				throw new RuleViolationException("aid.error.item-not-shipped", i + 1);
			}
			if (received[at] != null) {
				throw new RuleViolationException("aid.error.item-twice");
			}
			received[at] = line;
		}
		List<Confirmed> confirmed = new ArrayList<>();
		for (int i = 0; i < shipped.size(); i++) {
			ShipmentLine line = shipped.get(i);
			Received got = received[i];
			if (got == null) {
				throw new RuleViolationException("aid.error.received-missing", i + 1);
			}
			MeasureUnit unit = catalogue.require(line.item()).unit();
			if (got.quantity().signum() < 0) {
				throw new RuleViolationException("aid.error.received-negative", i + 1);
			}
			if (got.quantity().signum() > 0) {
				Requests.requireExact(got.quantity(), unit);
			}
			String reason = got.discrepancy() == null || got.discrepancy().isBlank() ? null : got.discrepancy().strip();
			if (reason != null && reason.length() > 1000) {
				throw new RuleViolationException("aid.error.discrepancy-too-long", i + 1);
			}
			int compared = got.quantity().compareTo(line.dispatched());
			if (compared != 0 && reason == null) {
				throw new RuleViolationException(compared > 0 ? "aid.error.received-more" : "aid.error.received-less",
						Quantities.amount(Requests.plain(got.quantity()), unit),
						Quantities.amount(line.dispatched(), unit), i + 1);
			}
			confirmed.add(new Confirmed(line.item(), Requests.plain(got.quantity()), reason));
		}
		Instant now = clock.instant();
		for (Confirmed line : confirmed) {
			jdbc.sql("UPDATE aid.shipment_line SET received = ?, discrepancy = ? WHERE shipment = ? AND item = ?")
					.params(line.received(), line.reason(), id, line.item()).update();
			facilities.delivered(shipment.facility(), line.item(), receipt.receivedOn(), line.received());
		}
		int changed = jdbc.sql("""
				UPDATE aid.shipment SET status = 'RECEIVED', received_on = ?, received_by = ?, received_at = ?,
				  signed_by = ?, version = version + 1 WHERE id = ? AND status = 'IN_TRANSIT'""")
				.params(Date.valueOf(receipt.receivedOn()), staff.uuid(), Timestamp.from(now), signedBy, id).update();
		if (changed == 0) {
			throw new ConflictException("aid.error.already-received");
		}
		events.publishEvent(AidChanged.by(staff, "shipment", id, "received", now,
				receivedContent(id, receipt.receivedOn(), signedBy, lines(id))));
		return shipment(id);
	}

	public Shipment shipment(UUID id) {
		return jdbc.sql("SELECT * FROM aid.shipment WHERE id = ?").param(id).query(Shipments::shipment).optional()
				.orElseThrow(NotFoundException::new);
	}

	/** The shipment's lines by item. */
	public List<ShipmentLine> lines(UUID shipment) {
		return jdbc.sql("SELECT * FROM aid.shipment_line WHERE shipment = ? ORDER BY item").param(shipment)
				.query((rs, n) -> {
					BigDecimal received = rs.getBigDecimal("received");
					return new ShipmentLine(rs.getString("item"), Requests.plain(rs.getBigDecimal("dispatched")),
							received == null ? null : Requests.plain(received), rs.getString("discrepancy"));
				}).list();
	}

	/** Shipments in transit first, the longest on the road at the top; then the latest received. */
	public List<Shipment> shipments(@Nullable ShipmentStatus status, @Nullable UUID facility, int limit) {
		return jdbc.sql("""
				SELECT * FROM aid.shipment WHERE (:s::text IS NULL OR status = :s) AND (:f::uuid IS NULL OR facility = :f)
				ORDER BY status = 'RECEIVED', CASE WHEN status = 'IN_TRANSIT' THEN dispatched_on END,
				  received_on DESC, dispatched_at DESC, id LIMIT :limit""")
				.param("s", status == null ? null : status.name()).param("f", facility).param("limit", limit)
				.query(Shipments::shipment).list();
	}

	/** The shipments that served a request, the first dispatched first. */
	public List<Shipment> ofRequest(UUID request) {
		return jdbc.sql("SELECT * FROM aid.shipment WHERE request = ? ORDER BY dispatched_on, dispatched_at, id")
				.param(request).query(Shipments::shipment).list();
	}

	/**
	 * Every received line of a shipment received from {@code from} to {@code to} (either may be open), in order
	 * of receipt, handed to {@code each} one at a time as the database sends them: a year of deliveries is never
	 * held in memory at once.
	 */
	@Transactional(readOnly = true)
	public void deliveries(@Nullable LocalDate from, @Nullable LocalDate to, Consumer<Delivery> each) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new RuleViolationException("aid.error.dates-out-of-order");
		}
		jdbc.sql("""
				SELECT s.id, s.dispatched_on, s.received_on, w.code, f.id AS facility, f.name, f.kind, f.settlement,
				  l.item, l.dispatched, l.received
				FROM aid.shipment s
				JOIN aid.shipment_line l ON l.shipment = s.id
				JOIN aid.warehouse w ON w.id = s.warehouse
				JOIN aid.facility f ON f.id = s.facility
				WHERE s.status = 'RECEIVED' AND (:from::date IS NULL OR s.received_on >= :from)
				  AND (:to::date IS NULL OR s.received_on <= :to)
				ORDER BY s.received_on, s.id, l.item""")
				.param("from", from == null ? null : Date.valueOf(from)).param("to", to == null ? null : Date.valueOf(to))
				.withFetchSize(500)
				.query(rs -> {
					Catalogue.Item item = catalogue.require(rs.getString("item"));
					each.accept(new Delivery(rs.getObject("id", UUID.class),
							rs.getObject("dispatched_on", LocalDate.class), rs.getObject("received_on", LocalDate.class),
							rs.getString("code"), rs.getObject("facility", UUID.class), rs.getString("name"),
							FacilityKind.valueOf(rs.getString("kind")), rs.getString("settlement"), item.code(),
							item.category(), item.unit(), Requests.plain(rs.getBigDecimal("dispatched")),
							Requests.plain(rs.getBigDecimal("received"))));
				});
	}

	private record Confirmed(String item, BigDecimal received, @Nullable String reason) {
	}

	/** At least one line, each item of the catalogue once, each quantity positive and exact in its unit. */
	private List<StockLedger.Line> checkLines(List<StockLedger.Line> lines) {
		requests.checkLines(lines.stream().map(l -> new Requests.Line(l.item(), l.quantity())).toList());
		return lines;
	}

	private static String required(String text, int max, String messageKey) {
		String stripped = text.strip();
		if (stripped.isEmpty() || stripped.length() > max) {
			throw new RuleViolationException(messageKey);
		}
		return stripped;
	}

	/**
	 * The dispatch as the log's digest commits to it. Carrier and vehicle may name or point to a person: only their
	 * hashes go in, so that the agency can prove them to an auditor later without the log revealing them.
	 */
	static String[] dispatchedContent(UUID id, @Nullable UUID request, UUID warehouse, UUID facility, String carrier,
			String vehicle, LocalDate on, List<StockLedger.Line> lines) {
		List<String> content = new ArrayList<>(List.of("shipment " + id, "request " + (request == null ? "-" : request),
				"warehouse " + warehouse, "facility " + facility, "dispatched-on " + on,
				"carrier-sha256 " + AidChanged.sha256(carrier), "vehicle-sha256 " + AidChanged.sha256(vehicle)));
		lines.stream().sorted(Comparator.comparing(StockLedger.Line::item))
				.forEach(l -> content.add("line " + l.item() + " " + Requests.plain(l.quantity()).toPlainString()));
		return content.toArray(String[]::new);
	}

	/** The receipt as the log's digest commits to it: who signed, and any reason given, by hash only. */
	static String[] receivedContent(UUID id, LocalDate on, String signedBy, List<ShipmentLine> lines) {
		List<String> content = new ArrayList<>(List.of("shipment " + id, "received-on " + on,
				"signed-by-sha256 " + AidChanged.sha256(signedBy)));
		for (ShipmentLine l : lines) {
			content.add("line " + l.item() + " " + l.dispatched().toPlainString() + " "
					+ (l.received() == null ? "-" : l.received().toPlainString()) + " "
					+ (l.discrepancy() == null ? "-" : AidChanged.sha256(l.discrepancy())));
		}
		return content.toArray(String[]::new);
	}

	private static Shipment shipment(ResultSet rs, int n) throws SQLException {
		Timestamp receivedAt = rs.getTimestamp("received_at");
		return new Shipment(rs.getObject("id", UUID.class), rs.getObject("request", UUID.class),
				rs.getObject("warehouse", UUID.class), rs.getObject("facility", UUID.class), rs.getString("carrier"),
				rs.getString("vehicle"), ShipmentStatus.valueOf(rs.getString("status")),
				rs.getObject("dispatched_on", LocalDate.class), rs.getObject("dispatched_by", UUID.class),
				rs.getTimestamp("dispatched_at").toInstant(), rs.getObject("received_on", LocalDate.class),
				rs.getObject("received_by", UUID.class), receivedAt == null ? null : receivedAt.toInstant(),
				rs.getString("signed_by"), rs.getLong("version"));
	}
}
