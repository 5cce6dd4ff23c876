package org.hearth.applications;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.hearth.identity.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Calls to the JSON API as a partner system makes them: a bearer token obtained with e-mail and password. */
final class BearerClient {

	private final MockMvc mvc;
	private final JsonMapper json;

	BearerClient(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** A token for the account, the real way: POST /api/v1/auth/tokens. */
	String token(String email) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content(body(Map.of("email", email, "password", TestUsers.PASSWORD)))).andReturn();
		if (result.getResponse().getStatus() != 201) {
			throw new AssertionError("no token for " + email + ": " + result.getResponse().getStatus() + " "
					+ result.getResponse().getContentAsString());
		}
		return JsonPath.read(result.getResponse().getContentAsString(), "$.token");
	}

	static RequestPostProcessor bearer(String token) {
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	/** A JSON request with the token. */
	<B extends MockHttpServletRequestBuilder> B json(B request, String token, Object body) {
		request.with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body(body));
		return request;
	}

	String body(Object value) {
		return json.writeValueAsString(value);
	}

	static <T> T read(MvcResult result, String path) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), path);
	}
}
