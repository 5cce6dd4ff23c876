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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warehouses and their stock ledger. A movement is only ever added; stock on hand is what the movements add up to,
 * kept by the database, which refuses to let it go below zero. Whatever takes stock first locks the warehouse's
 * row of each item it takes, in a fixed order, and checks there is enough: two people taking the last of something
 * at once get one success and one clear refusal.
 */
@Service
public class StockLedger {

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final Gazetteer gazetteer;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	StockLedger(JdbcClient jdbc, Catalogue catalogue, Gazetteer gazetteer, ApplicationEventPublisher events,
			DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.gazetteer = gazetteer;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	public record Warehouse(UUID id, String code, String name, String settlement) {
	}

	public record Movement(long id, UUID ref, UUID warehouse, String item, MovementKind kind, BigDecimal delta,
			@Nullable String reason, @Nullable String source, @Nullable UUID shipment, @Nullable UUID transfer,
			@Nullable UUID distribution, @Nullable Long corrects, LocalDate occurredOn, Instant recordedAt) {
	}

	public record StockLine(String item, BigDecimal onHand) {
	}

	/** A quantity of an item to take from or put into a warehouse. */
	public record Line(String item, BigDecimal quantity) {
	}

	/** Why stock is taken, and what the movements point to. */
	public record Purpose(MovementKind kind, @Nullable String reason, @Nullable UUID shipment, @Nullable UUID transfer,
			@Nullable UUID distribution) {

		public static Purpose shipment(UUID shipment) {
			return new Purpose(MovementKind.DISPATCH, null, shipment, null, null);
		}

		public static Purpose distribution(UUID distribution) {
			return new Purpose(MovementKind.DISTRIBUTION, null, null, null, distribution);
		}
	}

	public List<Warehouse> warehouses() {
		return jdbc.sql("SELECT id, code, name, settlement FROM aid.warehouse ORDER BY code")
				.query((rs, n) -> new Warehouse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getString(4)))
				.list();
	}

	public Warehouse warehouse(UUID id) {
		return jdbc.sql("SELECT id, code, name, settlement FROM aid.warehouse WHERE id = ?").param(id)
				.query((rs, n) -> new Warehouse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getString(4)))
				.optional().orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Warehouse addWarehouse(CurrentUser staff, String code, String name, String settlement) {
		String c = code.strip();
		String n = name.strip();
		if (c.isEmpty() || c.length() > 20) {
			throw new RuleViolationException("aid.error.warehouse-code");
		}
		if (n.isEmpty() || n.length() > 200) {
			throw new RuleViolationException("aid.error.warehouse-name");
		}
		if (gazetteer.find(settlement).isEmpty()) {
			throw new RuleViolationException("aid.error.unknown-settlement");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("INSERT INTO aid.warehouse (id, code, name, settlement, created_at) VALUES (?, ?, ?, ?, ?)")
					.params(id, c, n, settlement, Timestamp.from(clock.instant())).update();
		}
		catch (DuplicateKeyException taken) {
			throw new ConflictException("aid.error.warehouse-code-taken", c);
		}
		return new Warehouse(id, c, n, settlement);
	}

