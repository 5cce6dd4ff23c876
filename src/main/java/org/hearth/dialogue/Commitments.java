package org.hearth.dialogue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.ConflictException;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The commitments and every change to them. Each change checks the version the page showed (of two people changing
 * one commitment at once, one wins and the other is told), goes through the aggregate's guards
 * ({@link Commitment}), is written to the commitment's history with who (by role) and when, and enters the public
 * transparency log in the same transaction. A change of status or score is a claim (see {@link Claims}).
 */
@Service
public class Commitments {

	static final int TEXT_MAX = 2000;
	static final int NOTE_MAX = 2000;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Meetings meetings;
	private final Parties parties;
	private final Claims claims;
	private final Documents documents;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	Commitments(JdbcClient jdbc, JsonMapper json, Meetings meetings, Parties parties, Claims claims,
			Documents documents, ApplicationEventPublisher events, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.meetings = meetings;
		this.parties = parties;
		this.claims = claims;
		this.documents = documents;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	/** A commitment as typed into its form: the meeting that produced it, its text, its parties, its due date. */
	public record NewCommitment(UUID meeting, LocalizedText text, List<UUID> parties, @Nullable LocalDate dueOn) {

		public NewCommitment {
			parties = List.copyOf(parties);
		}
	}

	/** Corrected text, due date and parties; the meeting that produced a commitment does not change. */
	public record Revision(LocalizedText text, @Nullable LocalDate dueOn, List<UUID> parties) {

		public Revision {
			parties = List.copyOf(parties);
		}
	}

	public enum Action {
		CREATED, REVISED, STATUS_CHANGED, SCORE_CHANGED, EVIDENCE
	}

	/**
	 * One change of a commitment, as it stood after it.
	 *
	 * @param revision for CREATED and REVISED: the text, due date and parties after the change
	 * @param role the role of who made the change, never a name
	 */
	public record HistoryEntry(long id, Action action, CommitmentStatus status, int score,
			@Nullable Revision revision, @Nullable UUID claim, @Nullable UUID evidence, String role, Instant at) {
	}

	/**
	 * Evidence of implementation.
	 *
	 * @param reference the document's id, the shipment (and item), the incident's id or the https address
	 * @param mediaType the type of a document's content; null, as its size and sha256, for the other kinds
	 */
	public record Evidence(UUID id, UUID commitment, EvidenceKind kind, String reference, @Nullable UUID document,
			SharedWith sharedWith, @Nullable String note, String role, Instant addedAt, @Nullable String mediaType,
			@Nullable Long size, @Nullable String sha256) {
	}

	/**
	 * Evidence as typed into its form.
	 *
	 * @param reference what identifies it, for every kind but a document
	 * @param file the uploaded file, for a document
	 * @param sharedWith who may open a document; other evidence is a reference anyone may read
	 */
	public record NewEvidence(EvidenceKind kind, String reference, @Nullable String note, SharedWith sharedWith,
			Documents.@Nullable Upload file) {
	}

	public Commitment commitment(UUID id) {
		return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(this::row).optional()
				.orElseThrow(NotFoundException::new);
	}

	/** The commitments a meeting produced, in the order they were recorded. */
	public List<Commitment> ofMeeting(UUID meeting) {
		return jdbc.sql(SELECT + " WHERE c.meeting = ? ORDER BY c.created_at, c.id").param(meeting)
				.query(this::row).list();
	}

	/** Records a commitment as proposed, with score 0: nothing is implemented of what was only just proposed. */
	@Transactional
	public Commitment create(CurrentUser staff, NewCommitment commitment) {
		return create(Actor.of(staff), UUID.randomUUID(), commitment, clock.instant());
	}

	Commitment create(Actor actor, UUID id, NewCommitment commitment, Instant at) {
		actor.requireSecretariat();
		Meetings.Meeting meeting;
		try {
			meeting = meetings.meeting(commitment.meeting());
		}
		catch (NotFoundException unknown) {
			throw new RuleViolationException("dialogue.error.choose-meeting");
		}
		Revision checked = check(new Revision(commitment.text(), commitment.dueOn(), commitment.parties()), meeting);
		jdbc.sql("""
				INSERT INTO dialogue.commitment (id, meeting, text, due_on, status, score, created_by, created_at,
				  updated_at, version) VALUES (?, ?, ?::jsonb, ?, 'PROPOSED', 0, ?, ?, ?, 0)""")
				.params(id, meeting.id(), Texts.json(json, checked.text()), date(checked.dueOn()), actor.id(),
						Timestamp.from(at), Timestamp.from(at))
				.update();
		writeParties(id, checked.parties());
		Commitment created = commitment(id);
		history(created, Action.CREATED, checked, null, null, actor, at);
		events.publishEvent(DialogueChanged.of(actor, id, "created", at, content(created)));
		return created;
	}

	/** Corrects the text, due date or parties of the commitment as the page showed it at {@code version}. */
	@Transactional
	public Commitment revise(CurrentUser staff, UUID id, long version, Revision revision) {
		Actor actor = Actor.of(staff);
		actor.requireSecretariat();
		Commitment current = lock(id, version);
		Revision checked = check(revision, meetings.meeting(current.meeting()));
		Instant now = clock.instant();
		Commitment revised = current.revised(checked.text(), checked.dueOn(), checked.parties());
		if (revised.text().equals(current.text()) && java.util.Objects.equals(revised.dueOn(), current.dueOn())
				&& new java.util.HashSet<>(revised.parties()).equals(new java.util.HashSet<>(current.parties()))) {
			throw new RuleViolationException("dialogue.error.nothing-changed");
		}
		update(revised, version, now);
		jdbc.sql("DELETE FROM dialogue.commitment_party WHERE commitment = ?").param(id).update();
		writeParties(id, checked.parties());
		Commitment after = commitment(id);
		history(after, Action.REVISED, checked, null, null, actor, now);
		events.publishEvent(DialogueChanged.of(actor, id, "revised", now, content(after)));
		return after;
	}

	/**
	 * Moves the commitment to {@code next} if the lifecycle allows it (a forbidden jump is refused with the statuses
	 * that may follow); the change is a claim, with the secretariat's statement, for observers to verify.
	 */
	@Transactional
	public Commitment changeStatus(CurrentUser staff, UUID id, long version, CommitmentStatus next, String statement) {
		return changeStatus(Actor.of(staff), id, version, next, statement, clock.instant());
	}

	Commitment changeStatus(Actor actor, UUID id, long version, CommitmentStatus next, String statement, Instant at) {
		actor.requireSecretariat();
		String why = Texts.required(statement, "dialogue.field.claim-statement", Claims.STATEMENT_MAX);
		Commitment current = lock(id, version);
		Commitment changed = current.movedTo(next);
		return claimed(actor, current, changed, Claims.Kind.STATUS, why, at);
	}

	/** Scores the commitment's implementation anew, 0 to 3 as the Peace Accords Matrix does; a claim too. */
	@Transactional
	public Commitment rescore(CurrentUser staff, UUID id, long version, int score, String statement) {
		return rescore(Actor.of(staff), id, version, score, statement, clock.instant());
	}

	Commitment rescore(Actor actor, UUID id, long version, int score, String statement, Instant at) {
		actor.requireSecretariat();
		String why = Texts.required(statement, "dialogue.field.claim-statement", Claims.STATEMENT_MAX);
		Commitment current = lock(id, version);
		Commitment changed = current.scored(score);
		return claimed(actor, current, changed, Claims.Kind.SCORE, why, at);
	}

	private Commitment claimed(Actor actor, Commitment before, Commitment after, Claims.Kind kind, String statement,
			Instant at) {
		update(after, before.version(), at);
		Claims.Claim claim = claims.record(actor, before, after, kind, statement, at);
		Commitment written = commitment(after.id());
		Action action = kind == Claims.Kind.STATUS ? Action.STATUS_CHANGED : Action.SCORE_CHANGED;
		history(written, action, null, claim.id(), null, actor, at);
		events.publishEvent(DialogueChanged.of(actor, written.id(),
				kind == Claims.Kind.STATUS ? "status-changed" : "score-changed", at, content(written),
				"claim " + claim.id(), "statement-sha256 " + DialogueChanged.sha256(statement)));
		return written;
	}

	/**
	 * Adds evidence: a document (checked as a PDF, JPEG or PNG by its content and for its size, after everything
	 * else), an aid delivery, an incident or an https address (each checked for its form).
	 */
	@Transactional
	public Evidence addEvidence(CurrentUser staff, UUID id, NewEvidence evidence) {
		return addEvidence(Actor.of(staff), id, evidence, clock.instant());
	}

	Evidence addEvidence(Actor actor, UUID id, NewEvidence evidence, Instant at) {
		actor.requireSecretariat();
		Commitment current = commitment(id);
		String note = Texts.optional(evidence.note(), "dialogue.field.note", NOTE_MAX);
		String reference;
		UUID document = null;
		SharedWith shared = SharedWith.PUBLIC;
		if (evidence.kind() == EvidenceKind.DOCUMENT) {
			if (evidence.file() == null) {
				throw new RuleViolationException("dialogue.error.choose-file");
			}
			StoredDocument stored = documents.store(evidence.file());
			document = stored.id().id();
			reference = document.toString();
			shared = evidence.sharedWith();
		}
		else {
			reference = EvidenceReferences.normalize(evidence.kind(), evidence.reference());
		}
		UUID evidenceId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dialogue.evidence (id, commitment, kind, reference, document, shared_with, note, added_by,
				  role, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(evidenceId, id, evidence.kind().name(), reference, document, shared.name(), note, actor.id(),
						actor.role(), Timestamp.from(at))
				.update();
		history(current, Action.EVIDENCE, null, null, evidenceId, actor, at);
		events.publishEvent(DialogueChanged.of(actor, id, "evidence", at, "commitment " + id,
				"evidence " + evidenceId, "kind " + evidence.kind().name(),
				"reference-sha256 " + DialogueChanged.sha256(reference),
				"note-sha256 " + (note == null ? "-" : DialogueChanged.sha256(note)), "at " + at));
		return evidence(id, Audience.SECRETARIAT).stream().filter(e -> e.id().equals(evidenceId)).findFirst()
				.orElseThrow();
	}

	/** The commitment's evidence, oldest first; documents only where {@code audience} may open them. */
	public List<Evidence> evidence(UUID commitment, Audience audience) {
		return jdbc.sql("""
				SELECT e.*, d.media_type, d.size, d.sha256 FROM dialogue.evidence e
				LEFT JOIN platform.document d ON d.id = e.document WHERE e.commitment = ? ORDER BY e.added_at, e.id""")
				.param(commitment)
				.query((rs, n) -> {
					long size = rs.getLong("size");
					boolean noSize = rs.wasNull();
					return new Evidence(rs.getObject("id", UUID.class), commitment,
							EvidenceKind.valueOf(rs.getString("kind")), rs.getString("reference"),
							rs.getObject("document", UUID.class), SharedWith.valueOf(rs.getString("shared_with")),
							rs.getString("note"), rs.getString("role"), rs.getTimestamp("added_at").toInstant(),
							rs.getString("media_type"), noSize ? null : size, rs.getString("sha256"));
				})
				.list().stream().filter(e -> e.kind() != EvidenceKind.DOCUMENT || e.sharedWith().visibleTo(audience))
				.toList();
	}

	/** Every change of the commitment, oldest first. */
	public List<HistoryEntry> history(UUID commitment) {
		return jdbc.sql("SELECT *, details::text AS details_text FROM dialogue.history WHERE commitment = ? ORDER BY id")
				.param(commitment)
				.query((rs, n) -> new HistoryEntry(rs.getLong("id"), Action.valueOf(rs.getString("action")),
						CommitmentStatus.valueOf(rs.getString("status")), rs.getInt("score"),
						revision(rs.getString("details_text")), rs.getObject("claim", UUID.class),
						rs.getObject("evidence", UUID.class), rs.getString("role"),
						rs.getTimestamp("changed_at").toInstant()))
				.list();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	/** Text in every language, known parties, and a due date that does not come before the meeting. */
	private Revision check(Revision revision, Meetings.Meeting meeting) {
		LocalizedText text = Texts.fourLanguages(revision.text(), "dialogue.field.commitment-text", TEXT_MAX);
		List<UUID> responsible = parties.require(revision.parties());
		if (revision.dueOn() != null && revision.dueOn().isBefore(meeting.startsOn())) {
			throw new RuleViolationException("dialogue.error.due-before-meeting");
		}
		return new Revision(text, revision.dueOn(), responsible);
	}

	/** Locks the commitment for the change and checks it is still as the page showed it. */
	private Commitment lock(UUID id, long version) {
		Commitment current = jdbc.sql(SELECT + " WHERE c.id = ? FOR UPDATE OF c").param(id).query(this::row)
				.optional().orElseThrow(NotFoundException::new);
		if (current.version() != version) {
			throw new ConflictException("dialogue.error.changed-meanwhile");
		}
		return current;
	}

	private void update(Commitment after, long version, Instant at) {
		int changed = jdbc.sql("""
				UPDATE dialogue.commitment SET text = ?::jsonb, due_on = ?, status = ?, score = ?, updated_at = ?,
				  version = version + 1 WHERE id = ? AND version = ?""")
				.params(Texts.json(json, after.text()), date(after.dueOn()), after.status().name(), after.score(),
						Timestamp.from(at), after.id(), version)
				.update();
		if (changed == 0) {
			throw new ConflictException("dialogue.error.changed-meanwhile");
		}
	}

	private void writeParties(UUID commitment, List<UUID> responsible) {
		for (UUID party : responsible) {
			jdbc.sql("INSERT INTO dialogue.commitment_party (commitment, party) VALUES (?, ?)").params(commitment, party)
					.update();
		}
	}

	private void history(Commitment after, Action action, @Nullable Revision revision, @Nullable UUID claim,
			@Nullable UUID evidence, Actor actor, Instant at) {
		String details = null;
		if (revision != null) {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("text", revision.text().values());
			d.put("dueOn", revision.dueOn() == null ? null : revision.dueOn().toString());
			d.put("parties", revision.parties().stream().map(UUID::toString).toList());
			details = json.writeValueAsString(d);
		}
		jdbc.sql("""
				INSERT INTO dialogue.history (commitment, action, status, score, details, claim, evidence, changed_by,
				  role, changed_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
				.params(after.id(), action.name(), after.status().name(), after.score(), details, claim, evidence,
						actor.id(), actor.role(), Timestamp.from(at))
				.update();
	}

	@SuppressWarnings("unchecked")
	private @Nullable Revision revision(@Nullable String details) {
		if (details == null) {
			return null;
		}
		Map<String, Object> d = json.readValue(details, Map.class);
		Object due = d.get("dueOn");
		List<UUID> responsible = ((List<String>) d.get("parties")).stream().map(UUID::fromString).toList();
		return new Revision(new LocalizedText((Map<String, String>) d.get("text")),
				due == null ? null : LocalDate.parse(due.toString()), responsible);
	}

	/** The commitment's content after a change, canonical, for the digest in the transparency log. */
	static String content(Commitment c) {
		List<String> lines = new ArrayList<>();
		lines.add("commitment " + c.id());
		lines.add("meeting " + c.meeting());
		lines.add(Texts.canonical(c.text()));
		lines.add("due " + (c.dueOn() == null ? "-" : c.dueOn().toString()));
		lines.add("parties " + String.join(",", c.parties().stream().map(UUID::toString).sorted().toList()));
		lines.add("status " + c.status().name());
		lines.add("score " + c.score());
		lines.add("version " + (c.version()));
		return String.join("\n", lines);
	}

	private static @Nullable Date date(@Nullable LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	/** A commitment with its parties (by when each party was added to the list), in one row. */
	static final String COLUMNS = """
			c.id, c.meeting, c.text::text AS text_json, c.due_on, c.status, c.score, c.created_at, c.updated_at,
			  c.version, ARRAY(SELECT cp.party FROM dialogue.commitment_party cp JOIN dialogue.party p ON p.id = cp.party
			    WHERE cp.commitment = c.id ORDER BY p.created_at, p.id) AS parties""";

	static final String SELECT = "SELECT " + COLUMNS + " FROM dialogue.commitment c";

	Commitment row(ResultSet rs, int n) throws SQLException {
		UUID[] responsible = (UUID[]) rs.getArray("parties").getArray();
		return new Commitment(rs.getObject("id", UUID.class), rs.getObject("meeting", UUID.class),
				Texts.read(json, rs.getString("text_json")), rs.getObject("due_on", LocalDate.class),
				CommitmentStatus.valueOf(rs.getString("status")), rs.getInt("score"), Arrays.asList(responsible),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}
}
