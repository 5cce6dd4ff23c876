package org.hearth.monitoring;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.Languages;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observers' findings: what they concluded, on a day, about an incident, a heritage site or a commitment of the
 * dialogue, written in one or more of the four languages, and by which organisation and in which role. Only ever
 * added to: a finding that needs revising is followed by a new one. A commitment is referenced by its id alone; this
 * module does not read the dialogue's records, so that id is not checked.
 */
@Service
public class Findings {

	/** The most findings a list shows. */
	public static final int LIMIT = 200;

	static final int TEXT_MAX = 4000;
	static final int LABEL_MAX = 200;

	private final JdbcClient jdbc;
	private final Incidents incidents;
	private final HeritageSites sites;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	Findings(JdbcClient jdbc, Incidents incidents, HeritageSites sites, ApplicationEventPublisher events,
			DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.sites = sites;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	/** A finding as written: {@code text} in any of the four languages, at least one. */
	public record NewFinding(SubjectKind subjectKind, UUID subject, LocalizedText text, LocalDate foundOn,
			String organisation, String authorRole) {
	}

	public record Finding(UUID id, SubjectKind subjectKind, UUID subject, LocalizedText text, LocalDate foundOn,
			String organisation, String authorRole, String recordedRole, Instant recordedAt) {

		/**
		 * The text in the reader's language if written in it, else in the first language it was written in (in the
		 * order hy, az, ru, en), with that language's code.
		 */
		public Text textFor(Locale locale) {
			String own = text.values().get(locale.getLanguage());
			if (own != null) {
				return new Text(locale.getLanguage(), own);
			}
			return text.values().entrySet().stream().findFirst().map(e -> new Text(e.getKey(), e.getValue()))
					.orElse(new Text(locale.getLanguage(), ""));
		}
	}

	/** A text and the language it is written in. */
	public record Text(String language, String value) {
	}

	public Finding finding(UUID id) {
		return jdbc.sql("SELECT * FROM monitoring.finding WHERE id = ?").param(id).query(Findings::finding).optional()
				.orElseThrow(NotFoundException::new);
	}

	/** Findings, latest first, about one kind of subject and one subject if given. */
	public List<Finding> findings(@Nullable SubjectKind kind, @Nullable UUID subject, int limit) {
		return jdbc.sql("""
				SELECT * FROM monitoring.finding WHERE (:kind::text IS NULL OR subject_kind = :kind)
				  AND (:subject::uuid IS NULL OR subject = :subject)
				ORDER BY found_on DESC, recorded_at DESC, id LIMIT :limit""")
				.param("kind", kind == null ? null : kind.name()).param("subject", subject).param("limit", limit)
				.query(Findings::finding).list();
	}

	/** The organisation and role this person last wrote a finding or an assessment under, to fill in the next. */
	public Optional<Map.Entry<String, String>> lastSignature(CurrentUser observer) {
		return jdbc.sql("""
				SELECT organisation, role FROM (
				  SELECT organisation, author_role AS role, recorded_at FROM monitoring.finding WHERE recorded_by = :who
				  UNION ALL
				  SELECT organisation, assessor_role, recorded_at FROM monitoring.assessment WHERE recorded_by = :who
				) s ORDER BY recorded_at DESC LIMIT 1""")
				.param("who", observer.uuid())
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).optional();
	}

	@Transactional
	public Finding record(CurrentUser observer, NewFinding finding) {
		return record(Actor.of(observer), finding, UUID.randomUUID(), clock.instant());
	}

	Finding record(Actor actor, NewFinding f, UUID id, Instant now) {
		actor.requireObserver("monitoring.error.observers-find");
		switch (f.subjectKind()) {
			case INCIDENT -> {
				try {
					incidents.incident(f.subject());
				}
				catch (NotFoundException unknown) {
					throw new RuleViolationException("monitoring.error.unknown-incident");
				}
			}
			case SITE -> {
				if (!sites.exists(f.subject())) {
					throw new RuleViolationException("monitoring.error.unknown-site");
				}
			}
			case COMMITMENT -> {
				// The dialogue's commitments are not this module's to read: the id is kept as given.
			}
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (String language : Languages.CODES) {
			String text = HeritageSites.optional(f.text().values().get(language), TEXT_MAX,
					"monitoring.error.finding-too-long");
			if (text != null) {
				texts.put(language, text);
			}
		}
		if (texts.isEmpty()) {
			throw new RuleViolationException("monitoring.error.finding-text");
		}
		if (f.foundOn().isAfter(LocalDate.ofInstant(now, zone.zone()))) {
			throw new RuleViolationException("monitoring.error.date-in-future");
		}
		if (f.foundOn().isBefore(HeritageSites.EARLIEST)) {
			throw new RuleViolationException("monitoring.error.date-too-early", HeritageSites.EARLIEST.getYear());
		}
		String organisation = HeritageSites.required(f.organisation(), LABEL_MAX, "monitoring.error.organisation");
		String role = HeritageSites.required(f.authorRole(), LABEL_MAX, "monitoring.error.author-role");
		jdbc.sql("""
				INSERT INTO monitoring.finding (id, subject_kind, subject, text_hy, text_az, text_ru, text_en, found_on,
				  organisation, author_role, recorded_by, recorded_role, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, f.subjectKind().name(), f.subject(), texts.get("hy"), texts.get("az"), texts.get("ru"),
						texts.get("en"), Date.valueOf(f.foundOn()), organisation, role, actor.id(), actor.role(),
						Timestamp.from(now))
				.update();
		events.publishEvent(MonitoringChanged.by(actor, "finding", id, "recorded", now, f.subjectKind().name(),
				f.subject().toString(), f.foundOn().toString(),
				"text-sha256 " + MonitoringChanged.sha256(String.join("\n", texts.values())),
				"organisation-sha256 " + MonitoringChanged.sha256(organisation),
				"role-sha256 " + MonitoringChanged.sha256(role)));
		return finding(id);
	}

	private static Finding finding(ResultSet rs, int n) throws SQLException {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String language : Languages.CODES) {
			String text = rs.getString("text_" + language);
			if (text != null) {
				texts.put(language, text);
			}
		}
		return new Finding(rs.getObject("id", UUID.class), SubjectKind.valueOf(rs.getString("subject_kind")),
				rs.getObject("subject", UUID.class), new LocalizedText(texts), rs.getObject("found_on", LocalDate.class),
				rs.getString("organisation"), rs.getString("author_role"), rs.getString("recorded_role"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
