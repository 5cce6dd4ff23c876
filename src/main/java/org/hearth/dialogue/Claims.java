package org.hearth.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims and what is said about them. Every change of a commitment's status or score is a claim by the secretariat,
 * with its statement; observers verify it or dispute it with a note, each observer once; each party may add its
 * own statement, recorded by the secretariat on its behalf. Nothing here is ever changed or deleted: both sides'
 * words stay on the record, beside the claim.
 */
@Service
public class Claims {

	static final int STATEMENT_MAX = 2000;
	static final int NOTE_MAX = 2000;
	static final int PARTY_STATEMENT_MAX = 4000;

	private final JdbcClient jdbc;
	private final Parties parties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Claims(JdbcClient jdbc, Parties parties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.parties = parties;
		this.events = events;
		this.clock = clock;
	}

	/** What a claim is about: a new status, or a new implementation score. */
	public enum Kind {
		STATUS, SCORE
	}

	/**
	 * The secretariat's claim that the commitment stands at {@code status} and {@code score}.
	 *
	 * @param role the role of who made it, never a name
	 */
	public record Claim(UUID id, UUID commitment, Kind kind, CommitmentStatus status, int score,
			@Nullable CommitmentStatus previousStatus, @Nullable Integer previousScore, String statement, String role,
			Instant claimedAt) {
	}

	/** An observer's finding, by role only: which observer is never shown. */
	public record Finding(UUID id, UUID claim, Verdict verdict, @Nullable String note, Instant foundAt) {
	}

	/** A party's statement on a claim. */
	public record Statement(UUID id, UUID claim, UUID party, String text, String role, Instant recordedAt) {
	}

	/** A commitment's claims, oldest first. */
	public List<Claim> claims(UUID commitment) {
		return jdbc.sql("SELECT * FROM dialogue.claim WHERE commitment = ? ORDER BY seq").param(commitment)
				.query(Claims::row).list();
	}

	public Claim claim(UUID id) {
		return jdbc.sql("SELECT * FROM dialogue.claim WHERE id = ?").param(id).query(Claims::row).optional()
				.orElseThrow(NotFoundException::new);
	}

	/** The findings on the claims of a commitment, oldest first. */
	public List<Finding> findings(UUID commitment) {
		return jdbc.sql("""
				SELECT f.* FROM dialogue.finding f JOIN dialogue.claim c ON c.id = f.claim WHERE c.commitment = ?
				ORDER BY f.found_at, f.id""").param(commitment)
				.query((rs, n) -> new Finding(rs.getObject("id", UUID.class), rs.getObject("claim", UUID.class),
						Verdict.valueOf(rs.getString("verdict")), rs.getString("note"),
						rs.getTimestamp("found_at").toInstant()))
				.list();
	}

	/** The parties' statements on the claims of a commitment, oldest first. */
	public List<Statement> statements(UUID commitment) {
		return jdbc.sql("""
				SELECT s.* FROM dialogue.statement s JOIN dialogue.claim c ON c.id = s.claim WHERE c.commitment = ?
				ORDER BY s.recorded_at, s.id""").param(commitment)
				.query((rs, n) -> new Statement(rs.getObject("id", UUID.class), rs.getObject("claim", UUID.class),
						rs.getObject("party", UUID.class), rs.getString("text"), rs.getString("role"),
						rs.getTimestamp("recorded_at").toInstant()))
				.list();
	}

	/** The claims of a commitment on which {@code observer} has given a finding: they may not give another. */
	public Set<UUID> ruledBy(CurrentUser observer, UUID commitment) {
		return new HashSet<>(jdbc.sql("""
				SELECT f.claim FROM dialogue.finding f JOIN dialogue.claim c ON c.id = f.claim
				WHERE c.commitment = ? AND f.observer = ?""").params(commitment, observer.uuid())
				.query(UUID.class).list());
	}

	/** The claims of a commitment that {@code user} made: nobody verifies their own. */
	public Set<UUID> madeBy(CurrentUser user, UUID commitment) {
		return new HashSet<>(jdbc.sql("SELECT id FROM dialogue.claim WHERE commitment = ? AND claimed_by = ?")
				.params(commitment, user.uuid()).query(UUID.class).list());
	}

	/** The observer confirms the claim; a note is optional. */
	@Transactional
	public Finding verify(CurrentUser observer, UUID claim, @Nullable String note) {
		return find(Actor.of(observer), claim, Verdict.VERIFIED, note, clock.instant());
	}

	/** The observer contests the claim; the note, required, is shown beside the claim for everyone. */
	@Transactional
	public Finding dispute(CurrentUser observer, UUID claim, String note) {
		return find(Actor.of(observer), claim, Verdict.DISPUTED, note, clock.instant());
	}

