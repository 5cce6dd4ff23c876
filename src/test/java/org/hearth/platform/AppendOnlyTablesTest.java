package org.hearth.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * The record of what happened to an application — its history, its decisions, who opened it — is only ever added
 * to: the application's role has no right to change or remove rows, and a trigger refuses even the owner.
 */
@HearthTest
class AppendOnlyTablesTest {

	static final List<String> TABLES = List.of("applications.history", "applications.decision",
			"applications.case_access");

	/** A column of each table that may be named in a SET (the identity columns may not, whoever asks). */
	static final java.util.Map<String, String> COLUMN = java.util.Map.of("applications.history", "comment",
			"applications.decision", "explanation", "applications.case_access", "purpose");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void theApplicationRoleMayNotUpdateOrDelete() {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("hearth_app");
		for (String table : TABLES) {
			// No row matches: a refusal here can only come from the missing privilege, not from the trigger.
			for (String statement : List.of("UPDATE " + table + " SET " + COLUMN.get(table) + " = " + COLUMN.get(table) + " WHERE id IS NULL",
					"DELETE FROM " + table + " WHERE id IS NULL", "TRUNCATE " + table)) {
				Throwable refused = catchThrowable(() -> jdbc.sql(statement).update());
				assertThat(refused).as(statement).isInstanceOf(DataAccessException.class);
				assertThat(sqlState(refused)).as("SQLSTATE of " + statement).isEqualTo("42501");
			}
		}
	}

	@Test
	void theTriggersRefuseEvenTheOwner() throws SQLException {
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			try {
				assertThat(scalar(connection, "SELECT current_user")).isEqualTo("hearth_owner");
				UUID application = insertRows(connection);
				for (String table : TABLES) {
					String rows = " WHERE application_id = '" + application + "'";
					for (String statement : List.of(
							"UPDATE " + table + " SET " + COLUMN.get(table) + " = " + COLUMN.get(table) + rows,
							"DELETE FROM " + table + rows)) {
						Savepoint before = connection.setSavepoint();
						try (var s = connection.createStatement()) {
							int changed = s.executeUpdate(statement);
							fail("%s changed %d rows as the owner", statement, changed);
						}
						catch (SQLException refused) {
							assertThat(refused.getMessage()).as(statement).contains("never changed or deleted");
						}
						connection.rollback(before);
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** TRUNCATE fires no row trigger: without a statement trigger the owner could empty the record in one go. */
	@Test
	void evenTheOwnerCannotTruncate() throws SQLException {
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			try {
				for (String table : TABLES) {
					Savepoint before = connection.setSavepoint();
					try (var s = connection.createStatement()) {
						s.execute("TRUNCATE " + table + " CASCADE");
						fail("the owner truncated %s", table);
					}
					catch (SQLException refused) {
						assertThat(refused.getMessage()).as(table).contains("never changed or deleted");
					}
					connection.rollback(before);
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** An application with one row in each append-only table, in the caller's transaction. */
	private static UUID insertRows(Connection connection) throws SQLException {
		UUID application = UUID.randomUUID();
		UUID someone = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		try (var definition = connection.createStatement();
				var found = definition.executeQuery("SELECT code, version FROM services.definition_version LIMIT 1")) {
			assertThat(found.next()).as("a service definition is loaded").isTrue();
			try (var insert = connection.prepareStatement("""
					INSERT INTO applications.application (id, applicant, service_code, definition_version, answers,
					  status, created_at, updated_at, version)
					VALUES (?, ?, ?, ?, '{}'::jsonb, 'DRAFT', ?, ?, 0)""")) {
				insert.setObject(1, application);
				insert.setObject(2, someone);
				insert.setString(3, found.getString(1));
				insert.setInt(4, found.getInt(2));
				insert.setTimestamp(5, now);
				insert.setTimestamp(6, now);
				insert.executeUpdate();
			}
		}
		try (var insert = connection.prepareStatement("""
				INSERT INTO applications.history (application_id, at, actor_role, action, to_status, round)
				VALUES (?, ?, 'APPLICANT', 'submitted', 'SUBMITTED', 1)""")) {
			insert.setObject(1, application);
			insert.setTimestamp(2, now);
			insert.executeUpdate();
		}
		try (var insert = connection.prepareStatement("""
				INSERT INTO applications.decision (id, application_id, round, outcome, reasons, explanation,
				  recommended_by, decided_by, decided_at, verification_code)
				VALUES (?, ?, 1, 'REFUSE', '{}', 'test', ?, ?, ?, ?)""")) {
			insert.setObject(1, UUID.randomUUID());
			insert.setObject(2, application);
			insert.setObject(3, someone);
			insert.setObject(4, UUID.randomUUID());
			insert.setTimestamp(5, now);
			insert.setString(6, "TEST-" + UUID.randomUUID());
			insert.executeUpdate();
		}
		try (var insert = connection.prepareStatement("""
				INSERT INTO applications.case_access (application_id, account_id, role, purpose, at)
				VALUES (?, ?, 'CASEWORKER', 'REVIEW', ?)""")) {
			insert.setObject(1, application);
			insert.setObject(2, someone);
			insert.setTimestamp(3, now);
			insert.executeUpdate();
		}
		return application;
	}

	private static String scalar(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static String sqlState(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql.getSQLState();
			}
		}
		return null;
	}
}
