package org.hearth.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.shared.ConflictException;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The parties to the talks and to the commitments: the government, the residents' representatives, agencies, an
 * observer mission. A short list the secretariat keeps, each named in the four languages; organisations only.
 */
@Service
public class Parties {

	static final int NAME_MAX = 200;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	Parties(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public record Party(UUID id, LocalizedText name, long version) {
	}

	/** Every party, in the order they were added. */
	public List<Party> parties() {
		return jdbc.sql("SELECT id, name::text, version FROM dialogue.party ORDER BY created_at, id").query(this::row)
				.list();
	}

	public Party party(UUID id) {
		return find(id).orElseThrow(NotFoundException::new);
	}

	public Optional<Party> find(UUID id) {
		return jdbc.sql("SELECT id, name::text, version FROM dialogue.party WHERE id = ?").param(id).query(this::row)
				.optional();
	}

	@Transactional
	public Party create(CurrentUser staff, LocalizedText name) {
		return create(Actor.of(staff), UUID.randomUUID(), name, clock.instant());
	}

	Party create(Actor actor, UUID id, LocalizedText name, Instant at) {
		actor.requireSecretariat();
		LocalizedText checked = Texts.fourLanguages(name, "dialogue.field.party-name", NAME_MAX);
		jdbc.sql("""
				INSERT INTO dialogue.party (id, name, created_by, created_at, updated_at, version)
				VALUES (?, ?::jsonb, ?, ?, ?, 0)""")
				.params(id, Texts.json(json, checked), actor.id(), Timestamp.from(at), Timestamp.from(at)).update();
		return party(id);
	}

	/** A corrected name, if the party is still as the page showed it. */
	@Transactional
	public Party rename(CurrentUser staff, UUID id, long version, LocalizedText name) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		party(id);
		LocalizedText checked = Texts.fourLanguages(name, "dialogue.field.party-name", NAME_MAX);
		int changed = jdbc.sql("""
				UPDATE dialogue.party SET name = ?::jsonb, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
				.params(Texts.json(json, checked), Timestamp.from(clock.instant()), id, version).update();
		if (changed == 0) {
			throw new ConflictException("dialogue.error.changed-meanwhile");
		}
		return party(id);
	}

	/** The parties named, each once and each known; at least one. */
	List<UUID> require(Collection<UUID> ids) {
		List<UUID> distinct = ids.stream().distinct().toList();
		if (distinct.isEmpty()) {
			throw new RuleViolationException("dialogue.error.choose-party");
		}
		for (UUID id : distinct) {
			if (find(id).isEmpty()) {
				throw new RuleViolationException("dialogue.error.choose-party");
			}
		}
		return distinct;
	}

	private Party row(ResultSet rs, int n) throws SQLException {
		return new Party(rs.getObject("id", UUID.class), Texts.read(json, rs.getString("name")), rs.getLong("version"));
	}
}
