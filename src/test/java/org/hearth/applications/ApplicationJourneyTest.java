package org.hearth.applications;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.HearthTest;
import org.hearth.applications.ApplicationManagement.Submission;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.identity.TestUsers;
import org.hearth.platform.DemoMailbox;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An application from submission to decision and appeal, on the real database and the real mail server: the
 * four-eyes rule, office boundaries, the history, e-mail in the applicant's language, the letter and its code.
 */
@HearthTest
class ApplicationJourneyTest {

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Letters letters;

	@Autowired
	Verification verification;

	@Autowired
	TestUsers users;

	@Autowired
	DemoMailbox.Mailbox mailbox;

	@Test
	void refusedThenApprovedOnAppealByOtherPeople() throws IOException {
		CurrentUser applicant = users.newApplicant("hy");
		CurrentUser caseworker = users.demo("caseworker@hearth.demo");
		CurrentUser caseworker2 = users.demo("caseworker2@hearth.demo");
		CurrentUser supervisor = users.demo("supervisor@hearth.demo");
		CurrentUser supervisor2 = users.demo("supervisor2@hearth.demo");

		Application draft = Residency.draft(applications, applicant, "xankendi");
		Submission submission = applications.submit(applicant, draft.id(), Locale.forLanguageTag("hy"), null);
		assertThat(submission).isInstanceOf(Submission.Submitted.class);
		Application submitted = submission.application();
		assertThat(submitted.status()).isEqualTo(Status.SUBMITTED);
		assertThat(submitted.reference()).matches("RES-\\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(submitted.office()).isEqualTo(new OfficeId("KHA"));
		String reference = submitted.reference();

		// The confirmation e-mail, in Armenian, carries the reference.
		var received = await().until(() -> mailbox.to(users.email(applicant)), mails -> !mails.isEmpty()).get(0);
		assertThat(received.language()).isEqualTo("hy");
		assertThat(received.body()).contains(reference);

		// The Shusha office does not see a Khankendi case at all.
		assertThatThrownBy(() -> applications.caseFor(users.demo("caseworker.shusha@hearth.demo"), draft.id()))
				.isInstanceOf(NotFoundException.class);

		applications.open(caseworker, draft.id(), AccessPurpose.REVIEW);
		applications.assign(caseworker, draft.id());
		Application waiting = applications.requestInformation(caseworker, draft.id(), "Please send a residence proof.");
		assertThat(waiting.status()).isEqualTo(Status.AWAITING_APPLICANT);
		UUID request = waiting.openInformationRequest().orElseThrow().id();
		await().until(() -> mailbox.to(users.email(applicant)).size() >= 2);

		Application answered = applications.provideInformation(applicant, draft.id(), request, "I have none left.",
				List.of());
		assertThat(answered.status()).isEqualTo(Status.IN_REVIEW);

		applications.recommend(caseworker, draft.id(), Outcome.REFUSE, List.of("information-not-provided"),
				"No proof of previous residence could be provided.");
		Application recommended = applications.caseFor(supervisor, draft.id());
		Application refused = applications.confirm(supervisor, draft.id(), recommended.version());
		assertThat(refused.status()).isEqualTo(Status.REFUSED);
		Decision refusal = refused.latestDecision().orElseThrow();
		assertThat(refusal.appealDeadline()).isEqualTo(applications.today().plusDays(30));
		assertThat(refusal.permitNumber()).isNull();

		// The letter in Armenian, with the code that /verify knows.
		String text = new PDFTextStripper().getText(Loader.loadPDF(letters.decisionLetter(refused, Locale.forLanguageTag("hy"))));
		assertThat(text).contains(reference).contains("Արմեն Պետրոսյան").contains(refusal.verificationCode());
		var verified = verification.verify(refusal.verificationCode().toLowerCase(Locale.ROOT), Locale.ENGLISH);
		assertThat(verified).get().satisfies(v -> {
			assertThat(v.kind()).isEqualTo(Verification.Kind.REFUSAL);
			assertThat(v.initials()).isEqualTo("A. P.");
			assertThat(v.office()).isEqualTo("Khankendi office");
			assertThat(v.superseded()).isFalse();
		});

		// Appeal: those who decided may not review it.
		applications.appeal(applicant, draft.id(), "I lived in Khankendi until 2023; my neighbours can confirm.",
				List.of());
		assertThatThrownBy(() -> applications.assign(caseworker, draft.id()))
				.isInstanceOf(RuleViolationException.class);
		applications.assign(caseworker2, draft.id());
		applications.recommend(caseworker2, draft.id(), Outcome.APPROVE,
				List.of("identity-established", "residence-established"), "Neighbours confirmed the residence.");
		long version = applications.caseFor(supervisor, draft.id()).version();
		assertThatThrownBy(() -> applications.confirm(supervisor, draft.id(), version))
				.isInstanceOf(RuleViolationException.class)
				.extracting("messageKey").isEqualTo("applications.error.appeal-needs-other-reviewer");
		Application approved = applications.confirm(supervisor2, draft.id(), version);
		assertThat(approved.status()).isEqualTo(Status.APPROVED);
		Decision permit = approved.latestDecision().orElseThrow();
		assertThat(permit.round()).isEqualTo(2);
		assertThat(permit.permitNumber()).matches("RP-\\d{4}-\\d{6}");
		assertThat(permit.permitValidUntil()).isEqualTo(applications.today().plusYears(5).minusDays(1));
		assertThat(verification.verify(refusal.verificationCode(), Locale.ENGLISH)).get()
				.extracting(Verification.Result::superseded).isEqualTo(true);

		// Every change is in the history, with role and office, in order.
		assertThat(applications.history(draft.id())).extracting(HistoryEntry::action).containsExactly("submitted",
				"assigned", "information-requested", "information-provided", "recommended-refusal", "decided",
				"appealed", "assigned", "recommended-approval", "decided");
		assertThat(applications.history(draft.id())).filteredOn(h -> h.action().equals("decided"))
				.allSatisfy(h -> assertThat(h.office()).isEqualTo(new OfficeId("KHA")));
		assertThat(applications.accessLog(draft.id())).extracting(ApplicationManagement.CaseAccess::purpose)
				.containsExactly(AccessPurpose.REVIEW);
	}

	@Test
	void whoRecommendedCanNeverConfirmEvenHoldingBothRoles() {
		CurrentUser applicant = users.newApplicant("en");
		CurrentUser both = users.newStaff(java.util.Set.of(org.hearth.identity.Role.CASEWORKER,
				org.hearth.identity.Role.SUPERVISOR), "KHA");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.ENGLISH, null);
		applications.assign(both, draft.id());
		applications.recommend(both, draft.id(), Outcome.APPROVE, List.of("identity-established"), "");
		long version = applications.caseFor(both, draft.id()).version();

		assertThatThrownBy(() -> applications.confirm(both, draft.id(), version))
				.isInstanceOf(RuleViolationException.class).extracting("messageKey")
				.isEqualTo("applications.error.four-eyes");
		assertThat(applications.caseFor(both, draft.id()).status()).isEqualTo(Status.AWAITING_DECISION);
	}

