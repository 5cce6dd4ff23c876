package org.hearth.identity;

import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.platform.DemoMailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Production has no demo accounts: an administrator invites staff, who set their own password from the link. */
@HearthTest
class StaffInvitationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	DemoMailbox.Mailbox mailbox;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AccountRepository repository;

	RequestPostProcessor as(CurrentUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	@Test
	void anInvitedCaseworkerSetsAPasswordAndSignsIn() throws Exception {
		CurrentUser admin = users.demo("admin@hearth.demo");
		String email = "new-caseworker-" + UUID.randomUUID() + "@hearth.example";
		mvc.perform(post("/admin/staff").param("email", email).param("roles", "CASEWORKER").param("office", "SHU")
				.param("language", "az").with(as(admin)).with(csrf())).andExpect(redirectedUrl("/admin/staff"));

		var mail = await().until(() -> mailbox.to(email), found -> !found.isEmpty()).get(0);
		assertThat(mail.language()).isEqualTo("az");
		String token = mail.body().replaceAll("(?s).*set-password\\?token=(\\S+).*", "$1");
		assertThat(repository.findByEmail(email).orElseThrow().status()).isEqualTo(Account.Status.PENDING);

		mvc.perform(post("/account/set-password").param("token", token).param("password", "short")
				.param("repeatPassword", "short").with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/account/set-password").param("token", token).param("password", "bir iki üç dörd beş")
				.param("repeatPassword", "bir iki üç dörd beş").with(csrf()))
				.andExpect(redirectedUrl("/login?password-set"));
		Account account = repository.findByEmail(email).orElseThrow();
		assertThat(account.status()).isEqualTo(Account.Status.ACTIVE);
		assertThat(account.roles()).containsExactly(Role.CASEWORKER);
		assertThat(account.office()).isEqualTo(new OfficeId("SHU"));

		// The link works once.
		assertThat(accounts.invitationValid(token)).isFalse();
		mvc.perform(post("/login").param("email", email).param("password", "bir iki üç dörd beş").with(csrf())
				.with(r -> { r.setRemoteAddr("10.77.0." + (int) (Math.random() * 200)); return r; }))
				.andExpect(redirectedUrl("/cases"));
	}

	@Test
	void caseworkersNeedAnOfficeAndOnlyAdministratorsInvite() throws Exception {
		CurrentUser admin = users.demo("admin@hearth.demo");
		String page = mvc.perform(post("/admin/staff").param("email", "x-" + UUID.randomUUID() + "@hearth.example")
				.param("roles", "CASEWORKER").with(as(admin)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Choose the office");

		mvc.perform(get("/admin/staff").with(as(users.demo("caseworker@hearth.demo")))).andExpect(status().isForbidden());
		assertThat(accounts.inviteFirstAdministrator("someone-else@hearth.example")).as("an administrator exists")
				.isFalse();
	}
}
