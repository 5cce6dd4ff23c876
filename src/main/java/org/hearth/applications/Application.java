package org.hearth.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.AccountId;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.hearth.services.ServiceDefinition.Workflow;
import org.hearth.shared.ConflictException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * An application to a service, and the only place its workflow is decided. Each state change is a guarded method:
 * it checks who may do it and when, changes the state, records a history entry and an event. Nothing else sets a
 * status. The four-eyes rule lives here, so that no controller, API or script can bypass it.
 */
public class Application {

	private final ApplicationId id;
	private final AccountId applicant;
	private final String serviceCode;
	private final int definitionVersion;
	private final Instant createdAt;
	private Map<String, Object> answers;
	private Status status;
	private @Nullable String reference;
	private @Nullable String language;
	private @Nullable OfficeId office;
	private @Nullable String settlement;
	private @Nullable Instant submittedAt;
	private @Nullable AccountId assignee;
	private int round;
	private final Set<AccountId> excludedReviewers;
	private final List<InformationRequest> informationRequests;
	private final List<Recommendation> recommendations;
	private final List<Decision> decisions;
	private @Nullable Appeal appeal;
	private Instant updatedAt;
	private long version;

	private final List<HistoryEntry> newHistory = new ArrayList<>();
	private final List<ApplicationStatusChanged> events = new ArrayList<>();

