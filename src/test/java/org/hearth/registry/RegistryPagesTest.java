package org.hearth.registry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.transparency.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The registry's staff pages as staff use them: a name found in another script, and the search recorded; a pair of
 * records merged only with an explanation, what was typed kept when it is refused.
 */
@HearthTest
class RegistryPagesTest {

	/** Letters written alike in Latin and Cyrillic and under every key: they keep this test's names apart. */
	private static final String LATIN = "bdflmnprt";
	private static final String CYRILLIC = "бдфлмнпрт";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Registry registry;

	@Autowired
	Duplicates duplicates;

	@Autowired
	AccessLog accessLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	private static String suffix() {
		var random = new java.util.Random();
		var suffix = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			suffix.append(LATIN.charAt(random.nextInt(LATIN.length())));
		}
		return suffix.toString();
	}

	private static String cyrillic(String latin) {
		var out = new StringBuilder();
		for (char c : latin.toCharArray()) {
			out.append(CYRILLIC.charAt(LATIN.indexOf(c)));
		}
		return out.toString();
	}

	private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, CurrentUser user,
			String language) throws Exception {
		return mvc.perform(request.with(WebSession.signedIn(user)).with(WebSession.from(WebSession.uniqueAddress()))
				.header("Accept-Language", language)).andReturn().getResponse();
	}

	/** A page that must render: its HTML. */
	private String page(AbstractMockHttpServletRequestBuilder<?> request, CurrentUser user, String language)
			throws Exception {
		MockHttpServletResponse response = perform(request, user, language);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	@Test
	void aNameIsFoundFromEveryScriptAndEachSearchIsRecorded() throws Exception {
		String suffix = suffix();
		UUID household = registry.register(new NewHousehold("susa", null, "registration", List.of(
				new NewPerson("Elşən", "Məmmədov" + suffix, "Həsən oğlu", LocalDate.of(1960, 3, 1), "Şuşa",
						1992),
				new NewPerson("Aytən", "Məmmədov" + suffix, null, null, null, null),
				new NewPerson("Тимур", "Мамедов" + cyrillic(suffix), null, null, null, null))));
		Registry.Person head = registry.household(household).get(0);
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");

		for (String spelling : List.of("Məmmədov", "Mammadov", "Мамедов")) {
			String query = spelling + (spelling.startsWith("М") ? cyrillic(suffix) : suffix);
			String html = page(get("/registry").param("q", query), caseworker, "en");
			assertThat(html).as(query).contains("Elşən Həsən oğlu Məmmədov" + suffix).contains("Aytən")
					.contains("Тимур Мамедов" + cyrillic(suffix)).contains("Timur Mamedov" + suffix)
					.contains("Şuşa")
					.contains("href=\"/registry/households/" + household + "\"");
			assertThat(html).containsPattern("<td>Head</td>");
		}
		assertThat(accessLog.of("person", head.id())).hasSize(3).allSatisfy(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
			assertThat(access.purpose()).isEqualTo("REVIEW");
			assertThat(access.role()).isEqualTo("CASEWORKER");
			assertThat(access.office()).isEqualTo("KHA");
		});

		// No query: no results, and what the search does.
		String empty = page(get("/registry").param("q", "  "), caseworker, "ru");
		assertThat(empty).contains(message("registry.search.lead", "ru", Registry.SEARCH_LIMIT))
				.doesNotContain("data-testid=\"match\"");
		assertThat(accessLog.of("person", head.id())).hasSize(3);

		// Opening the household shows its members and is recorded for each of them.
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "SHU");
		String members = page(get("/registry/households/" + household), housing, "az");
		assertThat(members).contains("Elşən Həsən oğlu Məmmədov" + suffix).contains("Aytən Məmmədov" + suffix)
				.contains(message("registry.household.head", "az"));
		assertThat(accessLog.of("person", head.id())).first().satisfies(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.OPEN);
			assertThat(access.role()).isEqualTo("HOUSING_OFFICER");
		});

		MockHttpServletResponse unknown = perform(get("/registry/households/" + UUID.randomUUID()), housing, "en");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains(message("error.not-found", "en"));
		assertThat(perform(get("/registry/households/not-an-id"), housing, "en").getStatus()).isEqualTo(404);
	}

	@Test
	void aPairIsMergedOnlyWithAnExplanationAndWhatWasTypedIsKept() throws Exception {
		// A birth date no other test uses, so that only these two records pair up.
		LocalDate born = LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
		UUID azerbaijani = registry.register(new NewHousehold("susa", null, "registration",
				List.of(new NewPerson("Rəşad", "Quliyev", null, born, "Şuşa", 1992))));
		UUID russian = registry.register(new NewHousehold("susa", null, "import:list-7",
				List.of(new NewPerson("Рашад", "Гулиев", null, born, "Шуша", 1992))));
		UUID first = registry.household(azerbaijani).get(0).id();
		UUID second = registry.household(russian).get(0).id();
		CurrentUser supervisor = users.newStaff(Set.of(Role.SUPERVISOR), "SHU");
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "SHU");

		MockHttpServletResponse detected = perform(post("/registry/duplicates/detect").with(csrf()), supervisor, "en");
		assertThat(detected.getRedirectedUrl()).isEqualTo("/registry/duplicates");
		Duplicates.Duplicate pair = duplicates.open(10_000).stream()
				.filter(d -> Set.of(d.first(), d.second()).equals(Set.of(first, second))).findFirst().orElseThrow();
		UUID a = pair.first();

		String list = page(get("/registry/duplicates"), caseworker, "en");
		assertThat(list).contains("href=\"/registry/duplicates/" + pair.id() + "\"")
				.contains(message("registry.reason.SAME_BIRTH_DATE", "en"))
				.doesNotContain("Rəşad").as("the list shows no names");
		String view = page(get("/registry/duplicates/" + pair.id()), caseworker, "en");
		assertThat(view).contains("Rəşad").contains("Рашад")
				.contains(message("registry.reason.SAME_BIRTH_PLACE", "en"))
				.contains("/registry/duplicates/" + pair.id() + "/merge");
		assertThat(accessLog.of("person", first)).first()
				.satisfies(access -> assertThat(access.purpose()).isEqualTo("QUALITY_CHECK"));

		// No explanation: the message in the page's language, the choice kept, nothing merged.
		String refused = page(post("/registry/duplicates/" + pair.id() + "/merge").param("survivor", a.toString())
				.param("explanation", "   ").with(csrf()), caseworker, "ru");
		assertThat(refused).contains(message("registry.error.explanation-required", "ru"))
				.containsPattern("value=\"" + a + "\"\\s+checked");
		// No choice of record: the explanation typed is kept.
		String unchosen = page(post("/registry/duplicates/" + pair.id() + "/merge")
				.param("explanation", "Same passport <AB123>").with(csrf()), caseworker, "en");
		assertThat(unchosen).contains(message("registry.error.survivor", "en"))
				.contains(">Same passport &lt;AB123&gt;</textarea>").doesNotContain("checked=\"checked\"");
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.OPEN);
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE id IN (?, ?) AND merged_into IS NOT NULL")
				.param(first).param(second).query(Integer.class).single()).isZero();

		MockHttpServletResponse merged = perform(post("/registry/duplicates/" + pair.id() + "/merge")
				.param("survivor", a.toString()).param("explanation", "Same passport number on both lists.")
				.with(csrf()), caseworker, "en");
		assertThat(merged.getRedirectedUrl()).isEqualTo("/registry/duplicates/" + pair.id());
		Duplicates.Duplicate decided = duplicates.get(pair.id());
		assertThat(decided.status()).isEqualTo(Duplicates.Status.MERGED);
		assertThat(decided.survivor()).isEqualTo(a);
		assertThat(decided.decision()).isNotNull().satisfies(decision -> {
			assertThat(decision.by()).isEqualTo(caseworker.uuid());
			assertThat(decision.role()).isEqualTo("CASEWORKER");
			assertThat(decision.office()).isEqualTo("SHU");
		});

		// Decided: read-only, with who and why.
		String shown = page(get("/registry/duplicates/" + pair.id()), supervisor, "en");
		assertThat(shown).contains(message("registry.pair.decision.MERGED", "en")).contains("Caseworker, Shusha office")
				.contains("Same passport number on both lists.").contains(message("registry.pair.first-stays", "en"))
				.doesNotContain("/registry/duplicates/" + pair.id() + "/merge")
				.doesNotContain("/registry/duplicates/" + pair.id() + "/dismiss");
		String late = page(post("/registry/duplicates/" + pair.id() + "/dismiss").param("explanation", "Not the same")
				.with(csrf()), supervisor, "en");
		assertThat(late).contains(message("registry.error.already-decided", "en"));
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.MERGED);

		assertThat(perform(get("/registry/duplicates/" + Long.MAX_VALUE), caseworker, "en").getStatus()).isEqualTo(404);
	}

	@Test
	void aPairOfDifferentPeopleIsDismissedWithAnExplanation() throws Exception {
		LocalDate born = LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
		UUID one = registry.register(new NewHousehold(null, null, "registration",
				List.of(new NewPerson("Samvel", "Sargsyan", null, born, null, null))));
		UUID other = registry.register(new NewHousehold(null, null, "registration",
				List.of(new NewPerson("Самвел", "Саргсян", null, born, null, null))));
		Set<UUID> ids = Set.of(registry.household(one).get(0).id(), registry.household(other).get(0).id());
		duplicates.detect();
		Duplicates.Duplicate pair = duplicates.open(10_000).stream()
				.filter(d -> Set.of(d.first(), d.second()).equals(ids)).findFirst().orElseThrow();
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");

		String refused = page(post("/registry/duplicates/" + pair.id() + "/dismiss").param("explanation", "")
				.with(csrf()), caseworker, "hy");
		assertThat(refused).contains(message("registry.error.explanation-required", "hy"));
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.OPEN);

		MockHttpServletResponse dismissed = perform(post("/registry/duplicates/" + pair.id() + "/dismiss")
				.param("explanation", "Different fathers on the two registrations.").with(csrf()), caseworker, "en");
		assertThat(dismissed.getRedirectedUrl()).isEqualTo("/registry/duplicates/" + pair.id());
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.DISMISSED);
		assertThat(page(get("/registry/duplicates"), caseworker, "en"))
				.doesNotContain("href=\"/registry/duplicates/" + pair.id() + "\"");
	}
}
