package org.hearth.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residency applications and decisions written straight into the applications module's tables, in weeks no other
 * test touches (2031 onwards), so that a release built for such a day counts only these. The workflow that would
 * produce them is tested in that module; here only the counting is.
 */
@Component
public class StatisticsFixtures {

	static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	private final JdbcClient jdbc;

	StatisticsFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A Monday of a week nobody else counts in, {@code n} weeks after the first. */
	public static LocalDate week(int n) {
		return LocalDate.of(2031, 3, 3).plusWeeks(n);
	}

	public static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(BAKU).toInstant();
	}

	/** {@code count} residency applications at {@code status}, submitted at {@code submitted}. */
	public void applications(int count, String status, Instant submitted) {
		for (int i = 0; i < count; i++) {
			application(status, submitted);
		}
	}

	public UUID application(String status, Instant submitted) {
		UUID id = UUID.randomUUID();
		int version = jdbc.sql("SELECT max(version) FROM services.definition_version WHERE code = 'residency'")
				.query(Integer.class).single();
		jdbc.sql("""
				INSERT INTO applications.application (id, applicant, service_code, definition_version, answers,
				  status, reference, submitted_at, created_at, updated_at, version)
				VALUES (?, ?, 'residency', ?, '{}'::jsonb, ?, ?, ?, ?, ?, 0)""")
				.params(id, UUID.randomUUID(), version, status, "ST-" + id, Timestamp.from(submitted),
						Timestamp.from(submitted), Timestamp.from(submitted))
				.update();
		return id;
	}

	/** A first decision on an application, taken at {@code decided}. */
	public void decision(UUID application, String outcome, Instant decided) {
		jdbc.sql("""
				INSERT INTO applications.decision (id, application_id, round, outcome, reasons, explanation,
				  recommended_by, decided_by, decided_at, verification_code, permit_number)
				VALUES (?, ?, 1, ?, '{}', 'test', ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), application, outcome, UUID.randomUUID(), UUID.randomUUID(),
						Timestamp.from(decided), "ST-" + UUID.randomUUID(),
						"APPROVE".equals(outcome) ? "ST-" + UUID.randomUUID() : null)
				.update();
	}
}
