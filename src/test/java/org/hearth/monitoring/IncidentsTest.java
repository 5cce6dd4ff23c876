package org.hearth.monitoring;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.aid.AidFixtures;
import org.hearth.aid.FacilityKind;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.shared.ConflictException;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Incidents on the real database: recorded by observers or the secretariat, verified only by observers along the
 * lifecycle with the notes it needs, with dates, places and links checked; every change in the history and in the
 * transparency log without a word of the description; the counts the public summary shows.
 */
@HearthTest
@RecordApplicationEvents
class IncidentsTest {

	static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	@Autowired
	Incidents incidents;

	@Autowired
	MonitoringFixtures fixtures;

	@Autowired
	AidFixtures aid;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	Incidents.NewIncident report(Instant occurred, Instant reported) {
		return new Incidents.NewIncident(IncidentKind.CEASEFIRE_VIOLATION, occurred, reported, "agdam", null,
				"Shots heard near the road", SourceKind.OBSERVER_PATROL, "Patrol 1", List.of(), List.of());
	}

	@Test
	void observersVerifyDisputeAndRevisitAlongTheLifecycleWithTheirNotes() {
		Incidents.Incident incident = fixtures.incident("Shepherd Arsen Hakobyan says he was threatened.");
		assertThat(incident.status()).isEqualTo(Verification.UNVERIFIED);
		CurrentUser observer = fixtures.observer();

		// A dispute needs its note; a forbidden jump is refused; nothing changes either way.
		assertThat(refusal(() -> incidents.verify(observer, incident.id(), 0, Verification.DISPUTED, " ")))
				.isEqualTo("monitoring.error.verification-note");
		Incidents.Incident disputed = incidents.verify(observer, incident.id(), 0, Verification.DISPUTED,
				"The neighbours describe a quarrel, not a threat.");
		assertThat(disputed.status()).isEqualTo(Verification.DISPUTED);
		assertThat(disputed.version()).isEqualTo(1);

		// New evidence: the dispute is settled the other way, by a second observer, with a note.
		assertThat(refusal(() -> incidents.verify(fixtures.observer2(), incident.id(), 1, Verification.VERIFIED, null)))
				.isEqualTo("monitoring.error.verification-note");
		Incidents.Incident verified = incidents.verify(fixtures.observer2(), incident.id(), 1, Verification.VERIFIED,
				"A recording of the threat was handed to the mission.");
		assertThat(verified.status()).isEqualTo(Verification.VERIFIED);

		// Verified cannot become unfounded without a dispute first, nor go back to unverified.
		assertThat(refusal(() -> incidents.verify(observer, incident.id(), 2, Verification.UNFOUNDED, "second thoughts")))
				.isEqualTo("monitoring.error.verification-transition");
		assertThat(refusal(() -> incidents.verify(observer, incident.id(), 2, Verification.UNVERIFIED, "reopen")))
				.isEqualTo("monitoring.error.verification-transition");

		// A page shown before the last change is a conflict.
		assertThat(catchThrowableOfType(ConflictException.class,
				() -> incidents.verify(observer, incident.id(), 1, Verification.DISPUTED, "late page"))).isNotNull();

		assertThat(incidents.history(incident.id())).extracting(Incidents.HistoryEntry::status)
				.containsExactly(Verification.UNVERIFIED, Verification.DISPUTED, Verification.VERIFIED);
		assertThat(incidents.history(incident.id())).extracting(Incidents.HistoryEntry::role)
				.containsExactly("DIALOGUE_SECRETARIAT", "OBSERVER", "OBSERVER");
		assertThat(incidents.incident(incident.id()).status()).isEqualTo(Verification.VERIFIED);
	}

	@Test
	void onlyObserversVerifyWhateverThePageOffered() {
		Incidents.Incident incident = fixtures.incident("A report to verify.");
		assertThat(refusal(() -> incidents.verify(fixtures.secretariat(), incident.id(), 0, Verification.VERIFIED,
				"looks right"))).isEqualTo("monitoring.error.observers-verify");
		CurrentUser coordinator = users.newStaff(Set.of(Role.AID_COORDINATOR), "KHA");
		assertThat(refusal(() -> incidents.verify(coordinator, incident.id(), 0, Verification.VERIFIED, null)))
				.isEqualTo("monitoring.error.observers-verify");
		assertThat(refusal(() -> incidents.record(users.newApplicant("en"), report(Instant.now().minusSeconds(60),
				Instant.now().minusSeconds(30))))).isEqualTo("monitoring.error.staff-only");
		assertThat(incidents.incident(incident.id()).status()).isEqualTo(Verification.UNVERIFIED);
		assertThat(incidents.history(incident.id())).hasSize(1);
	}

