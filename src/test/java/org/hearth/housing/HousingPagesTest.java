package org.hearth.housing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.hearth.identity.AccountId;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The housing officer's pages over the real domain and database: counts on the dashboard, refusals that keep what
 * was typed, the suspension of offers when an area stops being released, the mine-action import, a round started
 * from its page with its explanations, and the public round files. Each test works in settlements of its own.
 */
@HearthTest
class HousingPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MineAction mineAction;

	@Autowired
	HousingStock stock;

	@Autowired
	Programme programme;

	@Autowired
	Offers offers;

	@Autowired
	Rounds rounds;

	@Autowired
	MessageSource messages;

	@Autowired
	org.hearth.platform.DisplayZone zone;

	CurrentUser officer;

	LocalDate today = LocalDate.now();

	@BeforeEach
	void officer() {
		officer = users.newStaff(Set.of(Role.HOUSING_OFFICER), "KHA");
	}

	static RequestPostProcessor as(CurrentUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	UUID area(String settlement, AreaStatus status) {
		String reference = "T-" + UUID.randomUUID().toString().substring(0, 13);
		boolean released = status == AreaStatus.RELEASED;
		mineAction.record(officer, new MineAction.AreaRecord(reference, settlement, "Sector of " + reference, status,
				released ? "CERT-" + reference : null, released ? today.minusDays(30) : null), "test");
		return mineAction.byReference(reference).orElseThrow().id();
	}

	UUID readyUnit(String settlement, UUID area, int rooms) {
		UUID unit = stock.addUnit(officer, new HousingStock.NewUnit(settlement, area, "Street " + UUID.randomUUID()
				.toString().substring(0, 6), rooms, BigDecimal.valueOf(30 + 15 * rooms), false));
		stock.setStatus(officer, unit, UnitStatus.UNDER_CONSTRUCTION, 0);
		stock.setStatus(officer, unit, UnitStatus.READY, 1);
		return unit;
	}

	UUID household(int size, List<String> needs, String... preferences) {
		return programme.enrol(new Programme.Enrolment(UUID.randomUUID(), AccountId.random(), null, size, needs, false,
				List.of(preferences), null, today.minusYears(2)));
	}

	static String row(String html, String attribute, String value) {
		Matcher m = Pattern.compile("(?s)<tr[^>]*" + attribute + "=\"" + Pattern.quote(value) + "\".*?</tr>").matcher(html);
		assertThat(m.find()).as("row " + attribute + "=" + value).isTrue();
		return m.group();
	}

	@Test
	void theDashboardShowsEachSettlementsCountsAndSupervisorsOnlyRead() throws Exception {
		stock.setReadiness(officer, new HousingStock.Readiness("agbulaq", 40, true, false, true, false, false, null));
		UUID released = area("agbulaq", AreaStatus.RELEASED);
		area("agbulaq", AreaStatus.SUSPECTED_HAZARD);
		readyUnit("agbulaq", released, 2);
		readyUnit("agbulaq", released, 3);
		stock.addUnit(officer, new HousingStock.NewUnit("agbulaq", released, "Planned street 1", 2, BigDecimal.TEN,
				true));
		household(3, List.of(), "agbulaq");
		household(2, List.of(), "xankendi", "agbulaq");

		String html = mvc.perform(get("/housing").with(as(officer)).header("Accept-Language", "en"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String row = row(html, "data-settlement", "agbulaq");
		assertThat(row).contains("Aghbulag");
		assertThat(row).containsPattern("data-testid=\"construction\"[^>]*>40 %<");
		assertThat(row).containsPattern("data-testid=\"units-READY\">.*?<strong>2</strong>");
		assertThat(row).containsPattern("data-testid=\"units-PLANNED\">.*?<strong>1</strong>");
		assertThat(row).containsPattern("data-testid=\"units-OCCUPIED\">.*?<strong>0</strong>");
		assertThat(row).containsPattern("data-testid=\"service-water\">.*?<strong>yes</strong>");
		assertThat(row).containsPattern("data-testid=\"service-electricity\">.*?<strong>no</strong>");
		assertThat(row).containsPattern("data-testid=\"areas\"[^>]*>1 of 2<");
		assertThat(row).containsPattern("data-testid=\"waiting\"[^>]*>2<");
		assertThat(html).contains("href=\"/housing\"");

		CurrentUser supervisor = users.newStaff(Set.of(Role.SUPERVISOR), "KHA");
		String page = mvc.perform(get("/housing/settlements/agbulaq").with(as(supervisor)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Aghbulag").doesNotContain("action=\"/housing/settlements/agbulaq/readiness\"");
		mvc.perform(post("/housing/settlements/agbulaq/readiness").param("construction", "90").with(as(supervisor))
				.with(csrf())).andExpect(status().isForbidden());
		assertThat(stock.readiness("agbulaq").constructionPercent()).isEqualTo(40);
	}

	@Test
	void aReleaseWithoutCertificateOrInTheFutureComesBackWithTheMessageAndWhatWasTyped() throws Exception {
		UUID area = area("dagyurd", AreaStatus.SUSPECTED_HAZARD);
		String yesterday = today.minusDays(1).toString();
		String html = mvc.perform(post("/housing/settlements/dagyurd/areas").param("area", area.toString())
				.param("status", "RELEASED").param("certificate", "").param("releasedOn", yesterday)
				.with(as(officer)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains(text("housing.error.release-needs-certificate", "en"));
		assertThat(html).contains("value=\"" + yesterday + "\"");
		assertThat(html).containsPattern("value=\"RELEASED\"\\s+selected");
		assertThat(html).containsPattern("value=\"" + area + "\"\\s+selected");
		assertThat(mineAction.area(area).status()).isEqualTo(AreaStatus.SUSPECTED_HAZARD);

		String tomorrow = today.plusDays(2).toString();
		String future = mvc.perform(post("/housing/settlements/dagyurd/areas").param("area", "")
				.param("reference", "NEW-DAG-7").param("sector", "Upper meadow").param("status", "RELEASED")
				.param("certificate", "MA-77").param("releasedOn", tomorrow).with(as(officer)).with(csrf())
				.header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(future).contains(text("housing.error.release-in-future", "ru"));
		assertThat(future).contains("value=\"NEW-DAG-7\"").contains("value=\"Upper meadow\"")
				.contains("value=\"MA-77\"").contains("value=\"" + tomorrow + "\"");
		assertThat(mineAction.byReference("NEW-DAG-7")).isEmpty();

		MvcResult done = mvc.perform(post("/housing/settlements/dagyurd/areas").param("area", area.toString())
				.param("status", "RELEASED").param("certificate", "MA-2025-1").param("releasedOn", yesterday)
				.with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/housing/settlements/dagyurd#area");
		assertThat(mineAction.area(area).certificate()).isEqualTo("MA-2025-1");
	}

	@Test
	void aConfirmedHazardSuspendsTheOfferAndThePageSaysSoThenTheOfferIsReinstatedAfterRelease() throws Exception {
		UUID area = area("xacmac", AreaStatus.RELEASED);
		UUID unit = readyUnit("xacmac", area, 2);
		UUID household = household(2, List.of(), "xacmac");
		String settlementPage = mvc.perform(get("/housing/settlements/xacmac").with(as(officer)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(settlementPage).contains("action=\"/housing/units/" + unit + "/offer\"")
				.contains("value=\"" + household + "\"");
		mvc.perform(post("/housing/units/" + unit + "/offer").param("household", household.toString())
				.with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
		Offers.Offer offer = offers.ofHousehold(household).get(0);
		assertThat(offer.status()).isEqualTo(OfferStatus.OPEN);
		assertThat(offer.round()).isNull();

		// A session of its own carries the notice across the redirect, as a browser's would.
		WebSession browser = new WebSession(mvc);
		MvcResult result = browser.perform(post("/housing/settlements/xacmac/areas").param("area", area.toString())
				.param("status", "CONFIRMED_HAZARD").with(as(officer)).with(csrf()));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		Offers.Offer suspended = offers.find(offer.id());
		assertThat(suspended.status()).isEqualTo(OfferStatus.SUSPENDED);
		assertThat(suspended.suspendedReason()).isEqualTo("CONFIRMED_HAZARD");
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.READY);
		String page = browser.perform(get(result.getResponse().getRedirectedUrl()).with(as(officer))).getResponse()
				.getContentAsString();
		String reference = mineAction.area(area).reference();
		assertThat(page).contains(text("housing.area.notice.suspended", "en", reference, 1));
		assertThat(page).contains(text("housing.area-status.CONFIRMED_HAZARD", "en"));

		String tracking = mvc.perform(get("/housing/offers").param("status", "SUSPENDED").param("settlement", "xacmac")
				.with(as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tracking).contains("data-offer=\"" + offer.id() + "\"")
				.contains("/housing/offers/" + offer.id() + "/reinstate");

		// Not yet released: refused on the page, the offer stays suspended.
		String refused = mvc.perform(post("/housing/offers/" + offer.id() + "/reinstate").param("status", "SUSPENDED")
				.with(as(officer)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(refused).contains(text("housing.error.area-not-released", "en"));
		assertThat(offers.find(offer.id()).status()).isEqualTo(OfferStatus.SUSPENDED);

		mvc.perform(post("/housing/settlements/xacmac/areas").param("area", area.toString()).param("status", "RELEASED")
				.param("certificate", "MA-RE-1").param("releasedOn", today.minusDays(1).toString()).with(as(officer))
				.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/housing/offers/" + offer.id() + "/reinstate").with(as(officer)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(offers.find(offer.id()).status()).isEqualTo(OfferStatus.OPEN);
		assertThat(offers.history(offer.id())).extracting(Offers.HistoryEntry::status)
				.containsExactly(OfferStatus.OPEN, OfferStatus.SUSPENDED, OfferStatus.OPEN);
	}

	@Test
	void theKeysAndTheMovingInAreRecordedAndAWrongDateIsRefusedAndKept() throws Exception {
		UUID area = area("susakend", AreaStatus.RELEASED);
		UUID unit = readyUnit("susakend", area, 3);
		CurrentUser applicant = users.newApplicant("hy");
		UUID household = programme.enrol(new Programme.Enrolment(UUID.randomUUID(), applicant.id(), null, 4, List.of(),
				false, List.of("susakend"), null, today.minusYears(3)));
		Offers.Offer offer = offers.accept(applicant, offers.offer(officer, unit, household).id());
		LocalDate local = LocalDate.now(zone.zone());

		String page = mvc.perform(get("/housing/offers").param("settlement", "susakend").with(as(officer)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("/housing/offers/" + offer.id() + "/keys");
		String future = local.plusDays(3).toString();
		String refused = mvc.perform(post("/housing/offers/" + offer.id() + "/keys").param("on", future)
				.param("settlement", "susakend").with(as(officer)).with(csrf()).header("Accept-Language", "az"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("housing.error.handover-date", "az")).contains("value=\"" + future + "\"");
		assertThat(offers.find(offer.id()).status()).isEqualTo(OfferStatus.ACCEPTED);

		MvcResult keys = mvc.perform(post("/housing/offers/" + offer.id() + "/keys").param("on", local.toString())
				.param("settlement", "susakend").with(as(officer)).with(csrf())).andReturn();
		assertThat(keys.getResponse().getRedirectedUrl())
				.isEqualTo("/housing/offers?settlement=susakend#offer-" + offer.id());
		assertThat(offers.find(offer.id()).keysHandedOn()).isEqualTo(local);
		mvc.perform(post("/housing/offers/" + offer.id() + "/moved-in").param("on", local.toString()).with(as(officer))
				.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(offers.find(offer.id()).movedInOn()).isEqualTo(local);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.OCCUPIED);
		assertThat(programme.household(household).status()).isEqualTo(HouseholdStatus.MOVED_IN);

		String history = mvc.perform(get("/housing/offers").param("settlement", "susakend").with(as(officer))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(history).contains(text("housing.offer-status.HANDED_OVER", "en"))
				.contains(text("housing.offers.event.moved-in", "en"))
				.contains(text("identity.role.APPLICANT", "en"));
	}

	@Test
	void aValidFileIsImportedAndAFileWithABadRowImportsNothingAndNamesTheLineInArmenian() throws Exception {
		String good = "G-" + UUID.randomUUID().toString().substring(0, 8);
		String csv = String.join(",", MineAction.COLUMNS) + "\n" + good + "-1,ferrux,North field,RELEASED,MA-9,"
				+ today.minusDays(3) + "\n" + good + "-2,ferrux,\"South, by the river\",suspected hazard,,\n";
		String html = mvc.perform(multipart("/housing/areas/import")
				.file(new MockMultipartFile("file", "areas ferrux.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(as(officer)).with(csrf()).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(html).contains(text("housing.csv.changed", "en", 2)).contains(text("housing.csv.unchanged", "en", 0));
		MineAction.Area released = mineAction.byReference(good + "-1").orElseThrow();
		assertThat(released.status()).isEqualTo(AreaStatus.RELEASED);
		assertThat(mineAction.byReference(good + "-2").orElseThrow().sector()).isEqualTo("South, by the river");
		assertThat(mineAction.history(released.id())).extracting(MineAction.HistoryEntry::source)
				.containsExactly("import:areas_ferrux.csv");

		String bad = "B-" + UUID.randomUUID().toString().substring(0, 8);
		String wrong = String.join(",", MineAction.COLUMNS) + "\n" + bad + "-1,ferrux,East,SUSPECTED_HAZARD,,\n" + bad
				+ "-2,ferrux,West,CLEARED,,\n";
		String report = mvc.perform(multipart("/housing/areas/import")
				.file(new MockMultipartFile("file", "bad.csv", "text/csv", wrong.getBytes(StandardCharsets.UTF_8)))
				.with(as(officer)).with(csrf()).header("Accept-Language", "hy")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(report).contains("lang=\"hy\"");
		assertThat(report).containsPattern("data-testid=\"line\">3</td>\\s*<td[^>]*>"
				+ Pattern.quote(text("housing.import.status", "hy", "CLEARED")) + "<");
		assertThat(report).contains(text("housing.csv.nothing-imported", "hy"));
		assertThat(mineAction.byReference(bad + "-1")).isEmpty();
	}

	@Test
	void anEmptyABinaryAndAnOversizedFileAreRefusedWithAMessage() throws Exception {
		String empty = upload(new byte[0], "en");
		assertThat(empty).contains(text("housing.csv.error.empty", "en"));
		String binary = upload(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F' }, "az");
		assertThat(binary).contains(text("housing.csv.error.not-text", "az"));
		String nul = upload("reference\0,settlement".getBytes(StandardCharsets.UTF_8), "en");
		assertThat(nul).contains(text("housing.csv.error.not-text", "en"));
		String large = upload(new byte[10 * 1024 * 1024 + 1], "ru");
		assertThat(large).contains(text("housing.csv.error.too-large", "ru", 10.0));
	}

	String upload(byte[] content, String language) throws Exception {
		return mvc.perform(multipart("/housing/areas/import")
				.file(new MockMultipartFile("file", "export.csv", "text/csv", content)).with(as(officer)).with(csrf())
				.header("Accept-Language", language)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	@Test
	void aRoundStartedFromItsPageMakesOffersAndExplainsWhyAHouseholdGotNone() throws Exception {
		UUID area = area("tezebine", AreaStatus.RELEASED);
		UUID unit = readyUnit("tezebine", area, 2);
		UUID urgent = household(2, List.of("disability"), "tezebine");
		UUID later = household(2, List.of(), "tezebine");
		UUID large = household(9, List.of("elderly"), "tezebine", "xankendi");

		String refused = mvc.perform(post("/housing/rounds").with(as(officer)).with(csrf())
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(refused).contains(text("housing.error.round-needs-settlements", "en"));

		WebSession browser = new WebSession(mvc);
		MvcResult started = browser.perform(post("/housing/rounds").param("settlements", "tezebine").with(as(officer))
				.with(csrf()));
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).matches("/housing/rounds/\\d+");
		int number = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));

		assertThat(offers.ofHousehold(urgent)).singleElement().satisfies(o -> {
			assertThat(o.unit()).isEqualTo(unit);
			assertThat(o.status()).isEqualTo(OfferStatus.OPEN);
		});
		assertThat(offers.ofHousehold(later)).isEmpty();
		assertThat(offers.ofHousehold(large)).isEmpty();

		String html = browser.perform(get(location).with(as(officer))).getResponse().getContentAsString();
		assertThat(html).contains(text("housing.rounds.notice.started", "en", number, 1, 3));
		String laterPseudonym = rounds.entry(number, later).orElseThrow().pseudonym();
		String largePseudonym = rounds.entry(number, large).orElseThrow().pseudonym();
		String urgentPseudonym = rounds.entry(number, urgent).orElseThrow().pseudonym();
		assertThat(row(html, "data-pseudonym", laterPseudonym)).contains(text("housing.round.why.taken", "en", 1));
		assertThat(row(html, "data-pseudonym", largePseudonym)).contains(text("housing.round.why.none-fits", "en", 9));
		assertThat(row(html, "data-pseudonym", urgentPseudonym)).contains(stock.unit(unit).address())
				.contains(text("housing.points.disability", "en")).contains("Tazabine");

		String list = mvc.perform(get("/housing/rounds").with(as(officer))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(list).contains(rounds.round(number).inputHash()).contains(rounds.round(number).resultHash());
	}

	@Test
	void theRoundFilesAreDownloadedByAnyoneExactlyAsHashed() throws Exception {
		UUID area = area("ballica", AreaStatus.RELEASED);
		readyUnit("ballica", area, 3);
		household(4, List.of("single-parent"), "ballica");
		Rounds.Round round = rounds.start(officer, List.of("ballica"));

		MvcResult input = mvc.perform(get("/great-return/rounds/" + round.number() + "/input.json"))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
				.andExpect(header().string("Content-Disposition",
						"attachment; filename=\"round-" + round.number() + "-input.json\""))
				.andReturn();
		byte[] bytes = input.getResponse().getContentAsByteArray();
		assertThat(bytes).isEqualTo(rounds.inputFile(round.number()));
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
				.isEqualTo(round.inputHash());

		byte[] result = mvc.perform(get("/great-return/rounds/" + round.number() + "/result.json"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(result)))
				.isEqualTo(round.resultHash());

		String page = mvc.perform(get("/great-return/rounds").header("Accept-Language", "hy"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(round.inputHash()).contains("verify-round round-N-input.json round-N-result.json")
				.contains(Rounds.commitment(round.inputHash(), round.algorithmVersion(), round.resultHash()));
		mvc.perform(get("/great-return/rounds/999999/input.json")).andExpect(status().isNotFound());
	}

	@Test
	void anApplicantMayNotOpenTheHousingPages() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		for (String path : List.of("/housing", "/housing/settlements/susa", "/housing/areas/import", "/housing/rounds",
				"/housing/offers")) {
			mvc.perform(get(path).with(as(applicant))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/housing/rounds").param("settlements", "susa").with(as(applicant)).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(get("/housing")).andExpect(status().is3xxRedirection());
	}
}
