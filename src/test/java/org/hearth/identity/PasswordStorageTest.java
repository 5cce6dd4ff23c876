package org.hearth.identity;

import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords are kept as Argon2id hashes, whatever path created the account. */
@HearthTest
class PasswordStorageTest {

	static final String PASSWORD = "Violet-Kettle-Harbour-4821";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegisteredAccountsPasswordIsStoredAsArgon2id() throws Exception {
		var browser = new WebSession(mvc);
		String email = "argon-" + UUID.randomUUID() + "@test.hearth";
		String csrf = browser.csrfFrom("/register");

		var result = browser.post("/register", csrf, "email", email, "password", PASSWORD, "repeatPassword", PASSWORD);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/register/check-email");
		String hash = jdbc.sql("SELECT password_hash FROM identity.account WHERE email = ?").param(email)
				.query(String.class).single();
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
	}
}
