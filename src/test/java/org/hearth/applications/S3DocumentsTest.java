package org.hearth.applications;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.platform.DocumentStore;
import org.hearth.platform.S3TestServer;
import org.hearth.platform.StorageUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hearth.applications.BearerClient.bearer;
import static org.hearth.applications.BearerClient.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application with {@code hearth.documents.store=s3}, configured, not coded, against a real S3 server
 * (s3proxy): an applicant's upload lands in the bucket, not in the data directory, and downloads from it; with the
 * server gone an upload is refused with 503 and the reason in the applicant's language, the draft keeps its
 * answers, and once the server is back the same upload goes through.
 */
@SpringBootTest(properties = "hearth.documents.store=s3")
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
// Its own context (another store); closed after the class rather than kept beside the shared one.
@DirtiesContext
class S3DocumentsTest {

	static final S3TestServer s3 = S3TestServer.start();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hearth.documents.s3.endpoint", s3::endpoint);
		registry.add("hearth.documents.s3.bucket", () -> S3TestServer.BUCKET);
		registry.add("hearth.documents.s3.access-key", () -> S3TestServer.ACCESS_KEY);
		registry.add("hearth.documents.s3.secret-key", () -> S3TestServer.SECRET_KEY);
	}

	@AfterAll
	static void stopServer() {
		s3.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	DocumentStore documents;

	@Autowired
	MessageSource messages;

	@Autowired
	JsonMapper json;

	@Value("${hearth.data-dir}")
	Path dataDir;

	CurrentUser applicant;

	@BeforeEach
	void signIn() {
		applicant = users.newApplicant("az");
	}

	@Test
	void anApplicantsUploadIsKeptInTheBucketAndDownloadedFromIt() throws Exception {
		String id = start();
		var pdf = new MockMultipartFile("file.identityDocument", "pasport.pdf", "application/octet-stream",
				Residency.PDF);
		MvcResult result = mvc.perform(page(id, "documents").file(pdf).param("q.identityDocumentType", "passport")
				.param("action", "continue")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString())
				.isEqualTo("/applications/" + id + "/pages/declaration");
		String document = documentOf(id);

		assertThat(s3.keys()).contains("documents/" + document);
		assertThat(dataDir.resolve("documents").resolve(document)).doesNotExist();

		byte[] body = mvc.perform(get("/applications/" + id + "/documents/" + document).with(as(applicant)))
				.andExpect(status().isOk()).andExpect(content().contentType("application/pdf")).andReturn()
				.getResponse().getContentAsByteArray();
		assertThat(body).isEqualTo(Residency.PDF);
	}

	@Test
	void withTheServerGoneAnUploadIsRefusedWith503InTheApplicantsLanguageAndGoesThroughOnceItIsBack()
			throws Exception {
		String id = start();
		var pdf = new MockMultipartFile("file.identityDocument", "pasport.pdf", "application/pdf", Residency.PDF);
		BearerClient api = new BearerClient(mvc, json);
		String token = api.token(users.email(applicant));
		String html;
		MvcResult refused;
		s3.down();
		try {
			var kept = catchThrowableOfType(StorageUnavailableException.class, () -> documents
					.store(new java.io.ByteArrayInputStream(Residency.PDF), Residency.PDF.length, "pasport.pdf"));
			assertThat(kept.messageKey()).isEqualTo("platform.document.unavailable");
			assertThat(kept.status()).isEqualTo(503);

			html = mvc.perform(page(id, "documents").file(pdf).param("q.identityDocumentType", "passport")
					.param("action", "continue").header("Accept-Language", "az")).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
			refused = mvc.perform(multipart("/api/v1/applications/" + id + "/documents")
					.file(new MockMultipartFile("file", "pasport.pdf", "application/pdf", Residency.PDF))
					.param("question", "identityDocument").with(bearer(token)).header("Accept-Language", "ru"))
					.andReturn();
		}
		finally {
			s3.up();
		}
		assertThat(html).contains("lang=\"az\"").containsPattern("value=\"passport\"\\s+checked")
				.contains(HtmlUtils.htmlEscape(messages.getMessage("platform.document.unavailable", null,
						Locale.forLanguageTag("az")), "UTF-8"));
		assertThat(refused.getResponse().getStatus()).isEqualTo(503);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat((String) read(refused, "$.detail")).isEqualTo(
				messages.getMessage("platform.document.unavailable", null, Locale.forLanguageTag("ru")));
		Application draft = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		assertThat(draft.status()).isEqualTo(Status.DRAFT);
		assertThat(draft.answers()).containsEntry("identityDocumentType", "passport")
				.doesNotContainKey("identityDocument");

		// The server is back: the same page and file go through, into the bucket.
		mvc.perform(page(id, "documents").file(pdf).param("q.identityDocumentType", "passport")
				.param("action", "continue")).andExpect(status().is3xxRedirection());
		assertThat(s3.keys()).contains("documents/" + documentOf(id));
	}

	String start() throws Exception {
		String location = mvc.perform(post("/applications").param("service", "residency").with(as(applicant))
				.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		return location.split("/")[2];
	}

	MockMultipartHttpServletRequestBuilder page(String id, String page) {
		return multipart("/applications/" + id + "/pages/" + page).with(as(applicant)).with(csrf());
	}

	RequestPostProcessor as(CurrentUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	@SuppressWarnings("unchecked")
	String documentOf(String id) {
		Application saved = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		var files = (List<Map<String, Object>>) saved.answers().get("identityDocument");
		return String.valueOf(files.get(0).get("document"));
	}
}
