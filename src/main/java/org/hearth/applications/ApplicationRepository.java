package org.hearth.applications;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.hearth.shared.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the {@link Application} aggregate with explicit SQL. The main row carries an optimistic lock; history,
 * decisions and access records are only ever inserted (the database refuses anything else).
 */
@Repository
class ApplicationRepository {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	/** Keys in order, so that equal content always serializes to equal bytes. */
	private final JsonMapper canonical;

	ApplicationRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.canonical = json.rebuild().enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
				.enable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
	}

	/**
	 * Hex SHA-256 of the application's content as stored: answers, state, requests, recommendations, decisions and
	 * appeal, serialized with ordered keys. The transparency log commits to it, so a later rewrite of any of these
	 * shows.
	 */
	String contentDigest(Application a) {
		var content = new java.util.TreeMap<String, Object>();
		content.put("id", a.id().toString());
		content.put("service", a.serviceCode() + "@" + a.definitionVersion());
		content.put("status", a.status().name());
		content.put("round", a.round());
		content.put("reference", a.reference());
		content.put("office", a.office() == null ? null : a.office().code());
		content.put("settlement", a.settlement());
		content.put("answers", a.answers());
		content.put("informationRequests", a.informationRequests());
		content.put("recommendations", a.recommendations());
		content.put("decisions", a.decisions());
		content.put("appeal", a.appeal());
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(canonical.writeValueAsBytes(content)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Optional<Application> find(ApplicationId id) {
		return jdbc.sql("SELECT * FROM applications.application WHERE id = ?").param(id.id())
				.query((rs, row) -> mainRow(id, rs)).optional().map(this::withChildren);
	}

	/** The main row, read before the children: a draft has none, which spares three queries on every page. */
	private record MainRow(ApplicationId id, AccountId applicant, String serviceCode, int definitionVersion,
			Instant createdAt, String answers, Status status, @Nullable String reference, @Nullable String language,
			@Nullable OfficeId office, @Nullable String settlement, @Nullable Instant submittedAt,
			@Nullable AccountId assignee, int round, List<UUID> excluded, @Nullable Appeal appeal, Instant updatedAt,
			long version) {
	}

	private static MainRow mainRow(ApplicationId id, ResultSet rs) throws SQLException {
		return new MainRow(id, account(rs, "applicant"), rs.getString("service_code"), rs.getInt("definition_version"),
				instant(rs, "created_at"), rs.getString("answers"), Status.valueOf(rs.getString("status")),
				rs.getString("reference"), rs.getString("language"), office(rs, "office"), rs.getString("settlement"),
				instant(rs, "submitted_at"), account(rs, "assignee"), rs.getInt("round"),
				uuids(rs.getArray("excluded_reviewers")),
				rs.getString("appeal_statement") == null ? null
						: new Appeal(rs.getString("appeal_statement"), uuids(rs.getArray("appeal_documents")),
								instant(rs, "appeal_lodged_at")),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

	private Application withChildren(MainRow row) {
		boolean draft = row.status() == Status.DRAFT;
		List<InformationRequest> requests = draft ? List.of() : jdbc.sql("""
				SELECT * FROM applications.information_request WHERE application_id = ? ORDER BY requested_at""")
				.param(row.id().id()).query((rs, n) -> new InformationRequest(rs.getObject("id", UUID.class),
						rs.getInt("round"), rs.getString("message"), instant(rs, "requested_at"), rs.getString("response"),
						uuids(rs.getArray("documents")), instant(rs, "responded_at")))
				.list();
		List<Recommendation> recommendations = draft ? List.of() : jdbc.sql("""
				SELECT * FROM applications.recommendation WHERE application_id = ? ORDER BY recommended_at""")
				.param(row.id().id()).query((rs, n) -> new Recommendation(rs.getObject("id", UUID.class),
						rs.getInt("round"), Outcome.valueOf(rs.getString("outcome")), strings(rs.getArray("reasons")),
						rs.getString("explanation"), account(rs, "recommended_by"), office(rs, "office"),
						instant(rs, "recommended_at"),
						rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")),
						account(rs, "judged_by"), rs.getString("comment"), instant(rs, "judged_at")))
				.list();
		List<Decision> decisions = draft ? List.of() : jdbc
				.sql("SELECT * FROM applications.decision WHERE application_id = ? ORDER BY round")
				.param(row.id().id()).query(ApplicationRepository::decision).list();
		return new Application(row.id(), row.applicant(), row.serviceCode(), row.definitionVersion(), row.createdAt(),
				json.readValue(row.answers(), MAP), row.status(), row.reference(), row.language(), row.office(),
				row.settlement(), row.submittedAt(), row.assignee(), row.round(),
				row.excluded().stream().map(AccountId::new).collect(Collectors.toSet()), requests, recommendations,
				decisions, row.appeal(), row.updatedAt(), row.version());
	}

	/**
	 * Inserts or updates the aggregate and appends its new history.
	 *
	 * @throws ConflictException when someone else saved the application since it was read
	 */
	void save(Application a) {
		String answers = json.writeValueAsString(a.answers());
		// Version 0 is an aggregate never stored (the database's first version is 1).
		if (a.version() == 0) {
			jdbc.sql("""
					INSERT INTO applications.application (id, applicant, service_code, definition_version, answers,
					  status, reference, language, office, settlement, submitted_at, assignee, round, excluded_reviewers,
					  created_at, updated_at, version)
					VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, 1)""")
					.param(a.id().id()).param(a.applicant().id()).param(a.serviceCode()).param(a.definitionVersion())
					.param(answers).param(a.status().name()).param(a.reference()).param(a.language())
					.param(code(a.office())).param(a.settlement()).param(timestamp(a.submittedAt()))
					.param(uuid(a.assignee())).param(a.round()).param(uuidArray(a.excludedReviewers()))
					.param(timestamp(a.createdAt())).param(timestamp(a.updatedAt())).update();
		}
		else {
			int updated = jdbc.sql("""
					UPDATE applications.application SET answers = ?::jsonb, status = ?, reference = ?, language = ?,
					  office = ?, settlement = ?, submitted_at = ?, assignee = ?, round = ?, excluded_reviewers = ?::uuid[],
					  appeal_statement = ?, appeal_documents = ?::uuid[], appeal_lodged_at = ?, updated_at = ?,
					  version = version + 1
					WHERE id = ? AND version = ?""")
					.param(answers).param(a.status().name()).param(a.reference()).param(a.language())
					.param(code(a.office())).param(a.settlement()).param(timestamp(a.submittedAt()))
					.param(uuid(a.assignee())).param(a.round()).param(uuidArray(a.excludedReviewers()))
					.param(a.appeal() == null ? null : a.appeal().statement())
					.param(a.appeal() == null ? null : uuidArray(a.appeal().documents()))
					.param(a.appeal() == null ? null : timestamp(a.appeal().lodgedAt()))
					.param(timestamp(a.updatedAt())).param(a.id().id()).param(a.version()).update();
			if (updated == 0) {
				throw new ConflictException("applications.error.changed-meanwhile");
			}
		}
		for (InformationRequest r : a.informationRequests()) {
			jdbc.sql("""
					INSERT INTO applications.information_request (id, application_id, round, message, requested_at,
					  response, documents, responded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?::uuid[], ?)
					ON CONFLICT (id) DO UPDATE SET response = excluded.response, documents = excluded.documents,
					  responded_at = excluded.responded_at
					WHERE applications.information_request.responded_at IS NULL""")
					.param(r.id()).param(a.id().id()).param(r.round()).param(r.message())
					.param(timestamp(r.requestedAt())).param(r.response()).param(uuidArray(r.documents()))
					.param(timestamp(r.respondedAt())).update();
		}
		for (Recommendation r : a.recommendations()) {
			jdbc.sql("""
					INSERT INTO applications.recommendation (id, application_id, round, outcome, reasons, explanation,
					  recommended_by, office, recommended_at, verdict, judged_by, comment, judged_at)
					VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (id) DO UPDATE SET verdict = excluded.verdict, judged_by = excluded.judged_by,
					  comment = excluded.comment, judged_at = excluded.judged_at
					WHERE applications.recommendation.verdict IS NULL""")
					.param(r.id()).param(a.id().id()).param(r.round()).param(r.outcome().name())
					.param(textArray(r.reasons())).param(r.explanation()).param(r.recommendedBy().id())
					.param(code(r.office())).param(timestamp(r.recommendedAt()))
					.param(r.verdict() == null ? null : r.verdict().name()).param(uuid(r.judgedBy())).param(r.comment())
					.param(timestamp(r.judgedAt())).update();
		}
		for (Decision d : a.decisions()) {
			jdbc.sql("""
					INSERT INTO applications.decision (id, application_id, round, outcome, reasons, explanation,
					  recommended_by, decided_by, office, decided_at, permit_number, permit_valid_from,
					  permit_valid_until, appeal_deadline, verification_code)
					VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (id) DO NOTHING""")
					.param(d.id()).param(a.id().id()).param(d.round()).param(d.outcome().name())
					.param(textArray(d.reasons())).param(d.explanation()).param(d.recommendedBy().id())
					.param(d.decidedBy().id()).param(code(d.office())).param(timestamp(d.decidedAt()))
					.param(d.permitNumber()).param(d.permitValidFrom()).param(d.permitValidUntil())
					.param(d.appealDeadline()).param(d.verificationCode()).update();
		}
		for (HistoryEntry h : a.newHistory()) {
			jdbc.sql("""
					INSERT INTO applications.history (application_id, at, actor_role, actor_office, action, from_status,
					  to_status, reasons, comment, round)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?)""")
					.param(a.id().id()).param(timestamp(h.at())).param(h.role().name()).param(code(h.office()))
					.param(h.action()).param(h.from() == null ? null : h.from().name()).param(h.to().name())
					.param(textArray(h.reasons())).param(h.comment()).param(h.round()).update();
		}
		a.saved();
	}

	Optional<String> reference(ApplicationId id) {
		return jdbc.sql("SELECT reference FROM applications.application WHERE id = ?").param(id.id())
				.query(String.class).optional();
	}

	List<HistoryEntry> history(ApplicationId id) {
		return jdbc.sql("SELECT * FROM applications.history WHERE application_id = ? ORDER BY id").param(id.id())
				.query((rs, row) -> new HistoryEntry(instant(rs, "at"), Role.valueOf(rs.getString("actor_role")),
						office(rs, "actor_office"), rs.getString("action"),
						rs.getString("from_status") == null ? null : Status.valueOf(rs.getString("from_status")),
						Status.valueOf(rs.getString("to_status")), strings(rs.getArray("reasons")),
						rs.getString("comment"), rs.getInt("round")))
				.list();
	}

	static Decision decision(ResultSet rs, int row) throws SQLException {
		return new Decision(rs.getObject("id", UUID.class), rs.getInt("round"), Outcome.valueOf(rs.getString("outcome")),
				strings(rs.getArray("reasons")), rs.getString("explanation"), account(rs, "recommended_by"),
				account(rs, "decided_by"), office(rs, "office"), instant(rs, "decided_at"),
				rs.getString("permit_number"), date(rs, "permit_valid_from"), date(rs, "permit_valid_until"),
				date(rs, "appeal_deadline"), rs.getString("verification_code"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static @Nullable AccountId account(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new AccountId(id);
	}

	static @Nullable OfficeId office(ResultSet rs, String column) throws SQLException {
		String code = rs.getString(column);
		return code == null ? null : new OfficeId(code);
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	static List<UUID> uuids(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable UUID uuid(@Nullable AccountId id) {
		return id == null ? null : id.id();
	}

	private static @Nullable String code(@Nullable OfficeId office) {
		return office == null ? null : office.code();
	}

	private static String uuidArray(java.util.Collection<?> ids) {
		return ids.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
	}

	/** A PostgreSQL text[] literal; every element quoted, quotes and backslashes escaped. */
	static String textArray(List<String> values) {
		return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
				.collect(Collectors.joining(",", "{", "}"));
	}

}
