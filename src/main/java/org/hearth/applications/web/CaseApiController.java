package org.hearth.applications.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.applications.AccessPurpose;
import org.hearth.applications.Appeal;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationManagement.QueueEntry;
import org.hearth.applications.ApplicationManagement.QueueFilter;
import org.hearth.applications.ApplicationManagement.QueuePage;
import org.hearth.applications.InformationRequest;
import org.hearth.applications.Outcome;
import org.hearth.applications.Recommendation;
import org.hearth.applications.Status;
import org.hearth.applications.web.ApplicationApiController.BadRequest;
import org.hearth.applications.web.ApplicationApiController.DecisionResponse;
import org.hearth.applications.web.ApplicationApiController.HistoryResponse;
import org.hearth.applications.web.ApplicationApiController.Reason;
import org.hearth.identity.CurrentUser;
import org.hearth.services.ServiceDefinition.Workflow;
import org.hearth.shared.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's work through the API: the queue without names, a case opened for a stated purpose (recorded on
 * every call and shown to the applicant), and the steps of the review. The four-eyes rule and every other rule are
 * the {@link Application}'s; this only translates.
 */
@Tag(name = "Cases", description = "Caseworkers and supervisors: the office's queue, review, recommendation and "
		+ "decision")
@RestController
class CaseApiController {

	private final ApplicationManagement applications;

	CaseApiController(ApplicationManagement applications) {
		this.applications = applications;
	}

	// ---- requests and responses ---------------------------------------------------------------------------------

	record QueueEntryResponse(UUID id, String reference, String service, Status status, Instant submittedAt,
			String language, @Nullable String settlement, boolean assigned, boolean assignedToMe, int round) {

		static QueueEntryResponse of(QueueEntry entry) {
			return new QueueEntryResponse(entry.id().id(), entry.reference(), entry.serviceCode(), entry.status(),
					entry.submittedAt(), entry.language(), entry.settlement(), entry.assigned(), entry.assignedToMe(),
					entry.round());
		}
	}

	record QueueResponse(List<QueueEntryResponse> entries, int page, boolean hasMore) {
	}

	record RecommendationResponse(int round, Outcome outcome, List<Reason> reasons, String explanation,
			Instant recommendedAt, boolean recommendedByMe) {
	}

	record InformationRequestResponse(UUID id, int round, String message, Instant requestedAt,
			@Nullable String response, @Nullable Instant respondedAt, List<UUID> documents) {

		static InformationRequestResponse of(InformationRequest r) {
			return new InformationRequestResponse(r.id(), r.round(), r.message(), r.requestedAt(), r.response(),
					r.respondedAt(), r.documents());
		}
	}

	record AppealResponse(String statement, Instant lodgedAt, List<UUID> documents) {

		static AppealResponse of(Appeal appeal) {
			return new AppealResponse(appeal.statement(), appeal.lodgedAt(), appeal.documents());
		}
	}

	record CaseResponse(UUID id, String reference, String service, int definitionVersion, Status status,
			long version, int round, @Nullable String language, @Nullable String settlement,
			@Nullable Instant submittedAt, boolean assigned, boolean assigneeIsMe, boolean excludedFromAppeal,
			Map<String, Object> answers, @Nullable RecommendationResponse pendingRecommendation,
			List<InformationRequestResponse> informationRequests, @Nullable AppealResponse appeal,
			List<DecisionResponse> decisions, List<HistoryResponse> history) {
	}

	/** Where the case stands after a change, with the version the next decision must name. */
	record CaseStatusResponse(Status status, long version) {
	}

	record InformationRequestRequest(@Nullable String message) {
	}

	record CreatedResponse(UUID id) {
	}

	record RecommendationRequest(@Nullable Outcome outcome, @Nullable List<String> reasons,
			@Nullable String explanation) {
	}

	enum DecisionVerdict {
		CONFIRM, RETURN
	}

	record DecisionRequest(@Nullable DecisionVerdict verdict, @Nullable String comment, @Nullable Long version) {
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	@Operation(summary = "The open cases of my office, oldest first, without names",
			description = "Pages of " + ApplicationManagement.QUEUE_PAGE_SIZE + ". Without 'status', all cases "
					+ "waiting for the office.")
	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@GetMapping("/api/v1/cases")
	QueueResponse queue(
			@Parameter(description = "SUBMITTED, IN_REVIEW, AWAITING_APPLICANT, AWAITING_DECISION, APPEALED, "
					+ "APPROVED or REFUSED") @RequestParam(required = false) @Nullable String status,
			@Parameter(description = "Language of the application: hy, az, ru or en")
			@RequestParam(required = false) @Nullable String language,
			@Parameter(description = "Settlement id of the previous residence")
			@RequestParam(required = false) @Nullable String settlement,
			@Parameter(description = "Only cases assigned to me") @RequestParam(defaultValue = "false") boolean mine,
			@Parameter(description = "From 0") @RequestParam(defaultValue = "0") int page) {
		QueuePage queue = applications.queue(CurrentUser.require(), new QueueFilter(status(status),
				language(language), blankToNull(settlement), mine, Math.max(0, page)));
		return new QueueResponse(queue.entries().stream().map(QueueEntryResponse::of).toList(), queue.page(),
				queue.hasMore());
	}

