package org.hearth.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and cookies as a browser meets them, over HTTP against the embedded Tomcat. Not MockMvc: there Boot sees
 * a servlet context, takes the application for a WAR deployment and leaves {@code server.servlet.session.*} (cookie
 * name, HttpOnly, SameSite, idle timeout) unapplied, so only a real server shows what production does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SessionOverHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signingInIssuesANewSessionIdAndTheOldOneNoLongerAuthenticates() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		var browser = new Browser(port);
		String csrf = WebSession.csrfToken(browser.get("/login").body());
		String before = browser.session;
		assertThat(before).as("the sign-in form's session (it holds the CSRF token)").isNotNull();

		var signIn = browser.post("/login", "_csrf", csrf, "email", users.email(applicant), "password",
				TestUsers.PASSWORD);

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(location(signIn)).endsWith("/applications");
		assertThat(browser.session).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/applications").statusCode()).isEqualTo(200);
		assertThat(sessions(WebSession.decode(before))).as("rows with the old id").isZero();

		var replayed = new Browser(port).withSession(before).get("/applications");
		assertThat(replayed.statusCode()).isEqualTo(302);
		assertThat(location(replayed)).endsWith("/login");
	}

	@Test
	void aSignedInSessionLapsesAfterThirtyIdleMinutes() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		var browser = new Browser(port).signIn(users.email(applicant));

		var row = jdbc.sql("""
				SELECT max_inactive_interval, expiry_time - last_access_time, principal_name
				FROM identity.http_session WHERE session_id = ?""").param(WebSession.decode(browser.session))
				.query((rs, n) -> List.of(rs.getInt(1), rs.getLong(2), rs.getString(3))).single();
		assertThat(row).containsExactly(1800, 1_800_000L, users.email(applicant));
	}

	@Test
	void signingOutDeletesTheSessionOnTheServer() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		var browser = new Browser(port).signIn(users.email(applicant));
		String cookie = browser.session;
		String id = WebSession.decode(cookie);
		assertThat(sessions(id)).isOne();
		// The sign-out button is in the layout of every page.
		String csrf = WebSession.csrfToken(browser.get("/applications").body());

		var signOut = browser.post("/logout", "_csrf", csrf);

		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(location(signOut)).endsWith("/?signed-out");
		assertThat(sessions(id)).as("session rows after sign-out").isZero();
		assertThat(browser.session).as("the browser is told to drop the cookie").isNull();
		var replayed = new Browser(port).withSession(cookie).get("/applications");
		assertThat(replayed.statusCode()).isEqualTo(302);
		assertThat(location(replayed)).endsWith("/login");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		var response = new Browser(port).get("/login");

		String cookie = setCookie(response, WebSession.SESSION_COOKIE);
		assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
	}

	@Test
	void theLanguageCookieIsHttpOnly() throws Exception {
		var response = new Browser(port).get("/?lang=az");

		assertThat(setCookie(response, "hearth-lang")).startsWith("hearth-lang=az").containsIgnoringCase("; HttpOnly")
				.containsIgnoringCase("; SameSite=Lax");
	}

	/** The refusals and errors that Tomcat routes through its error page carry the headers too. */
	@Test
	void errorResponsesCarryTheProtectiveHeaders() throws Exception {
		var applicant = new Browser(port).signIn(users.email(users.newApplicant("en")));
		var anonymous = new Browser(port);
		var softly = new SoftAssertions();
		check(softly, "404 (signed in)", applicant.get("/no-such-page"), 404);
		check(softly, "403 (applicant opens /cases)", applicant.get("/cases"), 403);
		check(softly, "404 (anonymous)", anonymous.get("/services/no-such-service"), 404);
		check(softly, "API 401", anonymous.get("/api/v1/applications"), 401);
		check(softly, "static file", anonymous.get("/assets/css/hearth.css"), 200);
		softly.assertAll();
	}

	private static void check(SoftAssertions softly, String what, HttpResponse<String> response, int status) {
		softly.assertThat(response.statusCode()).as("%s: status", what).isEqualTo(status);
		Optional<String> csp = response.headers().firstValue("Content-Security-Policy");
		softly.assertThat(csp).as("%s: Content-Security-Policy", what).isPresent();
		csp.ifPresent(policy -> {
			softly.assertThat(directive(policy, "frame-ancestors")).as("%s: frame-ancestors", what)
					.contains("frame-ancestors 'none'");
			softly.assertThat(directive(policy, "script-src")).as("%s: script-src", what).isPresent().get().asString()
					.doesNotContain("'unsafe-inline'");
		});
		softly.assertThat(response.headers().firstValue("X-Content-Type-Options")).as("%s: nosniff", what)
				.contains("nosniff");
		softly.assertThat(response.headers().firstValue("Referrer-Policy")).as("%s: Referrer-Policy", what)
				.isPresent();
	}

	static Optional<String> directive(String policy, String name) {
		return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst();
	}

	private int sessions(String sessionId) {
		return jdbc.sql("SELECT count(*) FROM identity.http_session WHERE session_id = ?").param(sessionId)
				.query(Integer.class).single();
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String setCookie(HttpResponse<?> response, String name) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
				.orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + cookies));
	}

	/** A browser that keeps the session cookie and follows no redirect by itself. */
	static final class Browser {

		private static final HttpClient client = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

		private final String base;
		@Nullable
		String session;

		Browser(int port) {
			this.base = "http://localhost:" + port;
		}

		Browser withSession(@Nullable String cookie) {
			this.session = cookie;
			return this;
		}

		Browser signIn(String email) throws Exception {
			String csrf = WebSession.csrfToken(get("/login").body());
			var response = post("/login", "_csrf", csrf, "email", email, "password", TestUsers.PASSWORD);
			assertThat(location(response)).as("sign-in of %s", email).endsWith("/applications");
			return this;
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, String... pairs) throws Exception {
			var form = new StringJoiner("&");
			for (int i = 0; i + 1 < pairs.length; i += 2) {
				form.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
			}
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
		}

		private HttpRequest.Builder request(String path) {
			var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
					.header("Accept-Language", "en").header("Accept", "text/html");
			if (session != null) {
				request.header("Cookie", WebSession.SESSION_COOKIE + "=" + session);
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				if (header.startsWith(WebSession.SESSION_COOKIE + "=")) {
					String value = header.substring(WebSession.SESSION_COOKIE.length() + 1).split(";", 2)[0];
					session = value.isEmpty() || header.toLowerCase().contains("max-age=0") ? null : value;
				}
			}
			return response;
		}
	}
}
