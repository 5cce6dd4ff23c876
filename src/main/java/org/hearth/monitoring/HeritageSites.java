package org.hearth.monitoring;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.platform.DocumentId;
import org.hearth.platform.DocumentStore;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.ConflictException;
import org.hearth.shared.Languages;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of religious and cultural heritage sites, their condition as dated assessments found it, and the
 * observers' visits. A site is named in all four languages, each community's name for the place. Assessments are
 * never changed: a correction is a new assessment naming the one it corrects, and both stay. A site's latest
 * condition is that of its assessment with the latest date that nothing corrected; an assessment entered late for
 * an earlier day does not hide a newer one.
 */
@Service
public class HeritageSites {

	static final int NAME_MAX = 200;
	static final int LABEL_MAX = 200;
	static final int NOTES_MAX = 4000;
	static final int PURPOSE_MAX = 1000;

	/** Visits planned further ahead than this are almost certainly a typing error in the year. */
	static final int PLAN_YEARS = 2;

	/** Assessments before this are surely a typing error; the register records the condition since then. */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private final JdbcClient jdbc;
	private final Gazetteer gazetteer;
	private final Region region;
	private final Photos photos;
	private final DocumentStore documents;
	private final MonitoringProperties properties;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	HeritageSites(JdbcClient jdbc, Gazetteer gazetteer, Region region, Photos photos, DocumentStore documents,
			MonitoringProperties properties, ApplicationEventPublisher events, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.region = region;
		this.photos = photos;
		this.documents = documents;
		this.properties = properties;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	/** What staff say a site is: its four names, kind, nearest settlement, position if known, protection. */
	public record SiteDetails(LocalizedText names, SiteKind kind, String settlement, @Nullable Coordinates coordinates,
			Protection protection) {
	}

	public record Site(UUID id, LocalizedText names, SiteKind kind, String settlement,
			@Nullable Coordinates coordinates, Protection protection, Instant createdAt, Instant updatedAt,
			long version) {
	}

	/** A photo as uploaded: its content is read once, its name is not kept. */
	public record Photo(InputStream content, long size, String name) {
	}

	/**
	 * What an assessor found on a day. {@code organisation} and {@code assessorRole} are public (a mission and a role
	 * in it, never a person); {@code notes} are for staff only.
	 */
	public record NewAssessment(Condition condition, LocalDate assessedOn, String organisation, String assessorRole,
			@Nullable String notes, @Nullable UUID corrects) {
	}

	/** An assessment as staff read it, with what corrects it if anything does. */
	public record Assessment(UUID id, UUID site, Condition condition, LocalDate assessedOn, String organisation,
			String assessorRole, @Nullable String notes, @Nullable UUID corrects, @Nullable UUID correctedBy,
			String recordedRole, Instant recordedAt, List<DocumentId> photos) {

		public Assessment {
			photos = List.copyOf(photos);
		}

		public boolean corrected() {
			return correctedBy != null;
		}
	}

	/** What the public sees of an assessment: no notes, no account, nothing of who typed it in. */
	public record PublicAssessment(UUID id, Condition condition, LocalDate assessedOn, String organisation,
			String assessorRole, boolean corrected, List<DocumentId> photos) {

		public PublicAssessment {
			photos = List.copyOf(photos);
		}
	}

	/** A site with its latest condition, none if it was never assessed. */
	public record SiteCondition(Site site, @Nullable PublicAssessment latest) {
	}

	/**
	 * An observer visit. {@code outcome} is the report of a completed visit or the reason it was cancelled: for staff
	 * only.
	 */
	public record Visit(UUID id, UUID site, LocalDate plannedOn, String purpose, VisitStatus status,
			String scheduledRole, Instant scheduledAt, @Nullable LocalDate completedOn, @Nullable String outcome,
			@Nullable UUID assessment, @Nullable Instant closedAt) {
	}

	/** How many sites are in each latest condition; {@code condition} none for the sites never assessed. */
	public record ConditionCount(@Nullable Condition condition, long sites) {
	}

	/** Every site, by English name. */
	public List<Site> sites() {
		return jdbc.sql("SELECT * FROM monitoring.site ORDER BY name_en, id").query(HeritageSites::site).list();
	}

	public Site site(UUID id) {
		return jdbc.sql("SELECT * FROM monitoring.site WHERE id = ?").param(id).query(HeritageSites::site).optional()
				.orElseThrow(NotFoundException::new);
	}

	/** Whether a site of this id is in the register. */
	public boolean exists(UUID id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring.site WHERE id = ?)").param(id).query(Boolean.class)
				.single();
	}

