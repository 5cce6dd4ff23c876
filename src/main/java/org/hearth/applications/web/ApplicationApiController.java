package org.hearth.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationManagement.Submission;
import org.hearth.applications.Decision;
import org.hearth.applications.HistoryEntry;
import org.hearth.applications.InformationRequest;
import org.hearth.applications.Outcome;
import org.hearth.applications.Status;
import org.hearth.identity.CurrentUser;
import org.hearth.services.Answers;
import org.hearth.services.FieldError;
import org.hearth.services.FormEngine;
import org.hearth.services.ServiceDefinition;
import org.hearth.services.ServiceDefinition.Workflow;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicant's journey for partner systems and apps: the same steps as the pages, with the same rules, which
 * are all {@link ApplicationManagement}'s. Texts meant for people (problems, reasons) come in the language of
 * Accept-Language or {@code ?lang=}.
 */
@Tag(name = "Applications", description = "An applicant's own applications: drafts, documents, submission, "
		+ "requests for information, decisions and appeals")
@RestController
class ApplicationApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ApplicationManagement applications;
	private final FormEngine engine;
	private final MessageSource messages;

	ApplicationApiController(ApplicationManagement applications, FormEngine engine, MessageSource messages) {
		this.applications = applications;
		this.engine = engine;
		this.messages = messages;
	}

	// ---- requests and responses ---------------------------------------------------------------------------------

	record ApplicationSummaryResponse(UUID id, String service, int definitionVersion, Status status,
			@Nullable String reference, Instant createdAt, @Nullable Instant submittedAt) {
	}

	record StartRequest(@Nullable String service, @Nullable Map<String, Object> answers) {
	}

	record AnswersRequest(@Nullable Map<String, Object> answers) {
	}

	/** One problem with an answer: {@code path} is the question id, or {@code group[2].child} inside a group. */
	record AnswerProblem(String path, String page, String message) {
	}

	record DraftResponse(UUID id, String service, int definitionVersion, Status status, Map<String, Object> answers,
			List<AnswerProblem> problems) {
	}

	record Reason(String code, String title) {
	}

	record DecisionResponse(int round, Outcome outcome, List<Reason> reasons, String explanation, Instant decidedAt,
			@Nullable String permitNumber, @Nullable LocalDate permitValidFrom, @Nullable LocalDate permitValidUntil,
			@Nullable LocalDate appealDeadline, String verificationCode) {

		static DecisionResponse of(Decision decision, Workflow workflow, Locale locale) {
			return new DecisionResponse(decision.round(), decision.outcome(), reasonsOf(decision.reasons(), workflow,
					locale), decision.explanation(), decision.decidedAt(), decision.permitNumber(),
					decision.permitValidFrom(), decision.permitValidUntil(), decision.appealDeadline(),
					decision.verificationCode());
		}
	}

	record OpenRequestResponse(UUID id, String message, Instant requestedAt) {

		static OpenRequestResponse of(InformationRequest request) {
			return new OpenRequestResponse(request.id(), request.message(), request.requestedAt());
		}
	}

	record ApplicationResponse(UUID id, String service, int definitionVersion, Status status,
			@Nullable String reference, Instant createdAt, @Nullable Instant submittedAt, int round,
			Map<String, Object> answers, @Nullable DecisionResponse decision,
			@Nullable OpenRequestResponse informationRequest, boolean canAppeal) {
	}

	record DocumentResponse(String document, String name, String type, long size) {
	}

	record SubmissionResponse(String reference, Status status) {
	}

	record HistoryResponse(Instant at, String role, @Nullable String office, String action, @Nullable Status from,
			Status to, List<Reason> reasons, @Nullable String comment, int round) {

		static HistoryResponse of(HistoryEntry entry, Workflow workflow, Locale locale) {
			return new HistoryResponse(entry.at(), entry.role().name(),
					entry.office() == null ? null : entry.office().code(), entry.action(), entry.from(), entry.to(),
					reasonsOf(entry.reasons(), workflow, locale), entry.comment(), entry.round());
		}
	}

	record InformationResponseRequest(@Nullable String response) {
	}

	record AppealRequest(@Nullable String statement) {
	}

	record StatusResponse(Status status) {
	}

	// ---- drafts -------------------------------------------------------------------------------------------------

	@Operation(summary = "My applications, newest first")
	@PreAuthorize("hasRole('APPLICANT')")
	@GetMapping("/api/v1/applications")
	List<ApplicationSummaryResponse> list() {
		return applications.mine(CurrentUser.require()).stream()
				.map(a -> new ApplicationSummaryResponse(a.id().id(), a.serviceCode(), a.definitionVersion(),
						a.status(), a.reference(), a.createdAt(), a.submittedAt()))
				.toList();
	}

	@Operation(summary = "Start a draft, optionally with answers",
			description = "Answers have the stored shape described by the service definition (GET "
					+ "/api/v1/services/{code}): text as strings, dates as \"1980-05-01\", names as {written, latin}, "
					+ "choices as strings or lists, groups as lists of objects. Answers to questions the service does "
					+ "not ask are dropped; files are added with the documents endpoint. 'problems' lists what is "
					+ "still missing or wrong: a draft may be incomplete. With an Idempotency-Key, repeating the "
					+ "request returns the draft the first one created.")
	@PreAuthorize("hasRole('APPLICANT')")
	@PostMapping("/api/v1/applications")
	ResponseEntity<DraftResponse> start(@RequestBody StartRequest request,
			@Parameter(description = "Any unique string; a retry with the same key returns the same draft")
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			Locale locale) {
		if (request.service() == null || request.service().isBlank()) {
			throw new BadRequest("error.bad-request");
		}
		Application draft = applications.start(CurrentUser.require(), request.service(), answers(request.answers()),
				blankToNull(idempotencyKey));
		return ResponseEntity.status(HttpStatus.CREATED).body(draft(draft, locale));
	}

	@Operation(summary = "One of my applications: status, answers, the decision and an open request, if any")
	@PreAuthorize("hasRole('APPLICANT')")
	@GetMapping("/api/v1/applications/{id}")
	ApplicationResponse application(@PathVariable UUID id, Locale locale) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		Workflow workflow = applications.definitionOf(application).workflow();
		return new ApplicationResponse(id, application.serviceCode(), application.definitionVersion(),
				application.status(), application.reference(), application.createdAt(), application.submittedAt(),
				application.round(), application.answers(),
				application.latestDecision().map(d -> DecisionResponse.of(d, workflow, locale)).orElse(null),
				application.openInformationRequest().map(OpenRequestResponse::of).orElse(null),
				application.canAppeal(applications.today()));
	}

	@Operation(summary = "Replace all answers of a draft",
			description = "Body: {\"answers\": {...}} in the stored shape. A file question keeps the uploaded files "
					+ "it lists by 'document' and loses the others. Answers are kept whether valid or not; "
					+ "'problems' says what to fix before submitting. 409 once the application is submitted.")
	@PreAuthorize("hasRole('APPLICANT')")
	@PutMapping("/api/v1/applications/{id}/answers")
	DraftResponse saveAnswers(@PathVariable UUID id, @RequestBody AnswersRequest request, Locale locale) {
		if (request.answers() == null) {
			throw new BadRequest("error.bad-request");
		}
		return draft(applications.replaceAnswers(CurrentUser.require(), new ApplicationId(id),
				answers(request.answers())), locale);
	}

	@Operation(summary = "Upload a document for a file question of a draft",
			description = "Multipart, part 'file'. The type is decided by the content (PDF, JPEG or PNG, as the "
					+ "service's document allows), not by the name; a refused file gives 422 with the reason.")
	@PreAuthorize("hasRole('APPLICANT')")
	@PostMapping(path = "/api/v1/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentResponse> upload(@PathVariable UUID id,
			@Parameter(description = "Id of the file question, e.g. identityDocument") @RequestParam String question,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
		if (file == null) {
			throw new BadRequest("error.bad-request");
		}
		Map<String, Object> stored;
		try (InputStream content = file.getInputStream()) {
			stored = applications.attach(CurrentUser.require(), new ApplicationId(id), question, content,
					file.getSize(), String.valueOf(file.getOriginalFilename()));
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(new DocumentResponse(
				String.valueOf(stored.get("document")), String.valueOf(stored.get("name")),
				String.valueOf(stored.get("type")), ((Number) stored.get("size")).longValue()));
	}

	@Operation(summary = "Submit a draft",
			description = "Validates every answer that applies. Invalid: 422 with 'errors' [{path, page, message}]. "
					+ "Submitting an application that is already submitted returns it again with its reference, so "
					+ "a retry is safe.")
	@PreAuthorize("hasRole('APPLICANT')")
	@PostMapping("/api/v1/applications/{id}/submission")
	SubmissionResponse submit(@PathVariable UUID id,
			@Parameter(description = "Optional; submission is idempotent in any case")
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			Locale locale) {
		Submission result = applications.submit(CurrentUser.require(), new ApplicationId(id), locale,
				blankToNull(idempotencyKey));
		if (result instanceof Submission.Invalid invalid) {
			throw new InvalidAnswers(problems(invalid.errors(), locale));
		}
		Application submitted = result.application();
		return new SubmissionResponse(String.valueOf(submitted.reference()), submitted.status());
	}

	// ---- after submission -----------------------------------------------------------------------------------------

	@Operation(summary = "The history of an application: each change, by role and office, with reasons")
	@PreAuthorize("hasRole('APPLICANT')")
	@GetMapping("/api/v1/applications/{id}/history")
	List<HistoryResponse> history(@PathVariable UUID id, Locale locale) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		Workflow workflow = applications.definitionOf(application).workflow();
		return applications.history(application.id()).stream().map(h -> HistoryResponse.of(h, workflow, locale))
				.toList();
	}

	@Operation(summary = "Answer a request for information")
	@PreAuthorize("hasRole('APPLICANT')")
	@PostMapping("/api/v1/applications/{id}/information-requests/{requestId}/response")
	StatusResponse respond(@PathVariable UUID id, @PathVariable UUID requestId,
			@RequestBody InformationResponseRequest request) {
		return new StatusResponse(applications.provideInformation(CurrentUser.require(), new ApplicationId(id),
				requestId, nullToEmpty(request.response()), List.of()).status());
	}

	@Operation(summary = "Appeal against a refusal", description = "Possible once, until the deadline in the decision.")
	@PreAuthorize("hasRole('APPLICANT')")
	@PostMapping("/api/v1/applications/{id}/appeal")
	StatusResponse appeal(@PathVariable UUID id, @RequestBody AppealRequest request) {
		return new StatusResponse(applications.appeal(CurrentUser.require(), new ApplicationId(id),
				nullToEmpty(request.statement()), List.of()).status());
	}

	// ---- helpers --------------------------------------------------------------------------------------------------

	private DraftResponse draft(Application application, Locale locale) {
		ServiceDefinition definition = applications.definitionOf(application);
		List<FieldError> problems = application.status() == Status.DRAFT
				? engine.validateAll(definition, Answers.of(application.answers()), applications.today()) : List.of();
		return new DraftResponse(application.id().id(), application.serviceCode(), application.definitionVersion(),
				application.status(), application.answers(), problems(problems, locale));
	}

	private List<AnswerProblem> problems(List<FieldError> errors, Locale locale) {
		return errors.stream().map(e -> new AnswerProblem(e.path(), e.pageId(), e.message(messages, locale)))
				.toList();
	}

	static List<Reason> reasonsOf(List<String> codes, Workflow workflow, Locale locale) {
		return codes.stream().map(code -> new Reason(code, workflow.reasonTitle(code, locale))).toList();
	}

	/**
	 * JSON as answers in their stored shape: numbers and booleans become their text, as a form would send them;
	 * nulls are no answer.
	 */
	static Answers answers(@Nullable Map<String, Object> json) {
		if (json == null) {
			return Answers.empty();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		json.forEach((key, value) -> {
			Object text = asText(value);
			if (text != null) {
				values.put(key, text);
			}
		});
		return Answers.of(values);
	}

	private static @Nullable Object asText(@Nullable Object value) {
		if (value == null || value instanceof String) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> {
				Object text = asText(item);
				if (text != null) {
					copy.put(String.valueOf(key), text);
				}
			});
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ApplicationApiController::asText).filter(Objects::nonNull).toList();
		}
		return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String nullToEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

	/** The answers do not allow a submission: 422, with each problem in {@code errors}. */
	@ExceptionHandler(InvalidAnswers.class)
	ResponseEntity<ProblemDetail> invalid(InvalidAnswers e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage(e.messageKey(), e.arguments(), locale));
		problem.setTitle(messages.getMessage("error.title.422", null, locale));
		problem.setType(URI.create("/problems/" + e.messageKey()));
		problem.setProperty("code", e.messageKey());
		problem.setProperty("errors", e.errors);
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
	}

	static final class InvalidAnswers extends RuleViolationException {

		private final transient List<AnswerProblem> errors;

		InvalidAnswers(List<AnswerProblem> errors) {
			super("error.validation");
			this.errors = List.copyOf(errors);
		}
	}

	/** The request lacks something it needs or has it in a form that is not understood. */
	static final class BadRequest extends UserFacingException {

		BadRequest(String messageKey) {
			super(messageKey);
		}

		@Override
		public int status() {
			return 400;
		}
	}
}
