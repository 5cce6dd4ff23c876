package org.hearth.monitoring;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.monitoring.IncidentsTest.refusal;

/**
 * Heritage sites on the real database: four names required; assessments only by observers, dated, never edited and
 * corrected by new ones; photos JPEG or PNG by their content and below the limit, stored without their EXIF (GPS
 * included) and turned upright; the latest condition; visits in order; findings.
 */
@HearthTest
@RecordApplicationEvents
class HeritageSitesTest {

	@Autowired
	HeritageSites sites;

	@Autowired
	Findings findings;

	@Autowired
	MonitoringFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	HeritageSites.NewAssessment assessment(Condition condition, LocalDate on) {
		return new HeritageSites.NewAssessment(condition, on, "Test mission", "heritage expert", "Roof checked.", null);
	}

	@Test
	void aSiteNeedsEveryCommunitysNameAndAPlaceInTheRegion() {
		CurrentUser staff = fixtures.secretariat();
		assertThat(refusal(() -> sites.add(staff, new HeritageSites.SiteDetails(
				LocalizedText.of("Ղազանչեցոց", "Qazançı", " ", "Ghazanchetsots"), SiteKind.CHURCH, "susa", null,
				Protection.UNKNOWN)))).isEqualTo("monitoring.error.site-name");
		assertThat(refusal(() -> sites.add(staff, new HeritageSites.SiteDetails(
				LocalizedText.of("Ղազանչեցոց", "Qazançı", "Казанчецоц", "Ghazanchetsots"), SiteKind.CHURCH, "nowhere",
				null, Protection.UNKNOWN)))).isEqualTo("monitoring.error.unknown-settlement");
		assertThat(refusal(() -> sites.add(fixtures.observer(), new HeritageSites.SiteDetails(
				LocalizedText.of("Ղազանչեցոց", "Qazançı", "Казанчецоц", "Ghazanchetsots"), SiteKind.CHURCH, "susa",
				Coordinates.parse("46.75", "39.76"), Protection.UNKNOWN)))).isEqualTo("monitoring.error.outside-region");
		HeritageSites.Site site = fixtures.site();
		assertThat(site.names().missingLanguages()).isEmpty();
		assertThat(events.stream(MonitoringChanged.class).filter(c -> c.entityId().equals(site.id())))
				.extracting(MonitoringChanged::action).containsExactly("registered");
	}

	@Test
	void onlyObserversAssessAndNotInTheFuture() {
		HeritageSites.Site site = fixtures.site();
		assertThat(refusal(() -> sites.assess(fixtures.secretariat(), site.id(),
				assessment(Condition.INTACT, today().minusDays(1)), List.of())))
				.isEqualTo("monitoring.error.observers-assess");
		assertThat(refusal(() -> sites.assess(fixtures.observer(), site.id(),
				assessment(Condition.INTACT, today().plusDays(2)), List.of())))
				.isEqualTo("monitoring.error.date-in-future");
		assertThat(refusal(() -> sites.assess(fixtures.observer(), site.id(), new HeritageSites.NewAssessment(
				Condition.INTACT, today(), " ", "expert", null, null), List.of())))
				.isEqualTo("monitoring.error.organisation");
		assertThat(sites.assessments(site.id())).isEmpty();
	}

	@Test
	void theLatestConditionIsTheLatestDateNothingCorrected() {
		HeritageSites.Site site = fixtures.site();
		CurrentUser observer = fixtures.observer();
		var damaged = sites.assess(observer, site.id(), assessment(Condition.DAMAGED, LocalDate.of(2024, 5, 1)), List.of());
		var restored = sites.assess(observer, site.id(), assessment(Condition.RESTORED, LocalDate.of(2025, 6, 1)),
				List.of());
		// Entered late for an earlier day: it does not hide the newer one.
		sites.assess(observer, site.id(), assessment(Condition.INTACT, LocalDate.of(2020, 1, 1)), List.of());
		assertThat(latest(site.id()).id()).isEqualTo(restored.id());

		// A correction of the restored one: it wins, and the corrected one stays, marked.
		var correction = sites.assess(observer, site.id(), new HeritageSites.NewAssessment(Condition.DAMAGED,
				LocalDate.of(2025, 6, 1), "Test mission", "heritage expert", "Only the façade was restored.",
				restored.id()), List.of());
		assertThat(latest(site.id()).id()).isEqualTo(correction.id());
		assertThat(sites.assessments(site.id())).filteredOn(a -> a.id().equals(restored.id()))
				.singleElement().satisfies(a -> assertThat(a.correctedBy()).isEqualTo(correction.id()));
		assertThat(sites.publicHistory(site.id())).hasSize(4);
		assertThat(refusal(() -> sites.assess(observer, site.id(), new HeritageSites.NewAssessment(Condition.INTACT,
				LocalDate.of(2025, 6, 1), "Test mission", "expert", null, restored.id()), List.of())))
				.isEqualTo("monitoring.error.corrects-corrected");
		assertThat(refusal(() -> sites.assess(observer, site.id(), new HeritageSites.NewAssessment(Condition.INTACT,
				LocalDate.of(2025, 6, 1), "Test mission", "expert", null, UUID.randomUUID()), List.of())))
				.isEqualTo("monitoring.error.corrects-unknown");
		assertThat(damaged.corrected()).isFalse();
		assertThat(events.stream(MonitoringChanged.class).filter(c -> c.entityType().equals("site-assessment")
				&& c.entityId().equals(correction.id()))).singleElement()
				.satisfies(c -> assertThat(c.action()).isEqualTo("assessed"));
	}