	/**
	 * A finding on the claim: by an observer only (checked here, whatever the page did), never on one's own claim,
	 * once per observer and claim; a dispute with its note.
	 */
	Finding find(Actor actor, UUID claimId, Verdict verdict, @Nullable String note, Instant at) {
		actor.requireObserver();
		Claim claim = claim(claimId);
		String text = verdict == Verdict.DISPUTED ? disputeNote(note)
				: Texts.optional(note, "dialogue.field.note", NOTE_MAX);
		boolean own = jdbc.sql("SELECT claimed_by = ? FROM dialogue.claim WHERE id = ?").params(actor.id(), claimId)
				.query(Boolean.class).single();
		if (own) {
			throw new RuleViolationException("dialogue.error.own-claim");
		}
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM dialogue.finding WHERE claim = ? AND observer = ?)")
				.params(claimId, actor.id()).query(Boolean.class).single()) {
			throw new RuleViolationException("dialogue.error.already-found");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					INSERT INTO dialogue.finding (id, claim, verdict, note, observer, role, found_at)
					VALUES (?, ?, ?, ?, ?, 'OBSERVER', ?)""")
					.params(id, claimId, verdict.name(), text, actor.id(), Timestamp.from(at)).update();
		}
		catch (DuplicateKeyException twice) {
			// The same observer's second click, or a second tab, at the same moment.
			throw new RuleViolationException("dialogue.error.already-found");
		}
		String action = verdict == Verdict.VERIFIED ? "verified" : "disputed";
		events.publishEvent(DialogueChanged.of(actor, claim.commitment(), action, at, "commitment " + claim.commitment(),
				"claim " + claimId, "finding " + id, "verdict " + verdict.name(),
				"note-sha256 " + (text == null ? "-" : DialogueChanged.sha256(text)), "at " + at));
		return new Finding(id, claimId, verdict, text, at);
	}

	private static String disputeNote(@Nullable String note) {
		if (note == null || note.isBlank()) {
			throw new RuleViolationException("dialogue.error.dispute-note");
		}
		return Texts.required(note, "dialogue.field.note", NOTE_MAX);
	}

	/** A party's statement on the claim, recorded by the secretariat on the party's behalf. */
	@Transactional
	public Statement addStatement(CurrentUser staff, UUID claim, UUID party, String text) {
		return addStatement(Actor.of(staff), claim, party, text, clock.instant());
	}

	Statement addStatement(Actor actor, UUID claimId, UUID party, String text, Instant at) {
		actor.requireSecretariat();
		Claim claim = claim(claimId);
		if (parties.find(party).isEmpty()) {
			throw new RuleViolationException("dialogue.error.choose-party");
		}
		String said = Texts.required(text, "dialogue.field.statement", PARTY_STATEMENT_MAX);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dialogue.statement (id, claim, party, text, recorded_by, role, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, claimId, party, said, actor.id(), actor.role(), Timestamp.from(at)).update();
		events.publishEvent(DialogueChanged.of(actor, claim.commitment(), "statement", at,
				"commitment " + claim.commitment(), "claim " + claimId, "statement " + id, "party " + party,
				"text-sha256 " + DialogueChanged.sha256(said), "at " + at));
		return new Statement(id, claimId, party, said, actor.role(), at);
	}

	/** Records a claim for a change the commitment just went through; the caller logs the change. */
	Claim record(Actor actor, Commitment before, Commitment after, Kind kind, String statement, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dialogue.claim (id, commitment, kind, status, score, previous_status, previous_score,
				  statement, claimed_by, role, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, after.id(), kind.name(), after.status().name(), after.score(), before.status().name(),
						before.score(), statement, actor.id(), actor.role(), Timestamp.from(at))
				.update();
		return claim(id);
	}

	/** Where each of the claims stands with the observers. */
	java.util.Map<UUID, Verification> verifications(Collection<UUID> claims) {
		java.util.Map<UUID, Set<Verdict>> verdicts = new java.util.HashMap<>();
		claims.forEach(c -> verdicts.put(c, new HashSet<>()));
		if (!claims.isEmpty()) {
			jdbc.sql("SELECT claim, verdict FROM dialogue.finding WHERE claim IN (:claims)")
					.param("claims", List.copyOf(claims))
					.query((rs, n) -> verdicts.get(rs.getObject(1, UUID.class)).add(Verdict.valueOf(rs.getString(2))))
					.list();
		}
		java.util.Map<UUID, Verification> result = new java.util.HashMap<>();
		verdicts.forEach((claim, found) -> result.put(claim, Verification.of(found)));
		return result;
	}

	static Claim row(ResultSet rs, int n) throws SQLException {
		String previousStatus = rs.getString("previous_status");
		int previousScore = rs.getInt("previous_score");
		boolean noPreviousScore = rs.wasNull();
		return new Claim(rs.getObject("id", UUID.class), rs.getObject("commitment", UUID.class),
				Kind.valueOf(rs.getString("kind")), CommitmentStatus.valueOf(rs.getString("status")),
				rs.getInt("score"), previousStatus == null ? null : CommitmentStatus.valueOf(previousStatus),
				noPreviousScore ? null : previousScore, rs.getString("statement"), rs.getString("role"),
				rs.getTimestamp("claimed_at").toInstant());
	}
}
