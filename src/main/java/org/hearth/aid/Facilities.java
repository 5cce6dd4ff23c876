package org.hearth.aid;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facilities aid goes to, what each needs of which item over which period, and the fuel they have as read on
 * site. A need is never edited: a new need for the same item supersedes the old one, which stays on the record.
 */
@Service
public class Facilities {

	/** Needs further back than this, or further ahead, are almost certainly a typing error in the year. */
	static final int NEED_YEARS = 5;

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final Gazetteer gazetteer;
	private final DisplayZone zone;
	private final Clock clock;

	Facilities(JdbcClient jdbc, Catalogue catalogue, Gazetteer gazetteer, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.gazetteer = gazetteer;
		this.zone = zone;
		this.clock = clock;
	}

	public record Facility(UUID id, FacilityKind kind, String name, String settlement, int capacity,
			@Nullable String contact, FacilityStatus status, @Nullable BigDecimal dailyFuelUse, long version) {
	}

	/** What staff say a facility is; {@code dailyFuelUse} in litres a day, if known. */
	public record Details(FacilityKind kind, String name, String settlement, int capacity, @Nullable String contact,
			FacilityStatus status, @Nullable BigDecimal dailyFuelUse) {
	}

	public record Need(UUID id, UUID facility, String item, BigDecimal quantity, LocalDate from, LocalDate to,
			@Nullable String note, Instant recordedAt, @Nullable UUID supersededBy) {
	}

	public record FuelReading(long id, UUID facility, String item, BigDecimal onHand, LocalDate readOn,
			Instant recordedAt) {
	}

	public List<Facility> facilities(@Nullable String settlement, @Nullable FacilityKind kind) {
		return jdbc.sql("""
				SELECT * FROM aid.facility WHERE (:s::text IS NULL OR settlement = :s)
				  AND (:k::text IS NULL OR kind = :k) ORDER BY settlement, name""")
				.param("s", settlement).param("k", kind == null ? null : kind.name()).query(Facilities::facility)
				.list();
	}

