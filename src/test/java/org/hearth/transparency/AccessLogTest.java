package org.hearth.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.hearth.HearthTest;
import org.hearth.applications.AccessPurpose;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.Residency;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who viewed my data: the applicant sees when, which office and why, in their language and never the clerk; the
 * data protection officer sees everything and can follow one staff account. (That nobody can change an entry:
 * AppendOnlyTablesTest.)
 */
@HearthTest
class AccessLogTest {

	@Autowired
	ApplicationManagement applications;

	@Autowired
	AccessLog accessLog;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.context.MessageSource messages;


	@Test
	void theApplicantSeesOfficeAndPurposeButNotTheClerk() throws Exception {
		CurrentUser applicant = users.newApplicant("ru");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.forLanguageTag("ru"), null);
		CurrentUser clerk = users.newStaff(java.util.Set.of(Role.CASEWORKER), "KHA");
		applications.open(clerk, draft.id(), AccessPurpose.REVIEW);
		applications.recordAccess(clerk, draft.id(), AccessPurpose.REVIEW, AccessLog.Action.DOCUMENT);

		assertThat(accessLog.of("application", draft.id().id())).extracting(AccessLog.Access::action)
				.containsExactly(AccessLog.Action.DOCUMENT, AccessLog.Action.OPEN);

		String page = mvc.perform(get("/applications/" + draft.id().id()).with(WebSession.signedIn(applicant))
				.header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<span>Исполнитель</span><span>, Офис в Ханкенди</span>").contains("Чтобы рассмотреть заявление");
		assertThat(page).doesNotContain(users.email(clerk)).doesNotContain(clerk.uuid().toString());
	}

	@Test
	void theDataProtectionOfficerFollowsOneStaffAccountAndOthersMayNotLook() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.ENGLISH, null);
		CurrentUser clerk = users.newStaff(java.util.Set.of(Role.CASEWORKER), "KHA");
		CurrentUser other = users.newStaff(java.util.Set.of(Role.CASEWORKER), "KHA");
		applications.open(clerk, draft.id(), AccessPurpose.QUALITY_CHECK);
		applications.open(other, draft.id(), AccessPurpose.REVIEW);

		CurrentUser dpo = users.demo("dpo@hearth.demo");
		String page = mvc.perform(get("/access-log").param("staff", users.email(clerk))
				.with(WebSession.signedIn(dpo)).header("Accept-Language", "en")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(users.email(clerk)).contains("Quality check").contains(draft.id().id().toString())
				.doesNotContain(users.email(other));

		String unknown = mvc.perform(get("/access-log").param("staff", "nobody@example.org")
				.with(WebSession.signedIn(dpo)).header("Accept-Language", "az")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(unknown).contains("Bu e-poçt ünvanı ilə hesab yoxdur.").contains("value=\"nobody@example.org\"");

		mvc.perform(get("/access-log").with(WebSession.signedIn(users.demo("supervisor@hearth.demo"))))
				.andExpect(status().isForbidden());
		mvc.perform(get("/access-log").with(WebSession.signedIn(applicant))).andExpect(status().isForbidden());
	}

	@Test
	void findingACaseByItsReferenceIsRecordedWithItsPurpose() throws Exception {
		CurrentUser applicant = users.newApplicant("az");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		String reference = applications.submit(applicant, draft.id(), Locale.forLanguageTag("az"), null).application()
				.reference();
		CurrentUser clerk = users.newStaff(java.util.Set.of(Role.CASEWORKER), "KHA");

		// Without a purpose nothing is searched, and what was typed stays.
		String refused = mvc.perform(get("/cases/find").param("reference", reference).with(WebSession.signedIn(clerk))
				.header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("Выберите, зачем Вы ищете дело.").contains("value=\"" + reference + "\"");
		assertThat(accessLog.of("application", draft.id().id())).isEmpty();

		String found = mvc.perform(get("/cases/find").param("reference", " " + reference.toLowerCase(Locale.ROOT))
				.param("purpose", "INFORMATION_REQUEST").with(WebSession.signedIn(clerk))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(found).contains("/cases/" + draft.id().id());
		assertThat(accessLog.of("application", draft.id().id())).singleElement().satisfies(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
			assertThat(access.purpose()).isEqualTo("INFORMATION_REQUEST");
			assertThat(access.office()).isEqualTo("KHA");
		});

		// Another office does not find it, and nothing is recorded for it.
		CurrentUser shusha = users.newStaff(java.util.Set.of(Role.CASEWORKER), "SHU");
		String elsewhere = mvc.perform(get("/cases/find").param("reference", reference).param("purpose", "REVIEW")
				.with(WebSession.signedIn(shusha)).header("Accept-Language", "en")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(elsewhere).contains("No case of your office has this reference.")
				.doesNotContain("/cases/" + draft.id().id());
		assertThat(accessLog.of("application", draft.id().id())).hasSize(1);

		String page = mvc.perform(get("/applications/" + draft.id().id()).with(WebSession.signedIn(applicant))
				.header("Accept-Language", "az")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(messages.getMessage("applications.access.action.SEARCH", null,
				Locale.forLanguageTag("az")));
	}
}
