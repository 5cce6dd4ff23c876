package org.hearth.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hearth.aid.Facilities;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents as reported: what, when, where, from which source, and what it concerns (heritage sites of the register,
 * aid facilities). Observers and the dialogue secretariat record them; only observers verify, dispute or find them
 * unfounded, along {@link Verification}'s lifecycle, each change in the history with who (by role), when and why.
 * The facts of an incident are never edited, here or in the database. The description and the source may name
 * people: they are for staff only, and the public summary counts incidents by kind, month and status alone.
 */
@Service
public class Incidents {

	/** The most incidents a list shows; the filters narrow it down. */
	public static final int LIMIT = 200;

	static final int DESCRIPTION_MAX = 4000;
	static final int SOURCE_MAX = 500;
	static final int NOTE_MAX = 2000;

	/** Incidents further back than this are almost certainly a typing error in the year. */
	static final int YEARS_BACK = 10;

	private final JdbcClient jdbc;
	private final Gazetteer gazetteer;
	private final Region region;
	private final HeritageSites sites;
	private final Facilities facilities;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	Incidents(JdbcClient jdbc, Gazetteer gazetteer, Region region, HeritageSites sites, Facilities facilities,
			ApplicationEventPublisher events, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.region = region;
		this.sites = sites;
		this.facilities = facilities;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * An incident as reported. {@code reportedAt} is when the report reached whoever records it, at or after
	 * {@code occurredAt}; {@code sites} are heritage sites of the register, {@code facilities} aid facilities.
	 */
	public record NewIncident(IncidentKind kind, Instant occurredAt, Instant reportedAt, String settlement,
			@Nullable Coordinates coordinates, String description, SourceKind sourceKind,
			@Nullable String sourceReference, List<UUID> sites, List<UUID> facilities) {

		public NewIncident {
			sites = List.copyOf(sites);
			facilities = List.copyOf(facilities);
		}
	}

	/** An incident as staff read it; {@code description} and {@code sourceReference} never leave the staff pages. */
	public record Incident(UUID id, IncidentKind kind, Instant occurredAt, Instant reportedAt, String settlement,
			@Nullable Coordinates coordinates, String description, SourceKind sourceKind,
			@Nullable String sourceReference, Verification status, String recordedRole, Instant recordedAt,
			Instant updatedAt, long version) {
	}

	/** What the incident concerns. */
	public record Links(List<UUID> sites, List<UUID> facilities) {

		public Links {
			sites = List.copyOf(sites);
			facilities = List.copyOf(facilities);
		}
	}

	/** A change of the verification status, with the role of who made it, never a name. */
	public record HistoryEntry(Verification status, @Nullable String note, String role, Instant at) {
	}

	/** Which incidents a list shows; each criterion left out (null) matches all. Dates are of occurrence, inclusive. */
	public record Filter(@Nullable IncidentKind kind, @Nullable Verification status, @Nullable String settlement,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID site) {

		public static final Filter ALL = new Filter(null, null, null, null, null, null);
	}

	/** How many incidents occurred in a month (in {@code HEARTH_TIME_ZONE}). */
	public record MonthCount(YearMonth month, long count) {
	}

	/**
	 * Counts of incidents by kind, by verification status, by kind and status, and by month of occurrence: every
	 * kind and status present, with zero where there were none, and every month of the period. Nothing else of an
	 * incident is in it. {@code year} none for all years.
	 */
	public record Summary(@Nullable Integer year, long total, Map<IncidentKind, Long> byKind,
			Map<Verification, Long> byStatus, Map<IncidentKind, Map<Verification, Long>> byKindAndStatus,
			List<MonthCount> byMonth) {

		public Summary {
			byKind = Collections.unmodifiableMap(new EnumMap<>(byKind));
			byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
			byKindAndStatus = Collections.unmodifiableMap(new EnumMap<>(byKindAndStatus));
			byMonth = List.copyOf(byMonth);
		}
	}

	public Incident incident(UUID id) {
		return jdbc.sql("SELECT * FROM monitoring.incident WHERE id = ?").param(id).query(Incidents::incident)
				.optional().orElseThrow(NotFoundException::new);
	}

	/** The incidents the filter matches, latest occurrence first, at most {@code limit}. */
	public List<Incident> incidents(Filter filter, int limit) {
		ZoneId z = zone.zone();
		return jdbc.sql("""
				SELECT * FROM monitoring.incident i
				WHERE (:kind::text IS NULL OR kind = :kind) AND (:status::text IS NULL OR status = :status)
				  AND (:settlement::text IS NULL OR settlement = :settlement)
				  AND (:from::timestamptz IS NULL OR occurred_at >= :from)
				  AND (:to::timestamptz IS NULL OR occurred_at < :to)
				  AND (:site::uuid IS NULL OR EXISTS (SELECT 1 FROM monitoring.incident_site s
				    WHERE s.incident = i.id AND s.site = :site))
				ORDER BY occurred_at DESC, id LIMIT :limit""")
				.param("kind", filter.kind() == null ? null : filter.kind().name())
				.param("status", filter.status() == null ? null : filter.status().name())
				.param("settlement", filter.settlement())
				.param("from", filter.from() == null ? null : Timestamp.from(filter.from().atStartOfDay(z).toInstant()))
				.param("to", filter.to() == null ? null
						: Timestamp.from(filter.to().plusDays(1).atStartOfDay(z).toInstant()))
				.param("site", filter.site()).param("limit", limit)
				.query(Incidents::incident).list();
	}

	public Links links(UUID incident) {
		return new Links(
				jdbc.sql("SELECT site FROM monitoring.incident_site WHERE incident = ? ORDER BY site").param(incident)
						.query(UUID.class).list(),
				jdbc.sql("SELECT facility FROM monitoring.incident_facility WHERE incident = ? ORDER BY facility")
						.param(incident).query(UUID.class).list());
	}

	/** The incident's verification history, oldest first: its recording as unverified, then every change. */
	public List<HistoryEntry> history(UUID incident) {
		return jdbc.sql("SELECT * FROM monitoring.incident_history WHERE incident = ? ORDER BY id").param(incident)
				.query((rs, n) -> new HistoryEntry(Verification.valueOf(rs.getString("status")), rs.getString("note"),
						rs.getString("role"), rs.getTimestamp("changed_at").toInstant()))
				.list();
	}

	/** Records an incident, unverified. */
	@Transactional
	public Incident record(CurrentUser staff, NewIncident incident) {
		return record(Actor.of(staff), incident, UUID.randomUUID(), clock.instant());
	}

	/** An incident with, from the secretariat, the personal details that must stay out of its description. */
	@Transactional
	public Incident record(CurrentUser staff, NewIncident incident, @Nullable String confidential) {
		Incident recorded = record(staff, incident);
		if (confidential != null && !confidential.isBlank()) {
			addConfidential(staff, recorded.id(), confidential);
		}
		return recorded;
	}

	/** A personal detail of an incident (who was involved, a witness's contact), kept from observers and the public. */
	public record ConfidentialNote(String note, Instant recordedAt) {
	}

	/**
	 * Adds a personal detail to an incident. Only the dialogue secretariat writes and reads them: observers verify
	 * what happened, not who was there, and never see personal data.
	 */
	@Transactional
	public ConfidentialNote addConfidential(CurrentUser staff, UUID incident, String note) {
		requireSecretariat(staff);
		incident(incident);
		String text = HeritageSites.required(note, DESCRIPTION_MAX, "monitoring.error.confidential");
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO monitoring.incident_confidential (incident, note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?)""").params(incident, text, staff.uuid(), Timestamp.from(now)).update();
		return new ConfidentialNote(text, now);
	}

	/** The incident's personal details, oldest first: the dialogue secretariat only. */
	public List<ConfidentialNote> confidential(CurrentUser staff, UUID incident) {
		requireSecretariat(staff);
		return jdbc.sql("SELECT note, recorded_at FROM monitoring.incident_confidential WHERE incident = ? ORDER BY id")
				.param(incident)
				.query((rs, n) -> new ConfidentialNote(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
	}

	private static void requireSecretariat(CurrentUser staff) {
		if (!staff.has(Role.DIALOGUE_SECRETARIAT)) {
			throw new RuleViolationException("monitoring.error.confidential-secretariat");
		}
	}

	Incident record(Actor actor, NewIncident n, UUID id, Instant now) {
		actor.requireMonitoringStaff();
		if (n.occurredAt().isAfter(now)) {
			throw new RuleViolationException("monitoring.error.occurred-future");
		}
		if (n.occurredAt().isBefore(now.atZone(zone.zone()).minusYears(YEARS_BACK).toInstant())) {
			throw new RuleViolationException("monitoring.error.occurred-too-old", YEARS_BACK);
		}
		if (n.reportedAt().isAfter(now)) {
			throw new RuleViolationException("monitoring.error.reported-future");
		}
		if (n.reportedAt().isBefore(n.occurredAt())) {
			throw new RuleViolationException("monitoring.error.reported-before-occurred");
		}
		if (gazetteer.find(n.settlement()).isEmpty()) {
			throw new RuleViolationException("monitoring.error.unknown-settlement");
		}
		if (n.coordinates() != null) {
			region.check(n.coordinates());
		}
		String description = HeritageSites.required(n.description(), DESCRIPTION_MAX, "monitoring.error.description");
		String source = HeritageSites.optional(n.sourceReference(), SOURCE_MAX, "monitoring.error.source-too-long");
		List<UUID> siteLinks = List.copyOf(new LinkedHashSet<>(n.sites()));
		for (UUID site : siteLinks) {
			if (!sites.exists(site)) {
				throw new RuleViolationException("monitoring.error.unknown-site");
			}
		}
		List<UUID> facilityLinks = List.copyOf(new LinkedHashSet<>(n.facilities()));
		for (UUID facility : facilityLinks) {
			try {
				facilities.facility(facility);
			}
			catch (NotFoundException unknown) {
				throw new RuleViolationException("monitoring.error.unknown-facility");
			}
		}
		jdbc.sql("""
				INSERT INTO monitoring.incident (id, kind, occurred_at, reported_at, settlement, latitude, longitude,
				  description, source_kind, source_reference, status, recorded_by, recorded_role, recorded_at, updated_at,
				  version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNVERIFIED', ?, ?, ?, ?, 0)""")
				.params(id, n.kind().name(), Timestamp.from(n.occurredAt()), Timestamp.from(n.reportedAt()),
						n.settlement(), n.coordinates() == null ? null : n.coordinates().latitude(),
						n.coordinates() == null ? null : n.coordinates().longitude(), description,
						n.sourceKind().name(), source, actor.id(), actor.role(), Timestamp.from(now),
						Timestamp.from(now))
				.update();
		for (UUID site : siteLinks) {
			jdbc.sql("INSERT INTO monitoring.incident_site (incident, site) VALUES (?, ?)").params(id, site).update();
		}
		for (UUID facility : facilityLinks) {
			jdbc.sql("INSERT INTO monitoring.incident_facility (incident, facility) VALUES (?, ?)").params(id, facility)
					.update();
		}
		history(id, Verification.UNVERIFIED, null, actor, now);
		events.publishEvent(MonitoringChanged.by(actor, "incident", id, "recorded", now, n.kind().name(),
				n.occurredAt().toString(), n.reportedAt().toString(), n.settlement(),
				n.coordinates() == null ? "-" : n.coordinates().latitude() + " " + n.coordinates().longitude(),
				"description-sha256 " + MonitoringChanged.sha256(description), n.sourceKind().name(),
				"source-sha256 " + MonitoringChanged.sha256(source), "sites " + sorted(siteLinks),
				"facilities " + sorted(facilityLinks), Verification.UNVERIFIED.name()));
		return incident(id);
	}

	/**
	 * An observer's conclusion about the incident as the page showed it at {@code version}: verified, disputed or
	 * unfounded, as {@link Verification} allows, with a note where it needs one. Anyone but an observer is refused,
	 * whatever the page allowed.
	 */
	@Transactional
	public Incident verify(CurrentUser observer, UUID id, long version, Verification to, @Nullable String note) {
		return verify(Actor.of(observer), id, version, to, note, clock.instant());
	}

	Incident verify(Actor actor, UUID id, long version, Verification to, @Nullable String note, Instant now) {
		actor.requireObserver("monitoring.error.observers-verify");
		String text = HeritageSites.optional(note, NOTE_MAX, "monitoring.error.note-too-long");
		Incident current = jdbc.sql("SELECT * FROM monitoring.incident WHERE id = ? FOR UPDATE").param(id)
				.query(Incidents::incident).optional().orElseThrow(NotFoundException::new);
		if (current.version() != version) {
			throw new ConflictException("monitoring.error.changed-meanwhile");
		}
		Verification next = current.status().changeTo(to, text);
		int changed = jdbc.sql("""
				UPDATE monitoring.incident SET status = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
				.params(next.name(), Timestamp.from(now), id, version).update();
		if (changed == 0) {
			throw new ConflictException("monitoring.error.changed-meanwhile");
		}
		history(id, next, text, actor, now);
		events.publishEvent(MonitoringChanged.by(actor, "incident", id, next.name().toLowerCase(java.util.Locale.ROOT),
				now, current.status().name(), next.name(), "note-sha256 " + MonitoringChanged.sha256(text)));
		return incident(id);
	}

	/** The years in which incidents occurred, latest first: for the summary's choice of year. */
	public List<Integer> years() {
		return jdbc.sql("""
				SELECT DISTINCT extract(year FROM occurred_at AT TIME ZONE ?)::int AS y FROM monitoring.incident
				ORDER BY y DESC""").param(zone.zone().getId()).query(Integer.class).list();
	}

	/**
	 * The counts of incidents that occurred in {@code year}, or in all years: the figures the public summary and the
	 * observers' statistics show. Months run from January (or the first month with an incident) to December (or the
	 * current month).
	 */
	public Summary summary(@Nullable Integer year) {
		String z = zone.zone().getId();
		Map<IncidentKind, Long> byKind = new EnumMap<>(IncidentKind.class);
		Map<Verification, Long> byStatus = new EnumMap<>(Verification.class);
		Map<IncidentKind, Map<Verification, Long>> cross = new EnumMap<>(IncidentKind.class);
		for (IncidentKind k : IncidentKind.values()) {
			byKind.put(k, 0L);
			Map<Verification, Long> row = new EnumMap<>(Verification.class);
			for (Verification v : Verification.values()) {
				row.put(v, 0L);
			}
			cross.put(k, row);
		}
		for (Verification v : Verification.values()) {
			byStatus.put(v, 0L);
		}
		TreeMap<YearMonth, Long> months = new TreeMap<>();
		long[] total = { 0 };
		jdbc.sql("""
				SELECT kind, status, to_char(occurred_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*) AS n
				FROM monitoring.incident
				WHERE (:year::int IS NULL OR extract(year FROM occurred_at AT TIME ZONE :zone) = :year)
				GROUP BY 1, 2, 3""")
				.param("zone", z).param("year", year)
				.query((rs, n) -> {
					IncidentKind kind = IncidentKind.valueOf(rs.getString("kind"));
					Verification status = Verification.valueOf(rs.getString("status"));
					long count = rs.getLong("n");
					byKind.merge(kind, count, Long::sum);
					byStatus.merge(status, count, Long::sum);
					cross.get(kind).merge(status, count, Long::sum);
					months.merge(YearMonth.parse(rs.getString("month")), count, Long::sum);
					total[0] += count;
					return count;
				}).list();
		YearMonth current = YearMonth.now(clock.withZone(zone.zone()));
		List<MonthCount> byMonth = new ArrayList<>();
		@Nullable YearMonth first = year != null ? YearMonth.of(year, 1) : months.isEmpty() ? null : months.firstKey();
		YearMonth last = year != null ? YearMonth.of(year, 12) : current;
		if (last.isAfter(current)) {
			last = current;
		}
		if (first != null) {
			for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
				byMonth.add(new MonthCount(m, months.getOrDefault(m, 0L)));
			}
		}
		return new Summary(year, total[0], byKind, byStatus, cross, byMonth);
	}

	private void history(UUID incident, Verification status, @Nullable String note, Actor actor, Instant at) {
		jdbc.sql("""
				INSERT INTO monitoring.incident_history (incident, status, note, changed_by, role, changed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(incident, status.name(), note, actor.id(), actor.role(), Timestamp.from(at)).update();
	}

	private static String sorted(List<UUID> ids) {
		return ids.stream().map(UUID::toString).sorted().reduce((a, b) -> a + "," + b).orElse("-");
	}

	private static Incident incident(ResultSet rs, int n) throws SQLException {
		return new Incident(rs.getObject("id", UUID.class), IncidentKind.valueOf(rs.getString("kind")),
				rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("reported_at").toInstant(),
				rs.getString("settlement"), HeritageSites.coordinates(rs), rs.getString("description"),
				SourceKind.valueOf(rs.getString("source_kind")), rs.getString("source_reference"),
				Verification.valueOf(rs.getString("status")), rs.getString("recorded_role"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}
}
