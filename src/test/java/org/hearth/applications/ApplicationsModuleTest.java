package org.hearth.applications;

import java.util.Locale;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applications module with what it depends on and nothing else (no web module), on the real database: a
 * submission publishes its state change for the modules that listen (e-mail now, the transparency log later).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({ "demo", "test" })
class ApplicationsModuleTest {

	@Autowired
	ApplicationManagement applications;

	@Autowired
	TestUsers users;

	@Test
	void aSubmissionPublishesItsStateChange(Scenario scenario) {
		CurrentUser applicant = users.newApplicant("az");
		Application draft = Residency.draft(applications, applicant, "susa");

		scenario.stimulate(() -> applications.submit(applicant, draft.id(), Locale.forLanguageTag("az"), null))
				.andWaitForEventOfType(ApplicationStatusChanged.class)
				.matching(event -> event.application().equals(draft.id()))
				.toArriveAndVerify(event -> {
					assertThat(event.from()).isEqualTo(Status.DRAFT);
					assertThat(event.to()).isEqualTo(Status.SUBMITTED);
					assertThat(event.action()).isEqualTo("submitted");
					assertThat(event.applicant()).isEqualTo(applicant.id());
				});
	}
}
