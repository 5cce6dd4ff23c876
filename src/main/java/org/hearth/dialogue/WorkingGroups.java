package org.hearth.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.shared.ConflictException;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Working groups of the talks: a name and a mandate in the four languages, members (by name for the secretariat,
 * by affiliation for everyone else) and their meetings (see {@link Meetings#ofGroup(UUID)}). A member who leaves
 * stays on the record with the date they left.
 */
@Service
public class WorkingGroups {

	static final int NAME_MAX = 200;
	static final int MANDATE_MAX = 4000;
	static final int MEMBER_MAX = 200;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	WorkingGroups(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public record WorkingGroup(UUID id, LocalizedText name, LocalizedText mandate, Instant createdAt, long version) {
	}

	/**
	 * A member of a group.
	 *
	 * @param name null unless the reader may see names (the secretariat)
	 * @param leftAt when the member left the group; null while a member
	 */
	public record Member(UUID id, @Nullable String name, String affiliation, Instant addedAt,
			@Nullable Instant leftAt) {
	}

	public List<WorkingGroup> groups() {
		return jdbc.sql("SELECT id, name::text, mandate::text, created_at, version FROM dialogue.working_group ORDER BY created_at, id")
				.query(this::row).list();
	}

	public WorkingGroup group(UUID id) {
		return jdbc.sql("SELECT id, name::text, mandate::text, created_at, version FROM dialogue.working_group WHERE id = ?")
				.param(id).query(this::row).optional().orElseThrow(NotFoundException::new);
	}

	/** The group's members, current ones first, as {@code audience} may see them. */
	public List<Member> members(UUID group, Audience audience) {
		return jdbc.sql("""
				SELECT * FROM dialogue.working_group_member WHERE working_group = ?
				ORDER BY removed_at IS NOT NULL, added_at, id""").param(group)
				.query((rs, n) -> {
					Timestamp left = rs.getTimestamp("removed_at");
					return new Member(rs.getObject("id", UUID.class), audience.seesNames() ? rs.getString("name") : null,
							rs.getString("affiliation"), rs.getTimestamp("added_at").toInstant(),
							left == null ? null : left.toInstant());
				}).list();
	}

	@Transactional
	public WorkingGroup create(CurrentUser staff, LocalizedText name, LocalizedText mandate) {
		return create(Actor.of(staff), UUID.randomUUID(), name, mandate, clock.instant());
	}

	WorkingGroup create(Actor actor, UUID id, LocalizedText name, LocalizedText mandate, Instant at) {
		actor.requireSecretariat();
		LocalizedText n = Texts.fourLanguages(name, "dialogue.field.group-name", NAME_MAX);
		LocalizedText m = Texts.fourLanguages(mandate, "dialogue.field.mandate", MANDATE_MAX);
		jdbc.sql("""
				INSERT INTO dialogue.working_group (id, name, mandate, created_by, created_at, updated_at, version)
				VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, 0)""")
				.params(id, Texts.json(json, n), Texts.json(json, m), actor.id(), Timestamp.from(at), Timestamp.from(at))
				.update();
		return group(id);
	}

	/** A corrected name or mandate, if the group is still as the page showed it. */
	@Transactional
	public WorkingGroup update(CurrentUser staff, UUID id, long version, LocalizedText name, LocalizedText mandate) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		group(id);
		LocalizedText n = Texts.fourLanguages(name, "dialogue.field.group-name", NAME_MAX);
		LocalizedText m = Texts.fourLanguages(mandate, "dialogue.field.mandate", MANDATE_MAX);
		int changed = jdbc.sql("""
				UPDATE dialogue.working_group SET name = ?::jsonb, mandate = ?::jsonb, updated_at = ?,
				  version = version + 1 WHERE id = ? AND version = ?""")
				.params(Texts.json(json, n), Texts.json(json, m), Timestamp.from(clock.instant()), id, version).update();
		if (changed == 0) {
			throw new ConflictException("dialogue.error.changed-meanwhile");
		}
		return group(id);
	}

	@Transactional
	public Member addMember(CurrentUser staff, UUID group, String name, String affiliation) {
		return addMember(Actor.of(staff), group, name, affiliation, clock.instant());
	}

	Member addMember(Actor actor, UUID group, String name, String affiliation, Instant at) {
		actor.requireSecretariat();
		group(group);
		String n = Texts.required(name, "dialogue.field.name", MEMBER_MAX);
		String a = Texts.required(affiliation, "dialogue.field.affiliation", MEMBER_MAX);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dialogue.working_group_member (id, working_group, name, affiliation, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?)""").params(id, group, n, a, actor.id(), Timestamp.from(at)).update();
		return new Member(id, n, a, at, null);
	}

	/** The member leaves the group; their row stays, with the date. */
	@Transactional
	public void removeMember(CurrentUser staff, UUID group, UUID member) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		int changed = jdbc.sql("""
				UPDATE dialogue.working_group_member SET removed_by = ?, removed_at = ?
				WHERE id = ? AND working_group = ? AND removed_at IS NULL""")
				.params(actor.id(), Timestamp.from(clock.instant()), member, group).update();
		if (changed == 0) {
			throw new NotFoundException();
		}
	}

	private WorkingGroup row(ResultSet rs, int n) throws SQLException {
		return new WorkingGroup(rs.getObject("id", UUID.class), Texts.read(json, rs.getString("name")),
				Texts.read(json, rs.getString("mandate")), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}
}
