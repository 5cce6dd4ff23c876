package org.hearth.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading the commitments as the public tracker and the observer's workspace do: each commitment with the claim
 * it stands on and where that claim is with the observers, and each commitment's whole record. A status is shown
 * as verified only when the latest claim is verified; nothing here names a participant unless the reader is the
 * secretariat.
 */
@Service
public class Tracker {

	private final JdbcClient jdbc;
	private final Commitments commitments;
	private final Claims claims;
	private final Meetings meetings;
	private final WorkingGroups groups;
	private final Parties parties;

	Tracker(JdbcClient jdbc, Commitments commitments, Claims claims, Meetings meetings, WorkingGroups groups,
			Parties parties) {
		this.jdbc = jdbc;
		this.commitments = commitments;
		this.claims = claims;
		this.meetings = meetings;
		this.groups = groups;
		this.parties = parties;
	}

	/** Which commitments to list; a null field does not filter. */
	public record Filter(@Nullable CommitmentStatus status, @Nullable UUID party, @Nullable Integer score) {

		public static Filter all() {
			return new Filter(null, null, null);
		}
	}

	/**
	 * A claim and where it stands with the observers.
	 *
	 * @param verified how many observers verified it
	 * @param disputed how many disputed it
	 */
	public record ClaimState(Claims.Claim claim, Verification verification, int verified, int disputed) {
	}

	/**
	 * A commitment as the tracker lists it.
	 *
	 * @param latest the latest claim, on which the shown status and score stand; null before the first change
	 * @param verification the latest claim's: unverified when there is none
	 * @param overdue due before today and not yet carried out
	 */
	public record Tracked(Commitment commitment, LocalDate meetingOn, @Nullable ClaimState latest,
			Verification verification, boolean overdue) {
	}

	/** A claim with everything said about it. */
	public record ClaimRecord(Claims.Claim claim, Verification verification, List<Claims.Finding> findings,
			List<Claims.Statement> statements) {
	}

	/** A meeting with its participants and documents as the reader may see them. */
	public record MeetingRecord(Meetings.Meeting meeting, List<Meetings.Participant> participants,
			List<Meetings.MeetingDocument> documents) {
	}

	/** A commitment's whole record, claims newest first. */
	public record CommitmentRecord(Tracked tracked, MeetingRecord meeting, List<Parties.Party> parties,
			List<ClaimRecord> claims, List<Commitments.HistoryEntry> history, List<Commitments.Evidence> evidence) {
	}

	/** A claim an observer has not yet given a finding on, with its commitment. */
	public record ToCheck(Claims.Claim claim, Commitment commitment, ClaimState state, boolean latest) {
	}

	/** A working group with its members as observers see them (affiliations, no names). */
	public record GroupRecord(WorkingGroups.WorkingGroup group, List<WorkingGroups.Member> members,
			List<UUID> meetings) {
	}

	/**
	 * Everything an observer may see of the dialogue, in one: commitments with their latest claims, meetings with
	 * participants by affiliation and role and the documents shared with observers, working groups, parties.
	 */
	public record ObserverView(List<Tracked> commitments, List<MeetingRecord> meetings, List<GroupRecord> groups,
			List<Parties.Party> parties) {
	}

	/** The commitments that match, in the order of the meetings that produced them. */
	public List<Tracked> commitments(Filter filter) {
		LocalDate today = commitments.today();
		List<Tracked> rows = jdbc.sql("SELECT " + Commitments.COLUMNS + """
				, m.starts_on FROM dialogue.commitment c JOIN dialogue.meeting m ON m.id = c.meeting
				WHERE (:status::text IS NULL OR c.status = :status)
				  AND (:party::uuid IS NULL OR EXISTS (SELECT 1 FROM dialogue.commitment_party x
				    WHERE x.commitment = c.id AND x.party = :party))
				  AND (:score::int IS NULL OR c.score = :score)
				ORDER BY m.starts_on, c.created_at, c.id""")
				.param("status", filter.status() == null ? null : filter.status().name()).param("party", filter.party())
				.param("score", filter.score())
				.query((rs, n) -> new Tracked(commitments.row(rs, n), rs.getObject("starts_on", LocalDate.class),
						null, Verification.UNVERIFIED, false))
				.list();
		Map<UUID, ClaimState> latest = latestClaims(rows.stream().map(t -> t.commitment().id()).toList());
		return rows.stream().map(t -> {
			ClaimState state = latest.get(t.commitment().id());
			return new Tracked(t.commitment(), t.meetingOn(), state,
					state == null ? Verification.UNVERIFIED : state.verification(), t.commitment().overdue(today));
		}).toList();
	}