	@Test
	void anotherApplicantsApplicationDoesNotExistForThem() {
		CurrentUser owner = users.newApplicant("ru");
		CurrentUser other = users.newApplicant("ru");
		Application draft = applications.start(owner, "residency", null);

		assertThatThrownBy(() -> applications.mine(other, draft.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> applications.submit(other, draft.id(), Locale.ENGLISH, null))
				.isInstanceOf(NotFoundException.class);
	}

	@Test
	void submittingTwiceGivesOneApplication() {
		CurrentUser applicant = users.newApplicant("en");
		Application draft = Residency.draft(applications, applicant, "susa");
		Application first = applications.submit(applicant, draft.id(), Locale.ENGLISH, null).application();
		Application second = applications.submit(applicant, draft.id(), Locale.ENGLISH, null).application();

		assertThat(second.reference()).isEqualTo(first.reference());
		assertThat(second.office()).isEqualTo(new OfficeId("SHU"));
		assertThat(applications.history(draft.id())).extracting(HistoryEntry::action).containsExactly("submitted");
	}

	@Test
	void aStaleDecisionIsRefusedWithAConflict() {
		CurrentUser applicant = users.newApplicant("en");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.ENGLISH, null);
		CurrentUser caseworker = users.demo("caseworker@hearth.demo");
		applications.assign(caseworker, draft.id());
		applications.recommend(caseworker, draft.id(), Outcome.APPROVE, List.of("identity-established"), "");
		long version = applications.caseFor(users.demo("supervisor@hearth.demo"), draft.id()).version();

		applications.confirm(users.demo("supervisor@hearth.demo"), draft.id(), version);
		assertThatThrownBy(() -> applications.confirm(users.demo("supervisor2@hearth.demo"), draft.id(), version))
				.isInstanceOf(ConflictException.class);
		assertThat(applications.caseFor(caseworker, draft.id()).decisions()).hasSize(1);
	}
}
