package org.hearth.housing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Great Return counted, for the public statistics: how many households each settlement has, at each step from
 * admission to moving in. Counts only; which household is which never leaves this module.
 */
@Service
public class ProgrammeFigures {

	private final JdbcClient jdbc;

	ProgrammeFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One settlement's households: admitted with it as their settlement of origin; offered a home there; who
	 * accepted one there (keys handed over included); and the homes there now lived in.
	 */
	public record SettlementSteps(String settlement, long admitted, long offered, long accepted, long movedIn) {
	}

	/** Every settlement with at least one household at any step, by gazetteer id. */
	public List<SettlementSteps> bySettlement() {
		return jdbc.sql("""
				WITH admitted AS (
				  SELECT preferences[1] AS settlement, count(*) AS n FROM housing.household GROUP BY 1),
				offers AS (
				  SELECT u.settlement, count(DISTINCT o.household_id) AS offered,
				         count(DISTINCT o.household_id) FILTER (WHERE o.status IN ('ACCEPTED', 'HANDED_OVER')) AS accepted
				  FROM housing.offer o JOIN housing.unit u ON u.id = o.unit_id GROUP BY 1),
				moved AS (
				  SELECT settlement, count(*) AS n FROM housing.unit WHERE status = 'OCCUPIED' GROUP BY 1)
				SELECT s.settlement, coalesce(a.n, 0), coalesce(o.offered, 0), coalesce(o.accepted, 0), coalesce(m.n, 0)
				FROM (SELECT settlement FROM admitted UNION SELECT settlement FROM offers
				      UNION SELECT settlement FROM moved) s
				LEFT JOIN admitted a ON a.settlement = s.settlement
				LEFT JOIN offers o ON o.settlement = s.settlement
				LEFT JOIN moved m ON m.settlement = s.settlement
				ORDER BY s.settlement""")
				.query((rs, n) -> new SettlementSteps(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5)))
				.list();
	}
}
