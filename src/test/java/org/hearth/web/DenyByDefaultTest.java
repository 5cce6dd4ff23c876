package org.hearth.web;

import java.util.List;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Whoever is not signed in is sent to sign in, or told there is nothing; never shown a page behind the door. */
@HearthTest
class DenyByDefaultTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousVisitorsGetNoContentBehindTheSignIn() throws Exception {
		UUID someId = UUID.randomUUID();
		List<String> paths = List.of("/applications", "/cases", "/demo-nonexistent-path",
				"/applications/" + someId, "/applications/" + someId + "/documents/" + someId, "/cases/" + someId,
				"/applications/new?service=residency", "/login/second-factor", "/actuator/info", "/actuator/env",
				"/actuator/prometheus");
		assertSoftly(softly -> {
			for (String path : paths) {
				MockHttpServletResponse response;
				try {
					response = mvc.perform(get(path).with(WebSession.from(WebSession.uniqueAddress()))).andReturn()
							.getResponse();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				softly.assertThat(response.getStatus()).as("GET %s", path).isIn(302, 401, 403, 404);
				if (response.getStatus() == 302) {
					softly.assertThat(response.getRedirectedUrl()).as("GET %s redirects to", path).endsWith("/login");
				}
			}
		});
		assertThat(paths).hasSizeGreaterThan(3);
	}
}
