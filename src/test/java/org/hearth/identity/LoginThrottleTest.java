package org.hearth.identity;

import java.util.Locale;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ten failed sign-ins for an account, or from an address, within the window: the next attempt is refused even with
 * the right password, in the browser and in the API. Each test uses fresh accounts and addresses of its own.
 */
@HearthTest
class LoginThrottleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	@Test
	void tenFailuresForOneAccountRefuseEvenTheRightPassword() throws Exception {
		String email = users.email(users.newApplicant("en"));
		for (int i = 0; i < 10; i++) {
			// From a different address each time: only the account's count can be what refuses.
			var attacker = new WebSession(mvc);
			assertThat(attacker.signIn(email, "wrong-password-" + i).getResponse().getRedirectedUrl())
					.isEqualTo("/login");
			if (i == 0) {
				assertThat(attacker.get("/login").getResponse().getContentAsString())
						.contains(text("identity.login.error.bad-credentials"));
			}
		}

		var owner = new WebSession(mvc);
		MvcResult refused = owner.signIn(email, TestUsers.PASSWORD);

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login");
		assertThat(owner.get("/login").getResponse().getContentAsString())
				.contains(text("identity.login.error.throttled"));
		assertThat(owner.get("/applications").getResponse().getRedirectedUrl()).endsWith("/login");

		// The address is not what was refused: another account signs in from it.
		var neighbour = new WebSession(mvc, owner.address());
		assertThat(neighbour.signIn(users.email(users.newApplicant("en")), TestUsers.PASSWORD).getResponse()
				.getRedirectedUrl()).isEqualTo("/applications");
	}

	@Test
	void tenFailuresFromOneAddressRefuseEveryAccountFromIt() throws Exception {
		String address = WebSession.uniqueAddress();
		for (int i = 0; i < 10; i++) {
			// A different account each time: only the address's count can be what refuses.
			var attempt = new WebSession(mvc, address);
			assertThat(attempt.signIn(users.email(users.newApplicant("en")), "wrong-password").getResponse()
					.getRedirectedUrl()).isEqualTo("/login");
		}
		String email = users.email(users.newApplicant("en"));

		var fromThere = new WebSession(mvc, address);
		assertThat(fromThere.signIn(email, TestUsers.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login");
		assertThat(fromThere.get("/login").getResponse().getContentAsString())
				.contains(text("identity.login.error.throttled"));

		// The account is not what was refused: from elsewhere it signs in.
		assertThat(new WebSession(mvc).signIn(email, TestUsers.PASSWORD).getResponse().getRedirectedUrl())
				.isEqualTo("/applications");
	}

	@Test
	void theApiAnswers429AfterTenFailures() throws Exception {
		String address = WebSession.uniqueAddress();
		String email = users.email(users.newApplicant("en"));
		for (int i = 0; i < 10; i++) {
			MvcResult failed = token(email, "wrong-password", address);
			assertThat(failed.getResponse().getStatus()).isEqualTo(401);
			assertThat(failed.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}

		MvcResult refused = token(email, TestUsers.PASSWORD, address);

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(refused.getResponse().getContentAsString()).contains("identity.login.error.throttled")
				.doesNotContain("\"token\"");
		// Control: the right password from a fresh account and address gets a token.
		assertThat(token(users.email(users.newApplicant("en")), TestUsers.PASSWORD, WebSession.uniqueAddress())
				.getResponse().getStatus()).isEqualTo(201);
	}

	private MvcResult token(String email, String password, String address) throws Exception {
		return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").with(r -> {
					r.setRemoteAddr(address);
					return r;
				})).andReturn();
	}

	private String text(String key) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, null, Locale.ENGLISH));
	}
}
