package org.hearth.applications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hearth.applications.BearerClient.bearer;
import static org.hearth.applications.BearerClient.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole journey through the JSON API, from a draft to the applicant reading the decision, and the staff side's
 * refusals: a purpose for every opening, stale versions, the four-eyes rule, office boundaries.
 */
@HearthTest
class CaseApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	@Autowired
	ApplicationManagement applications;

	BearerClient api;

	@BeforeEach
	void client() {
		api = new BearerClient(mvc, json);
	}

	/** A submitted residency application of a new applicant, made through the API; returns [id, applicant token]. */
	String[] submitted(String settlement) throws Exception {
		CurrentUser applicant = users.newApplicant("hy");
		String token = api.token(users.email(applicant));
		MvcResult created = mvc.perform(api.json(post("/api/v1/applications"), token,
				Map.of("service", "residency", "answers", Residency.answers(settlement))))
				.andExpect(status().isCreated()).andReturn();
		String id = read(created, "$.id");
		mvc.perform(multipart("/api/v1/applications/" + id + "/documents")
				.file(new MockMultipartFile("file", "passport.pdf", "application/pdf", Residency.PDF))
				.param("question", "identityDocument").with(bearer(token)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("application/pdf"))
				.andExpect(jsonPath("$.size").value(Residency.PDF.length));
		mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(token))
				.header("Accept-Language", "hy"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
		return new String[] { id, token };
	}

	/** The case's version as a supervisor reads it before deciding. */
	long version(String id, String token) throws Exception {
		return ((Number) read(mvc.perform(get("/api/v1/cases/" + id).param("purpose", "DECISION")
				.with(bearer(token))).andExpect(status().isOk()).andReturn(), "$.version")).longValue();
	}

	void assignAndRecommend(String id, String token, String outcome, List<String> reasons, String explanation)
			throws Exception {
		mvc.perform(post("/api/v1/cases/" + id + "/assignment").with(bearer(token))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/recommendation"), token,
				Map.of("outcome", outcome, "reasons", reasons, "explanation", explanation)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AWAITING_DECISION"));
	}

	/** Looks through the queue's pages: other tests leave cases of the same office behind. */
	boolean inQueue(String id, String token, String filter) throws Exception {
		for (int page = 0; page < 100; page++) {
			MvcResult result = mvc.perform(get("/api/v1/cases?page=" + page + filter).with(bearer(token)))
					.andExpect(status().isOk()).andReturn();
			String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(body).doesNotContain("Armen").doesNotContain("Արմեն");
			if (((List<String>) read(result, "$.entries[*].id")).contains(id)) {
				return true;
			}
			if (!(Boolean) read(result, "$.hasMore")) {
				return false;
			}
		}
		return false;
	}

	@Test
	void fromDraftToApprovalThroughTheApi() throws Exception {
		String[] application = submitted("xankendi");
		String id = application[0];
		String applicantToken = application[1];
		String caseworker = api.token("caseworker@hearth.demo");
		String supervisor = api.token("supervisor@hearth.demo");

		assertThat(inQueue(id, caseworker, "&status=SUBMITTED&language=hy")).isTrue();
		assertThat(inQueue(id, api.token("caseworker.shusha@hearth.demo"), "")).isFalse();

		mvc.perform(get("/api/v1/cases/" + id).param("purpose", "REVIEW").with(bearer(caseworker))
				.header("Accept-Language", "en"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
				.andExpect(jsonPath("$.reference").isString()).andExpect(jsonPath("$.version").isNumber())
				.andExpect(jsonPath("$.assigneeIsMe").value(false))
				.andExpect(jsonPath("$.answers.name.written").value("Արմեն Պետրոսյան"))
				.andExpect(jsonPath("$.history[0].action").value("submitted"));
		assignAndRecommend(id, caseworker, "APPROVE", List.of("identity-established", "residence-established"),
				"Identity and residence are documented.");

		mvc.perform(get("/api/v1/cases/" + id).param("purpose", "DECISION").with(bearer(supervisor))
				.header("Accept-Language", "ru"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.pendingRecommendation.outcome").value("APPROVE"))
				.andExpect(jsonPath("$.pendingRecommendation.recommendedByMe").value(false))
				.andExpect(jsonPath("$.pendingRecommendation.reasons[0].title")
						.value("Личность установлена"));
		long version = version(id, supervisor);
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/decision"), supervisor,
				Map.of("verdict", "CONFIRM", "version", version)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

		mvc.perform(get("/api/v1/applications/" + id).with(bearer(applicantToken)).header("Accept-Language", "hy"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
				.andExpect(jsonPath("$.decision.outcome").value("APPROVE"))
				.andExpect(jsonPath("$.decision.permitNumber").value(matchesPattern("RP-\\d{4}-\\d{6}")))
				.andExpect(jsonPath("$.decision.permitValidUntil").isString())
				.andExpect(jsonPath("$.decision.verificationCode").isString())
				.andExpect(jsonPath("$.decision.reasons[0].code").value("identity-established"))
				.andExpect(jsonPath("$.decision.reasons[0].title")
						.value("Ինքնությունը հաստատված է"))
				.andExpect(jsonPath("$.decision.appealDeadline").doesNotExist());
		MvcResult history = mvc.perform(get("/api/v1/applications/" + id + "/history").with(bearer(applicantToken)))
				.andExpect(status().isOk()).andReturn();
		assertThat((List<String>) read(history, "$[*].action")).containsExactly("submitted", "assigned",
				"recommended-approval", "decided");
		assertThat((List<String>) read(history, "$[*].office")).containsExactly("KHA", "KHA", "KHA");
		// Every opening is recorded with its purpose.
		assertThat(applications.accessLog(new ApplicationId(UUID.fromString(id))))
				.extracting(ApplicationManagement.CaseAccess::purpose)
				.containsExactlyInAnyOrder(AccessPurpose.REVIEW, AccessPurpose.DECISION, AccessPurpose.DECISION);
	}

	@Test
	void aRequestForInformationARefusalAndAnAppeal() throws Exception {
		String[] application = submitted("xankendi");
		String id = application[0];
		String applicantToken = application[1];
		String caseworker = api.token("caseworker@hearth.demo");

		mvc.perform(post("/api/v1/cases/" + id + "/assignment").with(bearer(caseworker))).andExpect(status().isOk());
		String request = read(mvc.perform(api.json(post("/api/v1/cases/" + id + "/information-requests"), caseworker,
				Map.of("message", "Please send a proof of residence."))).andExpect(status().isCreated()).andReturn(),
				"$.id");
		mvc.perform(get("/api/v1/applications/" + id).with(bearer(applicantToken)))
				.andExpect(jsonPath("$.status").value("AWAITING_APPLICANT"))
				.andExpect(jsonPath("$.informationRequest.id").value(request))
				.andExpect(jsonPath("$.informationRequest.message").value("Please send a proof of residence."));
		mvc.perform(api.json(post("/api/v1/applications/" + id + "/information-requests/" + request + "/response"),
				applicantToken, Map.of("response", ""))).andExpect(status().is(422))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(api.json(post("/api/v1/applications/" + id + "/information-requests/" + request + "/response"),
				applicantToken, Map.of("response", "I have none left.")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"));

		mvc.perform(api.json(post("/api/v1/cases/" + id + "/recommendation"), caseworker,
				Map.of("outcome", "REFUSE", "reasons", List.of("information-not-provided"))))
				.andExpect(status().is(422));
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/recommendation"), caseworker,
				Map.of("outcome", "REFUSE", "reasons", List.of("information-not-provided"), "explanation",
						"No proof of previous residence.")))
				.andExpect(status().isOk());
		String supervisor = api.token("supervisor@hearth.demo");
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/decision"), supervisor,
				Map.of("verdict", "CONFIRM", "version", version(id, supervisor))))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));

		mvc.perform(get("/api/v1/applications/" + id).with(bearer(applicantToken)))
				.andExpect(jsonPath("$.decision.outcome").value("REFUSE"))
				.andExpect(jsonPath("$.decision.appealDeadline").value(applications.today().plusDays(30).toString()))
				.andExpect(jsonPath("$.decision.permitNumber").doesNotExist())
				.andExpect(jsonPath("$.canAppeal").value(true));
		mvc.perform(api.json(post("/api/v1/applications/" + id + "/appeal"), applicantToken,
				Map.of("statement", "I lived in Khankendi until 2023.")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPEALED"));
		// Those who decided may not review the appeal.
		mvc.perform(post("/api/v1/cases/" + id + "/assignment").with(bearer(caseworker))).andExpect(status().is(422));
	}

	@Test
	void aCaseIsOpenedOnlyForAValidPurpose() throws Exception {
		String id = submitted("xankendi")[0];
		String caseworker = api.token("caseworker@hearth.demo");

		mvc.perform(get("/api/v1/cases/" + id).with(bearer(caseworker))).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/cases/" + id).param("purpose", "CURIOSITY").with(bearer(caseworker))
				.header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail")
						.value(messages.getMessage("applications.case.error.purpose", null, Locale.ENGLISH)));
		assertThat(applications.accessLog(new ApplicationId(UUID.fromString(id)))).isEmpty();
		mvc.perform(get("/api/v1/cases").param("status", "NOT_A_STATUS").with(bearer(caseworker)))
				.andExpect(status().isBadRequest());
	}

	@Test
	void aStaleVersionIsAConflict() throws Exception {
		String id = submitted("xankendi")[0];
		String caseworker = api.token("caseworker@hearth.demo");
		assignAndRecommend(id, caseworker, "APPROVE", List.of("identity-established"), "");
		String supervisor = api.token("supervisor@hearth.demo");
		long version = version(id, supervisor);

		mvc.perform(api.json(post("/api/v1/cases/" + id + "/decision"), supervisor,
				Map.of("verdict", "CONFIRM", "version", version - 1)))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/decision"), supervisor,
				Map.of("verdict", "CONFIRM", "version", version))).andExpect(status().isOk());
		// A second supervisor deciding on what they read before: the case changed, one decision stands.
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/decision"), api.token("supervisor2@hearth.demo"),
				Map.of("verdict", "CONFIRM", "version", version)))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(applications.caseFor(users.demo("supervisor@hearth.demo"),
				new ApplicationId(UUID.fromString(id))).decisions()).hasSize(1);
	}

	@Test
	void whoRecommendedCannotDecideEvenHoldingBothRoles() throws Exception {
		String id = submitted("xankendi")[0];
		CurrentUser both = users.newStaff(Set.of(Role.CASEWORKER, Role.SUPERVISOR), "KHA");
		String token = api.token(users.email(both));
		assignAndRecommend(id, token, "APPROVE", List.of("identity-established"), "");

		mvc.perform(get("/api/v1/cases/" + id).param("purpose", "DECISION").with(bearer(token)))
				.andExpect(jsonPath("$.pendingRecommendation.recommendedByMe").value(true));
		mvc.perform(api.json(post("/api/v1/cases/" + id + "/decision"), token,
				Map.of("verdict", "CONFIRM", "version", version(id, token))).header("Accept-Language", "en"))
				.andExpect(status().is(422))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail")
						.value(messages.getMessage("applications.error.four-eyes", null, Locale.ENGLISH)));
		mvc.perform(get("/api/v1/cases/" + id).param("purpose", "SUPERVISION").with(bearer(token)))
				.andExpect(jsonPath("$.status").value("AWAITING_DECISION"));
	}

	@Test
	void aCaseOfAnotherOfficeDoesNotExist() throws Exception {
		String id = submitted("xankendi")[0];
		String shusha = api.token("caseworker.shusha@hearth.demo");

		mvc.perform(get("/api/v1/cases/" + id).param("purpose", "REVIEW").with(bearer(shusha)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/cases/" + id + "/assignment").with(bearer(shusha)))
				.andExpect(status().isNotFound());
		assertThat(applications.accessLog(new ApplicationId(UUID.fromString(id)))).isEmpty();
	}

	@Test
	void aSupervisorCannotActAsCaseworker() throws Exception {
		String id = submitted("xankendi")[0];
		mvc.perform(post("/api/v1/cases/" + id + "/assignment").with(bearer(api.token("supervisor@hearth.demo"))))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}
}
