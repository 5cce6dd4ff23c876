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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The registry's staff pages as staff use them: a name found in another script, the search recorded, and the
 * household opened.
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
	AccessLog accessLog;

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
}