	@Test
	void datesOutOfOrderAndInTheFutureAreRefused() {
		CurrentUser observer = fixtures.observer();
		Instant now = Instant.now();
		assertThat(refusal(() -> incidents.record(observer, report(now.plus(2, ChronoUnit.HOURS),
				now.plus(3, ChronoUnit.HOURS))))).isEqualTo("monitoring.error.occurred-future");
		assertThat(refusal(() -> incidents.record(observer, report(now.minus(2, ChronoUnit.DAYS),
				now.minus(3, ChronoUnit.DAYS))))).isEqualTo("monitoring.error.reported-before-occurred");
		assertThat(refusal(() -> incidents.record(observer, report(now.minus(2, ChronoUnit.DAYS),
				now.plus(1, ChronoUnit.DAYS))))).isEqualTo("monitoring.error.reported-future");
		assertThat(refusal(() -> incidents.record(observer, report(now.minus(11 * 366, ChronoUnit.DAYS),
				now.minus(2, ChronoUnit.DAYS))))).isEqualTo("monitoring.error.occurred-too-old");
		// Reported at the very time it happened is fine.
		Instant at = now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		assertThat(incidents.record(observer, report(at, at)).reportedAt()).isEqualTo(at);
	}

	@Test
	void coordinatesAreCheckedForRangeRegionAndCompleteness() {
		assertThat(refusal(() -> Coordinates.parse("39.7", ""))).isEqualTo("monitoring.error.coordinates-both");
		assertThat(refusal(() -> Coordinates.parse("91", "46.7"))).isEqualTo("monitoring.error.latitude-range");
		assertThat(refusal(() -> Coordinates.parse("39.7", "-181"))).isEqualTo("monitoring.error.longitude-range");
		assertThat(refusal(() -> Coordinates.parse("39°45'", "46.7"))).isEqualTo("monitoring.error.latitude-format");
		assertThat(Coordinates.parse("", " ")).isNull();
		assertThat(Coordinates.parse("39,758012", "46.7485").latitude()).isEqualByComparingTo("39.75801");

		CurrentUser observer = fixtures.observer();
		Instant occurred = Instant.now().minus(3, ChronoUnit.HOURS);
		// Latitude and longitude swapped: 46.7 N, 39.7 E lies in Georgia's mountains, far outside the region.
		Incidents.NewIncident swapped = new Incidents.NewIncident(IncidentKind.MINE_UXO, occurred, occurred, "susa",
				new Coordinates(new BigDecimal("46.7485"), new BigDecimal("39.758")), "Shell on the path",
				SourceKind.OBSERVER_PATROL, null, List.of(), List.of());
		assertThat(refusal(() -> incidents.record(observer, swapped))).isEqualTo("monitoring.error.outside-region");
		Incidents.Incident placed = incidents.record(observer, new Incidents.NewIncident(IncidentKind.MINE_UXO,
				occurred, occurred, "susa", new Coordinates(new BigDecimal("39.758"), new BigDecimal("46.7485")),
				"Shell on the path", SourceKind.OBSERVER_PATROL, null, List.of(), List.of()));
		assertThat(placed.coordinates().latitude()).isEqualByComparingTo("39.758");
	}

	@Test
	void linksAreToSitesOfTheRegisterAndFacilitiesTheAidModuleKnows() {
		CurrentUser observer = fixtures.observer();
		HeritageSites.Site site = fixtures.site();
		UUID school = aid.facility(FacilityKind.SCHOOL, "susa");
		Instant occurred = Instant.now().minus(5, ChronoUnit.HOURS);
		Incidents.Incident linked = incidents.record(observer, new Incidents.NewIncident(IncidentKind.PROPERTY_DAMAGE,
				occurred, occurred, "susa", null, "Stones thrown at the school and the church", SourceKind.LOCAL_REPORT,
				null, List.of(site.id(), site.id()), List.of(school)));
		assertThat(incidents.links(linked.id()).sites()).containsExactly(site.id());
		assertThat(incidents.links(linked.id()).facilities()).containsExactly(school);
		assertThat(incidents.incidents(new Incidents.Filter(null, null, null, null, null, site.id()), 10))
				.extracting(Incidents.Incident::id).containsExactly(linked.id());

		assertThat(refusal(() -> incidents.record(observer, new Incidents.NewIncident(IncidentKind.OTHER, occurred,
				occurred, "susa", null, "x", SourceKind.OTHER, null, List.of(UUID.randomUUID()), List.of()))))
				.isEqualTo("monitoring.error.unknown-site");
		assertThat(refusal(() -> incidents.record(observer, new Incidents.NewIncident(IncidentKind.OTHER, occurred,
				occurred, "susa", null, "x", SourceKind.OTHER, null, List.of(), List.of(UUID.randomUUID())))))
				.isEqualTo("monitoring.error.unknown-facility");
		assertThat(refusal(() -> incidents.record(observer, new Incidents.NewIncident(IncidentKind.OTHER, occurred,
				occurred, "atlantis", null, "x", SourceKind.OTHER, null, List.of(), List.of()))))
				.isEqualTo("monitoring.error.unknown-settlement");
		assertThat(refusal(() -> incidents.record(observer, new Incidents.NewIncident(IncidentKind.OTHER, occurred,
				occurred, "susa", null, "   ", SourceKind.OTHER, null, List.of(), List.of()))))
				.isEqualTo("monitoring.error.description");
	}

