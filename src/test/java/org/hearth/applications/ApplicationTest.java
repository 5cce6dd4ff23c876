package org.hearth.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.hearth.services.ServiceDefinition.DecisionReason;
import org.hearth.services.ServiceDefinition.Workflow;
import org.hearth.shared.ConflictException;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workflow's rules, without any infrastructure: who may do what, when. */
class ApplicationTest {

	static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
	static final ZoneId BAKU = ZoneId.of("Asia/Baku");
	static final OfficeId KHA = new OfficeId("KHA");
	static final LocalizedText T = LocalizedText.of("Ա", "A", "А", "A");
	static final Workflow WORKFLOW = new Workflow(Workflow.FOUR_EYES, 30, 5,
			List.of(new DecisionReason("ok", T)), List.of(new DecisionReason("no", T)));

	final AccountId applicant = AccountId.random();
	final Actor caseworker = new Actor(AccountId.random(), Role.CASEWORKER, KHA);
	final Actor caseworker2 = new Actor(AccountId.random(), Role.CASEWORKER, KHA);
	final Actor supervisor = new Actor(AccountId.random(), Role.SUPERVISOR, KHA);
	final Actor supervisor2 = new Actor(AccountId.random(), Role.SUPERVISOR, KHA);

	Application submitted() {
		Application application = Application.start(applicant, "residency", 1, NOW);
		application.submit(applicant, Map.of("a", "b"), "RES-26-AAAA-BBBB", KHA, "xankendi", "hy", NOW);
		return application;
	}

	Application refused() {
		Application application = submitted();
		application.assign(caseworker, NOW);
		application.recommend(caseworker, Outcome.REFUSE, List.of("no"), "Because.", WORKFLOW, NOW);
		application.confirm(supervisor, WORKFLOW, "CODE-CODE-CODE", null, BAKU, NOW);
		return application;
	}