	Application(ApplicationId id, AccountId applicant, String serviceCode, int definitionVersion, Instant createdAt,
			Map<String, Object> answers, Status status, @Nullable String reference, @Nullable String language,
			@Nullable OfficeId office, @Nullable String settlement, @Nullable Instant submittedAt,
			@Nullable AccountId assignee, int round, Set<AccountId> excludedReviewers,
			List<InformationRequest> informationRequests, List<Recommendation> recommendations,
			List<Decision> decisions, @Nullable Appeal appeal, Instant updatedAt, long version) {
		this.id = id;
		this.applicant = applicant;
		this.serviceCode = serviceCode;
		this.definitionVersion = definitionVersion;
		this.createdAt = createdAt;
		this.answers = answers;
		this.status = status;
		this.reference = reference;
		this.language = language;
		this.office = office;
		this.settlement = settlement;
		this.submittedAt = submittedAt;
		this.assignee = assignee;
		this.round = round;
		this.excludedReviewers = new HashSet<>(excludedReviewers);
		this.informationRequests = new ArrayList<>(informationRequests);
		this.recommendations = new ArrayList<>(recommendations);
		this.decisions = new ArrayList<>(decisions);
		this.appeal = appeal;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/** A new, empty draft under the current version of the service. */
	static Application start(AccountId applicant, String serviceCode, int definitionVersion, Instant now) {
		// A draft is the applicant's own notebook: its history starts when it is submitted.
		return new Application(ApplicationId.random(), applicant, serviceCode, definitionVersion, now, Map.of(),
				Status.DRAFT, null, null, null, null, null, null, 1, Set.of(), List.of(), List.of(), List.of(), null,
				now, 0);
	}

	// ---- the applicant ------------------------------------------------------------------------------------------

	void saveAnswers(AccountId by, Map<String, Object> newAnswers, Instant now) {
		requireApplicant(by);
		require(status == Status.DRAFT, "applications.error.not-a-draft");
		this.answers = Map.copyOf(newAnswers);
		this.updatedAt = now;
	}

	/**
	 * Submits the draft. The caller has validated the answers against the definition and cleaned those that no
	 * longer apply; routing (office, settlement) comes from the answers.
	 */
	void submit(AccountId by, Map<String, Object> cleanedAnswers, String reference, OfficeId office,
			@Nullable String settlement, String language, Instant now) {
		requireApplicant(by);
		require(status == Status.DRAFT, "applications.error.already-submitted");
		this.answers = Map.copyOf(cleanedAnswers);
		this.reference = reference;
		this.office = office;
		this.settlement = settlement;
		this.language = language;
		this.submittedAt = now;
		transition(new Actor(by, Role.APPLICANT, null), "submitted", Status.SUBMITTED, List.of(), null, now);
	}

	void provideInformation(AccountId by, UUID requestId, String response, List<UUID> documents, Instant now) {
		requireApplicant(by);
		require(status == Status.AWAITING_APPLICANT, "applications.error.no-open-request");
		InformationRequest request = informationRequests.stream().filter(r -> r.id().equals(requestId)).findFirst()
				.orElseThrow(org.hearth.shared.NotFoundException::new);
		require(request.isOpen(), "applications.error.no-open-request");
		if (response.isBlank() && documents.isEmpty()) {
			throw new RuleViolationException("applications.error.response-empty");
		}
		informationRequests.set(informationRequests.indexOf(request), request.answered(response, documents, now));
		transition(new Actor(by, Role.APPLICANT, null), "information-provided", Status.IN_REVIEW, List.of(), null,
				now);
	}

	/** A refusal of the first round can be appealed once, until the deadline stated in the decision. */
	void appeal(AccountId by, String statement, List<UUID> documents, LocalDate today, Instant now) {
		requireApplicant(by);
		Decision decision = latestDecision().orElse(null);
		require(status == Status.REFUSED && round == 1 && decision != null, "applications.error.appeal-not-possible");
		if (decision.appealDeadline() == null || today.isAfter(decision.appealDeadline())) {
			throw new RuleViolationException("applications.error.appeal-deadline-passed",
					String.valueOf(decision.appealDeadline()));
		}
		if (statement.isBlank()) {
			throw new RuleViolationException("applications.error.appeal-statement-empty");
		}
		this.appeal = new Appeal(statement, List.copyOf(documents), now);
		// The appeal is reviewed by people who had no part in the decision appealed against.
		excludedReviewers.add(decision.recommendedBy());
		excludedReviewers.add(decision.decidedBy());
		this.round = 2;
		this.assignee = null;
		transition(new Actor(by, Role.APPLICANT, null), "appealed", Status.APPEALED, List.of(), null, now);
	}

	// ---- staff ---------------------------------------------------------------------------------------------------

	void assign(Actor caseworker, Instant now) {
		requireOffice(caseworker, Role.CASEWORKER);
		require(status == Status.SUBMITTED || status == Status.APPEALED
				|| status == Status.IN_REVIEW && assignee == null, "applications.error.cannot-assign");
		if (excludedReviewers.contains(caseworker.account())) {
			throw new RuleViolationException("applications.error.appeal-needs-other-reviewer");
		}
		this.assignee = caseworker.account();
		transition(caseworker, "assigned", Status.IN_REVIEW, List.of(), null, now);
	}

	InformationRequest requestInformation(Actor caseworker, String message, Instant now) {
		requireAssignee(caseworker);
		require(status == Status.IN_REVIEW, "applications.error.not-in-review");
		if (message.isBlank()) {
			throw new RuleViolationException("applications.error.message-empty");
		}
		var request = new InformationRequest(UUID.randomUUID(), round, message, now, null, List.of(), null);
		informationRequests.add(request);
		transition(caseworker, "information-requested", Status.AWAITING_APPLICANT, List.of(), null, now);
		return request;
	}

	void recommend(Actor caseworker, Outcome outcome, List<String> reasons, String explanation, Workflow workflow,
			Instant now) {
		recommend(caseworker, outcome, reasons, explanation, workflow, null, now);
	}

	/**
	 * The caseworker's recommendation with reasons.
	 *
	 * @param eligibility the service's eligibility rule applied to this application, or null if it has none:
	 *     approval cannot be recommended while it says the application is not eligible
	 */
	void recommend(Actor caseworker, Outcome outcome, List<String> reasons, String explanation, Workflow workflow,
			@Nullable Assessment eligibility, Instant now) {
		requireAssignee(caseworker);
		require(status == Status.IN_REVIEW, "applications.error.not-in-review");
		if (outcome == Outcome.APPROVE && eligibility != null && !eligibility.eligible()) {
			throw new RuleViolationException("applications.error.not-eligible");
		}
		List<String> allowed = (outcome == Outcome.APPROVE ? workflow.approveReasons() : workflow.refuseReasons())
				.stream().map(r -> r.code()).toList();
		if (reasons.isEmpty() || !allowed.containsAll(reasons)) {
			throw new RuleViolationException("applications.error.reasons-required");
		}
		if (outcome == Outcome.REFUSE && explanation.isBlank()) {
			// A refusal is explained in words, not only by codes: the applicant must be able to answer it.
			throw new RuleViolationException("applications.error.refusal-needs-explanation");
		}
		recommendations.add(new Recommendation(UUID.randomUUID(), round, outcome, List.copyOf(reasons), explanation,
				caseworker.account(), caseworker.office(), now, null, null, null, null));
		transition(caseworker, outcome == Outcome.APPROVE ? "recommended-approval" : "recommended-refusal",
				Status.AWAITING_DECISION, reasons, explanation, now);
	}

	/**
	 * The supervisor confirms the pending recommendation: the four-eyes rule. Whoever recommended can never
	 * confirm, whatever roles they hold; in an appeal, nobody who took part in the first decision can.
	 */
	Decision confirm(Actor supervisor, Workflow workflow, String verificationCode, @Nullable String permitNumber,
			ZoneId zone, Instant now) {
		Recommendation pending = pendingRecommendation(supervisor);
		LocalDate today = LocalDate.ofInstant(now, zone);
		boolean approve = pending.outcome() == Outcome.APPROVE;
		if (approve && permitNumber == null) {
			throw new IllegalArgumentException("an approval issues a permit number");
		}
		var decision = new Decision(UUID.randomUUID(), round, pending.outcome(), pending.reasons(),
				pending.explanation(), pending.recommendedBy(), supervisor.account(), office, now,
				approve ? permitNumber : null, approve ? today : null,
				approve ? today.plusYears(workflow.permitValidityYears()).minusDays(1) : null,
				!approve && round == 1 ? today.plusDays(workflow.appealDays()) : null, verificationCode);
		recommendations.set(recommendations.indexOf(pending), pending.judged(Verdict.CONFIRMED, supervisor, null, now));
		decisions.add(decision);
		transition(supervisor, "decided", approve ? Status.APPROVED : Status.REFUSED, pending.reasons(),
				pending.explanation(), now);
		return decision;
	}

	/** The supervisor sends the recommendation back to the caseworker with a comment. */
	void returnRecommendation(Actor supervisor, String comment, Instant now) {
		Recommendation pending = pendingRecommendation(supervisor);
		if (comment.isBlank()) {
			throw new RuleViolationException("applications.error.comment-required");
		}
		recommendations.set(recommendations.indexOf(pending), pending.judged(Verdict.RETURNED, supervisor, comment, now));
		transition(supervisor, "returned", Status.IN_REVIEW, List.of(), comment, now);
	}

	private Recommendation pendingRecommendation(Actor supervisor) {
		requireOffice(supervisor, Role.SUPERVISOR);
		require(status == Status.AWAITING_DECISION, "applications.error.no-recommendation");
		Recommendation pending = recommendations.stream().filter(r -> r.verdict() == null).reduce((a, b) -> b)
				.orElseThrow(() -> new ConflictException("applications.error.no-recommendation"));
		if (pending.recommendedBy().equals(supervisor.account())) {
			throw new RuleViolationException("applications.error.four-eyes");
		}
		if (excludedReviewers.contains(supervisor.account())) {
			throw new RuleViolationException("applications.error.appeal-needs-other-reviewer");
		}
		return pending;
	}

	// ---- rules -------------------------------------------------------------------------------------------------

	private void transition(Actor actor, String action, Status to, List<String> reasons, @Nullable String comment,
			Instant now) {
		Status from = status;
		this.status = to;
		this.updatedAt = now;
		record(actor, action, from, to, reasons, comment, now);
	}

	private void record(Actor actor, String action, @Nullable Status from, Status to, List<String> reasons,
			@Nullable String comment, Instant now) {
		newHistory.add(new HistoryEntry(now, actor.role(), actor.office(), action, from, to, List.copyOf(reasons),
				comment, round));
		// The content digest is the repository's to compute, once the change is stored.
		events.add(new ApplicationStatusChanged(id, applicant, serviceCode, from, to, action, actor.role(),
				actor.office(), round, now, ""));
	}

	private void requireApplicant(AccountId by) {
		if (!applicant.equals(by)) {
			// Someone else's application does not exist for them.
			throw new org.hearth.shared.NotFoundException();
		}
	}

	private void requireOffice(Actor actor, Role role) {
		if (actor.role() != role || office == null || !office.equals(actor.office())) {
			throw new org.hearth.shared.NotFoundException();
		}
	}

	private void requireAssignee(Actor caseworker) {
		requireOffice(caseworker, Role.CASEWORKER);
		if (!caseworker.account().equals(assignee)) {
			throw new RuleViolationException("applications.error.not-assignee");
		}
	}

	private static void require(boolean condition, String messageKey) {
		if (!condition) {
			throw new ConflictException(messageKey);
		}
	}

	// ---- state -------------------------------------------------------------------------------------------------

	public Optional<Decision> latestDecision() {
		return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
	}

	public Optional<InformationRequest> openInformationRequest() {
		return informationRequests.stream().filter(InformationRequest::isOpen).findFirst();
	}

	public Optional<Recommendation> pendingRecommendation() {
		return status == Status.AWAITING_DECISION
				? recommendations.stream().filter(r -> r.verdict() == null).reduce((a, b) -> b) : Optional.empty();
	}

	/** Whether {@code account} took part in the decision under appeal and so may not review the appeal. */
	public boolean isExcluded(AccountId account) {
		return excludedReviewers.contains(account);
	}

	public boolean canAppeal(LocalDate today) {
		return status == Status.REFUSED && round == 1 && latestDecision().map(Decision::appealDeadline)
				.map(deadline -> !today.isAfter(deadline)).orElse(false);
	}

	public ApplicationId id() {
		return id;
	}

	public AccountId applicant() {
		return applicant;
	}

	public String serviceCode() {
		return serviceCode;
	}

	public int definitionVersion() {
		return definitionVersion;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Map<String, Object> answers() {
		return answers;
	}

	public Status status() {
		return status;
	}

	public @Nullable String reference() {
		return reference;
	}

	public @Nullable String language() {
		return language;
	}

	public @Nullable OfficeId office() {
		return office;
	}

	public @Nullable String settlement() {
		return settlement;
	}

	public @Nullable Instant submittedAt() {
		return submittedAt;
	}

	public @Nullable AccountId assignee() {
		return assignee;
	}

	public int round() {
		return round;
	}

	Set<AccountId> excludedReviewers() {
		return Set.copyOf(excludedReviewers);
	}

	public List<InformationRequest> informationRequests() {
		return List.copyOf(informationRequests);
	}

	public List<Recommendation> recommendations() {
		return List.copyOf(recommendations);
	}

	public List<Decision> decisions() {
		return List.copyOf(decisions);
	}

	public @Nullable Appeal appeal() {
		return appeal;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	/** The version read; a change based on an older one is refused. */
	public long version() {
		return version;
	}

	/** Stored: the version the database now holds, nothing left to append. */
	void saved() {
		version++;
		newHistory.clear();
	}

	/** Events handed over for publication; each is published once. */
	List<ApplicationStatusChanged> takeEvents() {
		List<ApplicationStatusChanged> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	List<HistoryEntry> newHistory() {
		return List.copyOf(newHistory);
	}

	List<ApplicationStatusChanged> events() {
		return List.copyOf(events);
	}
}