	@Test
	void everyChangeEntersTheTransparencyLogWithoutTheDescriptionOrAName() {
		String description = "Farmer Gulnara Aliyeva saw a drone over her field at dawn.";
		Incidents.Incident incident = fixtures.incident(description);
		incidents.verify(fixtures.observer(), incident.id(), 0, Verification.UNFOUNDED,
				"Gulnara Aliyeva later said it was a bird of prey.");

		List<MonitoringChanged> changes = events.stream(MonitoringChanged.class)
				.filter(c -> c.entityId().equals(incident.id())).toList();
		assertThat(changes).extracting(MonitoringChanged::action).containsExactly("recorded", "unfounded");
		assertThat(changes).extracting(MonitoringChanged::entityType).containsOnly("incident");
		assertThat(changes).extracting(MonitoringChanged::roleName).containsExactly("DIALOGUE_SECRETARIAT", "OBSERVER");
		List<String> entries = jdbc.sql("""
				SELECT l.data FROM transparency.leaf l JOIN transparency.leaf_subject s ON s.idx = l.idx
				WHERE s.entity_type = 'incident' AND s.entity_id = ? ORDER BY l.idx""").param(incident.id())
				.query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
		assertThat(entries).hasSize(2);
		for (String entry : entries) {
			assertThat(entry).contains("incident").doesNotContain("Gulnara").doesNotContain("Aliyeva")
					.doesNotContain("drone").doesNotContain("xocali").doesNotContain(incident.id().toString());
		}
		assertThat(entries.get(1)).contains("unfounded");
	}

	@Test
	void theSummaryCountsByKindStatusAndMonth() {
		int year = 2019;
		Incidents.Summary before = incidents.summary(year);
		CurrentUser observer = fixtures.observer();
		Instant march = LocalDateTime.of(2019, 3, 10, 12, 0).atZone(BAKU).toInstant();
		Instant marchLate = LocalDateTime.of(2019, 3, 31, 23, 30).atZone(BAKU).toInstant();
		Instant july = LocalDateTime.of(2019, 7, 1, 0, 30).atZone(BAKU).toInstant();
		for (Instant at : List.of(march, marchLate)) {
			incidents.record(observer, report(at, at.plus(1, ChronoUnit.DAYS)));
		}
		Incidents.Incident mine = incidents.record(observer, new Incidents.NewIncident(IncidentKind.MINE_UXO, july,
				july, "lacin", null, "Mine by the river", SourceKind.OBSERVER_PATROL, null, List.of(), List.of()));
		incidents.verify(observer, mine.id(), 0, Verification.VERIFIED, null);

		Incidents.Summary after = incidents.summary(year);
		assertThat(after.total() - before.total()).isEqualTo(3);
		assertThat(after.byKind().get(IncidentKind.CEASEFIRE_VIOLATION)
				- before.byKind().get(IncidentKind.CEASEFIRE_VIOLATION)).isEqualTo(2);
		assertThat(after.byKind().get(IncidentKind.MINE_UXO) - before.byKind().get(IncidentKind.MINE_UXO)).isEqualTo(1);
		assertThat(after.byStatus().get(Verification.VERIFIED) - before.byStatus().get(Verification.VERIFIED))
				.isEqualTo(1);
		assertThat(after.byKindAndStatus().get(IncidentKind.CEASEFIRE_VIOLATION).get(Verification.UNVERIFIED)
				- before.byKindAndStatus().get(IncidentKind.CEASEFIRE_VIOLATION).get(Verification.UNVERIFIED))
				.isEqualTo(2);
		// Months in the region's time: 23:30 on 31 March is March, 00:30 on 1 July is July.
		assertThat(after.byMonth()).hasSize(12);
		assertThat(count(after, YearMonth.of(2019, 3)) - count(before, YearMonth.of(2019, 3))).isEqualTo(2);
		assertThat(count(after, YearMonth.of(2019, 7)) - count(before, YearMonth.of(2019, 7))).isEqualTo(1);
		assertThat(count(after, YearMonth.of(2019, 4)) - count(before, YearMonth.of(2019, 4))).isZero();
		assertThat(incidents.years()).contains(2019, 2024, 2025);
		assertThat(incidents.summary(null).total()).isGreaterThanOrEqualTo(after.total() + 20);
	}

