package org.hearth.housing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settlements' readiness and the housing units built in them. */
@Service
public class HousingStock {

	private final JdbcClient jdbc;
	private final Gazetteer gazetteer;
	private final MineAction mineAction;
	private final Units units;
	private final Clock clock;

	HousingStock(JdbcClient jdbc, Gazetteer gazetteer, MineAction mineAction, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.mineAction = mineAction;
		this.units = units;
		this.clock = clock;
	}

	public record Readiness(String settlement, int constructionPercent, boolean water, boolean electricity, boolean gas,
			boolean school, boolean clinic, @Nullable Instant updatedAt) {

		public static Readiness none(String settlement) {
			return new Readiness(settlement, 0, false, false, false, false, false, null);
		}
	}

	public record Unit(UUID id, String settlement, UUID area, String address, int rooms, BigDecimal floorArea,
			boolean stepFree, UnitStatus status, long version) {
	}

	public record NewUnit(String settlement, UUID area, String address, int rooms, BigDecimal floorArea,
			boolean stepFree) {
	}

	/** Counts per settlement for the dashboard. */
	public record SettlementSummary(String settlement, Readiness readiness, Map<UnitStatus, Integer> units,
			int areas, int releasedAreas, int householdsWaiting) {

		public int units(UnitStatus status) {
			return units.getOrDefault(status, 0);
		}
	}

	public Readiness readiness(String settlement) {
		return jdbc.sql("SELECT * FROM housing.settlement_readiness WHERE settlement = ?").param(settlement)
				.query((rs, n) -> new Readiness(rs.getString("settlement"), rs.getInt("construction_percent"),
						rs.getBoolean("water"), rs.getBoolean("electricity"), rs.getBoolean("gas"),
						rs.getBoolean("school"), rs.getBoolean("clinic"), rs.getTimestamp("updated_at").toInstant()))
				.optional().orElse(Readiness.none(settlement));
	}

	@Transactional
	public void setReadiness(CurrentUser staff, Readiness readiness) {
		knownSettlement(readiness.settlement());
		if (readiness.constructionPercent() < 0 || readiness.constructionPercent() > 100) {
			throw new RuleViolationException("housing.error.percent");
		}
		jdbc.sql("""
				INSERT INTO housing.settlement_readiness (settlement, construction_percent, water, electricity, gas,
				  school, clinic, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (settlement) DO UPDATE SET construction_percent = excluded.construction_percent,
				  water = excluded.water, electricity = excluded.electricity, gas = excluded.gas,
				  school = excluded.school, clinic = excluded.clinic, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by""")
				.params(readiness.settlement(), readiness.constructionPercent(), readiness.water(),
						readiness.electricity(), readiness.gas(), readiness.school(), readiness.clinic(),
						Timestamp.from(clock.instant()), staff.uuid())
				.update();
	}

	/** Adds a unit, planned. Its area must lie in its settlement. */
	@Transactional
	public UUID addUnit(CurrentUser staff, NewUnit unit) {
		knownSettlement(unit.settlement());
		MineAction.Area area = mineAction.area(unit.area());
		if (!area.settlement().equals(unit.settlement())) {
			throw new RuleViolationException("housing.error.area-elsewhere");
		}
		String address = unit.address().strip();
		if (address.isEmpty() || address.length() > 200) {
			throw new RuleViolationException("housing.error.address");
		}
		if (unit.rooms() < 1 || unit.rooms() > 12) {
			throw new RuleViolationException("housing.error.rooms");
		}
		if (unit.floorArea().signum() <= 0 || unit.floorArea().compareTo(BigDecimal.valueOf(1000)) >= 0) {
			throw new RuleViolationException("housing.error.floor-area");
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO housing.unit (id, settlement, area_id, address, rooms, floor_area, step_free, status,
				  created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, 0)""")
				.params(id, unit.settlement(), unit.area(), address, unit.rooms(), unit.floorArea(), unit.stepFree(),
						now, now)
				.update();
		return id;
	}

	/** A change of construction status by staff; offers, acceptance and moving in change the rest. */
	@Transactional
	public Unit setStatus(CurrentUser staff, UUID id, UnitStatus next, long expectedVersion) {
		Unit unit = units.lock(id);
		if (unit.version() != expectedVersion) {
			throw new ConflictException("housing.error.changed-meanwhile");
		}
		if (!unit.status().canBeSetByStaffTo(next)) {
			throw new RuleViolationException("housing.error.unit-transition");
		}
		units.move(id, next);
		return unit(id);
	}

	public Unit unit(UUID id) {
		return units.find(id);
	}

	public List<Unit> units(String settlement) {
		return jdbc.sql("SELECT * FROM housing.unit WHERE settlement = ? ORDER BY address, id").param(settlement)
				.query(Units::row).list();
	}

	/** Every settlement with readiness, units or areas, with its counts. */
	public List<SettlementSummary> summaries() {
		List<String> settlements = jdbc.sql("""
				SELECT settlement FROM housing.settlement_readiness UNION SELECT settlement FROM housing.area
				UNION SELECT settlement FROM housing.unit ORDER BY 1""").query(String.class).list();
		return settlements.stream().map(this::summary).toList();
	}

	public SettlementSummary summary(String settlement) {
		Map<UnitStatus, Integer> counts = new java.util.EnumMap<>(UnitStatus.class);
		jdbc.sql("SELECT status, count(*) FROM housing.unit WHERE settlement = ? GROUP BY status").param(settlement)
				.query(rs -> {
					counts.put(UnitStatus.valueOf(rs.getString(1)), rs.getInt(2));
				});
		int[] areas = jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE status = 'RELEASED') FROM housing.area WHERE settlement = ?""")
				.param(settlement).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
		int waiting = jdbc.sql("""
				SELECT count(*) FROM housing.household WHERE status = 'WAITING' AND ? = ANY (preferences)""")
				.param(settlement).query(Integer.class).single();
		return new SettlementSummary(settlement, readiness(settlement), counts, areas[0], areas[1], waiting);
	}

	private void knownSettlement(String settlement) {
		if (gazetteer.find(settlement).isEmpty()) {
			throw new RuleViolationException("housing.error.unknown-settlement");
		}
	}

	static Optional<UnitStatus> parse(@Nullable String status) {
		try {
			return status == null ? Optional.empty() : Optional.of(UnitStatus.valueOf(status));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