	/** The commitment's whole record as {@code audience} may see it. */
	public CommitmentRecord record(UUID id, Audience audience) {
		Commitment commitment = commitments.commitment(id);
		Meetings.Meeting meeting = meetings.meeting(commitment.meeting());
		List<Claims.Claim> all = claims.claims(id);
		Map<UUID, Verification> verifications = claims.verifications(all.stream().map(Claims.Claim::id).toList());
		List<Claims.Finding> findings = claims.findings(id);
		List<Claims.Statement> statements = claims.statements(id);
		List<ClaimRecord> records = new ArrayList<>();
		for (int i = all.size() - 1; i >= 0; i--) {
			Claims.Claim claim = all.get(i);
			records.add(new ClaimRecord(claim, verifications.get(claim.id()),
					findings.stream().filter(f -> f.claim().equals(claim.id())).toList(),
					statements.stream().filter(s -> s.claim().equals(claim.id())).toList()));
		}
		ClaimState latest = records.isEmpty() ? null : state(records.get(0));
		Tracked tracked = new Tracked(commitment, meeting.startsOn(), latest,
				latest == null ? Verification.UNVERIFIED : latest.verification(), commitment.overdue(commitments.today()));
		List<Parties.Party> responsible = commitment.parties().stream().map(parties::party).toList();
		return new CommitmentRecord(tracked, meeting(meeting, audience), responsible, records,
				commitments.history(id), commitments.evidence(id, audience));
	}

	/** A meeting with its participants and documents as {@code audience} may see them. */
	public MeetingRecord meeting(Meetings.Meeting meeting, Audience audience) {
		return new MeetingRecord(meeting, meetings.participants(meeting.id(), audience),
				meetings.documents(meeting.id(), audience));
	}

	/**
	 * The claims {@code observer} may still give a finding on: not their own, not yet found on by them; the latest
	 * claim of each commitment first, then the older ones, newest first.
	 */
	public List<ToCheck> toCheck(CurrentUser observer) {
		List<ClaimState> open = jdbc.sql(CLAIM_STATES + """
				 WHERE cl.claimed_by <> :me AND NOT EXISTS (
				  SELECT 1 FROM dialogue.finding f WHERE f.claim = cl.id AND f.observer = :me)
				ORDER BY cl.seq DESC""").param("me", observer.uuid()).query(Tracker::stateRow).list();
		Map<UUID, UUID> latestOf = new java.util.HashMap<>();
		jdbc.sql("SELECT DISTINCT ON (commitment) commitment, id FROM dialogue.claim ORDER BY commitment, seq DESC")
				.query((rs, n) -> latestOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
		Map<UUID, Commitment> byId = new java.util.HashMap<>();
		List<ToCheck> latestFirst = new ArrayList<>();
		List<ToCheck> older = new ArrayList<>();
		for (ClaimState state : open) {
			Claims.Claim claim = state.claim();
			Commitment commitment = byId.computeIfAbsent(claim.commitment(), commitments::commitment);
			boolean latest = claim.id().equals(latestOf.get(claim.commitment()));
			(latest ? latestFirst : older).add(new ToCheck(claim, commitment, state, latest));
		}
		latestFirst.addAll(older);
		return latestFirst;
	}

	/** Everything an observer may see, with no personal data in it. */
	public ObserverView observerView() {
		List<MeetingRecord> all = meetings.meetings().stream().map(m -> meeting(m, Audience.OBSERVER)).toList();
		List<GroupRecord> workingGroups = groups.groups().stream()
				.map(g -> new GroupRecord(g, groups.members(g.id(), Audience.OBSERVER),
						meetings.ofGroup(g.id()).stream().map(Meetings.Meeting::id).toList()))
				.toList();
		return new ObserverView(commitments(Filter.all()), all, workingGroups, parties.parties());
	}

	/** How many commitments stand at each status, every status present (zero where none). */
	public Map<CommitmentStatus, Integer> countsByStatus() {
		Map<CommitmentStatus, Integer> counts = new EnumMap<>(CommitmentStatus.class);
		for (CommitmentStatus status : CommitmentStatus.values()) {
			counts.put(status, 0);
		}
		jdbc.sql("SELECT status, count(*) FROM dialogue.commitment GROUP BY status")
				.query((rs, n) -> counts.put(CommitmentStatus.valueOf(rs.getString(1)), rs.getInt(2))).list();
		return counts;
	}

	private Map<UUID, ClaimState> latestClaims(List<UUID> ids) {
		Map<UUID, ClaimState> states = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT DISTINCT ON (cl.commitment) " + CLAIM_STATES.substring("SELECT ".length()) + """
					 WHERE cl.commitment IN (:ids) ORDER BY cl.commitment, cl.seq DESC""").param("ids", ids)
					.query(Tracker::stateRow).list().forEach(state -> states.put(state.claim().commitment(), state));
		}
		return states;
	}

	/** Claims with how many observers verified and disputed each. */
	private static final String CLAIM_STATES = """
			SELECT cl.*,
			  (SELECT count(*) FROM dialogue.finding f WHERE f.claim = cl.id AND f.verdict = 'VERIFIED') AS verified,
			  (SELECT count(*) FROM dialogue.finding f WHERE f.claim = cl.id AND f.verdict = 'DISPUTED') AS disputed
			FROM dialogue.claim cl
			""";

	private static ClaimState stateRow(ResultSet rs, int n) throws SQLException {
		int verified = rs.getInt("verified");
		int disputed = rs.getInt("disputed");
		return new ClaimState(Claims.row(rs, n), Verification.of(verified, disputed), verified, disputed);
	}

	private static ClaimState state(ClaimRecord record) {
		int verified = (int) record.findings().stream().filter(f -> f.verdict() == Verdict.VERIFIED).count();
		int disputed = (int) record.findings().stream().filter(f -> f.verdict() == Verdict.DISPUTED).count();
		return new ClaimState(record.claim(), record.verification(), verified, disputed);
	}
}
