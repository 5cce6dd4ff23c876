package org.hearth.identity;

import java.util.Map;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** After signing in, each role starts on its own page rather than the service catalogue. */
@HearthTest
class SignInLandingTest {

	@Autowired
	MockMvc mvc;

	@Test
	void eachRoleStartsOnItsOwnPage() throws Exception {
		Map<String, String> landing = Map.of("applicant@hearth.demo", "/applications", "supervisor@hearth.demo",
				"/cases", "housing@hearth.demo", "/housing", "aid@hearth.demo", "/aid", "observer@hearth.demo",
				"/observer", "dialogue@hearth.demo", "/dialogue", "dpo@hearth.demo", "/access-log",
				"statistician@hearth.demo", "/statistics/manage", "admin@hearth.demo", "/admin/staff");
		int address = 1;
		for (var entry : landing.entrySet()) {
			String ip = "10.78.0." + address++;
			mvc.perform(post("/login").param("email", entry.getKey()).param("password", TestUsers.PASSWORD)
					.with(csrf()).with(r -> {
						r.setRemoteAddr(ip);
						return r;
					})).andExpect(redirectedUrl(entry.getValue()));
		}
	}
}
