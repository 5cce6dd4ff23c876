package org.hearth.applications;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Over the web, another person's application does not exist: not for another applicant, not for the staff of
 * another office — 404, the same answer as for an id that was never issued. (Here rather than in web/ because
 * {@link Residency}, which builds a valid application, is package-private.)
 */
@HearthTest
class OwnershipTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationManagement applications;

	@Test
	void anotherApplicantsApplicationAndItsDocumentsAreNotFound() throws Exception {
		CurrentUser owner = users.newApplicant("en");
		CurrentUser other = users.newApplicant("en");
		Application application = submitted(owner);
		String page = "/applications/" + application.id();
		String document = page + "/documents/" + documentOf(application);

		assertThat(as(owner, get(page)).getStatus()).isEqualTo(200);
		assertThat(as(owner, get(document)).getStatus()).isEqualTo(200);

		assertThat(as(other, get(page)).getStatus()).isEqualTo(404);
		MockHttpServletResponse stolen = as(other, get(document));
		assertThat(stolen.getStatus()).isEqualTo(404);
		assertThat(stolen.getContentType()).doesNotContain("pdf");
		assertThat(stolen.getContentAsString()).doesNotContain("%PDF");
		for (String subpage : List.of("/check", "/submitted", "/pages/name")) {
			assertThat(as(other, get(page + subpage)).getStatus()).as(subpage).isEqualTo(404);
		}
	}

	@Test
	void aCaseworkerOfAnotherOfficeGetsNotFound() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		Application application = submitted(applicant);
		assertThat(application.office()).hasToString("KHA");
		String caseView = "/cases/" + application.id();
		String document = caseView + "/documents/" + documentOf(application);

		assertThat(as(users.demo("caseworker@hearth.demo"), get(caseView)).getStatus()).isEqualTo(200);

		CurrentUser shusha = users.demo("caseworker.shusha@hearth.demo");
		assertThat(as(shusha, get(caseView)).getStatus()).isEqualTo(404);
		assertThat(as(shusha, get(document)).getStatus()).isEqualTo(404);
		assertThat(as(shusha, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post(caseView + "/open").param("purpose", "REVIEW")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.getStatus()).isEqualTo(404);
		assertThat(applications.accessLog(application.id())).as("no opening recorded for the other office").isEmpty();
	}

	private Application submitted(CurrentUser applicant) {
		Application draft = Residency.draft(applications, applicant, "xankendi");
		return applications.submit(applicant, draft.id(), Locale.ENGLISH, null).application();
	}

	@SuppressWarnings("unchecked")
	private static String documentOf(Application application) {
		var files = (List<Map<String, Object>>) application.answers().get("identityDocument");
		return String.valueOf(files.get(0).get("document"));
	}

	private MockHttpServletResponse as(CurrentUser user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Accept-Language", "en").with(WebSession.signedIn(user))
				.with(WebSession.from(WebSession.uniqueAddress()))).andReturn().getResponse();
	}
}
