package org.hearth.transparency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who opened whose record, when, from which office and why. Every module that shows staff a person's data writes
 * here; the person sees when, which office and why (never the clerk's name), the data protection officer sees
 * everything. Entries are never changed or removed (the database refuses).
 */
@Service
public class AccessLog {

	/** What was done with the record. */
	public enum Action {
		OPEN, DOCUMENT, SEARCH, LETTER
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String subjectType, UUID subjectId, UUID account, String role, @Nullable String office,
			String purpose, Action action) {
		jdbc.sql("""
				INSERT INTO transparency.access (subject_type, subject_id, account_id, role, office, purpose, action, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").param(subjectType).param(subjectId).param(account).param(role)
				.param(office).param(purpose).param(action.name()).param(Timestamp.from(clock.instant())).update();
	}

	/** An access as the person concerned sees it: no account. */
	public record Access(Instant at, String role, @Nullable String office, String purpose, Action action) {
	}

	/** Newest first. */
	public List<Access> of(String subjectType, UUID subjectId) {
		return jdbc.sql("""
				SELECT at, role, office, purpose, action FROM transparency.access
				WHERE subject_type = ? AND subject_id = ? ORDER BY at DESC, id DESC""").param(subjectType)
				.param(subjectId).query((rs, row) -> new Access(rs.getTimestamp("at").toInstant(), rs.getString("role"),
						rs.getString("office"), rs.getString("purpose"), Action.valueOf(rs.getString("action"))))
				.list();
	}

	/** An access with everything the data protection officer needs to investigate. */
	public record FullAccess(long id, Instant at, String subjectType, UUID subjectId, UUID account, String role,
			@Nullable String office, String purpose, Action action) {
	}

	public record Filter(@Nullable UUID account, @Nullable String office, @Nullable Instant from, @Nullable Instant to,
			@Nullable UUID subject) {
	}

	public static final int PAGE_SIZE = 100;

	/** Newest first, a page at a time. */
	public List<FullAccess> search(Filter filter, int page) {
		var sql = new StringBuilder("SELECT * FROM transparency.access WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.account() != null) {
			sql.append(" AND account_id = :account");
			params.put("account", filter.account());
		}
		if (filter.office() != null) {
			sql.append(" AND office = :office");
			params.put("office", filter.office());
		}
		if (filter.subject() != null) {
			sql.append(" AND subject_id = :subject");
			params.put("subject", filter.subject());
		}
		if (filter.from() != null) {
			sql.append(" AND at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
		params.put("limit", PAGE_SIZE + 1);
		params.put("offset", Math.max(0, page) * PAGE_SIZE);
		List<FullAccess> found = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
				.query((rs, row) -> new FullAccess(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
						rs.getString("subject_type"), rs.getObject("subject_id", UUID.class),
						rs.getObject("account_id", UUID.class), rs.getString("role"), rs.getString("office"),
						rs.getString("purpose"), Action.valueOf(rs.getString("action"))))
				.list());
		return found;
	}
}