	public Facility facility(UUID id) {
		return jdbc.sql("SELECT * FROM aid.facility WHERE id = ?").param(id).query(Facilities::facility).optional()
				.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Facility add(CurrentUser staff, Details details) {
		Details d = check(details);
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO aid.facility (id, kind, name, settlement, capacity, contact, status, daily_fuel_use,
				  created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
				.params(id, d.kind().name(), d.name(), d.settlement(), d.capacity(), d.contact(), d.status().name(),
						d.dailyFuelUse(), now, now)
				.update();
		return facility(id);
	}

	/** Changes what the page showed at {@code version}; someone else's change in between is a conflict. */
	@Transactional
	public Facility update(CurrentUser staff, UUID id, Details details, long version) {
		facility(id);
		Details d = check(details);
		int changed = jdbc.sql("""
				UPDATE aid.facility SET kind = ?, name = ?, settlement = ?, capacity = ?, contact = ?, status = ?,
				  daily_fuel_use = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
				.params(d.kind().name(), d.name(), d.settlement(), d.capacity(), d.contact(), d.status().name(),
						d.dailyFuelUse(), Timestamp.from(clock.instant()), id, version)
				.update();
		if (changed == 0) {
			throw new ConflictException("aid.error.changed-meanwhile");
		}
		return facility(id);
	}

	private Details check(Details d) {
		String name = d.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new RuleViolationException("aid.error.facility-name");
		}
		if (gazetteer.find(d.settlement()).isEmpty()) {
			throw new RuleViolationException("aid.error.unknown-settlement");
		}
		if (d.capacity() < 0 || d.capacity() > 1_000_000) {
			throw new RuleViolationException("aid.error.capacity");
		}
		String contact = d.contact() == null || d.contact().isBlank() ? null : d.contact().strip();
		if (contact != null && contact.length() > 300) {
			throw new RuleViolationException("aid.error.contact-too-long");
		}
		if (d.dailyFuelUse() != null && d.dailyFuelUse().signum() <= 0) {
			throw new RuleViolationException("aid.error.quantity-positive");
		}
		return new Details(d.kind(), name, d.settlement(), d.capacity(), contact, d.status(), d.dailyFuelUse());
	}

	/** The needs in force: each facility's latest need per item that nothing superseded, by item. */
	public List<Need> needs(UUID facility) {
		return jdbc.sql("SELECT * FROM aid.need WHERE facility = ? AND superseded_by IS NULL ORDER BY item, period_from")
				.param(facility).query(Facilities::need).list();
	}

	/** Every need ever recorded for the facility, superseded ones included, newest first. */
	public List<Need> needHistory(UUID facility) {
		return jdbc.sql("SELECT * FROM aid.need WHERE facility = ? ORDER BY recorded_at DESC").param(facility)
				.query(Facilities::need).list();
	}

	/**
	 * Records what a facility needs of an item from one date to another. With {@code supersedes}, the new need
	 * replaces that one (a changed quantity or period); the old one stays on the record.
	 */
	@Transactional
	public Need recordNeed(CurrentUser staff, UUID facility, String item, BigDecimal quantity, LocalDate from,
			LocalDate to, @Nullable String note, @Nullable UUID supersedes) {
		facility(facility);
		catalogue.require(item);
		StockLedger.requirePositive(quantity);
		if (to.isBefore(from)) {
			throw new RuleViolationException("aid.error.dates-out-of-order");
		}
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		if (from.isBefore(today.minusYears(NEED_YEARS)) || to.isAfter(today.plusYears(NEED_YEARS))) {
			throw new RuleViolationException("aid.error.need-period", NEED_YEARS);
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 1000) {
			throw new RuleViolationException("aid.error.note-too-long");
		}
		// One facility's needs are recorded one at a time, so that two overlapping ones cannot pass each other.
		jdbc.sql("SELECT id FROM aid.facility WHERE id = ? FOR UPDATE").param(facility).query(UUID.class).single();
		boolean overlaps = jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM aid.need WHERE facility = ? AND item = ? AND superseded_by IS NULL
				  AND period_from <= ? AND period_to >= ? AND id IS DISTINCT FROM ?)""")
				.params(facility, item, Date.valueOf(to), Date.valueOf(from), supersedes).query(Boolean.class).single();
		if (overlaps) {
			// A delivery counts towards the need whose days it falls on: two needs on one day would count it twice.
			throw new RuleViolationException("aid.error.need-overlaps");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO aid.need (id, facility, item, quantity, period_from, period_to, note, recorded_by,
				  recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, facility, item, quantity, Date.valueOf(from), Date.valueOf(to), text, staff.uuid(),
						Timestamp.from(clock.instant()))
				.update();
		if (supersedes != null) {
			int replaced = jdbc.sql("""
					UPDATE aid.need SET superseded_by = ? WHERE id = ? AND facility = ? AND superseded_by IS NULL""")
					.params(id, supersedes, facility).update();
			if (replaced == 0) {
				throw new ConflictException("aid.error.need-superseded");
			}
		}
		return jdbc.sql("SELECT * FROM aid.need WHERE id = ?").param(id).query(Facilities::need).single();
	}

	/** Fuel on hand at the facility as read there on a day, for the days of fuel left. */
	@Transactional
	public FuelReading recordFuel(CurrentUser staff, UUID facility, String item, BigDecimal onHand, LocalDate readOn) {
		Facility f = facility(facility);
		if (!f.kind().fuelWatched()) {
			throw new RuleViolationException("aid.error.fuel-not-watched");
		}
		if (catalogue.require(item).category() != Category.FUEL) {
			throw new RuleViolationException("aid.error.not-fuel");
		}
		if (onHand.signum() < 0) {
			throw new RuleViolationException("aid.error.quantity-negative");
		}
		if (readOn.isAfter(LocalDate.now(clock.withZone(zone.zone())))) {
			throw new RuleViolationException("aid.error.date-in-future");
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO aid.fuel_reading (facility, item, on_hand, read_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(facility, item, onHand, Date.valueOf(readOn), staff.uuid(), Timestamp.from(now))
				.query(Long.class).single();
		return new FuelReading(id, facility, item, onHand, readOn, now);
	}

	public List<FuelReading> fuelReadings(UUID facility, int limit) {
		return jdbc.sql("SELECT * FROM aid.fuel_reading WHERE facility = ? ORDER BY read_on DESC, id DESC LIMIT ?")
				.params(facility, limit)
				.query((rs, n) -> new FuelReading(rs.getLong("id"), rs.getObject("facility", UUID.class),
						rs.getString("item"), rs.getBigDecimal("on_hand").stripTrailingZeros(),
						rs.getObject("read_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant()))
				.list();
	}

	/**
	 * Adds a received quantity to what the facility got of the item on that day: the read model the dashboard and
	 * the fuel alerts use instead of going through every shipment. Runs in the receipt's transaction.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void delivered(UUID facility, String item, LocalDate day, BigDecimal quantity) {
		if (quantity.signum() == 0) {
			return;
		}
		jdbc.sql("""
				INSERT INTO aid.delivered (facility, item, day, quantity) VALUES (?, ?, ?, ?)
				ON CONFLICT (facility, item, day) DO UPDATE SET quantity = aid.delivered.quantity + EXCLUDED.quantity""")
				.params(facility, item, Date.valueOf(day), quantity).update();
	}

	private static Facility facility(ResultSet rs, int n) throws SQLException {
		BigDecimal use = rs.getBigDecimal("daily_fuel_use");
		return new Facility(rs.getObject("id", UUID.class), FacilityKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("settlement"), rs.getInt("capacity"), rs.getString("contact"),
				FacilityStatus.valueOf(rs.getString("status")), use == null ? null : use.stripTrailingZeros(),
				rs.getLong("version"));
	}

	private static Need need(ResultSet rs, int n) throws SQLException {
		return new Need(rs.getObject("id", UUID.class), rs.getObject("facility", UUID.class), rs.getString("item"),
				rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("note"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getObject("superseded_by", UUID.class));
	}
}