	/** Every site with its latest condition: the public list, and the observers' overview. */
	public List<SiteCondition> overview() {
		Map<UUID, PublicAssessment> latest = new HashMap<>();
		Map<UUID, List<DocumentId>> photos = photosOf(null);
		jdbc.sql("""
				SELECT DISTINCT ON (a.site) a.* FROM monitoring.assessment a
				WHERE NOT EXISTS (SELECT 1 FROM monitoring.assessment c WHERE c.corrects = a.id)
				ORDER BY a.site, a.assessed_on DESC, a.recorded_at DESC, a.id""")
				.query((rs, n) -> assessment(rs, null, photos)).list()
				.forEach(a -> latest.put(a.site(), publicOf(a)));
		return sites().stream().map(s -> new SiteCondition(s, latest.get(s.id()))).toList();
	}

	/** How many sites are in each latest condition, in the order of the conditions, then those never assessed. */
	public List<ConditionCount> conditionCounts() {
		Map<Condition, Long> counts = new EnumMap<>(Condition.class);
		for (Condition c : Condition.values()) {
			counts.put(c, 0L);
		}
		long unassessed = 0;
		for (SiteCondition s : overview()) {
			if (s.latest() == null) {
				unassessed++;
			}
			else {
				counts.merge(s.latest().condition(), 1L, Long::sum);
			}
		}
		List<ConditionCount> result = new ArrayList<>();
		counts.forEach((c, n) -> result.add(new ConditionCount(c, n)));
		result.add(new ConditionCount(null, unassessed));
		return result;
	}

	@Transactional
	public Site add(CurrentUser staff, SiteDetails details) {
		return add(Actor.of(staff), details, UUID.randomUUID(), clock.instant());
	}

