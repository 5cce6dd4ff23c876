package org.hearth.applications;

import java.util.Map;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The form pages as a browser without JavaScript uses them: answers are kept whatever is wrong with them,
 * errors come in the page's language, conditions show and hide pages, names get a Latin spelling to confirm.
 */
@HearthTest
class ApplicantPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	org.springframework.context.MessageSource messages;

	@org.springframework.beans.factory.annotation.Value("${hearth.data-dir}")
	java.nio.file.Path dataDir;

	CurrentUser applicant;

	@BeforeEach
	void signIn() {
		applicant = users.newApplicant("ru");
	}

	RequestPostProcessor as(CurrentUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	String start() throws Exception {
		String location = mvc.perform(post("/applications").param("service", "residency").with(as(applicant)).with(csrf()))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/applications/[0-9a-f-]{36}/pages/name");
		return location.split("/")[2];
	}

	MockMultipartHttpServletRequestBuilder page(String id, String page) {
		return multipart("/applications/" + id + "/pages/" + page).with(as(applicant)).with(csrf());
	}

	@Test
	void aNameInArmenianGetsALatinSpellingToConfirmThenGoesOn() throws Exception {
		String id = start();
		String html = mvc.perform(page(id, "name").param("q.name.written", "Արմեն Պետրոսյան").param("action", "continue")
				.header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(html).contains("value=\"Armen Petrosyan\"").contains("Արմեն Պետրոսյան");
		assertThat(html).contains("lang=\"ru\"");

		mvc.perform(page(id, "name").param("q.name.written", "Արմեն Պետրոսյան").param("q.name.latin", "Armen Petrosian")
				.param("action", "continue")).andExpect(redirectedUrl("/applications/" + id + "/pages/birth"));
		Application saved = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		assertThat(saved.answers().get("name")).isEqualTo(Map.of("written", "Արմեն Պետրոսյան", "latin", "Armen Petrosian"));
	}

	@Test
	void anInvalidDateIsKeptAsTypedAndExplainedInThePageLanguage() throws Exception {
		String id = start();
		String html = mvc.perform(page(id, "birth").param("q.birthDate.day", "31").param("q.birthDate.month", "2")
				.param("q.birthDate.year", "1980").param("q.birthPlace", "Шуша").param("action", "continue")
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Enter a real date").contains("value=\"31\"").contains("value=\"Шуша\"");
		// Leaving and coming back: the page shows what was typed.
		String again = mvc.perform(get("/applications/" + id + "/pages/birth").with(as(applicant)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("value=\"31\"").contains("value=\"Шуша\"");
	}

	@Test
	void aRefusedUploadKeepsEverythingElseAndSaysWhyInArmenian() throws Exception {
		String id = start();
		var text = new MockMultipartFile("file.identityDocument", "passport.pdf", "application/pdf",
				"just text, not a PDF".getBytes());
		String html = mvc.perform(page(id, "documents").file(text).param("q.identityDocumentType", "passport")
				.param("action", "continue").header("Accept-Language", "hy")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(html).contains("lang=\"hy\"").contains("id=\"q-identityDocumentType\"");
		assertThat(html).containsPattern("value=\"passport\"\\s+checked");
		assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage("platform.document.type",
				null, java.util.Locale.forLanguageTag("hy")))).doesNotContain("This kind of file is not accepted");
		Application saved = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		assertThat(saved.answers()).containsEntry("identityDocumentType", "passport").doesNotContainKey("identityDocument");
	}

	@Test
	void anUploadTheStoreCannotKeepIsExplainedAndTheDraftKeepsWhatWasTyped() throws Exception {
		String id = start();
		var pdf = new MockMultipartFile("file.identityDocument", "passport.pdf", "application/pdf", Residency.PDF);
		String html;
		try (var broken = org.hearth.web.BrokenDirectory.at(dataDir.resolve("spool"))) {
			html = mvc.perform(page(id, "documents").file(pdf).param("q.identityDocumentType", "passport")
					.param("action", "continue").header("Accept-Language", "az")).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
		}
		assertThat(html).contains("lang=\"az\"").containsPattern("value=\"passport\"\\s+checked")
				.contains(org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage(
						"platform.document.unavailable", null, java.util.Locale.forLanguageTag("az")), "UTF-8"));
		Application saved = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		assertThat(saved.status()).isEqualTo(Status.DRAFT);
		assertThat(saved.answers()).containsEntry("identityDocumentType", "passport").doesNotContainKey("identityDocument");

		// The disk is back: the same page and file go through.
		mvc.perform(page(id, "documents").file(pdf).param("q.identityDocumentType", "passport")
				.param("action", "continue")).andExpect(redirectedUrl("/applications/" + id + "/pages/declaration"));
	}

	@Test
	void anAcceptedUploadIsListedAndCanBeDownloadedOnlyByItsOwner() throws Exception {
		String id = start();
		var pdf = new MockMultipartFile("file.identityDocument", "паспорт.pdf", "application/octet-stream", Residency.PDF);
		var result = mvc.perform(page(id, "documents").file(pdf).param("q.identityDocumentType", "passport")
				.param("action", "continue")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString())
				.isEqualTo("/applications/" + id + "/pages/declaration");
		Application saved = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		@SuppressWarnings("unchecked")
		var file = ((java.util.List<Map<String, Object>>) saved.answers().get("identityDocument")).get(0);
		assertThat(file).containsEntry("name", "паспорт.pdf").containsEntry("type", "application/pdf");

		String url = "/applications/" + id + "/documents/" + file.get("document");
		byte[] body = mvc.perform(get(url).with(as(applicant))).andExpect(status().isOk())
				.andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
		assertThat(body).isEqualTo(Residency.PDF);
		mvc.perform(get(url).with(as(users.newApplicant("en")))).andExpect(status().isNotFound());
	}

	@Test
	void householdMembersAreAddedAndRemovedWithoutJavaScriptAndShownOnlyWhenSomeoneApplies() throws Exception {
		String id = start();
		mvc.perform(page(id, "household").param("q.hasHousehold", "yes").param("q.household.count", "0")
				.param("action", "add:household")).andExpect(status().isOk());
		mvc.perform(page(id, "household").param("q.hasHousehold", "yes").param("q.household.count", "1")
				.param("q.household[0].name.written", "Anna Petrosyan").param("action", "add:household"))
				.andExpect(status().isOk());
		Application two = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		assertThat(((java.util.List<?>) two.answers().get("household"))).hasSize(2);

		mvc.perform(page(id, "household").param("q.hasHousehold", "yes").param("q.household.count", "2")
				.param("q.household[0].name.written", "Anna Petrosyan").param("q.household[1].name.written", "Aram")
				.param("action", "remove:household:0")).andExpect(status().isOk());
		Application one = applications.mine(applicant, new ApplicationId(UUID.fromString(id)));
		assertThat(((java.util.List<?>) one.answers().get("household"))).hasSize(1);
		assertThat(((Map<?, ?>) ((java.util.List<?>) one.answers().get("household")).get(0)).get("name").toString())
				.contains("Aram");

		String hidden = mvc.perform(page(id, "household").param("q.hasHousehold", "no").param("q.household.count", "1")
				.param("action", "save")).andReturn().getResponse().getRedirectedUrl();
		assertThat(hidden).startsWith("/applications?saved=");
	}

	@Test
	void aSettlementIsFoundByAnyOfItsNamesWithoutJavaScript() throws Exception {
		String id = start();
		for (String name : new String[] { "Şuşa", "Shusha", "Шуша", "Շուշի" }) {
			String html = mvc.perform(page(id, "previous").param("q.previousSettlement.search", name)
					.param("action", "search:previousSettlement").header("Accept-Language", "en")).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
			assertThat(html).as(name).contains("value=\"susa\"");
		}
		mvc.perform(page(id, "previous").param("q.previousSettlement", "susa").param("action", "continue"))
				.andExpect(redirectedUrl("/applications/" + id + "/pages/household"));
	}

	@Test
	void theCheckPageListsMissingAnswersAndSubmissionSendsTheApplicantToTheConfirmation() throws Exception {
		String id = start();
		String check = mvc.perform(post("/applications/" + id + "/submit").with(as(applicant)).with(csrf())
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(check).contains("Some answers need your attention").contains("/pages/name?return=check");

		Application draft = Residency.draft(applications, applicant, "xankendi");
		mvc.perform(post("/applications/" + draft.id() + "/submit").with(as(applicant)).with(csrf()))
				.andExpect(redirectedUrl("/applications/" + draft.id() + "/submitted"));
		// A second click lands on the same confirmation, with the same reference.
		mvc.perform(post("/applications/" + draft.id() + "/submit").with(as(applicant)).with(csrf()))
				.andExpect(redirectedUrl("/applications/" + draft.id() + "/submitted"));
		String confirmation = mvc.perform(get("/applications/" + draft.id() + "/submitted").with(as(applicant)))
				.andReturn().getResponse().getContentAsString();
		String reference = applications.mine(applicant, draft.id()).reference();
		assertThat(confirmation).contains(reference);
	}
}