	@Operation(summary = "Open a case for a stated purpose",
			description = "The purpose is required and recorded with every call; the applicant sees when, by which "
					+ "office and why their file was opened.")
	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@GetMapping("/api/v1/cases/{id}")
	CaseResponse caseView(@PathVariable UUID id,
			@Parameter(description = "Why the case is opened: REVIEW, INFORMATION_REQUEST, RECOMMENDATION, "
					+ "DECISION, APPEAL_REVIEW, SUPERVISION or QUALITY_CHECK", required = true)
			@RequestParam(required = false) @Nullable String purpose, Locale locale) {
		CurrentUser staff = CurrentUser.require();
		Application application = applications.open(staff, new ApplicationId(id), purpose(purpose));
		Workflow workflow = applications.definitionOf(application).workflow();
		return new CaseResponse(id, String.valueOf(application.reference()), application.serviceCode(),
				application.definitionVersion(), application.status(), application.version(), application.round(),
				application.language(), application.settlement(), application.submittedAt(),
				application.assignee() != null, staff.id().equals(application.assignee()),
				application.isExcluded(staff.id()), application.answers(),
				application.pendingRecommendation().map(r -> recommendation(r, staff, workflow, locale)).orElse(null),
				application.informationRequests().stream().map(InformationRequestResponse::of).toList(),
				application.appeal() == null ? null : AppealResponse.of(application.appeal()),
				application.decisions().stream().map(d -> DecisionResponse.of(d, workflow, locale)).toList(),
				applications.history(application.id()).stream().map(h -> HistoryResponse.of(h, workflow, locale))
						.toList());
	}

	// ---- the review ---------------------------------------------------------------------------------------------

	@Operation(summary = "Take the case: assign it to me (caseworkers)")
	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@PostMapping("/api/v1/cases/{id}/assignment")
	CaseStatusResponse assign(@PathVariable UUID id) {
		CurrentUser staff = CurrentUser.require();
		applications.assign(staff, new ApplicationId(id));
		return current(staff, id);
	}

	@Operation(summary = "Ask the applicant for more information (the assigned caseworker)",
			description = "The applicant is told by e-mail and answers in their account or through the API.")
	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@PostMapping("/api/v1/cases/{id}/information-requests")
	ResponseEntity<CreatedResponse> requestInformation(@PathVariable UUID id,
			@RequestBody InformationRequestRequest request) {
		Application application = applications.requestInformation(CurrentUser.require(), new ApplicationId(id),
				nullToEmpty(request.message()));
		UUID created = application.openInformationRequest().map(InformationRequest::id).orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedResponse(created));
	}

	@Operation(summary = "Recommend a decision with reasons (the assigned caseworker)",
			description = "Reasons are codes of the service's workflow (GET /api/v1/services/{code}); a refusal "
					+ "needs an explanation in words. A supervisor other than the recommender decides.")
	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@PostMapping("/api/v1/cases/{id}/recommendation")
	CaseStatusResponse recommend(@PathVariable UUID id, @RequestBody RecommendationRequest request) {
		if (request.outcome() == null) {
			throw new BadRequest("applications.case.error.outcome");
		}
		CurrentUser staff = CurrentUser.require();
		applications.recommend(staff, new ApplicationId(id), request.outcome(),
				request.reasons() == null ? List.of() : request.reasons(), nullToEmpty(request.explanation()));
		return current(staff, id);
	}

	@Operation(summary = "Confirm or return the pending recommendation (supervisors)",
			description = "'version' is the case's version as read; if the case changed since, or another "
					+ "supervisor decided first, 409 and nothing is saved. Whoever recommended cannot decide: 422. "
					+ "RETURN needs a comment for the caseworker.")
	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@PostMapping("/api/v1/cases/{id}/decision")
	CaseStatusResponse decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
		if (request.verdict() == null || request.version() == null) {
			throw new BadRequest("error.bad-request");
		}
		CurrentUser staff = CurrentUser.require();
		if (request.verdict() == DecisionVerdict.RETURN) {
			applications.returnRecommendation(staff, new ApplicationId(id), request.version(),
					nullToEmpty(request.comment()));
		}
		else {
			applications.confirm(staff, new ApplicationId(id), request.version());
		}
		return current(staff, id);
	}

	// ---- helpers --------------------------------------------------------------------------------------------------

	private CaseStatusResponse current(CurrentUser staff, UUID id) {
		Application application = applications.caseFor(staff, new ApplicationId(id));
		return new CaseStatusResponse(application.status(), application.version());
	}

	private static RecommendationResponse recommendation(Recommendation r, CurrentUser staff, Workflow workflow,
			Locale locale) {
		return new RecommendationResponse(r.round(), r.outcome(),
				ApplicationApiController.reasonsOf(r.reasons(), workflow, locale), r.explanation(), r.recommendedAt(),
				r.recommendedBy().equals(staff.id()));
	}

	private static AccessPurpose purpose(@Nullable String purpose) {
		try {
			return AccessPurpose.valueOf(nullToEmpty(purpose).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new BadRequest("applications.case.error.purpose");
		}
	}

	private static @Nullable Status status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new BadRequest("error.bad-request");
		}
	}

	private static @Nullable String language(@Nullable String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		if (!Languages.CODES.contains(language.strip())) {
			throw new BadRequest("error.bad-request");
		}
		return language.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String nullToEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
