package org.hearth.web;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API is described at /v3/api-docs, publicly, for partner systems. */
@HearthTest
class OpenApiTest {

	@Autowired
	MockMvc mvc;

	@Test
	void describesTheApplicantAndStaffJourneys() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(docs).contains("\"/api/v1/auth/tokens\"", "\"/api/v1/services\"", "\"/api/v1/applications\"",
				"\"/api/v1/applications/{id}/submission\"", "\"/api/v1/applications/{id}/documents\"",
				"\"/api/v1/cases\"", "\"/api/v1/cases/{id}/recommendation\"", "\"/api/v1/cases/{id}/decision\"",
				"Idempotency-Key");
		assertThat(docs).contains("\"/transparency/checkpoint\"", "\"/transparency/key\"",
				"\"/transparency/proof/inclusion\"", "\"/transparency/proof/consistency\"",
				"\"/transparency/entries\"", "\"/api/v1/transparency/cosignatures\"");
		assertThat(docs).doesNotContain("\"/applications/{id}/pages/{pageId}\"", "\"/transparency/check\"");
	}
}
