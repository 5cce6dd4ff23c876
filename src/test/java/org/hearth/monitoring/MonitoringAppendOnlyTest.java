package org.hearth.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.hearth.HearthTest;
import org.hearth.aid.AidFixtures;
import org.hearth.aid.FacilityKind;
import org.hearth.shared.LocalizedText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * What monitoring records is only ever added to: assessments and their photos, an incident's history and links,
 * findings. The application's role has no right to change or remove them, and a trigger refuses even the owner of
 * the schema; an incident itself is never deleted and its facts never rewritten.
 */
@HearthTest
class MonitoringAppendOnlyTest {

	/** An append-only table, a column that may be named in a SET, and the column and value of a row of this test. */
	record Table(String name, String column, String key, Object value) {
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	MonitoringFixtures fixtures;

	@Autowired
	HeritageSites sites;

	@Autowired
	Incidents incidents;

	@Autowired
	Findings findings;

	@Autowired
	AidFixtures aid;

	List<Table> tables;

	UUID incident;

	@BeforeEach
	void rowsOfEveryTable() {
		HeritageSites.Site site = fixtures.site();
		var assessment = sites.assess(fixtures.observer(), site.id(), new HeritageSites.NewAssessment(Condition.DAMAGED,
				LocalDate.of(2025, 1, 1), "Test mission", "expert", "notes", null),
				List.of(MonitoringFixtures.photo(MonitoringFixtures.png(8, 8), "p.png")));
		Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
		UUID facility = aid.facility(FacilityKind.CLINIC, "susa");
		incident = incidents.record(fixtures.observer(), new Incidents.NewIncident(IncidentKind.PROPERTY_DAMAGE, at,
				at, "susa", null, "Window broken", SourceKind.OBSERVER_PATROL, null, List.of(site.id()),
				List.of(facility))).id();
		var finding = findings.record(fixtures.observer(), new Findings.NewFinding(SubjectKind.SITE, site.id(),
				new LocalizedText(Map.of("en", "Seen.")), LocalDate.of(2025, 1, 2), "Test mission", "expert"));
		tables = List.of(new Table("monitoring.assessment", "notes", "id", assessment.id()),
				new Table("monitoring.assessment_photo", "position", "document", assessment.photos().get(0).id()),
				new Table("monitoring.incident_history", "note", "incident", incident),
				new Table("monitoring.incident_site", "site", "incident", incident),
				new Table("monitoring.incident_facility", "facility", "incident", incident),
				new Table("monitoring.finding", "text_en", "id", finding.id()));
	}

	@Test
	void theApplicationRoleMayNotUpdateDeleteOrTruncate() {
		for (Table table : tables) {
			for (String statement : List.of(
					"UPDATE " + table.name() + " SET " + table.column() + " = " + table.column() + " WHERE " + table.key() + " = ?",
					"DELETE FROM " + table.name() + " WHERE " + table.key() + " = ?")) {
				Throwable refused = catchThrowable(() -> jdbc.sql(statement).param(table.value()).update());
				assertThat(refused).as(statement).isInstanceOf(DataAccessException.class);
				assertThat(IncidentsTest.sqlState(refused)).as(statement).isEqualTo("42501");
			}
			assertThat(IncidentsTest.sqlState(catchThrowable(() -> jdbc.sql("TRUNCATE " + table.name()).update())))
					.as(table.name()).isEqualTo("42501");
		}
		assertThat(IncidentsTest.sqlState(catchThrowable(() -> jdbc.sql("DELETE FROM monitoring.incident WHERE id = ?")
				.param(incident).update()))).isEqualTo("42501");
		assertThat(jdbc.sql("SELECT count(*) FROM monitoring.incident_history WHERE incident = ?").param(incident)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theTriggersRefuseEvenTheOwner() throws SQLException {
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			try {
				for (Table table : tables) {
					for (String statement : List.of(
							"UPDATE " + table.name() + " SET " + table.column() + " = " + table.column() + " WHERE "
									+ table.key() + " = '" + table.value() + "'",
							"DELETE FROM " + table.name() + " WHERE " + table.key() + " = '" + table.value() + "'",
							"TRUNCATE " + table.name() + " CASCADE")) {
						refusedAsOwner(connection, statement, "never changed or deleted");
					}
				}
				refusedAsOwner(connection, "DELETE FROM monitoring.incident WHERE id = '" + incident + "'",
						"never changed or deleted");
				refusedAsOwner(connection, "UPDATE monitoring.incident SET description = 'rewritten' WHERE id = '"
						+ incident + "'", "never changed");
				refusedAsOwner(connection, "UPDATE monitoring.incident SET status = 'UNVERIFIED', version = 9 WHERE id = '"
						+ incident + "' AND status = 'UNVERIFIED'", null);
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** The statement must fail with the message, or (without one) must pass: a status left as it is is no change. */
	private static void refusedAsOwner(Connection connection, String statement, String message) throws SQLException {
		Savepoint before = connection.setSavepoint();
		try (var s = connection.createStatement()) {
			int changed = s.executeUpdate(statement);
			if (message != null) {
				fail("%s changed %d rows as the owner", statement, changed);
			}
		}
		catch (SQLException refused) {
			if (message == null) {
				throw refused;
			}
			assertThat(refused.getMessage()).as(statement).contains(message);
		}
		connection.rollback(before);
	}
}