	@Test
	void onlyTheApplicantCanSubmitAndOnlyOnce() {
		Application application = Application.start(applicant, "residency", 1, NOW);
		assertThatThrownBy(() -> application.submit(AccountId.random(), Map.of(), "R", KHA, null, "en", NOW))
				.isInstanceOf(NotFoundException.class);
		application.submit(applicant, Map.of(), "R", KHA, null, "en", NOW);
		assertThatThrownBy(() -> application.submit(applicant, Map.of(), "R", KHA, null, "en", NOW))
				.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> application.saveAnswers(applicant, Map.of(), NOW)).isInstanceOf(ConflictException.class);
		assertThat(application.events()).extracting(ApplicationStatusChanged::to).containsExactly(Status.SUBMITTED);
	}

	@Test
	void staffOfAnotherOfficeDoNotFindTheCase() {
		Application application = submitted();
		var elsewhere = new Actor(AccountId.random(), Role.CASEWORKER, new OfficeId("SHU"));
		assertThatThrownBy(() -> application.assign(elsewhere, NOW)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyTheAssignedCaseworkerRequestsAndRecommends() {
		Application application = submitted();
		application.assign(caseworker, NOW);
		assertThatThrownBy(() -> application.requestInformation(caseworker2, "?", NOW))
				.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> application.recommend(caseworker2, Outcome.APPROVE, List.of("ok"), "", WORKFLOW, NOW))
				.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void aRecommendationNeedsReasonsOfItsKindAndARefusalWords() {
		Application application = submitted();
		application.assign(caseworker, NOW);
		assertThatThrownBy(() -> application.recommend(caseworker, Outcome.APPROVE, List.of(), "", WORKFLOW, NOW))
				.extracting("messageKey").isEqualTo("applications.error.reasons-required");
		assertThatThrownBy(() -> application.recommend(caseworker, Outcome.APPROVE, List.of("no"), "", WORKFLOW, NOW))
				.extracting("messageKey").isEqualTo("applications.error.reasons-required");
		assertThatThrownBy(() -> application.recommend(caseworker, Outcome.REFUSE, List.of("no"), " ", WORKFLOW, NOW))
				.extracting("messageKey").isEqualTo("applications.error.refusal-needs-explanation");
	}

	@Test
	void approvalIsNotRecommendedWhileTheEligibilityRuleIsNotMet() {
		Application application = submitted();
		application.assign(caseworker, NOW);
		var notMet = Assessment.of(List.of(new Assessment.Criterion("x.met", List.of(), true),
				new Assessment.Criterion("x.not-met", List.of("2001"), false)));
		assertThat(notMet.eligible()).isFalse();
		// Who may recommend is checked first: the rule is nobody else's business.
		assertThatThrownBy(() -> application.recommend(caseworker2, Outcome.APPROVE, List.of("ok"), "", WORKFLOW,
				notMet, NOW)).extracting("messageKey").isEqualTo("applications.error.not-assignee");
		assertThatThrownBy(() -> application.recommend(caseworker, Outcome.APPROVE, List.of("ok"), "", WORKFLOW,
				notMet, NOW)).extracting("messageKey").isEqualTo("applications.error.not-eligible");
		assertThat(application.status()).isEqualTo(Status.IN_REVIEW);
		application.recommend(caseworker, Outcome.REFUSE, List.of("no"), "Displaced in 2001.", WORKFLOW, notMet, NOW);
		assertThat(application.status()).isEqualTo(Status.AWAITING_DECISION);
	}

	@Test
	void anAssessmentIsEligibleExactlyWhenEveryCriterionIsMet() {
		var met = new Assessment.Criterion("x.met", List.of(), true);
		var notMet = new Assessment.Criterion("x.not-met", List.of(), false);
		assertThat(Assessment.of(List.of(met)).eligible()).isTrue();
		assertThatThrownBy(() -> new Assessment(true, List.of(met, notMet)))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Assessment(false, List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Assessment.StaffAction("https://elsewhere.example/", "x.label"))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void fourEyes() {
		Application application = submitted();
		var both = new Actor(caseworker.account(), Role.SUPERVISOR, KHA);
		application.assign(caseworker, NOW);
		application.recommend(caseworker, Outcome.APPROVE, List.of("ok"), "", WORKFLOW, NOW);
		assertThatThrownBy(() -> application.confirm(both, WORKFLOW, "C", "RP-1", BAKU, NOW))
				.extracting("messageKey").isEqualTo("applications.error.four-eyes");
		assertThatThrownBy(() -> application.returnRecommendation(both, "no", NOW))
				.extracting("messageKey").isEqualTo("applications.error.four-eyes");
		Decision decision = application.confirm(supervisor, WORKFLOW, "C", "RP-1", BAKU, NOW);
		assertThat(decision.permitNumber()).isEqualTo("RP-1");
		assertThat(decision.permitValidFrom()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(decision.permitValidUntil()).isEqualTo(LocalDate.of(2031, 11, 26));
		assertThat(application.status()).isEqualTo(Status.APPROVED);
	}

	@Test
	void aReturnedRecommendationGoesBackToTheCaseworkerWithTheComment() {
		Application application = submitted();
		application.assign(caseworker, NOW);
		application.recommend(caseworker, Outcome.APPROVE, List.of("ok"), "", WORKFLOW, NOW);
		assertThatThrownBy(() -> application.returnRecommendation(supervisor, " ", NOW))
				.extracting("messageKey").isEqualTo("applications.error.comment-required");
		application.returnRecommendation(supervisor, "Check the passport number.", NOW);
		assertThat(application.status()).isEqualTo(Status.IN_REVIEW);
		assertThat(application.newHistory()).last().extracting(HistoryEntry::comment).isEqualTo("Check the passport number.");
	}

	@Test
	void anAppealIsPossibleOnceWithinTheDeadlineAndReviewedByOthers() {
		Application application = refused();
		LocalDate deadline = application.latestDecision().orElseThrow().appealDeadline();
		assertThat(deadline).isEqualTo(LocalDate.of(2026, 12, 27));
		assertThatThrownBy(() -> application.appeal(applicant, "Wrong.", List.of(), deadline.plusDays(1), NOW))
				.extracting("messageKey").isEqualTo("applications.error.appeal-deadline-passed");
		application.appeal(applicant, "Wrong.", List.of(), deadline, NOW);
		assertThat(application.round()).isEqualTo(2);

		assertThatThrownBy(() -> application.assign(caseworker, NOW)).isInstanceOf(RuleViolationException.class);
		application.assign(caseworker2, NOW);
		application.recommend(caseworker2, Outcome.REFUSE, List.of("no"), "Still no proof.", WORKFLOW, NOW);
		assertThatThrownBy(() -> application.confirm(supervisor, WORKFLOW, "C2", null, BAKU, NOW))
				.extracting("messageKey").isEqualTo("applications.error.appeal-needs-other-reviewer");
		Decision last = application.confirm(supervisor2, WORKFLOW, "C2", null, BAKU, NOW);
		assertThat(last.appealDeadline()).as("an appeal decision is final").isNull();
		assertThat(application.canAppeal(LocalDate.of(2026, 11, 28))).isFalse();
		assertThatThrownBy(() -> application.appeal(applicant, "Again.", List.of(), LocalDate.of(2026, 11, 28), NOW))
				.isInstanceOf(ConflictException.class);
	}

	@Test
	void theApplicantAnswersOnlyAnOpenRequest() {
		Application application = submitted();
		application.assign(caseworker, NOW);
		var request = application.requestInformation(caseworker, "Send the passport again.", NOW);
		assertThatThrownBy(() -> application.provideInformation(applicant, request.id(), " ", List.of(), NOW))
				.extracting("messageKey").isEqualTo("applications.error.response-empty");
		application.provideInformation(applicant, request.id(), "Attached.", List.of(), NOW);
		assertThat(application.status()).isEqualTo(Status.IN_REVIEW);
		assertThatThrownBy(() -> application.provideInformation(applicant, request.id(), "Again", List.of(), NOW))
				.isInstanceOf(ConflictException.class);
	}
}
