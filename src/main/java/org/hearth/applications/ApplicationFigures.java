package org.hearth.applications;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Applications counted, for the public statistics: by the week they were submitted and where they stand now, and
 * decisions by the week they were taken. Counts and medians only; no application, applicant or answer leaves this
 * module. Weeks start on Monday in the region's time zone.
 */
@Service
public class ApplicationFigures {

	private final JdbcClient jdbc;

	ApplicationFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many applications submitted in a week stand at a status now. */
	public record WeekStatus(LocalDate week, Status status, long count) {
	}

	/**
	 * First decisions taken in a week: how many approved (each with its permit) and refused, and the median days
	 * from submission to decision over all of them.
	 */
	public record WeekDecisions(LocalDate week, long approved, long refused, double medianDays) {
	}

	/** Applications to {@code service} submitted from {@code from} (inclusive) to {@code to} (exclusive). */
	public List<WeekStatus> submittedByWeek(String service, Instant from, Instant to, ZoneId zone) {
		return jdbc.sql("""
				SELECT date_trunc('week', submitted_at AT TIME ZONE :zone)::date AS week, status, count(*)
				FROM applications.application
				WHERE service_code = :service AND submitted_at >= :from AND submitted_at < :to
				GROUP BY 1, 2 ORDER BY 1, 2""")
				.param("zone", zone.getId()).param("service", service).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new WeekStatus(rs.getObject(1, LocalDate.class), Status.valueOf(rs.getString(2)),
						rs.getLong(3)))
				.list();
	}

	/** First-round decisions on applications to {@code service} taken from {@code from} to {@code to}. */
	public List<WeekDecisions> decidedByWeek(String service, Instant from, Instant to, ZoneId zone) {
		return jdbc.sql("""
				SELECT date_trunc('week', d.decided_at AT TIME ZONE :zone)::date AS week,
				       count(*) FILTER (WHERE d.outcome = 'APPROVE'), count(*) FILTER (WHERE d.outcome = 'REFUSE'),
				       percentile_cont(0.5) WITHIN GROUP (
				         ORDER BY extract(epoch FROM d.decided_at - a.submitted_at) / 86400.0)
				FROM applications.decision d JOIN applications.application a ON a.id = d.application_id
				WHERE a.service_code = :service AND d.round = 1 AND d.decided_at >= :from AND d.decided_at < :to
				GROUP BY 1 ORDER BY 1""")
				.param("zone", zone.getId()).param("service", service).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new WeekDecisions(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
						rs.getDouble(4)))
				.list();
	}
}
