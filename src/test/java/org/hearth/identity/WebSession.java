package org.hearth.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser over MockMvc: carries the session cookie from response to request exactly as a browser would (so Spring
 * Session, the CSRF token and the security context all live server-side, in PostgreSQL), takes the CSRF token from
 * the rendered forms, and speaks from a client address of its own so that sign-in throttling in one test never
 * touches another. Tests that fail sign-ins on purpose must use such an address, never MockMvc's 127.0.0.1.
 */
public final class WebSession {

	/**
	 * The session cookie as configured ({@code server.servlet.session.cookie.name}). Under MockMvc Boot takes the
	 * mock servlet context for a WAR deployment and Spring Session keeps its default name, {@code SESSION}; a real
	 * server (see {@link SessionOverHttpTest}) uses this one. Both are followed here.
	 */
	public static final String SESSION_COOKIE = "HEARTH_SESSION";

	private static final Set<String> SESSION_COOKIES = Set.of(SESSION_COOKIE, "SESSION");

	private static final AtomicInteger addresses = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 20));
	private static final Pattern CSRF = Pattern
			.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final MockMvc mvc;
	private final String address;
	private @Nullable String sessionCookie;
	private String cookieName = SESSION_COOKIE;

	public WebSession(MockMvc mvc) {
		this(mvc, uniqueAddress());
	}

	public WebSession(MockMvc mvc, String address) {
		this.mvc = mvc;
		this.address = address;
	}

	/** A client address that no other test in this JVM uses. */
	public static String uniqueAddress() {
		int n = addresses.incrementAndGet() & 0xFFFFFF;
		return "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
	}

	public String address() {
		return address;
	}

	/** The raw cookie value, or null while there is no session. */
	public @Nullable String cookie() {
		return sessionCookie;
	}

	/** Replaces the cookie, as an attacker replaying an old one would. */
	public WebSession withCookie(@Nullable String value) {
		this.sessionCookie = value;
		return this;
	}

	/** The server-side session id the cookie names (Spring Session base64-encodes it). */
	public @Nullable String sessionId() {
		return sessionCookie == null ? null : decode(sessionCookie);
	}

	static String decode(String cookie) {
		try {
			return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return cookie;
		}
	}

	public MvcResult get(String path) throws Exception {
		return perform(MockMvcRequestBuilders.get(path));
	}

	/** A form post with the given CSRF token ({@code null}: none) and name/value pairs. */
	public MvcResult post(String path, @Nullable String csrf, String... pairs) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			request.param(pairs[i], pairs[i + 1]);
		}
		if (csrf != null) {
			request.param("_csrf", csrf);
		}
		return perform(request);
	}

	public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		request.with(from(address)).header("Accept-Language", "en");
		if (sessionCookie != null) {
			request.cookie(new Cookie(cookieName, sessionCookie));
		}
		MvcResult result = mvc.perform(request).andReturn();
		remember(result.getResponse());
		return result;
	}

	private void remember(MockHttpServletResponse response) {
		for (Cookie cookie : response.getCookies()) {
			if (SESSION_COOKIES.contains(cookie.getName())) {
				cookieName = cookie.getName();
				sessionCookie = cookie.getMaxAge() == 0 || cookie.getValue().isEmpty() ? null : cookie.getValue();
			}
		}
	}

	/** Opens {@code page} and returns the CSRF token of its forms. */
	public String csrfFrom(String page) throws Exception {
		return csrfToken(get(page).getResponse().getContentAsString());
	}

	public static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no _csrf input in the page");
		}
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	/** Signs in through the real form; returns the response of the POST (a redirect). */
	public MvcResult signIn(String email, String password) throws Exception {
		String csrf = csrfFrom("/login");
		return post("/login", csrf, "email", email, "password", password);
	}

	/** A fully signed-in user for a single request, without going through the sign-in form. */
	public static RequestPostProcessor signedIn(CurrentUser user) {
		return SecurityMockMvcRequestPostProcessors
				.authentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	/** A request from {@code address}. */
	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** Every {@code <form>} element of a page, opening tag to closing tag. */
	public static List<String> forms(String html) {
		List<String> forms = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?is)<form\\b.*?</form>").matcher(html);
		while (matcher.find()) {
			forms.add(matcher.group());
		}
		return forms;
	}
}