	Site add(Actor actor, SiteDetails details, UUID id, Instant now) {
		actor.requireMonitoringStaff();
		SiteDetails d = check(details);
		jdbc.sql("""
				INSERT INTO monitoring.site (id, name_hy, name_az, name_ru, name_en, kind, settlement, latitude, longitude,
				  protection, created_by, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
				.params(id, name(d, "hy"), name(d, "az"), name(d, "ru"), name(d, "en"), d.kind().name(),
						d.settlement(), latitude(d.coordinates()), longitude(d.coordinates()), d.protection().name(),
						actor.id(), Timestamp.from(now), Timestamp.from(now))
				.update();
		events.publishEvent(MonitoringChanged.by(actor, "heritage-site", id, "registered", now, digest(d)));
		return site(id);
	}

	/** Changes what the page showed at {@code version}; someone else's change in between is a conflict. */
	@Transactional
	public Site update(CurrentUser staff, UUID id, SiteDetails details, long version) {
		Actor actor = Actor.of(staff);
		actor.requireMonitoringStaff();
		site(id);
		SiteDetails d = check(details);
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE monitoring.site SET name_hy = ?, name_az = ?, name_ru = ?, name_en = ?, kind = ?, settlement = ?,
				  latitude = ?, longitude = ?, protection = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
				.params(name(d, "hy"), name(d, "az"), name(d, "ru"), name(d, "en"), d.kind().name(), d.settlement(),
						latitude(d.coordinates()), longitude(d.coordinates()), d.protection().name(),
						Timestamp.from(now), id, version)
				.update();
		if (changed == 0) {
			throw new ConflictException("monitoring.error.changed-meanwhile");
		}
		events.publishEvent(MonitoringChanged.by(actor, "heritage-site", id, "updated", now, digest(d)));
		return site(id);
	}

	private SiteDetails check(SiteDetails d) {
		var names = new LinkedHashMap<String, String>();
		for (String language : Languages.CODES) {
			String name = d.names().values().get(language);
			String stripped = name == null ? "" : name.strip();
			if (stripped.isEmpty() || stripped.length() > NAME_MAX) {
				throw new RuleViolationException("monitoring.error.site-name",
						new DefaultMessageSourceResolvable("language." + language), NAME_MAX);
			}
			names.put(language, stripped);
		}
		if (gazetteer.find(d.settlement()).isEmpty()) {
			throw new RuleViolationException("monitoring.error.unknown-settlement");
		}
		if (d.coordinates() != null) {
			region.check(d.coordinates());
		}
		return new SiteDetails(new LocalizedText(names), d.kind(), d.settlement(), d.coordinates(), d.protection());
	}

	/** The site's assessments, newest date first, with notes: for staff. */
	public List<Assessment> assessments(UUID site) {
		site(site);
		Map<UUID, List<DocumentId>> photos = photosOf(site);
		return jdbc.sql("""
				SELECT a.*, (SELECT c.id FROM monitoring.assessment c WHERE c.corrects = a.id LIMIT 1) AS corrected_by
				FROM monitoring.assessment a WHERE a.site = ? ORDER BY a.assessed_on DESC, a.recorded_at DESC, a.id""")
				.param(site).query((rs, n) -> assessment(rs, rs.getObject("corrected_by", UUID.class), photos)).list();
	}

	/** The site's condition history as the public sees it, newest date first. */
	public List<PublicAssessment> publicHistory(UUID site) {
		return assessments(site).stream().map(HeritageSites::publicOf).toList();
	}

	/**
	 * Records an observer's assessment of the site, with its photos. Refused as a whole, with nothing kept, if any
	 * photo is: every photo is read and cleaned before anything is stored.
	 */
	@Transactional
	public Assessment assess(CurrentUser observer, UUID site, NewAssessment assessment, List<Photo> photos) {
		return assess(Actor.of(observer), site, assessment, photos, UUID.randomUUID(), clock.instant());
	}

	Assessment assess(Actor actor, UUID site, NewAssessment a, List<Photo> uploads, UUID id, Instant now) {
		actor.requireObserver("monitoring.error.observers-assess");
		site(site);
		if (a.assessedOn().isAfter(today())) {
			throw new RuleViolationException("monitoring.error.date-in-future");
		}
		if (a.assessedOn().isBefore(EARLIEST)) {
			throw new RuleViolationException("monitoring.error.date-too-early", EARLIEST.getYear());
		}
		String organisation = required(a.organisation(), LABEL_MAX, "monitoring.error.organisation");
		String role = required(a.assessorRole(), LABEL_MAX, "monitoring.error.assessor-role");
		String notes = optional(a.notes(), NOTES_MAX, "monitoring.error.notes-too-long");
		if (a.corrects() != null) {
			UUID corrected = jdbc.sql("SELECT site FROM monitoring.assessment WHERE id = ?").param(a.corrects())
					.query(UUID.class).optional().orElse(null);
			if (!site.equals(corrected)) {
				throw new RuleViolationException("monitoring.error.corrects-unknown");
			}
			// One correction each: a correction that is wrong is itself corrected, so the chain stays one line.
			jdbc.sql("SELECT id FROM monitoring.site WHERE id = ? FOR UPDATE").param(site).query(UUID.class).single();
			boolean already = jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring.assessment WHERE corrects = ?)")
					.param(a.corrects()).query(Boolean.class).single();
			if (already) {
				throw new RuleViolationException("monitoring.error.corrects-corrected");
			}
		}
		List<Photo> chosen = uploads.stream().filter(p -> p.size() > 0 || !p.name().isBlank()).toList();
		if (chosen.size() > properties.photosPerAssessment()) {
			throw new RuleViolationException("monitoring.error.too-many-photos", properties.photosPerAssessment());
		}
		List<Photos.Clean> cleaned = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			cleaned.add(photos.clean(chosen.get(i), i + 1));
		}
		jdbc.sql("""
				INSERT INTO monitoring.assessment (id, site, condition, assessed_on, organisation, assessor_role, notes,
				  corrects, recorded_by, recorded_role, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, site, a.condition().name(), Date.valueOf(a.assessedOn()), organisation, role, notes,
						a.corrects(), actor.id(), actor.role(), Timestamp.from(now))
				.update();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < cleaned.size(); i++) {
			StoredDocument stored = photos.store(cleaned.get(i));
			jdbc.sql("INSERT INTO monitoring.assessment_photo (document, assessment, position) VALUES (?, ?, ?)")
					.params(stored.id().id(), id, i + 1).update();
			hashes.add("photo-sha256 " + stored.sha256());
		}
		List<String> content = new ArrayList<>(List.of(site.toString(), a.condition().name(),
				a.assessedOn().toString(), "organisation-sha256 " + MonitoringChanged.sha256(organisation),
				"role-sha256 " + MonitoringChanged.sha256(role), "notes-sha256 " + MonitoringChanged.sha256(notes),
				"corrects " + (a.corrects() == null ? "-" : a.corrects())));
		content.addAll(hashes);
		events.publishEvent(MonitoringChanged.by(actor, "site-assessment", id, "assessed", now,
				content.toArray(String[]::new)));
		return assessments(site).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
	}

