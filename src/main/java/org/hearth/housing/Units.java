package org.hearth.housing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.hearth.housing.HousingStock.Unit;
import org.hearth.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading, locking and moving a unit: the one place its row is read and its status written. */
@Component
class Units {

	private final JdbcClient jdbc;
	private final Clock clock;

	Units(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Unit find(UUID id) {
		return jdbc.sql("SELECT * FROM housing.unit WHERE id = ?").param(id).query(Units::row).optional()
				.orElseThrow(() -> new NotFoundException());
	}

	/** The unit, locked until the transaction ends: whoever changes its status holds this lock. */
	Unit lock(UUID id) {
		return jdbc.sql("SELECT * FROM housing.unit WHERE id = ? FOR UPDATE").param(id).query(Units::row).optional()
				.orElseThrow(() -> new NotFoundException());
	}

	/** Whether the unit's area is released, holding the area's row against a status change until the end. */
	boolean areaReleased(Unit unit) {
		return jdbc.sql("SELECT status FROM housing.area WHERE id = ? FOR SHARE").param(unit.area())
				.query(String.class).optional().map(AreaStatus.RELEASED.name()::equals).orElse(false);
	}

	void move(UUID unit, UnitStatus next) {
		jdbc.sql("UPDATE housing.unit SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?")
				.params(next.name(), Timestamp.from(clock.instant()), unit).update();
	}

	static Unit row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Unit(rs.getObject("id", UUID.class), rs.getString("settlement"), rs.getObject("area_id", UUID.class),
				rs.getString("address"), rs.getInt("rooms"), rs.getBigDecimal("floor_area"), rs.getBoolean("step_free"),
				UnitStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}
}
