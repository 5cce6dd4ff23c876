package org.hearth.applications;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hearth.identity.OfficeId;
import org.hearth.identity.Offices;
import org.hearth.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public check of a letter's code: whether it is genuine, what kind of document it is, when and by which
 * office it was issued, and the holder's initials — nothing more personal, so that a code found on the street
 * reveals almost nothing.
 */
@Service
public class Verification {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Offices offices;
	private final DisplayZone zone;

	Verification(JdbcClient jdbc, JsonMapper json, Offices offices, DisplayZone zone) {
		this.jdbc = jdbc;
		this.json = json;
		this.offices = offices;
		this.zone = zone;
	}

	public enum Kind {
		RESIDENCE_PERMIT, REFUSAL
	}

	/**
	 * @param superseded a later decision (on appeal) replaced this one
	 * @param validUntil for a permit, the last day it is valid
	 */
	public record Result(String code, Kind kind, LocalDate issued, String office, String initials,
			@Nullable LocalDate validUntil, boolean superseded) {
	}

	/** The decision behind a code as typed; empty if there is none. */
	public Optional<Result> verify(String typed, Locale locale) {
		return Codes.normalizeVerificationCode(typed).flatMap(code -> jdbc.sql("""
				SELECT d.outcome, d.decided_at, d.office, d.permit_valid_until, a.answers::text AS answers,
				  EXISTS (SELECT 1 FROM applications.decision later
				          WHERE later.application_id = d.application_id AND later.round > d.round) AS superseded
				FROM applications.decision d JOIN applications.application a ON a.id = d.application_id
				WHERE d.verification_code = ?""").param(code)
				.query((rs, row) -> new Result(code,
						"APPROVE".equals(rs.getString("outcome")) ? Kind.RESIDENCE_PERMIT : Kind.REFUSAL,
						LocalDate.ofInstant(rs.getTimestamp("decided_at").toInstant(), zone.zone()),
						rs.getString("office") == null ? "" : offices.name(new OfficeId(rs.getString("office"))).in(locale),
						initials(json.readValue(rs.getString("answers"), Map.class)),
						ApplicationRepository.date(rs, "permit_valid_until"), rs.getBoolean("superseded")))
				.optional());
	}

	/** "A. P." from the Latin spelling of the applicant's name. */
	static String initials(Map<?, ?> answers) {
		if (answers.get("name") instanceof Map<?, ?> name && name.get("latin") instanceof String latin) {
			var out = new StringBuilder();
			for (String part : latin.strip().split("[\\s-]+")) {
				if (!part.isEmpty()) {
					out.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append(". ");
				}
			}
			return out.toString().strip();
		}
		return "";
	}
}
