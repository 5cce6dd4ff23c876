package org.hearth.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The protective headers are on every response: pages, refusals, errors of the API and static files alike. (A 500
 * cannot be provoked from outside without a planted fault, so it is not among them.) The session cookie's
 * attributes, and the same headers on Tomcat's error dispatch, are checked over real HTTP in
 * {@code identity.SessionOverHttpTest}: under MockMvc Spring Session does not apply {@code server.servlet.session.*}.
 */
@HearthTest
class SecurityHeadersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void everyKindOfResponseCarriesTheProtectiveHeaders() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		Map<String, Response> responses = new LinkedHashMap<>();
		responses.put("home", new Response(get("/"), 200));
		responses.put("sign-in page", new Response(get("/login"), 200));
		responses.put("404 page (anonymous)", new Response(get("/services/no-such-service"), 404));
		responses.put("404 page (signed in)", new Response(get("/no-such-page").with(WebSession.signedIn(applicant)), 404));
		responses.put("403 (applicant opens /cases)", new Response(get("/cases").with(WebSession.signedIn(applicant)), 403));
		responses.put("API 401", new Response(get("/api/v1/applications"), 401));
		responses.put("static file", new Response(get("/assets/css/hearth.css"), 200));

		var softly = new SoftAssertions();
		for (var entry : responses.entrySet()) {
			MockHttpServletResponse response = perform(entry.getValue().request());
			String what = entry.getKey();
			softly.assertThat(response.getStatus()).as("%s: status", what).isEqualTo(entry.getValue().status());
			String csp = response.getHeader("Content-Security-Policy");
			softly.assertThat(csp).as("%s: Content-Security-Policy", what).isNotNull();
			if (csp != null) {
				softly.assertThat(directive(csp, "frame-ancestors")).as("%s: frame-ancestors", what)
						.contains("frame-ancestors 'none'");
				softly.assertThat(directive(csp, "script-src")).as("%s: script-src", what).isPresent().get()
						.asString().doesNotContain("'unsafe-inline'");
			}
			softly.assertThat(response.getHeader("X-Content-Type-Options")).as("%s: X-Content-Type-Options", what)
					.isEqualTo("nosniff");
			softly.assertThat(response.getHeader("Referrer-Policy")).as("%s: Referrer-Policy", what).isNotBlank();
			softly.assertThat(response.getHeader("X-Frame-Options")).as("%s: X-Frame-Options", what)
					.isEqualTo("DENY");
		}
		softly.assertAll();
	}

	@Test
	void theLanguageCookieIsHttpOnly() throws Exception {
		MockHttpServletResponse response = perform(get("/").param("lang", "hy"));

		String cookie = setCookie(response, "hearth-lang");
		assertThat(cookie).startsWith("hearth-lang=hy").containsIgnoringCase("; HttpOnly")
				.containsIgnoringCase("; SameSite=Lax");
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Accept-Language", "en").with(WebSession.from(WebSession.uniqueAddress())))
				.andReturn().getResponse();
	}

	private static String setCookie(MockHttpServletResponse response, String name) {
		List<String> cookies = response.getHeaders("Set-Cookie");
		return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
				.orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + cookies));
	}

	private static Optional<String> directive(String policy, String name) {
		return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst();
	}

	record Response(MockHttpServletRequestBuilder request, int status) {
	}
}
