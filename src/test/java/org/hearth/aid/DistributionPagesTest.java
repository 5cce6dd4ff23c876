package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.hearth.aid.Distributions.Round;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.registry.Duplicates;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.transparency.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The distribution pages as coordinators use them, over the real registry and database: a round created in Armenian
 * with a refusal that keeps what was typed; the tablet in Azerbaijani finding a household under another script,
 * refusing without the confirmation tick or with a future date, then recording it; the printed list recording each
 * household shown; a signed sheet with one bad line reported and every tick kept; names nowhere else; coordinators
 * only. Each test keeps to a settlement of origin of its own.
 */
@HearthTest
class DistributionPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	Distributions distributions;

	@Autowired
	Registry registry;

	@Autowired
	Duplicates duplicates;

	@Autowired
	AccessLog accessLog;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.hearth.platform.Dates dates;

	final LocalDate today = LocalDate.now();

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request, CurrentUser user, String language)
			throws Exception {
		return result(request, user, language).getResponse();
	}

	MvcResult result(MockHttpServletRequestBuilder request, CurrentUser user, String language) throws Exception {
		return mvc.perform(request.with(WebSession.signedIn(user)).with(WebSession.from(WebSession.uniqueAddress()))
				.header("Accept-Language", language)).andReturn();
	}

	String page(MockHttpServletRequestBuilder request, CurrentUser user, String language, int status)
			throws Exception {
		MockHttpServletResponse response = perform(request, user, language);
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(html).isEqualTo(status);
		return html;
	}

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	Round round(String settlement, String stock) {
		UUID warehouse = fixtures.warehouseWith("food-parcel", stock);
		return distributions.create(fixtures.coordinator(), new Distributions.NewRound("Round " + UUID.randomUUID(),
				"food-parcel", warehouse, settlement, BigDecimal.ONE, BigDecimal.ZERO, today.minusDays(5),
				today.plusDays(5)));
	}

	UUID household(String origin, String given, String family) {
		return registry.register(new NewHousehold(origin, null, "test",
				List.of(new NewPerson(given, family, null, null, null, null))));
	}

	static List<String> households(String html) {
		List<String> found = new ArrayList<>();
		Matcher m = Pattern.compile("data-household=\"([0-9a-f-]{36})\"").matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	int rows(Round round) {
		return jdbc.sql("SELECT count(*) FROM aid.distribution WHERE round = ?").param(round.id()).query(Integer.class)
				.single();
	}

	@Test
	void aRoundIsCreatedInArmenianAndARefusalKeepsWhatWasTyped() throws Exception {
		CurrentUser coordinator = fixtures.coordinator();
		UUID warehouse = fixtures.warehouseWith("food-parcel", "10");
		String form = page(get("/aid/distributions"), coordinator, "hy", 200);
		assertThat(form).contains(text("aid.distribution.rounds.title", "hy")).contains("name=\"perHousehold\"")
				.contains("value=\"" + warehouse + "\"").contains("aria-current=\"page\"");

		String name = "Ձմեռային փաթեթներ " + UUID.randomUUID().toString().substring(0, 6);
		String refused = page(post("/aid/distributions").param("name", name).param("item", "food-parcel")
				.param("warehouse", warehouse.toString()).param("settlement", "suqovusan").param("perHousehold", "-1")
				.param("perMember", "0").param("opensOn", today.toString()).param("closesOn", today.plusDays(7).toString())
				.with(csrf()), coordinator, "hy", 422);
		assertThat(refused).contains(text("aid.error.quantity-negative", "hy")).contains("value=\"" + name + "\"")
				.contains("value=\"-1\"").containsPattern("value=\"suqovusan\"\\s+selected")
				.containsPattern("value=\"" + warehouse + "\"\\s+selected")
				.contains("value=\"" + today.plusDays(7) + "\"");

		String unit = page(post("/aid/distributions").param("name", name).param("item", "food-parcel")
				.param("warehouse", warehouse.toString()).param("settlement", "suqovusan").param("perHousehold", "1 kg")
				.param("perMember", "").param("opensOn", today.toString()).param("closesOn", "2026-13-40")
				.with(csrf()), coordinator, "az", 422);
		assertThat(unit).contains("lang=\"az\"").contains("value=\"1 kg\"").contains("value=\"2026-13-40\"");
		assertThat(distributions.rounds()).extracting(Round::name).doesNotContain(name);

		MockHttpServletResponse created = perform(post("/aid/distributions").param("name", name)
				.param("item", "food-parcel").param("warehouse", warehouse.toString()).param("settlement", "suqovusan")
				.param("perHousehold", "1").param("perMember", "0").param("opensOn", today.toString())
				.param("closesOn", today.plusDays(7).toString()).with(csrf()), coordinator, "hy");
		Round round = distributions.rounds().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
		assertThat(created.getRedirectedUrl()).isEqualTo("/aid/distributions/" + round.id());
		String shown = page(get("/aid/distributions/" + round.id()), coordinator, "hy", 200);
		assertThat(shown).contains(name).contains(text("aid.distribution.round.totals", "hy"))
				.contains("/aid/distributions/" + round.id() + "/tablet")
				.contains("/aid/distributions/" + round.id() + "/list?sheet=1");
		assertThat(page(get("/aid/distributions"), coordinator, "en", 200)).contains(name);
	}

	@Test
	void theTabletFindsAHouseholdInAnotherScriptAndRecordsItInAzerbaijani() throws Exception {
		String origin = "talis";
		Round round = round(origin, "10");
		String suffix = DistributionsTest.suffix();
		LocalDate born = DistributionsTest.unusedBirthDate();
		UUID household = registry.register(new NewHousehold(origin, null, "test", List.of(
				new NewPerson("Elşən", "Məmmədov" + suffix, null, born, "Xankəndi", 1992),
				new NewPerson("Aytən", "Məmmədova" + suffix, null, null, null, null))));
		UUID head = registry.household(household).get(0).id();
		CurrentUser coordinator = users.newStaff(Set.of(Role.AID_COORDINATOR), "KHA");
		String base = "/aid/distributions/" + round.id() + "/tablet";

		String search = page(get(base).param("q", "Мамедов" + DistributionsTest.cyrillic(suffix)), coordinator, "az",
				200);
		assertThat(search).contains("lang=\"az\"").contains("Elşən").contains("Məmmədov" + suffix)
				.contains(base + "/" + household).contains(text("aid.distribution.standing.due", "az"))
				.contains(text("aid.distribution.tablet.recorded", "az"));
		assertThat(accessLog.of("person", head)).first().satisfies(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
			assertThat(access.purpose()).isEqualTo("DISTRIBUTION");
		});

		String opened = page(get(base + "/" + household), coordinator, "az", 200);
		assertThat(opened).contains("Aytən").contains(text("aid.distribution.household.signed", "az"))
				.contains(text("aid.amount.PARCEL", "az", 1));
		assertThat(accessLog.of("person", head)).first()
				.satisfies(access -> assertThat(access.action()).isEqualTo(AccessLog.Action.OPEN));

		String unsigned = page(post(base + "/" + household).param("handedOn", today.minusDays(1).toString())
				.with(csrf()), coordinator, "az", 422);
		assertThat(unsigned).contains(text("aid.distribution.error.not-signed", "az"))
				.contains("value=\"" + today.minusDays(1) + "\"");
		String future = page(post(base + "/" + household).param("handedOn", today.plusDays(2).toString())
				.param("signed", "true").with(csrf()), coordinator, "az", 422);
		assertThat(future).contains(text("aid.error.date-in-future", "az"))
				.contains("value=\"" + today.plusDays(2) + "\"").containsPattern("id=\"signed\"[^>]*checked");
		assertThat(rows(round)).isZero();

		MvcResult recorded = result(post(base + "/" + household).param("handedOn", today.toString())
				.param("signed", "true").with(csrf()), coordinator, "az");
		assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo(base);
		assertThat(recorded.getFlashMap().get("notice")).isEqualTo("aid.distribution.notice.handed-out");
		assertThat(rows(round)).isEqualTo(1);

		String again = page(get(base + "/" + household), coordinator, "hy", 200);
		assertThat(again).contains("data-testid=\"received\"").doesNotContain("name=\"signed\"");
		String twice = page(post(base + "/" + household).param("handedOn", today.toString()).param("signed", "true")
				.with(csrf()), coordinator, "ru", 422);
		assertThat(twice).contains(text("aid.distribution.error.already-received", "ru",
				Distributions.reference(household), today.toString()));
		assertThat(rows(round)).isEqualTo(1);
	}

	@Test
	void aFlaggedHouseholdShowsTheWarningAndNeedsANote() throws Exception {
		String origin = "sirxavend";
		Round round = round(origin, "10");
		String suffix = DistributionsTest.suffix();
		LocalDate born = DistributionsTest.unusedBirthDate();
		UUID first = registry.register(new NewHousehold(origin, null, "test",
				List.of(new NewPerson("Rəşad", "Quliyev" + suffix, null, born, "Şuşa", 1992))));
		UUID second = registry.register(new NewHousehold(origin, null, "test",
				List.of(new NewPerson("Рашад", "Гулиев" + DistributionsTest.cyrillic(suffix), null, born, "Шуша", 1992))));
		duplicates.detect();
		distributions.handOut(fixtures.coordinator(), round.id(),
				new Distributions.HandOut(first, today, Distributions.Method.TABLET, null));
		CurrentUser coordinator = fixtures.coordinator();
		String base = "/aid/distributions/" + round.id() + "/tablet/" + second;

		String warned = page(get(base), coordinator, "ru", 200);
		assertThat(warned).contains("data-testid=\"flag-warning\"").contains(text("aid.distribution.flag.warning", "ru",
				Distributions.reference(first))).contains("name=\"note\"");
		String refused = page(post(base).param("handedOn", today.toString()).param("signed", "true").param("note", " ")
				.with(csrf()), coordinator, "ru", 422);
		assertThat(refused).contains(text("aid.distribution.error.note-required", "ru", Distributions.reference(first)));
		assertThat(perform(post(base).param("handedOn", today.toString()).param("signed", "true")
				.param("note", "Разные свидетельства о рождении.").with(csrf()), coordinator, "ru").getStatus())
				.isEqualTo(302);
		String roundPage = page(get("/aid/distributions/" + round.id()), coordinator, "ru", 200);
		assertThat(roundPage).contains(text("aid.distribution.flag.possible-duplicate", "ru",
				Distributions.reference(first))).containsPattern("data-testid=\"flagged\">1<");
	}

	@Test
	void thePrintedListRecordsEachHouseholdShownAndSaysSo() throws Exception {
		String origin = "heyvali";
		Round round = round(origin, "10");
		String suffix = DistributionsTest.suffix();
		UUID armenian = household(origin, "Արմեն", "Պետրոսյան");
		UUID russian = household(origin, "Тимур", "Мамедов" + DistributionsTest.cyrillic(suffix));
		UUID azerbaijani = household(origin, "Aytən", "Məmmədova" + suffix);
		distributions.handOut(fixtures.coordinator(), round.id(),
				new Distributions.HandOut(azerbaijani, today, Distributions.Method.TABLET, null));
		CurrentUser coordinator = users.newStaff(Set.of(Role.AID_COORDINATOR), "SHU");

		String list = page(get("/aid/distributions/" + round.id() + "/list"), coordinator, "en", 200);
		assertThat(list).containsPattern("href=\"/assets/css/aid-distributions[-0-9a-f]*\\.css\"").contains(text("aid.distribution.list.recorded", "en"))
				.contains("Արմեն").contains("Тимур").contains("Timur").contains(text("aid.distribution.field.signature", "en"))
				.contains(text("aid.distribution.list.received", "en", dates.date(today, Locale.ENGLISH)));
		List<String> shown = households(list);
		assertThat(shown).contains(armenian.toString(), russian.toString(), azerbaijani.toString());
		for (String household : shown) {
			UUID head = registry.household(UUID.fromString(household)).get(0).id();
			assertThat(accessLog.of("person", head)).as(household).anySatisfy(access -> {
				assertThat(access.purpose()).isEqualTo("DISTRIBUTION");
				assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
				assertThat(access.office()).isEqualTo("SHU");
			});
		}
		String css = new String(getClass().getResourceAsStream("/static/css/aid-distributions.css").readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(css).contains("@media print");
		assertThat(perform(get("/aid/distributions/" + round.id() + "/list").param("sheet", "99"), coordinator, "en")
				.getStatus()).isEqualTo(404);
	}

	@Test
	void aSignedSheetWithOneBadLineIsReportedAndEveryTickKept() throws Exception {
		String origin = "cerekdar";
		Round round = round(origin, "10");
		String suffix = DistributionsTest.suffix();
		UUID one = household(origin, "Anahit", "Abovyan" + suffix);
		UUID two = household(origin, "Hayk", "Abovyan" + suffix);
		CurrentUser coordinator = fixtures.coordinator();
		String base = "/aid/distributions/" + round.id() + "/signed";
		String form = page(get(base), coordinator, "hy", 200);
		assertThat(form).contains("value=\"" + one + "\"").contains("value=\"" + two + "\"").doesNotContain("Anahit")
				.as("the sheet to record shows no names");

		String refused = page(post(base).param("sheet", "1").param("handedOn", today.toString())
				.param("household", one.toString(), two.toString()).param("date-" + two, today.plusDays(3).toString())
				.with(csrf()), coordinator, "hy", 422);
		assertThat(refused).contains(text("aid.distribution.error.lines-refused", "hy", 1))
				.contains(text("aid.error.date-in-future", "hy"))
				.containsPattern("value=\"" + one + "\"\\s+checked").containsPattern("value=\"" + two + "\"\\s+checked")
				.contains("value=\"" + today.plusDays(3) + "\"");
		assertThat(rows(round)).isZero();

		MvcResult recorded = result(post(base).param("sheet", "1").param("handedOn", today.toString())
				.param("household", one.toString(), two.toString()).param("date-" + two, today.minusDays(1).toString())
				.with(csrf()), coordinator, "hy");
		assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo(base + "?sheet=1");
		assertThat(rows(round)).isEqualTo(2);
		assertThat(distributions.distributions(round.id(), 10)).extracting(Distributions.Distribution::method)
				.containsOnly(Distributions.Method.SIGNED_LIST);
		assertThat(distributions.standing(round.id(), two).received().handedOn()).isEqualTo(today.minusDays(1));

		String nothing = page(post(base).param("sheet", "1").param("handedOn", today.toString()).with(csrf()),
				coordinator, "en", 422);
		assertThat(nothing).contains(text("aid.distribution.error.none-ticked", "en"));
	}

	@Test
	void theRoundPageIsPseudonymousAndOnlyCoordinatorsGetIn() throws Exception {
		String origin = "agdere";
		Round round = round(origin, "10");
		String family = "Sahakyan" + DistributionsTest.suffix();
		UUID household = household(origin, "Nune", family);
		distributions.handOut(fixtures.coordinator(), round.id(),
				new Distributions.HandOut(household, today, Distributions.Method.TABLET, null));
		CurrentUser coordinator = fixtures.coordinator();
		String shown = page(get("/aid/distributions/" + round.id()), coordinator, "en", 200);
		assertThat(shown).contains(Distributions.reference(household)).doesNotContain(family).doesNotContain("Nune")
				.containsPattern("data-testid=\"served\">1 of ");

		CurrentUser observer = users.newStaff(Set.of(Role.OBSERVER), "KHA");
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		String id = round.id().toString();
		for (String path : List.of("/aid/distributions", "/aid/distributions/" + id, "/aid/distributions/" + id + "/list",
				"/aid/distributions/" + id + "/signed", "/aid/distributions/" + id + "/tablet?q=" + family,
				"/aid/distributions/" + id + "/tablet/" + household)) {
			assertThat(perform(get(path), observer, "en").getStatus()).as(path).isEqualTo(403);
			assertThat(perform(get(path), caseworker, "en").getStatus()).as(path).isEqualTo(403);
		}
		assertThat(perform(post("/aid/distributions/" + id + "/tablet/" + household).param("handedOn", today.toString())
				.param("signed", "true").with(csrf()), observer, "en").getStatus()).isEqualTo(403);
		assertThat(perform(post("/aid/distributions/" + id + "/close").with(csrf()), observer, "en").getStatus())
				.isEqualTo(403);

		assertThat(perform(get("/aid/distributions/" + UUID.randomUUID()), coordinator, "en").getStatus()).isEqualTo(404);
		assertThat(perform(get("/aid/distributions/" + id + "/tablet/" + UUID.randomUUID()), coordinator, "en")
				.getStatus()).isEqualTo(404);
		assertThat(perform(get("/aid/distributions/not-a-round"), coordinator, "en").getStatus()).isEqualTo(404);

		MockHttpServletResponse closed = perform(post("/aid/distributions/" + id + "/close").with(csrf()), coordinator,
				"en");
		assertThat(closed.getRedirectedUrl()).isEqualTo("/aid/distributions/" + id);
		String again = page(post("/aid/distributions/" + id + "/close").with(csrf()), coordinator, "en", 422);
		assertThat(again).contains(text("aid.distribution.error.closed", "en"));
	}
}
