package org.hearth.identity;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the demo, a member of staff who gave the right password holds no role until the code of an authenticator
 * app is given too. Time stands still in this context (the {@link Clock} moves only when a test moves it), so the
 * code computed here is the one the server expects, however slow the machine.
 */
@SpringBootTest(properties = "hearth.security.staff-mfa-required=true")
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
class StaffSecondFactorTest {

	@TestConfiguration
	static class HandMovedClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.now());
		}
	}

	/** Stands still until a test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(java.time.Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}

	private static final Pattern SECRET = Pattern.compile("<code>([A-Z2-7 ]{16,})</code>");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MovableClock clock;

	@Test
	void aPasswordAloneGivesStaffNoRoleOnlyTheRightCodeSignsThemIn() throws Exception {
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		var browser = new WebSession(mvc);

		MvcResult password = browser.signIn(users.email(caseworker), TestUsers.PASSWORD);
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
		assertNotSignedIn(browser);

		// Enrolment: the secret is shown once, for the authenticator app.
		String page = browser.get("/login/second-factor").getResponse().getContentAsString();
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).as("the enrolment page shows the secret").isTrue();
		byte[] secret = base32(shown.group(1).replace(" ", ""));
		long step = clock.instant().getEpochSecond() / 30;
		String right = totp(secret, step);
		String csrf = WebSession.csrfToken(page);

		MvcResult wrong = browser.post("/login/second-factor", csrf, "code", wrongCode(secret, step));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
		assertThat(wrong.getResponse().getContentAsString()).contains("role=\"alert\"");
		assertNotSignedIn(browser);

		String pending = browser.cookie();
		MvcResult done = browser.post("/login/second-factor", csrf, "code", right);
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/cases");
		assertThat(browser.cookie()).as("a new session id once fully signed in").isNotEqualTo(pending);
		assertThat(browser.get("/cases").getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anEnrolledStaffMemberStillNeedsTheCodeAtEverySignIn() throws Exception {
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		var first = new WebSession(mvc);
		first.signIn(users.email(caseworker), TestUsers.PASSWORD);
		String page = first.get("/login/second-factor").getResponse().getContentAsString();
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).isTrue();
		byte[] secret = base32(shown.group(1).replace(" ", ""));
		long step = clock.instant().getEpochSecond() / 30;
		first.post("/login/second-factor", WebSession.csrfToken(page), "code", totp(secret, step));
		assertThat(first.get("/cases").getResponse().getStatus()).isEqualTo(200);

		// The next sign-in, a minute later: a new code.
		clock.advance(java.time.Duration.ofSeconds(60));
		step = clock.instant().getEpochSecond() / 30;
		var second = new WebSession(mvc);
		assertThat(second.signIn(users.email(caseworker), TestUsers.PASSWORD).getResponse().getRedirectedUrl())
				.isEqualTo("/login/second-factor");
		String again = second.get("/login/second-factor").getResponse().getContentAsString();
		assertThat(SECRET.matcher(again).find()).as("the secret is never shown again once enrolled").isFalse();
		assertNotSignedIn(second);
		second.post("/login/second-factor", WebSession.csrfToken(again), "code", totp(secret, step));
		assertThat(second.get("/cases").getResponse().getStatus()).isEqualTo(200);
	}

	/**
	 * RFC 6238, section 5.2: "the verifier MUST NOT accept the second attempt of the OTP after the successful
	 * validation has been issued for the first OTP". A code seen over a shoulder, or phished, must be worth nothing
	 * once its owner has used it.
	 */
	@Test
	void aCodeSignsInOnceOnly() throws Exception {
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		var owner = new WebSession(mvc);
		owner.signIn(users.email(caseworker), TestUsers.PASSWORD);
		String page = owner.get("/login/second-factor").getResponse().getContentAsString();
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).isTrue();
		String code = totp(base32(shown.group(1).replace(" ", "")), clock.instant().getEpochSecond() / 30);
		owner.post("/login/second-factor", WebSession.csrfToken(page), "code", code);
		assertThat(owner.get("/cases").getResponse().getStatus()).isEqualTo(200);

		// Someone who has the password and saw the code, within the same 30 seconds.
		var replay = new WebSession(mvc);
		replay.signIn(users.email(caseworker), TestUsers.PASSWORD);
		String again = replay.get("/login/second-factor").getResponse().getContentAsString();
		replay.post("/login/second-factor", WebSession.csrfToken(again), "code", code);
		assertNotSignedIn(replay);
	}

	private void assertNotSignedIn(WebSession browser) throws Exception {
		var cases = browser.get("/cases").getResponse();
		assertThat(cases.getStatus()).as("GET /cases between password and second factor").isIn(302, 403);
		if (cases.getStatus() == 302) {
			assertThat(cases.getRedirectedUrl()).endsWith("/login");
		}
		assertThat(browser.get("/applications").getResponse().getStatus()).isIn(302, 403);
	}

	/** A well-formed code that is valid for no step the server accepts. */
	private static String wrongCode(byte[] secret, long step) {
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			boolean valid = false;
			for (long s = step - 2; s <= step + 2; s++) {
				valid |= code.equals(totp(secret, s));
			}
			if (!valid) {
				return code;
			}
		}
	}

	/** RFC 6238 TOTP with RFC 4226's truncation: HMAC-SHA1, 30-second steps, 6 digits. */
	static String totp(byte[] key, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[19] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		var out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	@Test
	void theTotpComputationMatchesRfc6238() {
		// RFC 6238 appendix B, SHA-1, T = 59 s and T = 1111111109 s (last six digits of the eight given).
		byte[] key = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(totp(key, 59 / 30)).isEqualTo("287082");
		assertThat(totp(key, 1111111109L / 30)).isEqualTo("081804");
	}
}
