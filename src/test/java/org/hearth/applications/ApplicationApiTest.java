package org.hearth.applications;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
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
import static org.hearth.applications.BearerClient.bearer;
import static org.hearth.applications.BearerClient.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The applicant's side of the JSON API with real tokens on the real database: drafts and their problems,
 * idempotent creation and submission, documents typed by content, errors as RFC 9457 problems in the requester's
 * language, and nobody else's application.
 */
@HearthTest
class ApplicationApiTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D',
			'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

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

	CurrentUser applicant;

	String token;

	@BeforeEach
	void signIn() throws Exception {
		api = new BearerClient(mvc, json);
		applicant = users.newApplicant("hy");
		token = api.token(users.email(applicant));
	}

	/** A draft through the API, with the answers given and no documents yet. */
	String create(Map<String, Object> answers) throws Exception {
		MvcResult created = mvc.perform(api.json(post("/api/v1/applications"), token,
				Map.of("service", "residency", "answers", answers)))
				.andExpect(status().isCreated()).andReturn();
		return read(created, "$.id");
	}

	MvcResult upload(String id, String question, byte[] content, String name) throws Exception {
		return mvc.perform(multipart("/api/v1/applications/" + id + "/documents").file(new MockMultipartFile("file",
				name, "application/pdf", content)).param("question", question).with(bearer(token))
				.header("Accept-Language", "ru")).andReturn();
	}

	/** A complete draft with its identity document, ready to submit. */
	String completeDraft() throws Exception {
		String id = create(Residency.answers("xankendi"));
		assertThat(upload(id, "identityDocument", Residency.PDF, "passport.pdf").getResponse().getStatus())
				.isEqualTo(201);
		return id;
	}

	@Test
	void aDraftWithAnswersShowsWhatIsStillMissing() throws Exception {
		Map<String, Object> answers = new LinkedHashMap<>(Residency.answers("xankendi"));
		answers.put("favouriteColour", "blue");
		MvcResult created = mvc.perform(api.json(post("/api/v1/applications"), token,
				Map.of("service", "residency", "answers", answers)).header("Accept-Language", "en"))
				.andExpect(status().isCreated())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.status").value("DRAFT"))
				.andExpect(jsonPath("$.definitionVersion").isNumber())
				.andExpect(jsonPath("$.answers.name.written").value("Արմեն Պետրոսյան"))
				// Only answers to questions the service asks are kept.
				.andExpect(jsonPath("$.answers.favouriteColour").doesNotExist()).andReturn();
		List<Map<String, String>> problems = read(created, "$.problems");
		assertThat(problems).extracting(p -> p.get("path")).containsExactly("identityDocument");
		assertThat(problems.get(0)).containsEntry("page", "documents")
				.containsEntry("message",
						messages.getMessage("services.validation.file-required", null, Locale.ENGLISH));

		String id = read(created, "$.id");
		mvc.perform(get("/api/v1/applications").with(bearer(token))).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(id))
				.andExpect(jsonPath("$[0].service").value("residency"))
				.andExpect(jsonPath("$[0].status").value("DRAFT"))
				.andExpect(jsonPath("$[0].definitionVersion").isNumber())
				.andExpect(jsonPath("$[0].createdAt").isString());
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameDraft() throws Exception {
		String key = UUID.randomUUID().toString();
		String first = read(mvc.perform(api.json(post("/api/v1/applications"), token, Map.of("service", "residency"))
				.header("Idempotency-Key", key)).andExpect(status().isCreated()).andReturn(), "$.id");
		String second = read(mvc.perform(api.json(post("/api/v1/applications"), token, Map.of("service", "residency"))
				.header("Idempotency-Key", key)).andExpect(status().isCreated()).andReturn(), "$.id");

		assertThat(second).isEqualTo(first);
		assertThat(applications.mine(applicant)).hasSize(1);
	}

	@Test
	void anUnknownServiceIsNotFound() throws Exception {
		mvc.perform(api.json(post("/api/v1/applications"), token, Map.of("service", "no-such-service")))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void submittingTwiceGivesOneReferenceAndOneHistoryEntry() throws Exception {
		String id = completeDraft();
		MvcResult first = mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(token))
				.header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "hy"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED")).andReturn();
		MvcResult second = mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(token)))
				.andExpect(status().isOk()).andReturn();

		String reference = read(first, "$.reference");
		assertThat(reference).matches("RES-\\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat((String) read(second, "$.reference")).isEqualTo(reference);
		MvcResult history = mvc.perform(get("/api/v1/applications/" + id + "/history").with(bearer(token)))
				.andExpect(status().isOk()).andReturn();
		assertThat((List<String>) read(history, "$[*].action")).containsExactly("submitted");
		mvc.perform(get("/api/v1/applications/" + id + "/history").with(bearer(token)))
				.andExpect(jsonPath("$[0].role").value("APPLICANT")).andExpect(jsonPath("$[0].to").value("SUBMITTED"))
				.andExpect(jsonPath("$[0].at").isString());

		// Submitted answers can no longer be changed.
		mvc.perform(api.json(put("/api/v1/applications/" + id + "/answers"), token,
				Map.of("answers", Residency.answers("susa"))))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anIncompleteDraftIsRefusedWithEachProblemInTheRequestersLanguage() throws Exception {
		String id = create(Map.of("birthDate", "1980-05-01", "phone", "not a phone"));
		MvcResult refused = mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(token))
				.header("Accept-Language", "hy"))
				.andExpect(status().is(422))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(422)).andReturn();

		String detail = read(refused, "$.detail");
		assertThat(detail).isNotBlank()
				.isNotEqualTo(messages.getMessage("error.validation", null, Locale.ENGLISH))
				.containsPattern("\\p{IsArmenian}");
		List<Map<String, String>> errors = read(refused, "$.errors");
		assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).containsKeys("path", "page", "message"));
		assertThat(errors).extracting(e -> e.get("path")).contains("name", "phone", "identityDocument");
		assertThat(errors).filteredOn(e -> e.get("path").equals("phone")).singleElement()
				.satisfies(e -> assertThat(e.get("page")).isEqualTo("contact"));
		assertThat(applications.mine(applicant, new ApplicationId(UUID.fromString(id))).status())
				.isEqualTo(Status.DRAFT);
	}

	@Test
	void answersOfTheWrongKindAreProblemsNotFailures() throws Exception {
		String id = completeDraft();
		Map<String, Object> answers = new LinkedHashMap<>(Residency.answers("xankendi"));
		answers.put("phone", List.of("+374", "10 123456"));
		answers.put("consent", "true-and-complete");
		answers.put("birthPlace", 42);
		// A file cannot be claimed in the answers: only uploads count.
		answers.put("residenceProof", List.of(Map.of("document", UUID.randomUUID().toString(), "name", "x.pdf",
				"type", "application/pdf", "size", 10)));
		MvcResult saved = mvc.perform(api.json(put("/api/v1/applications/" + id + "/answers"), token,
				Map.of("answers", answers))).andExpect(status().isOk())
				.andExpect(jsonPath("$.answers.birthPlace").value("42"))
				.andExpect(jsonPath("$.answers.residenceProof").doesNotExist())
				// The uploaded identity document was not listed, so it is no longer part of the answers.
				.andExpect(jsonPath("$.answers.identityDocument").doesNotExist()).andReturn();
		assertThat((List<String>) read(saved, "$.problems[*].path")).contains("phone", "consent", "identityDocument")
				.doesNotContain("birthPlace");

		mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(token)))
				.andExpect(status().is(422));
	}

	@Test
	void filesAreTypedByTheirContentNotTheirName() throws Exception {
		String id = create(Residency.answers("xankendi"));

		MvcResult png = upload(id, "identityDocument", PNG, "passport.pdf");
		assertThat(png.getResponse().getStatus()).isEqualTo(201);
		assertThat((String) read(png, "$.type")).isEqualTo("image/png");
		assertThat((String) read(png, "$.name")).isEqualTo("passport.pdf");
		assertThat((Integer) read(png, "$.size")).isEqualTo(PNG.length);
		String document = read(png, "$.document");

		MvcResult text = upload(id, "identityDocument", "just some text".getBytes(StandardCharsets.UTF_8),
				"passport.pdf");
		assertThat(text.getResponse().getStatus()).isEqualTo(422);
		assertThat(text.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat((String) read(text, "$.detail"))
				.isEqualTo(messages.getMessage("platform.document.type", null, Locale.forLanguageTag("ru")))
				.isNotEqualTo(messages.getMessage("platform.document.type", null, Locale.ENGLISH));

		// The accepted file is in the answers, the refused one is not; the draft can now be submitted.
		mvc.perform(get("/api/v1/applications/" + id).with(bearer(token)))
				.andExpect(jsonPath("$.answers.identityDocument.length()").value(1))
				.andExpect(jsonPath("$.answers.identityDocument[0].document").value(document));
		mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(token)))
				.andExpect(status().isOk());
	}

	@Test
	void aFileForAQuestionThatIsNotAFileQuestionIsNotFound() throws Exception {
		String id = create(Map.of());
		MvcResult result = upload(id, "phone", Residency.PDF, "a.pdf");
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		MvcResult missing = mvc.perform(multipart("/api/v1/applications/" + id + "/documents")
				.param("question", "identityDocument").with(bearer(token))).andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		assertThat(missing.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void anotherApplicantsApplicationDoesNotExistForThem() throws Exception {
		String id = create(Residency.answers("xankendi"));
		CurrentUser other = users.newApplicant("en");
		String otherToken = api.token(users.email(other));

		mvc.perform(get("/api/v1/applications/" + id).with(bearer(otherToken)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404))
				.andExpect(jsonPath("$.detail").value(messages.getMessage("error.not-found", null, Locale.ENGLISH)));
		mvc.perform(api.json(put("/api/v1/applications/" + id + "/answers"), otherToken, Map.of("answers", Map.of())))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/applications/" + id + "/submission").with(bearer(otherToken)))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/applications/" + id + "/history").with(bearer(otherToken)))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/applications").with(bearer(otherToken))).andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/applications")).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/applications").header("Authorization", "Bearer not-a-token"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anApplicantCannotUseTheCaseApi() throws Exception {
		mvc.perform(get("/api/v1/cases").with(bearer(token))).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/cases/" + UUID.randomUUID()).param("purpose", "REVIEW").with(bearer(token)))
				.andExpect(status().isForbidden());
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/v1/applications'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/applications/{id}/submission'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/applications/{id}/documents'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/cases/{id}'].get.parameters[?(@.name == 'purpose')]").exists())
				.andExpect(jsonPath("$.paths['/api/v1/cases/{id}/decision'].post").exists());
	}
}