	/** The photo of an assessment with this document id; nothing for any other document, whatever it is. */
	public Optional<StoredDocument> photo(UUID document) {
		boolean isPhoto = jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring.assessment_photo WHERE document = ?)")
				.param(document).query(Boolean.class).single();
		return isPhoto ? documents.find(new DocumentId(document)) : Optional.empty();
	}

	public InputStream openPhoto(StoredDocument photo) {
		return documents.open(photo.id());
	}

	/** The largest photo accepted, in bytes, and how many one assessment may carry: for the form's hint. */
	public long photoMaxBytes() {
		return photos.maxBytes();
	}

	public int photosPerAssessment() {
		return properties.photosPerAssessment();
	}

	/** The site's visits, the latest planned first. */
	public List<Visit> visits(UUID site) {
		return jdbc.sql("SELECT * FROM monitoring.visit WHERE site = ? ORDER BY planned_on DESC, scheduled_at DESC")
				.param(site).query(HeritageSites::visit).list();
	}

	/** Visits still scheduled, soonest first, across all sites. */
	public List<Visit> scheduledVisits(int limit) {
		return jdbc.sql("SELECT * FROM monitoring.visit WHERE status = 'SCHEDULED' ORDER BY planned_on, id LIMIT ?")
				.param(limit).query(HeritageSites::visit).list();
	}

	public Visit visit(UUID id) {
		return jdbc.sql("SELECT * FROM monitoring.visit WHERE id = ?").param(id).query(HeritageSites::visit)
				.optional().orElseThrow(NotFoundException::new);
	}

	/** Plans a visit to the site, from today up to {@value #PLAN_YEARS} years ahead. */
	@Transactional
	public Visit schedule(CurrentUser staff, UUID site, LocalDate plannedOn, String purpose) {
		return schedule(Actor.of(staff), site, plannedOn, purpose, UUID.randomUUID(), clock.instant());
	}

	Visit schedule(Actor actor, UUID site, LocalDate plannedOn, String purpose, UUID id, Instant now) {
		actor.requireMonitoringStaff();
		site(site);
		LocalDate today = LocalDate.ofInstant(now, zone.zone());
		if (plannedOn.isBefore(today)) {
			throw new RuleViolationException("monitoring.error.visit-planned-past");
		}
		if (plannedOn.isAfter(today.plusYears(PLAN_YEARS))) {
			throw new RuleViolationException("monitoring.error.visit-planned-far", PLAN_YEARS);
		}
		String text = required(purpose, PURPOSE_MAX, "monitoring.error.visit-purpose");
		jdbc.sql("""
				INSERT INTO monitoring.visit (id, site, planned_on, purpose, status, scheduled_by, scheduled_role,
				  scheduled_at) VALUES (?, ?, ?, ?, 'SCHEDULED', ?, ?, ?)""")
				.params(id, site, Date.valueOf(plannedOn), text, actor.id(), actor.role(), Timestamp.from(now)).update();
		return visit(id);
	}

	/**
	 * An observer's report of a scheduled visit: done on a day from the one it was scheduled up to today (the planned
	 * day is a plan and may have moved), with what was found and, optionally, the assessment it led to.
	 */
	@Transactional
	public Visit complete(CurrentUser observer, UUID visit, LocalDate completedOn, String report,
			@Nullable UUID assessment) {
		return complete(Actor.of(observer), visit, completedOn, report, assessment, clock.instant());
	}

	Visit complete(Actor actor, UUID id, LocalDate completedOn, String report, @Nullable UUID assessment,
			Instant now) {
		actor.requireObserver("monitoring.error.observers-complete");
		Visit visit = locked(id);
		visit.status().requireScheduled();
		LocalDate scheduled = LocalDate.ofInstant(visit.scheduledAt(), zone.zone());
		if (completedOn.isAfter(LocalDate.ofInstant(now, zone.zone()))) {
			throw new RuleViolationException("monitoring.error.date-in-future");
		}
		if (completedOn.isBefore(scheduled)) {
			throw new RuleViolationException("monitoring.error.visit-before-scheduled", scheduled);
		}
		String text = required(report, NOTES_MAX, "monitoring.error.visit-report");
		if (assessment != null) {
			boolean ofSite = jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring.assessment WHERE id = ? AND site = ?)")
					.params(assessment, visit.site()).query(Boolean.class).single();
			if (!ofSite) {
				throw new RuleViolationException("monitoring.error.visit-assessment");
			}
		}
		jdbc.sql("""
				UPDATE monitoring.visit SET status = 'COMPLETED', completed_on = ?, outcome = ?, assessment = ?,
				  closed_by = ?, closed_at = ? WHERE id = ? AND status = 'SCHEDULED'""")
				.params(Date.valueOf(completedOn), text, assessment, actor.id(), Timestamp.from(now), id).update();
		return visit(id);
	}

	/** Calls a scheduled visit off, saying why (access refused, the road closed). */
	@Transactional
	public Visit cancel(CurrentUser staff, UUID id, String reason) {
		Actor actor = Actor.of(staff);
		actor.requireMonitoringStaff();
		Visit visit = locked(id);
		visit.status().requireScheduled();
		String text = required(reason, NOTES_MAX, "monitoring.error.visit-cancel-reason");
		jdbc.sql("""
				UPDATE monitoring.visit SET status = 'CANCELLED', outcome = ?, closed_by = ?, closed_at = ?
				WHERE id = ? AND status = 'SCHEDULED'""")
				.params(text, actor.id(), Timestamp.from(clock.instant()), id).update();
		return visit(id);
	}

	private Visit locked(UUID id) {
		return jdbc.sql("SELECT * FROM monitoring.visit WHERE id = ? FOR UPDATE").param(id).query(HeritageSites::visit)
				.optional().orElseThrow(NotFoundException::new);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	static String required(@Nullable String text, int max, String messageKey) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty() || stripped.length() > max) {
			throw new RuleViolationException(messageKey, max);
		}
		return stripped;
	}

	static @Nullable String optional(@Nullable String text, int max, String tooLong) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new RuleViolationException(tooLong, max);
		}
		return stripped;
	}

	private Map<UUID, List<DocumentId>> photosOf(@Nullable UUID site) {
		Map<UUID, List<DocumentId>> photos = new HashMap<>();
		jdbc.sql("""
				SELECT p.assessment, p.document FROM monitoring.assessment_photo p
				JOIN monitoring.assessment a ON a.id = p.assessment
				WHERE (:site::uuid IS NULL OR a.site = :site) ORDER BY p.assessment, p.position""")
				.param("site", site)
				.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new DocumentId(rs.getObject(2, UUID.class))))
				.list().forEach(e -> photos.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return photos;
	}

	private static String name(SiteDetails d, String language) {
		return d.names().values().get(language);
	}

	private static String digest(SiteDetails d) {
		return String.join("\n", MonitoringChanged.sha256(String.join("\n", name(d, "hy"), name(d, "az"),
				name(d, "ru"), name(d, "en"))), d.kind().name(), d.settlement(), d.protection().name(),
				d.coordinates() == null ? "-" : d.coordinates().latitude() + " " + d.coordinates().longitude());
	}

	private static @Nullable BigDecimal latitude(@Nullable Coordinates c) {
		return c == null ? null : c.latitude();
	}

	private static @Nullable BigDecimal longitude(@Nullable Coordinates c) {
		return c == null ? null : c.longitude();
	}

	static PublicAssessment publicOf(Assessment a) {
		return new PublicAssessment(a.id(), a.condition(), a.assessedOn(), a.organisation(), a.assessorRole(),
				a.corrected(), a.photos());
	}

	static @Nullable Coordinates coordinates(ResultSet rs) throws SQLException {
		BigDecimal lat = rs.getBigDecimal("latitude");
		BigDecimal lon = rs.getBigDecimal("longitude");
		return lat == null || lon == null ? null : new Coordinates(lat, lon);
	}

	private static Site site(ResultSet rs, int n) throws SQLException {
		return new Site(rs.getObject("id", UUID.class), LocalizedText.of(rs.getString("name_hy"),
				rs.getString("name_az"), rs.getString("name_ru"), rs.getString("name_en")),
				SiteKind.valueOf(rs.getString("kind")), rs.getString("settlement"), coordinates(rs),
				Protection.valueOf(rs.getString("protection")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

	private static Assessment assessment(ResultSet rs, @Nullable UUID correctedBy, Map<UUID, List<DocumentId>> photos)
			throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new Assessment(id, rs.getObject("site", UUID.class), Condition.valueOf(rs.getString("condition")),
				rs.getObject("assessed_on", LocalDate.class), rs.getString("organisation"),
				rs.getString("assessor_role"), rs.getString("notes"), rs.getObject("corrects", UUID.class),
				correctedBy, rs.getString("recorded_role"), rs.getTimestamp("recorded_at").toInstant(),
				photos.getOrDefault(id, List.of()));
	}

	private static Visit visit(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Visit(rs.getObject("id", UUID.class), rs.getObject("site", UUID.class),
				rs.getObject("planned_on", LocalDate.class), rs.getString("purpose"),
				VisitStatus.valueOf(rs.getString("status")), rs.getString("scheduled_role"),
				rs.getTimestamp("scheduled_at").toInstant(), rs.getObject("completed_on", LocalDate.class),
				rs.getString("outcome"), rs.getObject("assessment", UUID.class),
				closed == null ? null : closed.toInstant());
	}
}