	@Test
	void photosAreStoredWithoutTheirMetadataAndTurnedUpright() throws Exception {
		HeritageSites.Site site = fixtures.site();
		byte[] phone = MonitoringFixtures.jpegWithGps(64, 32, 6);
		assertThat(Photos.orientation(phone)).isEqualTo(6);
		assertThat(MonitoringFixtures.contains(phone, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isTrue();

		var recorded = sites.assess(fixtures.observer(), site.id(), assessment(Condition.DAMAGED, today()),
				List.of(MonitoringFixtures.photo(phone, "IMG_2041 Anna's phone.jpg"),
						MonitoringFixtures.photo(MonitoringFixtures.png(40, 30), "roof.png")));
		assertThat(recorded.photos()).hasSize(2);

		StoredDocument jpeg = sites.photo(recorded.photos().get(0).id()).orElseThrow();
		assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
		assertThat(jpeg.originalName()).isEqualTo("photo.jpg");
		byte[] stored;
		try (InputStream in = sites.openPhoto(jpeg)) {
			stored = in.readAllBytes();
		}
		// No EXIF segment at all, so no GPS position, no device, no orientation tag.
		assertThat(MonitoringFixtures.contains(stored, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
		assertThat(MonitoringFixtures.contains(stored, new byte[] { (byte) 0xFF, (byte) 0xE1 })).isFalse();
		assertThat(MonitoringFixtures.contains(stored, new byte[] { 'M', 'M', 0, 42 })).isFalse();
		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(upright.getWidth()).isEqualTo(32);
		assertThat(upright.getHeight()).isEqualTo(64);

		StoredDocument png = sites.photo(recorded.photos().get(1).id()).orElseThrow();
		assertThat(png.mediaType()).isEqualTo("image/png");
	}

	@Test
	void anOversizedOrWrongTypePhotoRefusesTheWholeAssessment() {
		HeritageSites.Site site = fixtures.site();
		CurrentUser observer = fixtures.observer();
		long max = sites.photoMaxBytes();
		HeritageSites.NewAssessment a = assessment(Condition.DAMAGED, today());
		byte[] png = MonitoringFixtures.png(20, 20);

		assertThat(refusal(() -> sites.assess(observer, site.id(), a, List.of(MonitoringFixtures.photo(png, "a.png"),
				new HeritageSites.Photo(new ByteArrayInputStream(new byte[0]), max + 1, "huge.jpg")))))
				.isEqualTo("monitoring.error.photo-too-large");
		// A size that lies: the bytes are counted as they are read.
		byte[] oversized = new byte[(int) max + 10];
		System.arraycopy(png, 0, oversized, 0, png.length);
		assertThat(refusal(() -> sites.assess(observer, site.id(), a,
				List.of(new HeritageSites.Photo(new ByteArrayInputStream(oversized), 100, "small.png")))))
				.isEqualTo("monitoring.error.photo-too-large");
		assertThat(refusal(() -> sites.assess(observer, site.id(), a, List.of(MonitoringFixtures.photo(
				"%PDF-1.7 a report".getBytes(StandardCharsets.US_ASCII), "report.jpg")))))
				.isEqualTo("monitoring.error.photo-type");
		assertThat(refusal(() -> sites.assess(observer, site.id(), a, List.of(MonitoringFixtures.photo(
				"just some text".getBytes(StandardCharsets.UTF_8), "photo.jpg")))))
				.isEqualTo("monitoring.error.photo-type");
		// JPEG by its first bytes, but no image after them.
		assertThat(refusal(() -> sites.assess(observer, site.id(), a, List.of(MonitoringFixtures.photo(
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3 }, "broken.jpg")))))
				.isEqualTo("monitoring.error.photo-unreadable");
		List<HeritageSites.Photo> seven = java.util.stream.IntStream.range(0, 7)
				.mapToObj(i -> MonitoringFixtures.photo(png, i + ".png")).toList();
		assertThat(refusal(() -> sites.assess(observer, site.id(), a, seven))).isEqualTo("monitoring.error.too-many-photos");
		assertThat(sites.assessments(site.id())).isEmpty();
	}

	@Test
	void visitsAreScheduledAheadAndCompletedInOrder() {
		HeritageSites.Site site = fixtures.site();
		CurrentUser secretariat = fixtures.secretariat();
		CurrentUser observer = fixtures.observer();
		assertThat(refusal(() -> sites.schedule(secretariat, site.id(), today().minusDays(2), "late")))
				.isEqualTo("monitoring.error.visit-planned-past");
		assertThat(refusal(() -> sites.schedule(secretariat, site.id(), today().plusYears(3), "far")))
				.isEqualTo("monitoring.error.visit-planned-far");
		HeritageSites.Visit visit = sites.schedule(secretariat, site.id(), today().plusDays(10),
				"Check the roof after the storm.");
		assertThat(visit.status()).isEqualTo(VisitStatus.SCHEDULED);

		assertThat(refusal(() -> sites.complete(secretariat, visit.id(), today(), "done", null)))
				.isEqualTo("monitoring.error.observers-complete");
		assertThat(refusal(() -> sites.complete(observer, visit.id(), today().minusDays(3), "done", null)))
				.isEqualTo("monitoring.error.visit-before-scheduled");
		assertThat(refusal(() -> sites.complete(observer, visit.id(), today().plusDays(1), "done", null)))
				.isEqualTo("monitoring.error.date-in-future");
		assertThat(refusal(() -> sites.complete(observer, visit.id(), today(), " ", null)))
				.isEqualTo("monitoring.error.visit-report");
		var other = fixtures.site();
		var elsewhere = sites.assess(observer, other.id(), assessment(Condition.INTACT, today()), List.of());
		assertThat(refusal(() -> sites.complete(observer, visit.id(), today(), "done", elsewhere.id())))
				.isEqualTo("monitoring.error.visit-assessment");

		// Done earlier than planned (plans move), with the assessment it led to.
		var found = sites.assess(observer, site.id(), assessment(Condition.DAMAGED, today()), List.of());
		HeritageSites.Visit done = sites.complete(observer, visit.id(), today(), "Roof tiles missing.",
				found.id());
		assertThat(done.status()).isEqualTo(VisitStatus.COMPLETED);
		assertThat(done.assessment()).isEqualTo(found.id());
		assertThat(refusal(() -> sites.cancel(secretariat, visit.id(), "too late"))).isEqualTo("monitoring.error.visit-closed");
		assertThat(refusal(() -> sites.complete(observer, visit.id(), today(), "again", null)))
				.isEqualTo("monitoring.error.visit-closed");

		HeritageSites.Visit planned = sites.schedule(observer, site.id(), today(), "Second look.");
		assertThat(refusal(() -> sites.cancel(secretariat, planned.id(), ""))).isEqualTo("monitoring.error.visit-cancel-reason");
		assertThat(sites.cancel(secretariat, planned.id(), "Road closed.").status()).isEqualTo(VisitStatus.CANCELLED);
		assertThat(sites.visits(site.id())).hasSize(2);
	}

	@Test
	void findingsAreWrittenByObserversInAnyLanguageAboutKnownSubjects() {
		HeritageSites.Site site = fixtures.site();
		CurrentUser observer = fixtures.observer();
		LocalizedText russian = new LocalizedText(java.util.Map.of("ru", "Крыша требует срочного ремонта."));
		Findings.NewFinding aboutSite = new Findings.NewFinding(SubjectKind.SITE, site.id(), russian, today(),
				"Test mission", "team leader");
		assertThat(refusal(() -> findings.record(fixtures.secretariat(), aboutSite)))
				.isEqualTo("monitoring.error.observers-find");
		assertThat(refusal(() -> findings.record(observer, new Findings.NewFinding(SubjectKind.SITE, site.id(),
				LocalizedText.of(" ", "", " ", ""), today(), "Test mission", "team leader"))))
				.isEqualTo("monitoring.error.finding-text");
		assertThat(refusal(() -> findings.record(observer, new Findings.NewFinding(SubjectKind.INCIDENT,
				UUID.randomUUID(), russian, today(), "Test mission", "team leader"))))
				.isEqualTo("monitoring.error.unknown-incident");
		assertThat(refusal(() -> findings.record(observer, new Findings.NewFinding(SubjectKind.SITE, site.id(),
				russian, today().plusDays(1), "Test mission", "team leader"))))
				.isEqualTo("monitoring.error.date-in-future");

		Findings.Finding written = findings.record(observer, aboutSite);
		assertThat(written.textFor(java.util.Locale.ENGLISH)).isEqualTo(new Findings.Text("ru",
				"Крыша требует срочного ремонта."));
		// A commitment of the dialogue is referenced by its id alone.
		UUID commitment = UUID.randomUUID();
		findings.record(observer, new Findings.NewFinding(SubjectKind.COMMITMENT, commitment,
				LocalizedText.of("", "", "", "The deadline was missed."), today(), "Test mission", "team leader"));
		assertThat(findings.findings(SubjectKind.COMMITMENT, commitment, 10)).hasSize(1);
		assertThat(findings.findings(SubjectKind.SITE, site.id(), 10)).extracting(Findings.Finding::id)
				.containsExactly(written.id());
		assertThat(events.stream(MonitoringChanged.class).filter(c -> c.entityId().equals(written.id())))
				.singleElement().satisfies(c -> assertThat(c.entityType()).isEqualTo("finding"));
	}

	/** Today where the region is: the rules are about its days, not the test machine's. */
	static LocalDate today() {
		return LocalDate.now(IncidentsTest.BAKU);
	}

	private HeritageSites.PublicAssessment latest(UUID site) {
		return sites.overview().stream().filter(s -> s.site().id().equals(site)).findFirst().orElseThrow().latest();
	}
}
