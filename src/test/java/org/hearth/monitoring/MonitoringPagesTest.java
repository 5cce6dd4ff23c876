package org.hearth.monitoring;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.platform.DocumentStore;
import org.hearth.platform.StoredDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monitoring pages over the real domain and database: the public summary and heritage pages in several languages
 * without a description, a source, a point or a name; the photo endpoint that serves assessment photos and nothing
 * else; who may open which page; refused forms that come back in the reader's language with what was typed.
 */
@HearthTest
class MonitoringPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MonitoringFixtures fixtures;

	@Autowired
	HeritageSites sites;

	@Autowired
	Incidents incidents;

	@Autowired
	DocumentStore documents;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	String page(String path, String language) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}

	@Test
	void thePublicSummaryCountsWithoutADescriptionASourceAPointOrAName() throws Exception {
		Incidents.Summary summary = incidents.summary(null);
		for (String language : List.of("en", "ru", "hy")) {
			String html = page("/incidents", language);
			assertThat(html).contains(text("monitoring.public.incidents.title", language)).contains("<svg")
					.contains(text("monitoring.incident-kind.MINE_UXO", language))
					.contains(text("monitoring.verification.DISPUTED", language));
			for (MonitoringDemo.DemoIncident demo : MonitoringDemo.INCIDENTS) {
				assertThat(html).doesNotContain(HtmlUtils.htmlEscape(demo.description()))
						.doesNotContain(HtmlUtils.htmlEscape(demo.reference()));
				for (String v : demo.verifications()) {
					assertThat(html).doesNotContain(HtmlUtils.htmlEscape(v.split(":", 2)[1]));
				}
			}
			assertThat(html).doesNotContain("Sargsyan").doesNotContain("Quliyev").doesNotContain("°")
					.doesNotContain("/monitoring/incidents/");
			// The table's total of each kind is the summary's, unless it is small: then it is never a number.
			for (IncidentKind kind : IncidentKind.values()) {
				long count = summary.byKind().get(kind);
				String shown = cell(html, "data-kind=\"" + kind.name() + "\"", "kind-total");
				if (count >= 1 && count < 10) {
					assertThat(shown).isEqualTo(HtmlUtils.htmlEscape("<10"));
				}
				else {
					assertThat(shown).isIn(String.valueOf(count), text("figure.withheld", language));
				}
			}
			assertThat(html).contains(text("figure.legend", language, 9, 10));
		}
		String year = page("/incidents?year=2025", "az");
		assertThat(year).contains(text("monitoring.public.incidents.total-year", "az", 2025))
				.contains("data-month=\"2025-01\"").contains("data-month=\"2025-12\"")
				.doesNotContain("data-month=\"2024-12\"");
		assertThat(page("/incidents?year=not-a-year", "en")).contains(text("monitoring.public.incidents.total-all", "en"));
	}

	@Test
	void theHeritagePagesNameEverySiteInFourLanguagesAndKeepNotesAndPointsToStaff() throws Exception {
		for (String language : List.of("en", "az")) {
			String list = page("/heritage", language);
			assertThat(list).contains(text("monitoring.public.heritage.title", language)).contains("Ghazanchetsots Cathedral")
					.contains("Qazançı kilsəsi").contains("Собор Казанчецоц").contains("Ղազանչեցոց")
					.contains(text("monitoring.site.not-assessed", language))
					.contains(text("monitoring.condition.RESTORED", language)).doesNotContain("°")
					.doesNotContain("39.758").doesNotContain("46.750");
			for (MonitoringDemo.DemoAssessment a : MonitoringDemo.ASSESSMENTS) {
				assertThat(list).doesNotContain(HtmlUtils.htmlEscape(a.notes()));
			}
		}
		UUID cathedral = MonitoringDemo.id("site/ghazanchetsots");
		String site = page("/heritage/" + cathedral, "ru");
		assertThat(site).contains("Собор Казанчецоц").contains(text("monitoring.condition.DAMAGED", "ru"))
				.contains(MonitoringDemo.MISSION).contains("/heritage/photos/").doesNotContain("°")
				.doesNotContain(HtmlUtils.htmlEscape("Dome and roof damaged in 2020"))
				.doesNotContain(HtmlUtils.htmlEscape("Works under way on the roof"))
				.doesNotContain("/monitoring/");
		mvc.perform(get("/heritage/" + UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(get("/heritage/not-an-id")).andExpect(status().isNotFound());
	}

	@Test
	void thePhotoEndpointServesAssessmentPhotosAndNoOtherDocument() throws Exception {
		HeritageSites.Site site = fixtures.site();
		var assessment = sites.assess(fixtures.observer(), site.id(), new HeritageSites.NewAssessment(Condition.DAMAGED,
				HeritageSitesTest.today(), "Test mission", "expert", null, null),
				List.of(MonitoringFixtures.photo(MonitoringFixtures.png(16, 12), "roof.png")));
		UUID photo = assessment.photos().get(0).id();
		MvcResult served = mvc.perform(get("/heritage/photos/" + photo)).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/png"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn();
		assertThat(served.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');

		// A document of an application, stored the same way: not served here, whatever its id.
		StoredDocument letter = documents.store(new ByteArrayInputStream(
				"%PDF-1.4 a private letter".getBytes(StandardCharsets.US_ASCII)), 25, "letter.pdf");
		mvc.perform(get("/heritage/photos/" + letter.id().id())).andExpect(status().isNotFound());
		mvc.perform(get("/heritage/photos/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	void theWorkspaceIsForObserversAndTheSecretariatOnly() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		for (String path : List.of("/monitoring", "/monitoring/incidents", "/monitoring/sites", "/monitoring/findings",
				"/monitoring/incidents/new", "/monitoring/sites/" + MonitoringDemo.id("site/amaras"))) {
			mvc.perform(get(path).with(WebSession.signedIn(applicant))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/monitoring")).andExpect(status().is3xxRedirection());
		for (CurrentUser staff : List.of(fixtures.observer(), fixtures.secretariat())) {
			String workspace = mvc.perform(get("/monitoring").with(WebSession.signedIn(staff)).header("Accept-Language",
					"hy")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(workspace).contains(text("monitoring.workspace.title", "hy")).contains("data-testid=\"unverified\"")
					.contains("href=\"/monitoring\"");
		}
		CurrentUser observer = fixtures.observer();
		mvc.perform(get("/monitoring/incidents/" + UUID.randomUUID()).with(WebSession.signedIn(observer)))
				.andExpect(status().isNotFound());
		mvc.perform(get("/monitoring/sites/" + UUID.randomUUID()).with(WebSession.signedIn(observer)))
				.andExpect(status().isNotFound());
		mvc.perform(get("/monitoring/incidents/not-an-id").with(WebSession.signedIn(observer)))
				.andExpect(status().isNotFound());

		// Staff read the description; the verification form is the observers'.
		UUID disputed = MonitoringDemo.id("incident/i03");
		String forObserver = mvc.perform(get("/monitoring/incidents/" + disputed).with(WebSession.signedIn(observer)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(forObserver).contains("Anahit Sargsyan").contains("/verification\"");
		String forSecretariat = mvc.perform(get("/monitoring/incidents/" + disputed)
				.with(WebSession.signedIn(fixtures.secretariat()))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(forSecretariat).contains("Anahit Sargsyan").doesNotContain("/verification\"");
		mvc.perform(post("/monitoring/incidents/" + disputed + "/verification").param("status", "VERIFIED")
				.param("note", "x").param("version", "1").with(WebSession.signedIn(fixtures.secretariat())).with(csrf()))
				.andExpect(status().isForbidden());
	}

	@Test
	void aRefusedIncidentComesBackInTheReadersLanguageWithWhatWasTyped() throws Exception {
		CurrentUser observer = fixtures.observer();
		String site = MonitoringDemo.id("site/aghdam-juma").toString();
		LocalDateTime occurred = LocalDateTime.now(IncidentsTest.BAKU).minusDays(2).truncatedTo(ChronoUnit.MINUTES);
		String html = mvc.perform(post("/monitoring/incidents").param("kind", "HERITAGE_DAMAGE")
				.param("occurredAt", occurred.toString()).param("reportedAt", occurred.minusHours(5).toString())
				.param("settlement", "agdam").param("latitude", "39,9927").param("longitude", "46,9275")
				.param("description", "Ветер сорвал леса с фасада").param("sourceKind", "LOCAL_REPORT")
				.param("sourceReference", "Звонок сторожа").param("sites", site)
				.with(WebSession.signedIn(observer)).with(csrf()).header("Accept-Language", "ru"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains(text("monitoring.error.reported-before-occurred", "ru"))
				.contains("Ветер сорвал леса с фасада").contains("value=\"Звонок сторожа\"").contains("value=\"39,9927\"")
				.contains("value=\"" + occurred + "\"").containsPattern("value=\"" + site + "\"\\s+checked");

		String outside = mvc.perform(post("/monitoring/incidents").param("kind", "MINE_UXO")
				.param("occurredAt", occurred.toString()).param("reportedAt", occurred.toString())
				.param("settlement", "agdam").param("latitude", "46.9").param("longitude", "39.9")
				.param("description", "Shell").param("sourceKind", "OBSERVER_PATROL")
				.with(WebSession.signedIn(observer)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(outside).contains("outside the region");

		MvcResult done = mvc.perform(post("/monitoring/incidents").param("kind", "MINE_UXO")
				.param("occurredAt", occurred.toString()).param("reportedAt", occurred.plusHours(1).toString())
				.param("settlement", "agdam").param("description", "Shell by the road").param("sourceKind", "OBSERVER_PATROL")
				.with(WebSession.signedIn(observer)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String location = done.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/monitoring/incidents/");
		UUID id = UUID.fromString(location.substring("/monitoring/incidents/".length()));

		// A dispute without a note, in Azerbaijani: refused beside the form, the choice kept.
		String verify = mvc.perform(post("/monitoring/incidents/" + id + "/verification").param("status", "DISPUTED")
				.param("note", "").param("version", "0").with(WebSession.signedIn(observer)).with(csrf())
				.header("Accept-Language", "az")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
				.getContentAsString();
		assertThat(verify).contains(text("monitoring.error.verification-note", "az",
				messages.getMessage("monitoring.verification.DISPUTED", null, Locale.forLanguageTag("az"))))
				.containsPattern("value=\"DISPUTED\"\\s+checked");
		mvc.perform(post("/monitoring/incidents/" + id + "/verification").param("status", "VERIFIED").param("note", "")
				.param("version", "0").with(WebSession.signedIn(observer)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(incidents.incident(id).status()).isEqualTo(Verification.VERIFIED);
		// The same page again: someone else's change came first.
		mvc.perform(post("/monitoring/incidents/" + id + "/verification").param("status", "DISPUTED")
				.param("note", "late").param("version", "0").with(WebSession.signedIn(observer)).with(csrf()))
				.andExpect(status().isConflict());
	}

	@Test
	void aPhotoRefusedKeepsTheAssessmentTypedAndAsksForThePhotosAgain() throws Exception {
		CurrentUser observer = fixtures.observer();
		HeritageSites.Site site = fixtures.site();
		String today = HeritageSitesTest.today().toString();
		byte[] tooLarge = new byte[(int) sites.photoMaxBytes() + 1];
		byte[] png = MonitoringFixtures.png(10, 10);
		System.arraycopy(png, 0, tooLarge, 0, png.length);
		String big = mvc.perform(multipart("/monitoring/sites/" + site.id() + "/assessments")
				.file(new MockMultipartFile("photos", "roof.png", "image/png", tooLarge))
				.param("condition", "DAMAGED").param("assessedOn", today).param("organisation", "Միսիա")
				.param("assessorRole", "փորձագետ").param("notes", "Տանիքը վնասված է")
				.with(WebSession.signedIn(observer)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(big).contains(text("monitoring.error.photo-too-large", "hy", 1, sites.photoMaxBytes() / (1024 * 1024)))
				.contains(text("monitoring.assessment.photos-again", "hy")).contains("Տանիքը վնասված է")
				.contains("value=\"Միսիա\"").contains("value=\"փորձագետ\"").containsPattern("value=\"DAMAGED\"\\s+checked");

		String pdf = mvc.perform(multipart("/monitoring/sites/" + site.id() + "/assessments")
				.file(new MockMultipartFile("photos", "roof.jpg", "image/jpeg",
						"%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII)))
				.param("condition", "DAMAGED").param("assessedOn", today).param("organisation", "Mission")
				.param("assessorRole", "expert").param("notes", "Roof damaged")
				.with(WebSession.signedIn(observer)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(pdf).contains(text("monitoring.error.photo-type", "en", 1)).contains("Roof damaged");
		assertThat(sites.assessments(site.id())).isEmpty();

		mvc.perform(multipart("/monitoring/sites/" + site.id() + "/assessments")
				.file(new MockMultipartFile("photos", "roof.png", "image/png", png))
				.file(new MockMultipartFile("photos", "", "application/octet-stream", new byte[0]))
				.param("condition", "DAMAGED").param("assessedOn", today).param("organisation", "Mission")
				.param("assessorRole", "expert").param("notes", "Roof damaged")
				.with(WebSession.signedIn(observer)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(sites.assessments(site.id())).singleElement().satisfies(a -> assertThat(a.photos()).hasSize(1));
		String page = mvc.perform(get("/monitoring/sites/" + site.id()).with(WebSession.signedIn(observer)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Roof damaged").contains("/heritage/photos/").contains("enctype=\"multipart/form-data\"");

		// The secretariat reads the site but does not assess.
		mvc.perform(multipart("/monitoring/sites/" + site.id() + "/assessments").param("condition", "INTACT")
				.param("assessedOn", today).param("organisation", "x").param("assessorRole", "y")
				.with(WebSession.signedIn(fixtures.secretariat())).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void aSiteVisitAndAFindingAreRecordedFromThePagesAndRefusalsKeepWhatWasTyped() throws Exception {
		CurrentUser secretariat = fixtures.secretariat();
		String refused = mvc.perform(post("/monitoring/sites").param("nameHy", "Սուրբ Աստվածածին").param("nameAz", "")
				.param("nameRu", "Церковь Богородицы").param("nameEn", "Church of the Holy Mother of God")
				.param("kind", "CHURCH").param("settlement", "xankendi").param("protection", "UNKNOWN")
				.with(WebSession.signedIn(secretariat)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("value=\"Սուրբ Աստվածածին\"").contains("value=\"Church of the Holy Mother of God\"")
				.contains(HtmlUtils.htmlEscape(messages.getMessage("monitoring.error.site-name",
						new Object[] { "Azərbaycanca", 200 }, Locale.ENGLISH)));
		MvcResult added = mvc.perform(post("/monitoring/sites").param("nameHy", "Սուրբ Աստվածածին")
				.param("nameAz", "Müqəddəs Məryəm Ana kilsəsi").param("nameRu", "Церковь Богородицы")
				.param("nameEn", "Church of the Holy Mother of God").param("kind", "CHURCH").param("settlement", "xankendi")
				.param("latitude", "39.8153").param("longitude", "46.7519").param("protection", "LOCAL_REGISTER")
				.with(WebSession.signedIn(secretariat)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String sitePath = added.getResponse().getRedirectedUrl();
		UUID site = UUID.fromString(sitePath.substring("/monitoring/sites/".length()));

		String past = mvc.perform(post("/monitoring/sites/" + site + "/visits").param("plannedOn", "2020-01-01")
				.param("purpose", "Первый осмотр").with(WebSession.signedIn(secretariat)).with(csrf())
				.header("Accept-Language", "ru")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
				.getContentAsString();
		assertThat(past).contains(text("monitoring.error.visit-planned-past", "ru")).contains("Первый осмотр");
		mvc.perform(post("/monitoring/sites/" + site + "/visits").param("plannedOn",
				HeritageSitesTest.today().plusDays(5).toString()).param("purpose", "First look")
				.with(WebSession.signedIn(secretariat)).with(csrf())).andExpect(status().is3xxRedirection());
		UUID visit = sites.visits(site).get(0).id();
		String early = mvc.perform(post("/monitoring/visits/" + visit + "/complete").param("completedOn", "2024-01-01")
				.param("report", "Всё цело").with(WebSession.signedIn(fixtures.observer())).with(csrf())
				.header("Accept-Language", "ru")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
				.getContentAsString();
		assertThat(early).contains("Всё цело").contains(HtmlUtils.htmlEscape(messages.getMessage(
				"monitoring.error.visit-before-scheduled", new Object[] { HeritageSitesTest.today() },
				Locale.forLanguageTag("ru"))));

		UUID commitment = UUID.randomUUID();
		String noText = mvc.perform(post("/monitoring/findings").param("subjectKind", "COMMITMENT")
				.param("subject", commitment.toString()).param("foundOn", HeritageSitesTest.today().toString())
				.param("organisation", "Test mission").param("authorRole", "team leader")
				.with(WebSession.signedIn(fixtures.observer())).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(noText).contains(text("monitoring.error.finding-text", "en")).contains("value=\"" + commitment + "\"")
				.contains("value=\"Test mission\"");
		mvc.perform(post("/monitoring/findings").param("subjectKind", "COMMITMENT").param("subject", commitment.toString())
				.param("textEn", "The deadline passed without the promised report.")
				.param("foundOn", HeritageSitesTest.today().toString()).param("organisation", "Test mission")
				.param("authorRole", "team leader").with(WebSession.signedIn(fixtures.observer())).with(csrf()))
				.andExpect(status().is3xxRedirection());
		String list = mvc.perform(get("/monitoring/findings?subjectKind=COMMITMENT")
				.with(WebSession.signedIn(fixtures.secretariat()))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(list).contains("The deadline passed without the promised report.")
				.contains("/commitments/" + commitment);
	}

	/** The text of the cell with {@code testid} in the table row that carries {@code rowMarker}. */
	static String cell(String html, String rowMarker, String testid) {
		Matcher row = Pattern.compile("(?s)<tr[^>]*" + Pattern.quote(rowMarker) + "[^>]*>(.*?)</tr>").matcher(html);
		assertThat(row.find()).as(rowMarker).isTrue();
		Matcher cell = Pattern.compile("(?s)data-testid=\"" + testid + "\"[^>]*>\\s*<span[^>]*>([^<]*)</span>")
				.matcher(row.group(1));
		assertThat(cell.find()).as(testid + " in " + rowMarker).isTrue();
		return cell.group(1).strip();
	}
}
