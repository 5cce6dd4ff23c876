package org.hearth.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Likely duplicates in the registry: found by {@link DuplicateFinder}, decided by a caseworker. Merging keeps both
 * records — the merged one points to the survivor — so that a merge can always be explained and, by a new
 * decision, undone; a pair once decided is not proposed again.
 */
@Service
public class Duplicates {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;

	Duplicates(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	public enum Status {
		OPEN, MERGED, DISMISSED
	}

	public record Duplicate(long id, UUID first, UUID second, double score, Set<DuplicateFinder.Reason> reasons,
			Status status, @Nullable UUID survivor, @Nullable String explanation, @Nullable Decision decision) {
	}

	/**
	 * Who decided about a pair and when: the account, and the role and office it acted in, as the access log keeps
	 * them; role and office are unknown for decisions taken before they were kept.
	 */
	public record Decision(UUID by, @Nullable String role, @Nullable String office, Instant at) {
	}

	/**
	 * Runs the finder over every person not merged away and stores the pairs not known yet.
	 *
	 * @return how many new pairs were proposed
	 */
	@Transactional
	public int detect() {
		List<DuplicateFinder.Candidate> persons = jdbc.sql("""
				SELECT id, given_key, family_key, birth_date, birth_place_key FROM registry.person
				WHERE merged_into IS NULL""").query((rs, row) -> {
					Date born = rs.getDate("birth_date");
					return new DuplicateFinder.Candidate(rs.getObject("id", UUID.class), rs.getString("given_key"),
							rs.getString("family_key"), born == null ? null : born.toLocalDate(),
							rs.getString("birth_place_key"));
				}).list();
		List<DuplicateFinder.Pair> pairs = DuplicateFinder.find(persons);
		Timestamp now = Timestamp.from(clock.instant());
		int[][] inserted = batch.batchUpdate("""
				INSERT INTO registry.duplicate (first_id, second_id, score, reasons, found_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (first_id, second_id) DO NOTHING""", pairs, 1000, (ps, pair) -> {
					ps.setObject(1, pair.first());
					ps.setObject(2, pair.second());
					ps.setDouble(3, pair.score());
					ps.setArray(4, ps.getConnection().createArrayOf("text",
							pair.reasons().stream().map(Enum::name).sorted().toArray()));
					ps.setTimestamp(5, now);
				});
		return Arrays.stream(inserted).flatMapToInt(Arrays::stream).map(n -> Math.max(n, 0)).sum();
	}

	/**
	 * An open pair seen from one of its records: {@code person} is among those asked about, {@code other} is not,
	 * and {@code otherHousehold} is the household the other record is in.
	 */
	public record OpenPair(long id, UUID person, UUID other, UUID otherHousehold, double score) {
	}

	/**
	 * The pairs not decided yet that join one of {@code persons} to a person outside them, most likely first: what
	 * another module checks before it treats two households as different (an aid distribution, for one).
	 */
	public List<OpenPair> openPairsTouching(java.util.Collection<UUID> persons) {
		if (persons.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				WITH asked (id) AS (SELECT unnest(CAST(:persons AS uuid[])))
				SELECT d.id, d.score,
				  CASE WHEN d.first_id IN (SELECT id FROM asked) THEN d.first_id ELSE d.second_id END AS person,
				  o.id AS other, o.household_id
				FROM registry.duplicate d
				JOIN registry.person o ON o.id = CASE WHEN d.first_id IN (SELECT id FROM asked) THEN d.second_id
				  ELSE d.first_id END
				WHERE d.status = 'OPEN' AND (d.first_id IN (SELECT id FROM asked) OR d.second_id IN (SELECT id FROM asked))
				  AND o.id NOT IN (SELECT id FROM asked)
				ORDER BY d.score DESC, d.id""")
				.param("persons", persons.stream().map(UUID::toString).toArray(String[]::new))
				.query((rs, row) -> new OpenPair(rs.getLong("id"), rs.getObject("person", UUID.class),
						rs.getObject("other", UUID.class), rs.getObject("household_id", UUID.class),
						rs.getDouble("score")))
				.list();
	}

	/** Open pairs, most likely first. */
	public List<Duplicate> open(int limit) {
		return jdbc.sql("SELECT * FROM registry.duplicate WHERE status = 'OPEN' ORDER BY score DESC, id LIMIT ?")
				.param(limit).query((rs, row) -> duplicate(rs)).list();
	}

	public Duplicate get(long id) {
		return jdbc.sql("SELECT * FROM registry.duplicate WHERE id = ?").param(id).query((rs, row) -> duplicate(rs))
				.optional().orElseThrow(NotFoundException::new);
	}

	/** The two records are one person: {@code survivor} (one of the pair) stays, the other points to it. */
	@Transactional
	public Duplicate merge(CurrentUser staff, long id, UUID survivor, String explanation) {
		Duplicate pair = decidable(id, explanation);
		if (!survivor.equals(pair.first()) && !survivor.equals(pair.second())) {
			throw new RuleViolationException("registry.error.survivor");
		}
		UUID merged = survivor.equals(pair.first()) ? pair.second() : pair.first();
		jdbc.sql("UPDATE registry.person SET merged_into = ? WHERE id = ? AND merged_into IS NULL").param(survivor)
				.param(merged).update();
		decide(staff, id, Status.MERGED, survivor, explanation);
		return get(id);
	}

	/** The two records are different people. */
	@Transactional
	public Duplicate dismiss(CurrentUser staff, long id, String explanation) {
		decidable(id, explanation);
		decide(staff, id, Status.DISMISSED, null, explanation);
		return get(id);
	}

	private Duplicate decidable(long id, String explanation) {
		Duplicate pair = jdbc.sql("SELECT * FROM registry.duplicate WHERE id = ? FOR UPDATE").param(id)
				.query((rs, row) -> duplicate(rs)).optional().orElseThrow(NotFoundException::new);
		if (pair.status() != Status.OPEN) {
			throw new ConflictException("registry.error.already-decided");
		}
		if (explanation.isBlank()) {
			throw new RuleViolationException("registry.error.explanation-required");
		}
		return pair;
	}

	private void decide(CurrentUser staff, long id, Status status, @Nullable UUID survivor, String explanation) {
		jdbc.sql("""
				UPDATE registry.duplicate SET status = ?, survivor_id = ?, decided_by = ?, decided_role = ?,
				  decided_office = ?, decided_at = ?, explanation = ?
				WHERE id = ?""").param(status.name()).param(survivor).param(staff.uuid())
				.param(Registry.staffRole(staff)).param(staff.office().map(OfficeId::code).orElse(null))
				.param(Timestamp.from(Instant.now(clock))).param(explanation.strip()).param(id).update();
	}

	private static Duplicate duplicate(java.sql.ResultSet rs) throws java.sql.SQLException {
		String[] reasons = (String[]) rs.getArray("reasons").getArray();
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new Duplicate(rs.getLong("id"), rs.getObject("first_id", UUID.class),
				rs.getObject("second_id", UUID.class), rs.getDouble("score"),
				Arrays.stream(reasons).map(DuplicateFinder.Reason::valueOf).collect(Collectors.toUnmodifiableSet()),
				Status.valueOf(rs.getString("status")), rs.getObject("survivor_id", UUID.class),
				rs.getString("explanation"), decidedAt == null ? null
						: new Decision(rs.getObject("decided_by", UUID.class), rs.getString("decided_role"),
								rs.getString("decided_office"), decidedAt.toInstant()));
	}
}
