package org.hearth.dialogue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.ConflictException;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The meetings of the talks: when (one day or several), where (a settlement of the region, or a place written out,
 * for talks held abroad; nowhere for a meeting held online), how (in person, online, shuttle, mixed), the agenda, the outcome in the four languages,
 * who took part and the documents. Every version of a meeting's details stays in its history. Participants' names
 * are for the secretariat: observers and the public see each participant's affiliation and role in the meeting.
 */
@Service
public class Meetings {

	static final int PLACE_MAX = 200;
	static final int AGENDA_MAX = 4000;
	static final int OUTCOME_MAX = 4000;
	static final int PARTICIPANT_MAX = 200;
	static final int TITLE_MAX = 200;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Gazetteer gazetteer;
	private final WorkingGroups groups;
	private final Documents documents;
	private final Clock clock;

	Meetings(JdbcClient jdbc, JsonMapper json, Gazetteer gazetteer, WorkingGroups groups, Documents documents,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.gazetteer = gazetteer;
		this.groups = groups;
		this.documents = documents;
		this.clock = clock;
	}

	/**
	 * A meeting's details as typed into its form.
	 *
	 * @param endsOn the last day of a meeting of several days; null for one day
	 * @param settlement a settlement of the gazetteer; or else {@code place}, written out
	 */
	public record Details(@Nullable UUID workingGroup, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String settlement, @Nullable String place, MeetingFormat format, String agenda,
			LocalizedText outcome) {
	}

	public record Meeting(UUID id, @Nullable UUID workingGroup, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String settlement, @Nullable String place, MeetingFormat format, String agenda,
			LocalizedText outcome, Instant createdAt, Instant updatedAt, long version) {

		public Details details() {
			return new Details(workingGroup, startsOn, endsOn, settlement, place, format, agenda, outcome);
		}
	}

	/**
	 * Who took part.
	 *
	 * @param name null unless the reader may see names (the secretariat)
	 * @param role the role in the meeting (head of delegation, facilitator), not a role in Hearth
	 */
	public record Participant(UUID id, @Nullable String name, String affiliation, String role) {
	}

	public record MeetingDocument(UUID document, DocumentKind kind, String title, SharedWith sharedWith,
			String mediaType, long size, String sha256, Instant addedAt) {
	}

	public enum DocumentKind {
		MINUTES, STATEMENT, OTHER
	}

	/** A document as typed into the upload form, with its file. */
	public record NewDocument(DocumentKind kind, String title, SharedWith sharedWith, Documents.Upload file) {
	}

	/** Every meeting, the latest first. */
	public List<Meeting> meetings() {
		return jdbc.sql("SELECT *, outcome::text AS outcome_text FROM dialogue.meeting ORDER BY starts_on DESC, created_at DESC")
				.query(this::row).list();
	}

	/** The meetings of a working group, the latest first. */
	public List<Meeting> ofGroup(UUID group) {
		return jdbc.sql("""
				SELECT *, outcome::text AS outcome_text FROM dialogue.meeting WHERE working_group = ?
				ORDER BY starts_on DESC, created_at DESC""").param(group).query(this::row).list();
	}

