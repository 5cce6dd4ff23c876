package org.hearth.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.platform.Suppression;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dated releases of the open data. Every page and download reads a stored release, never the live counts: the
 * figures change only from one release to the next, at most once a day, so that downloading twice and comparing
 * cannot unmask a change of one. A release is never changed; a wrong one is followed by the next.
 */
@Service
public class Releases {

	private static final Logger log = LoggerFactory.getLogger(Releases.class);

	static final String SCHEDULE = "SCHEDULE";

	private final JdbcClient jdbc;
	private final ReleaseBuilder builder;
	private final Suppression suppression;
	private final JsonMapper json;
	private final Clock clock;
	private final DisplayZone zone;

	/** The latest release read, kept while it is the latest: releases never change. */
	private volatile @Nullable Release cached;

	Releases(JdbcClient jdbc, ReleaseBuilder builder, Suppression suppression, JsonMapper json, Clock clock,
			DisplayZone zone) {
		this.jdbc = jdbc;
		this.builder = builder;
		this.suppression = suppression;
		this.json = json;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * A release: the day it was published, the moment its weekly figures count up to, and its tables.
	 *
	 * @param createdBy {@code SCHEDULE}, or the role of who published it
	 */
	public record Release(LocalDate releasedOn, Instant cutoff, int threshold, Instant createdAt, String createdBy,
			List<StatTable> tables) {

		public Release {
			tables = List.copyOf(tables);
		}

		public Optional<StatTable> table(String id) {
			return tables.stream().filter(t -> t.id().equals(id)).findFirst();
		}
	}

	/** A release as the list of releases shows it. */
	public record Dated(LocalDate releasedOn, Instant cutoff, Instant createdAt, String createdBy) {
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	/** Publishes today's release by hand: a statistician, once a day. */
	@Transactional
	public Release publish(CurrentUser statistician) {
		if (!statistician.has(Role.STATISTICIAN)) {
			throw new RuleViolationException("statistics.error.statistician");
		}
		LocalDate today = today();
		if (release(today).isPresent()) {
			throw new RuleViolationException("statistics.error.release-exists", today.toString());
		}
		return insert(today, Role.STATISTICIAN.name()).orElseThrow(
				() -> new RuleViolationException("statistics.error.release-exists", today.toString()));
	}

	/** Today's release if there is none yet; every instance may run this, one release is made. */
	@Scheduled(cron = "${hearth.statistics.release-cron}", zone = "${hearth.time-zone}")
	@Transactional
	public void publishIfMissing() {
		LocalDate today = today();
		if (release(today).isEmpty()) {
			insert(today, SCHEDULE).ifPresent(r -> log.info("Published the statistics release of {}", today));
		}
	}

	Optional<Release> insert(LocalDate day, String by) {
		List<StatTable> tables = builder.build(day);
		Instant cutoff = builder.cutoff(day);
		// As PostgreSQL keeps it, so that the release returned equals the release read back.
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		int inserted = jdbc.sql("""
				INSERT INTO statistics.release (released_on, cutoff, threshold, created_at, created_by, tables)
				VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (released_on) DO NOTHING""")
				.params(Date.valueOf(day), Timestamp.from(cutoff), suppression.threshold(), Timestamp.from(now), by,
						json.writeValueAsString(tables))
				.update();
		return inserted == 0 ? Optional.empty()
				: Optional.of(new Release(day, cutoff, suppression.threshold(), now, by, tables));
	}

	/** The latest release, if any was ever published. */
	public Optional<Release> latest() {
		Optional<LocalDate> latest = jdbc.sql("SELECT max(released_on) FROM statistics.release")
				.query(LocalDate.class).optional();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		Release known = cached;
		if (known != null && known.releasedOn().equals(latest.get())) {
			return Optional.of(known);
		}
		Optional<Release> read = release(latest.get());
		read.ifPresent(r -> cached = r);
		return read;
	}

	public Optional<Release> release(LocalDate day) {
		return jdbc.sql("""
				SELECT released_on, cutoff, threshold, created_at, created_by, tables::text
				FROM statistics.release WHERE released_on = ?""").param(Date.valueOf(day))
				.query((rs, n) -> new Release(rs.getObject(1, LocalDate.class), rs.getTimestamp(2).toInstant(),
						rs.getInt(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
						json.readValue(rs.getString(6), new TypeReference<List<StatTable>>() {
						})))
				.optional();
	}

	/** The releases, newest first. */
	public List<Dated> list(int limit) {
		return jdbc.sql("""
				SELECT released_on, cutoff, created_at, created_by FROM statistics.release
				ORDER BY released_on DESC LIMIT ?""").param(limit)
				.query((rs, n) -> new Dated(rs.getObject(1, LocalDate.class), rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3).toInstant(), rs.getString(4)))
				.list();
	}
}
