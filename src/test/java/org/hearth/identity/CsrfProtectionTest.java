package org.hearth.identity;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Every state-changing form of the browser chain needs the session's CSRF token, and every form carries it. */
@HearthTest
class CsrfProtectionTest {

	private static final Pattern POST_FORM = Pattern.compile("(?is)^<form\\b[^>]*\\bmethod\\s*=\\s*\"post\"");
	private static final Pattern CSRF_INPUT = Pattern.compile(
			"(?is)<input\\b(?=[^>]*\\btype=\"hidden\")(?=[^>]*\\bname=\"_csrf\")(?=[^>]*\\bvalue=\"[^\"]+\")[^>]*>");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registeringWithoutATokenIsRefused() throws Exception {
		String email = "csrf-" + UUID.randomUUID() + "@test.hearth";
		MockHttpServletRequestBuilder register = post("/register").param("email", email)
				.param("password", "Violet-Kettle-Harbour-4821").param("repeatPassword", "Violet-Kettle-Harbour-4821");

		assertThat(status(register)).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.account WHERE email = ?").param(email)
				.query(Integer.class).single()).as("accounts created by the refused request").isZero();

		assertThat(status(register.with(csrf()))).isNotEqualTo(403);
	}

	@Test
	void signingOutWithoutATokenIsRefused() throws Exception {
		RequestPostProcessor applicant = as(users.newApplicant("en"));

		assertThat(status(post("/logout").with(applicant))).isEqualTo(403);
		assertThat(status(post("/logout").with(applicant).with(csrf()))).isNotEqualTo(403);
	}

	@Test
	void startingAnApplicationWithoutATokenIsRefused() throws Exception {
		CurrentUser user = users.newApplicant("en");

		assertThat(status(post("/applications").param("service", "residency").with(as(user)))).isEqualTo(403);
		assertThat(applications(user)).as("applications started by the refused request").isZero();

		assertThat(status(post("/applications").param("service", "residency").with(as(user)).with(csrf())))
				.isNotEqualTo(403);
		assertThat(applications(user)).isOne();
	}

	@Test
	void aTokenIsOnlyGoodForItsOwnSession() throws Exception {
		var alice = new WebSession(mvc);
		String alicesToken = alice.csrfFrom("/register");
		var mallory = new WebSession(mvc);
		mallory.csrfFrom("/register");
		String email = "csrf-" + UUID.randomUUID() + "@test.hearth";

		var refused = mallory.post("/register", alicesToken, "email", email, "password", "Violet-Kettle-Harbour-4821",
				"repeatPassword", "Violet-Kettle-Harbour-4821");
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(mallory.post("/register", "not-a-token", "email", email).getResponse().getStatus()).isEqualTo(403);

		var accepted = alice.post("/register", alicesToken, "email", email, "password", "Violet-Kettle-Harbour-4821",
				"repeatPassword", "Violet-Kettle-Harbour-4821");
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/register/check-email");
	}

	@Test
	void everyPostFormOnThePagesCarriesAToken() throws Exception {
		RequestPostProcessor applicant = as(users.newApplicant("en"));
		List<MockHttpServletRequestBuilder> pages = List.of(get("/login"),
				get("/login").flashAttr("loginError", "identity.login.error.not-confirmed").flashAttr("email", "x@y.zz"),
				get("/register"), get("/services/residency").with(applicant), get("/applications").with(applicant),
				get("/applications/new").param("service", "residency").with(applicant));
		int postForms = 0;
		for (MockHttpServletRequestBuilder page : pages) {
			var response = mvc.perform(page.header("Accept-Language", "en")).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			for (String form : WebSession.forms(response.getContentAsString())) {
				if (POST_FORM.matcher(form).find()) {
					postForms++;
					assertThat(CSRF_INPUT.matcher(form).find()).as("a _csrf hidden input in %s", form).isTrue();
				}
			}
		}
		// login; login with the resend form; register; sign-out on the three signed-in pages; start on /applications/new.
		assertThat(postForms).as("post forms seen").isGreaterThanOrEqualTo(7);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(WebSession.from(WebSession.uniqueAddress()))).andReturn().getResponse()
				.getStatus();
	}

	private int applications(CurrentUser user) {
		return jdbc.sql("SELECT count(*) FROM applications.application WHERE applicant = ?").param(user.uuid())
				.query(Integer.class).single();
	}

	static RequestPostProcessor as(CurrentUser user) {
		return WebSession.signedIn(user);
	}
}