	/** Stock on hand of every item the warehouse has ever held, by item code. */
	public List<StockLine> onHand(UUID warehouse) {
		return jdbc.sql("SELECT item, on_hand FROM aid.stock WHERE warehouse = ? ORDER BY item").param(warehouse)
				.query((rs, n) -> new StockLine(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
	}

	public BigDecimal onHand(UUID warehouse, String item) {
		return jdbc.sql("SELECT on_hand FROM aid.stock WHERE warehouse = ? AND item = ?").params(warehouse, item)
				.query(BigDecimal.class).optional().orElse(BigDecimal.ZERO).stripTrailingZeros();
	}

	/** The warehouse's latest movements first, {@code limit} of them before the movement {@code before}. */
	public List<Movement> movements(UUID warehouse, @Nullable Long before, int limit) {
		return jdbc.sql("""
				SELECT * FROM aid.movement WHERE warehouse = :w AND (:before::bigint IS NULL OR id < :before)
				ORDER BY id DESC LIMIT :limit""")
				.param("w", warehouse).param("before", before).param("limit", limit).query(StockLedger::movement)
				.list();
	}

	public Optional<Movement> movement(long id) {
		return jdbc.sql("SELECT * FROM aid.movement WHERE id = ?").param(id).query(StockLedger::movement).optional();
	}

	/** Goods arrived: from whom (a donor, a convoy) as written. */
	@Transactional
	public Movement receive(CurrentUser staff, UUID warehouse, String item, BigDecimal quantity, String source,
			LocalDate on) {
		warehouse(warehouse);
		catalogue.require(item);
		String from = source.strip();
		if (from.isEmpty() || from.length() > 200) {
			throw new RuleViolationException("aid.error.source-required");
		}
		requirePositive(quantity);
		requireNotFuture(on);
		return insert(staff, new NewMovement(warehouse, item, MovementKind.RECEIPT, quantity, null, from, null, null,
				null, null, on));
	}

	/** Moves stock between two warehouses: one movement out, one in, in one transaction. */
	@Transactional
	public UUID transfer(CurrentUser staff, UUID from, UUID to, String item, BigDecimal quantity, LocalDate on) {
		if (from.equals(to)) {
			throw new RuleViolationException("aid.error.transfer-same-warehouse");
		}
		warehouse(from);
		warehouse(to);
		catalogue.require(item);
		requirePositive(quantity);
		requireNotFuture(on);
		UUID transfer = UUID.randomUUID();
		take(staff, from, List.of(new Line(item, quantity)),
				new Purpose(MovementKind.TRANSFER_OUT, null, null, transfer, null), on);
		insert(staff, new NewMovement(to, item, MovementKind.TRANSFER_IN, quantity, null, null, null, transfer, null,
				null, on));
		return transfer;
	}

	/**
	 * A count that differs from the ledger, or the correction of an earlier movement of the same warehouse and
	 * item: a signed quantity with a reason. A negative adjustment may not take more than is on hand.
	 */
	@Transactional
	public Movement adjust(CurrentUser staff, UUID warehouse, String item, BigDecimal delta, String reason,
			@Nullable Long corrects, LocalDate on) {
		warehouse(warehouse);
		catalogue.require(item);
		String why = requireReason(reason);
		if (delta.signum() == 0) {
			throw new RuleViolationException("aid.error.quantity-zero");
		}
		requireNotFuture(on);
		if (corrects != null) {
			Movement corrected = movement(corrects).orElseThrow(() -> new RuleViolationException("aid.error.corrects-unknown"));
			if (!corrected.warehouse().equals(warehouse) || !corrected.item().equals(item)) {
				throw new RuleViolationException("aid.error.corrects-other");
			}
		}
		if (delta.signum() < 0) {
			lockAndCheck(warehouse, item, delta.negate(), 0);
		}
		return insert(staff, new NewMovement(warehouse, item, MovementKind.ADJUSTMENT, delta, why, null, null, null,
				null, corrects, on));
	}

	/** Goods spoiled, damaged or stolen: taken off the stock with a reason. */
	@Transactional
	public Movement loss(CurrentUser staff, UUID warehouse, String item, BigDecimal quantity, String reason,
			LocalDate on) {
		warehouse(warehouse);
		catalogue.require(item);
		String why = requireReason(reason);
		requirePositive(quantity);
		requireNotFuture(on);
		return take(staff, warehouse, List.of(new Line(item, quantity)),
				new Purpose(MovementKind.LOSS, why, null, null, null), on).get(0);
	}

	/**
	 * Takes several items out of a warehouse at once (a shipment, a distribution): every line is checked against the
	 * stock before any is written, and all go or none. Must run in the caller's transaction.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public List<Movement> take(CurrentUser staff, UUID warehouse, List<Line> lines, Purpose purpose, LocalDate on) {
		List<Line> sorted = new ArrayList<>(lines);
		// One order for every taker, so that two of them never wait for each other's rows.
		sorted.sort(Comparator.comparing(Line::item));
		for (int i = 0; i < sorted.size(); i++) {
			Line line = sorted.get(i);
			if (i > 0 && sorted.get(i - 1).item().equals(line.item())) {
				throw new RuleViolationException("aid.error.item-twice");
			}
			catalogue.require(line.item());
			requirePositive(line.quantity());
			lockAndCheck(warehouse, line.item(), line.quantity(), lines.indexOf(line) + 1);
		}
		List<Movement> taken = new ArrayList<>();
		for (Line line : lines) {
			taken.add(insert(staff, new NewMovement(warehouse, line.item(), purpose.kind(), line.quantity().negate(),
					purpose.reason(), null, purpose.shipment(), purpose.transfer(), purpose.distribution(), null, on)));
		}
		return taken;
	}

	private void lockAndCheck(UUID warehouse, String item, BigDecimal wanted, int line) {
		BigDecimal onHand = jdbc.sql("SELECT aid.lock_stock(?, ?)").params(warehouse, item).query(BigDecimal.class)
				.single();
		if (onHand.compareTo(wanted) < 0) {
			MeasureUnit unit = catalogue.require(item).unit();
			throw new RuleViolationException("aid.error.insufficient-stock", Quantities.amount(onHand.stripTrailingZeros(), unit),
					Quantities.amount(wanted, unit), line);
		}
	}

	private record NewMovement(UUID warehouse, String item, MovementKind kind, BigDecimal delta,
			@Nullable String reason, @Nullable String source, @Nullable UUID shipment, @Nullable UUID transfer,
			@Nullable UUID distribution, @Nullable Long corrects, LocalDate on) {
	}

	private Movement insert(CurrentUser staff, NewMovement m) {
		Instant now = clock.instant();
		UUID ref = UUID.randomUUID();
		long id = jdbc.sql("""
				INSERT INTO aid.movement (ref, warehouse, item, kind, delta, reason, source, shipment, transfer,
				  distribution, corrects, occurred_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(ref, m.warehouse(), m.item(), m.kind().name(), m.delta(), m.reason(), m.source(), m.shipment(),
						m.transfer(), m.distribution(), m.corrects(), Date.valueOf(m.on()), staff.uuid(),
						Timestamp.from(now))
				.query(Long.class).single();
		// Shipments and distributions enter the log as a whole, by their own module code.
		if (m.shipment() == null && m.distribution() == null) {
			events.publishEvent(AidChanged.by(staff, "stock-movement", ref, m.kind().name().toLowerCase(java.util.Locale.ROOT),
					now, ref.toString(), m.warehouse().toString(), m.item(), m.delta().toPlainString(),
					m.on().toString(), String.valueOf(m.corrects())));
		}
		return new Movement(id, ref, m.warehouse(), m.item(), m.kind(), m.delta(), m.reason(), m.source(),
				m.shipment(), m.transfer(), m.distribution(), m.corrects(), m.on(), now);
	}

	/** Today where the goods are: late in the UTC evening it is already tomorrow in the region. */
	LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	void requireNotFuture(LocalDate on) {
		if (on.isAfter(today())) {
			throw new RuleViolationException("aid.error.date-in-future");
		}
	}

	static void requirePositive(BigDecimal quantity) {
		if (quantity.signum() <= 0) {
			throw new RuleViolationException("aid.error.quantity-positive");
		}
	}

	static String requireReason(String reason) {
		String why = reason.strip();
		if (why.isEmpty()) {
			throw new RuleViolationException("aid.error.reason-required");
		}
		if (why.length() > 1000) {
			throw new RuleViolationException("aid.error.reason-too-long");
		}
		return why;
	}

	private static Movement movement(ResultSet rs, int n) throws SQLException {
		return new Movement(rs.getLong("id"), rs.getObject("ref", UUID.class), rs.getObject("warehouse", UUID.class),
				rs.getString("item"), MovementKind.valueOf(rs.getString("kind")),
				rs.getBigDecimal("delta").stripTrailingZeros(), rs.getString("reason"), rs.getString("source"),
				rs.getObject("shipment", UUID.class), rs.getObject("transfer", UUID.class),
				rs.getObject("distribution", UUID.class), rs.getObject("corrects", Long.class),
				rs.getObject("occurred_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant());
	}
}