	public Meeting meeting(UUID id) {
		return jdbc.sql("SELECT *, outcome::text AS outcome_text FROM dialogue.meeting WHERE id = ?").param(id)
				.query(this::row).optional().orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Meeting create(CurrentUser staff, Details details) {
		return create(Actor.of(staff), UUID.randomUUID(), details, clock.instant());
	}

	Meeting create(Actor actor, UUID id, Details details, Instant at) {
		actor.requireSecretariat();
		Details d = check(details);
		jdbc.sql("""
				INSERT INTO dialogue.meeting (id, working_group, starts_on, ends_on, settlement, place, format, agenda,
				  outcome, created_by, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0)""")
				.params(id, d.workingGroup(), Date.valueOf(d.startsOn()),
						d.endsOn() == null ? null : Date.valueOf(d.endsOn()), d.settlement(), d.place(),
						d.format().name(), d.agenda(), Texts.json(json, d.outcome()), actor.id(), Timestamp.from(at),
						Timestamp.from(at))
				.update();
		history(id, d, actor, at);
		return meeting(id);
	}

	/** The meeting's details corrected, if it is still as the page showed it; the earlier version stays in its history. */
	@Transactional
	public Meeting update(CurrentUser staff, UUID id, long version, Details details) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		Meeting current = locked(id);
		if (current.version() != version) {
			throw new ConflictException("dialogue.error.changed-meanwhile");
		}
		Details d = check(details);
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE dialogue.meeting SET working_group = ?, starts_on = ?, ends_on = ?, settlement = ?, place = ?,
				  format = ?, agenda = ?, outcome = ?::jsonb, updated_at = ?, version = version + 1 WHERE id = ?""")
				.params(d.workingGroup(), Date.valueOf(d.startsOn()), d.endsOn() == null ? null : Date.valueOf(d.endsOn()),
						d.settlement(), d.place(), d.format().name(), d.agenda(), Texts.json(json, d.outcome()),
						Timestamp.from(now), id)
				.update();
		history(id, d, actor, now);
		return meeting(id);
	}

	/** The meeting's participants in the order they were added, those removed left out, as {@code audience} may see them. */
	public List<Participant> participants(UUID meeting, Audience audience) {
		return jdbc.sql("""
				SELECT * FROM dialogue.participant WHERE meeting = ? AND removed_at IS NULL ORDER BY added_at, id""")
				.param(meeting)
				.query((rs, n) -> new Participant(rs.getObject("id", UUID.class),
						audience.seesNames() ? rs.getString("name") : null, rs.getString("affiliation"),
						rs.getString("role")))
				.list();
	}

	@Transactional
	public Participant addParticipant(CurrentUser staff, UUID meeting, String name, String affiliation, String role) {
		return addParticipant(Actor.of(staff), meeting, name, affiliation, role, clock.instant());
	}

	Participant addParticipant(Actor actor, UUID meeting, String name, String affiliation, String role, Instant at) {
		actor.requireSecretariat();
		meeting(meeting);
		String n = Texts.required(name, "dialogue.field.name", PARTICIPANT_MAX);
		String a = Texts.required(affiliation, "dialogue.field.affiliation", PARTICIPANT_MAX);
		String r = Texts.required(role, "dialogue.field.meeting-role", PARTICIPANT_MAX);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dialogue.participant (id, meeting, name, affiliation, role, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""").params(id, meeting, n, a, r, actor.id(), Timestamp.from(at)).update();
		return new Participant(id, n, a, r);
	}

	/** Takes a participant off the list (entered by mistake); the row stays, marked removed. */
	@Transactional
	public void removeParticipant(CurrentUser staff, UUID meeting, UUID participant) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		int changed = jdbc.sql("""
				UPDATE dialogue.participant SET removed_by = ?, removed_at = ?
				WHERE id = ? AND meeting = ? AND removed_at IS NULL""")
				.params(actor.id(), Timestamp.from(clock.instant()), participant, meeting).update();
		if (changed == 0) {
			throw new NotFoundException();
		}
	}

	/** The meeting's documents that {@code audience} may open, in the order they were added. */
	public List<MeetingDocument> documents(UUID meeting, Audience audience) {
		return jdbc.sql("""
				SELECT md.*, d.media_type, d.size, d.sha256 FROM dialogue.meeting_document md
				JOIN platform.document d ON d.id = md.document WHERE md.meeting = ? ORDER BY md.added_at, md.id""")
				.param(meeting)
				.query((rs, n) -> new MeetingDocument(rs.getObject("document", UUID.class),
						DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
						SharedWith.valueOf(rs.getString("shared_with")), rs.getString("media_type"), rs.getLong("size"),
						rs.getString("sha256"), rs.getTimestamp("added_at").toInstant()))
				.list().stream().filter(d -> d.sharedWith().visibleTo(audience)).toList();
	}

	/**
	 * Adds a document to the meeting: the title is checked first, then the file (a PDF, JPEG or PNG by its content,
	 * not too large); nothing is kept of a refused one.
	 */
	@Transactional
	public MeetingDocument addDocument(CurrentUser staff, UUID meeting, NewDocument document) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		meeting(meeting);
		String title = Texts.required(document.title(), "dialogue.field.title", TITLE_MAX);
		StoredDocument stored = documents.store(document.file());
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO dialogue.meeting_document (id, meeting, document, kind, title, shared_with, added_by, role,
				  added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), meeting, stored.id().id(), document.kind().name(), title,
						document.sharedWith().name(), actor.id(), actor.role(), Timestamp.from(now))
				.update();
		return new MeetingDocument(stored.id().id(), document.kind(), title, document.sharedWith(), stored.mediaType(),
				stored.size(), stored.sha256(), now);
	}

	/** The details, checked: days in order, one place, an agenda and the outcome in every language. */
	Details check(Details d) {
		if (d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
			throw new RuleViolationException("dialogue.error.meeting-dates");
		}
		LocalDate endsOn = d.endsOn() != null && d.endsOn().equals(d.startsOn()) ? null : d.endsOn();
		if (d.workingGroup() != null) {
			try {
				groups.group(d.workingGroup());
			}
			catch (NotFoundException unknown) {
				throw new RuleViolationException("dialogue.error.choose-group");
			}
		}
		String settlement = d.settlement() == null || d.settlement().isBlank() ? null : d.settlement().strip();
		String place = Texts.optional(d.place(), "dialogue.field.place", PLACE_MAX);
		if (settlement != null && gazetteer.find(settlement).isEmpty()) {
			throw new RuleViolationException("dialogue.error.choose-settlement");
		}
		if (settlement != null && place != null
				|| settlement == null && place == null && d.format() != MeetingFormat.ONLINE) {
			throw new RuleViolationException("dialogue.error.one-place");
		}
		String agenda = Texts.required(d.agenda(), "dialogue.field.agenda", AGENDA_MAX);
		LocalizedText outcome = Texts.fourLanguages(d.outcome(), "dialogue.field.outcome", OUTCOME_MAX);
		return new Details(d.workingGroup(), d.startsOn(), endsOn, settlement, place, d.format(), agenda, outcome);
	}

	private Meeting locked(UUID id) {
		return jdbc.sql("SELECT *, outcome::text AS outcome_text FROM dialogue.meeting WHERE id = ? FOR UPDATE").param(id)
				.query(this::row).optional().orElseThrow(NotFoundException::new);
	}

	private void history(UUID meeting, Details d, Actor actor, Instant at) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("workingGroup", d.workingGroup() == null ? null : d.workingGroup().toString());
		details.put("startsOn", d.startsOn().toString());
		details.put("endsOn", d.endsOn() == null ? null : d.endsOn().toString());
		details.put("settlement", d.settlement());
		details.put("place", d.place());
		details.put("format", d.format().name());
		details.put("agenda", d.agenda());
		details.put("outcome", d.outcome().values());
		jdbc.sql("""
				INSERT INTO dialogue.meeting_history (meeting, details, changed_by, role, changed_at)
				VALUES (?, ?::jsonb, ?, ?, ?)""")
				.params(meeting, json.writeValueAsString(details), actor.id(), actor.role(), Timestamp.from(at)).update();
	}

	private Meeting row(ResultSet rs, int n) throws SQLException {
		return new Meeting(rs.getObject("id", UUID.class), rs.getObject("working_group", UUID.class),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("settlement"), rs.getString("place"), MeetingFormat.valueOf(rs.getString("format")),
				rs.getString("agenda"), Texts.read(json, rs.getString("outcome_text")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}
}