	@Test
	void theDatabaseKeepsTheFactsAndTheLifecycle() {
		Incidents.Incident incident = fixtures.incident("A report whose facts stay.");
		// The application's role may change the status and version only.
		Throwable edit = catchThrowableOfType(Exception.class, () -> jdbc.sql(
				"UPDATE monitoring.incident SET description = 'rewritten' WHERE id = ?").param(incident.id()).update());
		assertThat(sqlState(edit)).isEqualTo("42501");
		Throwable delete = catchThrowableOfType(Exception.class,
				() -> jdbc.sql("DELETE FROM monitoring.incident WHERE id = ?").param(incident.id()).update());
		assertThat(sqlState(delete)).isEqualTo("42501");
		// And the status only along the lifecycle, even with SQL.
		jdbc.sql("UPDATE monitoring.incident SET status = 'VERIFIED' WHERE id = ?").param(incident.id()).update();
		Throwable back = catchThrowableOfType(Exception.class, () -> jdbc.sql(
				"UPDATE monitoring.incident SET status = 'UNVERIFIED' WHERE id = ?").param(incident.id()).update());
		assertThat(databaseMessage(back)).contains("VERIFIED may not become UNVERIFIED");
		Throwable noNote = catchThrowableOfType(Exception.class, () -> jdbc.sql("""
				INSERT INTO monitoring.incident_history (incident, status, note, changed_by, role, changed_at)
				VALUES (?, 'DISPUTED', NULL, ?, 'OBSERVER', now())""").params(incident.id(), UUID.randomUUID()).update());
		assertThat(sqlState(noNote)).isEqualTo("23514");
	}

	/** The SQLSTATE of the database's refusal under Spring's translation. */
	static String sqlState(Throwable refused) {
		for (Throwable t = refused; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql) {
				return sql.getSQLState();
			}
		}
		return "none";
	}

	static String databaseMessage(Throwable refused) {
		for (Throwable t = refused; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql) {
				return String.valueOf(sql.getMessage());
			}
		}
		return String.valueOf(refused);
	}

	private static long count(Incidents.Summary summary, YearMonth month) {
		return summary.byMonth().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow().count();
	}

	@Test
	void personalDetailsAreTheSecretariatsAloneAndOnlyEverAddedTo() {
		Incidents.Incident incident = fixtures.incident("Shots heard near the school at dusk.");
		assertThat(refusal(() -> incidents.addConfidential(fixtures.observer(), incident.id(), "Witness: A. B.")))
				.isEqualTo("monitoring.error.confidential-secretariat");
		assertThat(refusal(() -> incidents.confidential(fixtures.observer(), incident.id())))
				.isEqualTo("monitoring.error.confidential-secretariat");
		assertThat(refusal(() -> incidents.addConfidential(fixtures.secretariat(), incident.id(), "  ")))
				.isEqualTo("monitoring.error.confidential");
		incidents.addConfidential(fixtures.secretariat(), incident.id(), "Witness: A. B., +374 00 000 000");
		assertThat(incidents.confidential(fixtures.secretariat(), incident.id())).extracting(Incidents.ConfidentialNote::note)
				.containsExactly("Witness: A. B., +374 00 000 000");
		Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
				"UPDATE monitoring.incident_confidential SET note = 'x' WHERE incident = ?").param(incident.id()).update());
		assertThat(refused).isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	static String refusal(Runnable change) {
		UserFacingException refused = catchThrowableOfType(UserFacingException.class, change::run);
		assertThat(refused).as("a refusal").isNotNull();
		assertThat(refused).isInstanceOfAny(RuleViolationException.class, ConflictException.class);
		return refused.messageKey();
	}
}
