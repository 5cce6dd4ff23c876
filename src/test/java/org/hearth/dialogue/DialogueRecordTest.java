package org.hearth.dialogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

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
 * What was said stays on the record: claims, findings, the parties' statements, evidence, a commitment's and a
 * meeting's history. The application's database role may not change or remove them, and a trigger refuses even the
 * owner of the schema, TRUNCATE included.
 */
@HearthTest
class DialogueRecordTest {

	/** Each table with a column to name in a SET. */
	record Table(String name, String column) {
	}

	static final List<Table> TABLES = List.of(new Table("dialogue.statement", "text"),
			new Table("dialogue.claim", "statement"), new Table("dialogue.finding", "note"),
			new Table("dialogue.evidence", "note"), new Table("dialogue.history", "role"),
			new Table("dialogue.meeting_history", "role"), new Table("dialogue.meeting_document", "title"));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void theApplicationRoleMayNotUpdateDeleteOrTruncate() {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("hearth_app");
		for (Table table : TABLES) {
			// No row matches: a refusal can only come from the missing privilege, not from the trigger.
			for (String statement : List.of("UPDATE " + table.name() + " SET " + table.column() + " = " + table.column()
					+ " WHERE id IS NULL", "DELETE FROM " + table.name() + " WHERE id IS NULL", "TRUNCATE " + table.name())) {
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
				// The demo's dialogue holds rows in every table but the documents: one here, rolled back at the end.
				try (var s = connection.createStatement()) {
					s.execute("""
							INSERT INTO platform.document (id, media_type, size, sha256, original_name, stored_at)
							VALUES ('00000000-0000-0000-0000-00000000d0c0', 'application/pdf', 1, 'x', 'minutes.pdf', now());
							INSERT INTO dialogue.meeting_document (id, meeting, document, kind, title, shared_with, added_by,
							  role, added_at) SELECT gen_random_uuid(), id, '00000000-0000-0000-0000-00000000d0c0', 'MINUTES',
							  'Minutes', 'SECRETARIAT', gen_random_uuid(), 'DIALOGUE_SECRETARIAT', now()
							FROM dialogue.meeting LIMIT 1""");
				}
				for (Table table : TABLES) {
					try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table.name())) {
						rs.next();
						assertThat(rs.getLong(1)).as(table.name()).isPositive();
					}
				}
				for (Table table : TABLES) {
					for (String statement : List.of("UPDATE " + table.name() + " SET " + table.column() + " = "
							+ table.column(), "DELETE FROM " + table.name(), "TRUNCATE " + table.name() + " CASCADE")) {
						Savepoint before = connection.setSavepoint();
						try (var s = connection.createStatement()) {
							s.execute(statement);
							fail("%s went through as the owner", statement);
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

	private static String sqlState(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql.getSQLState();
			}
		}
		return null;
	}
}
