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

	/** Each append-only table with a column that may be named in a SET and a column that identifies its rows. */
	record Table(String name, String column, String key) {
	}

	static final List<Table> TABLES = List.of(new Table("applications.history", "comment", "id"),
			new Table("applications.decision", "explanation", "id"),
			new Table("transparency.leaf", "data", "idx"), new Table("transparency.node", "hash", "idx"),
			new Table("transparency.leaf_subject", "salt", "idx"),
			new Table("transparency.checkpoint", "note", "size"),
			new Table("transparency.cosignature", "line", "size"),
			new Table("transparency.access", "purpose", "id"));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void theApplicationRoleMayNotUpdateOrDelete() {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("hearth_app");
		for (Table table : TABLES) {
			// No row matches: a refusal here can only come from the missing privilege, not from the trigger.
			String none = " WHERE " + table.key() + " IS NULL";
			for (String statement : List.of("UPDATE " + table.name() + " SET " + table.column() + " = " + table.column() + none,
					"DELETE FROM " + table.name() + none, "TRUNCATE " + table.name())) {
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
				insertRows(connection);
				for (Table table : TABLES) {
					// Every row, including the ones just inserted: the trigger must fire at least once.
					for (String statement : List.of(
							"UPDATE " + table.name() + " SET " + table.column() + " = " + table.column(),
							"DELETE FROM " + table.name())) {
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
				for (Table table : TABLES) {
					Savepoint before = connection.setSavepoint();
					try (var s = connection.createStatement()) {
						s.execute("TRUNCATE " + table.name() + " CASCADE");
						fail("the owner truncated %s", table);
					}
					catch (SQLException refused) {
						assertThat(refused.getMessage()).as(table.name()).contains("never changed or deleted");
					}
					connection.rollback(before);
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** One row in each append-only table, in the caller's transaction. */
	private static void insertRows(Connection connection) throws SQLException {
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
		// Far beyond any real log, so that nothing the other tests append can collide; rolled back anyway.
		long index = Long.MAX_VALUE / 2 + (now.getTime() & 0xffff);
		try (var insert = connection.prepareStatement("""
				INSERT INTO transparency.leaf (idx, data, hash, appended_at) VALUES (?, '\\x00', ?, ?);
				INSERT INTO transparency.node (level, idx, hash) VALUES (0, ?, ?);
				INSERT INTO transparency.leaf_subject (idx, entity_type, entity_id, salt) VALUES (?, 'test', ?, ?);
				INSERT INTO transparency.checkpoint (size, root, note, signed_at) VALUES (?, ?, 'test', ?);
				INSERT INTO transparency.cosignature (size, witness, line, added_at) VALUES (?, 'test', 'test', ?);
				INSERT INTO transparency.access (subject_type, subject_id, account_id, role, purpose, action, at)
				  VALUES ('application', ?, ?, 'CASEWORKER', 'REVIEW', 'OPEN', ?)""")) {
			byte[] hash = new byte[32];
			Object[] values = { index, hash, now, index, hash, index, application, hash, index, hash, now, index, now,
					application, someone, now };
			for (int i = 0; i < values.length; i++) {
				insert.setObject(i + 1, values[i]);
			}
			insert.executeUpdate();
		}
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
