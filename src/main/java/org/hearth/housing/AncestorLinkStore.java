package org.hearth.housing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code housing.ancestor_link}: one per registration, the registry person a caseworker linked. */
@Repository
class AncestorLinkStore {

	private final JdbcClient jdbc;

	AncestorLinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> person(UUID application) {
		return jdbc.sql("SELECT person_id FROM housing.ancestor_link WHERE application_id = ?").param(application)
				.query(UUID.class).optional();
	}

	void put(UUID application, UUID person, UUID linkedBy, Instant at) {
		jdbc.sql("""
				INSERT INTO housing.ancestor_link (application_id, person_id, linked_by, linked_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (application_id) DO UPDATE
				SET person_id = excluded.person_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at""")
				.params(application, person, linkedBy, Timestamp.from(at)).update();
	}

	void remove(UUID application) {
		jdbc.sql("DELETE FROM housing.ancestor_link WHERE application_id = ?").param(application).update();
	}
}
