package org.hearth.platform;

import org.hearth.HearthTest;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Health is public for the load balancer, without details; metrics are not. */
@HearthTest
class ActuatorTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void healthIsUpAndShowsNoDetails() throws Exception {
		MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();

		assertThat(health.getStatus()).isEqualTo(200);
		assertThat(health.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("components")
				.doesNotContain("db").doesNotContain("diskSpace");
	}

	@Test
	void prometheusIsNotPublic() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse();

		assertThat(anonymous.getStatus()).isIn(302, 401, 403, 404);
		if (anonymous.getStatus() == 302) {
			assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
		}
		assertThat(anonymous.getContentAsString()).doesNotContain("# TYPE").doesNotContain("jvm_");
	}

	@Test
	void noActuatorEndpointButHealthIsOpenToAnApplicant() throws Exception {
		// Anyone can register as an applicant: to the actuator, an applicant is the public.
		var applicant = WebSession.signedIn(users.newApplicant("en"));
		for (String endpoint : new String[] { "/actuator", "/actuator/info", "/actuator/prometheus", "/actuator/env", "/actuator/beans",
				"/actuator/metrics", "/actuator/configprops" }) {
			MockHttpServletResponse response = mvc.perform(get(endpoint).with(applicant)).andReturn().getResponse();
			assertThat(response.getStatus()).as(endpoint).isNotEqualTo(200);
		}
	}
}
