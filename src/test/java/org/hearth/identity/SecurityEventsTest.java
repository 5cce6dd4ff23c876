package org.hearth.identity;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an operator alerts on reaches the security log (org.hearth.security) — sign-ins and their refusals in the
 * browser and the API, refused requests in both — and the log holds neither the e-mail typed nor the client's
 * address: accounts by id or by keyed hash, clients by keyed hash.
 */
@HearthTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void signInsAndTheirRefusalsAreLoggedWithoutTheAddressOrTheEmail(CapturedOutput output) throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		String email = users.email(applicant);
		var attacker = new WebSession(mvc);
		attacker.signIn(email, "not-the-password");
		var owner = new WebSession(mvc);
		owner.signIn(email, TestUsers.PASSWORD);
		mvc.perform(post("/api/v1/auth/tokens").with(WebSession.from(attacker.address()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\",\"password\":\"still-not-the-password\"}"));

		String log = output.getAll();
		assertThat(log).containsPattern("event=sign-in outcome=refused channel=form "
				+ "reason=identity.login.error.bad-credentials account-hash=[0-9a-f]{12} client=[0-9a-f]{12}")
				.containsPattern("event=sign-in outcome=success channel=form account=" + applicant.id().id()
						+ " roles=\\[APPLICANT\\] client=[0-9a-f]{12}")
				.containsPattern("event=sign-in outcome=refused channel=api "
						+ "reason=identity.login.error.bad-credentials account-hash=[0-9a-f]{12}");
		assertThat(log).doesNotContain(email).doesNotContain(attacker.address()).doesNotContain(owner.address());
		assertThat(clientHashes(log, "channel=form reason")).as("one attacker, one hash").hasSize(1)
				.isEqualTo(clientHashes(log, "channel=api reason"));
	}

	@Test
	void requestsRefusedForWantOfARoleAreLoggedWithTheMappedPath(CapturedOutput output) throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		var session = new WebSession(mvc);
		session.signIn(users.email(applicant), TestUsers.PASSWORD);
		assertThat(session.get("/cases").getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/api/v1/cases/{id}", java.util.UUID.randomUUID())
				.with(WebSession.signedIn(applicant))).andReturn().getResponse().getStatus()).isEqualTo(403);

		assertThat(output.getAll())
				.containsPattern("event=access outcome=refused method=GET path=/cases account=" + applicant.id().id())
				.containsPattern("event=access outcome=refused method=GET path=/api/v1/cases/\\{id\\} account="
						+ applicant.id().id());
	}

	private static java.util.Set<String> clientHashes(String log, String marker) {
		var hashes = new java.util.HashSet<String>();
		var matcher = java.util.regex.Pattern.compile(marker + "\\S* account-hash=\\S+ client=([0-9a-f]{12})").matcher(log);
		while (matcher.find()) {
			hashes.add(matcher.group(1));
		}
		return hashes;
	}
}
