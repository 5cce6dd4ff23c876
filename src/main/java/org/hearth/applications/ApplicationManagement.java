package org.hearth.applications;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.Accounts;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Offices;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.platform.DocumentId;
import org.hearth.platform.DocumentStore;
import org.hearth.platform.StoredDocument;
import org.hearth.services.Answers;
import org.hearth.services.FieldError;
import org.hearth.services.FormEngine;
import org.hearth.services.Question;
import org.hearth.services.QuestionType;
import org.hearth.services.ServiceCatalogue;
import org.hearth.services.ServiceDefinition;
import org.hearth.shared.NotFoundException;
import org.hearth.transparency.AccessLog;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * What applicants and staff can do with applications. Every method checks who is asking: an applicant reaches only
 * their own applications, staff only the cases of their office; anything else is "not found". The workflow rules
 * themselves are the {@link Application}'s.
 */
@Service
public class ApplicationManagement {

	private final ApplicationRepository applications;
	private final ServiceCatalogue catalogue;
	private final FormEngine engine;
	private final Gazetteer gazetteer;
	private final Offices offices;
	private final Accounts accounts;
	private final DocumentStore documents;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final DisplayZone zone;
	private final AccessLog accessLog;
	private final Map<String, EligibilityRule> eligibilityRules;

	ApplicationManagement(ApplicationRepository applications, ServiceCatalogue catalogue, FormEngine engine,
			Gazetteer gazetteer, Offices offices, Accounts accounts, DocumentStore documents,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, DisplayZone zone, AccessLog accessLog,
			List<EligibilityRule> eligibilityRules) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.engine = engine;
		this.gazetteer = gazetteer;
		this.offices = offices;
		this.accounts = accounts;
		this.documents = documents;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
		this.accessLog = accessLog;
		this.eligibilityRules = new LinkedHashMap<>();
		for (EligibilityRule rule : eligibilityRules) {
			if (this.eligibilityRules.put(rule.serviceCode(), rule) != null) {
				throw new IllegalStateException("two eligibility rules for service " + rule.serviceCode());
			}
		}
	}

	// ---- applicants ------------------------------------------------------------------------------------------------

	/**
	 * A new draft under the service's current definition. With an idempotency key (API), repeating the request
	 * returns the draft the first one created.
	 */
	@Transactional
	public Application start(CurrentUser user, String serviceCode, @Nullable String idempotencyKey) {
		return start(user, serviceCode, Answers.empty(), idempotencyKey);
	}

	/**
	 * A new draft with its first answers (API), in one step. The answers are taken as {@link #replaceAnswers} takes
	 * them. Repeating the request with the same idempotency key returns the draft as it is now: the answers are not
	 * applied a second time.
	 */
	@Transactional
	public Application start(CurrentUser user, String serviceCode, Answers answers, @Nullable String idempotencyKey) {
		ServiceDefinition definition = catalogue.current(serviceCode).orElseThrow(NotFoundException::new);
		if (idempotencyKey != null) {
			// Parallel retries with one key wait for each other here, so that only the first creates a draft.
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(user.uuid() + "/create/" + idempotencyKey)
					.query(Object.class).single();
			Optional<Application> earlier = byIdempotencyKey(user, "create", idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Application draft = Application.start(user.id(), definition.code(), definition.version(), clock.instant());
		if (!answers.asMap().isEmpty()) {
			draft.saveAnswers(user.id(), accepted(definition, answers, Answers.empty()).asMap(), clock.instant());
		}
		applications.save(draft);
		if (idempotencyKey != null) {
			rememberIdempotencyKey(user, "create", idempotencyKey, draft.id());
		}
		return draft;
	}

	public ServiceDefinition definitionOf(Application application) {
		return catalogue.version(application.serviceCode(), application.definitionVersion());
	}

	/** The applicant's own application; anyone else's does not exist for them. */
	@Transactional(readOnly = true)
	public Application mine(CurrentUser user, ApplicationId id) {
		return applications.find(id).filter(a -> a.applicant().equals(user.id())).orElseThrow(NotFoundException::new);
	}

	public record Summary(ApplicationId id, String serviceCode, int definitionVersion, Status status,
			@Nullable String reference, Instant createdAt, @Nullable Instant submittedAt, Instant updatedAt) {
	}

	public List<Summary> mine(CurrentUser user) {
		return jdbc.sql("""
				SELECT id, service_code, definition_version, status, reference, created_at, submitted_at, updated_at
				FROM applications.application WHERE applicant = ? ORDER BY created_at DESC""")
				.param(user.uuid()).query((rs, row) -> new Summary(new ApplicationId(rs.getObject("id", UUID.class)),
						rs.getString("service_code"), rs.getInt("definition_version"),
						Status.valueOf(rs.getString("status")), rs.getString("reference"),
						ApplicationRepository.instant(rs, "created_at"), ApplicationRepository.instant(rs, "submitted_at"),
						ApplicationRepository.instant(rs, "updated_at")))
				.list();
	}

	/** Keeps the draft's answers as they are, valid or not: nothing the applicant typed is lost. */
	@Transactional
	public Application saveAnswers(CurrentUser user, ApplicationId id, Answers answers) {
		Application application = mine(user, id);
		application.saveAnswers(user.id(), answers.asMap(), clock.instant());
		applications.save(application);
		return application;
	}

	/**
	 * The API's answers: all answers of the draft at once, replacing those it had. Answers to questions the service
	 * does not ask are not kept. Files come only through {@link #attach}: a file question keeps those of its files
	 * that the new answers list (by {@code document}), in their order, as they were stored; others are ignored.
	 */
	@Transactional
	public Application replaceAnswers(CurrentUser user, ApplicationId id, Answers answers) {
		Application application = mine(user, id);
		Answers kept = accepted(definitionOf(application), answers, Answers.of(application.answers()));
		application.saveAnswers(user.id(), kept.asMap(), clock.instant());
		applications.save(application);
		return application;
	}

	private static Answers accepted(ServiceDefinition definition, Answers given, Answers current) {
		Answers kept = Answers.empty();
		definition.questions().forEach(question -> {
			if (question.type() == QuestionType.FILE) {
				Map<Object, Map<String, Object>> uploaded = new LinkedHashMap<>();
				current.files(question.id()).forEach(file -> uploaded.put(file.get("document"), file));
				kept.put(question.id(), items(given.get(question.id())).map(file -> uploaded.get(file.get("document")))
						.filter(java.util.Objects::nonNull).distinct().toList());
			}
			else if (question.type() == QuestionType.GROUP) {
				List<String> children = question.questions().stream().map(Question::id).toList();
				kept.put(question.id(), items(given.get(question.id())).map(item -> {
					var known = new LinkedHashMap<String, Object>();
					item.forEach((key, value) -> {
						if (children.contains(key) && value != null) {
							known.put((String) key, value);
						}
					});
					return known;
				}).toList());
			}
			else {
				kept.put(question.id(), given.get(question.id()));
			}
		});
		return kept;
	}

	/** The objects in a list answer (group items, files); anything else in it is not an answer. */
	private static Stream<Map<?, ?>> items(@Nullable Object value) {
		return value instanceof List<?> list
				? list.stream().filter(Map.class::isInstance).map(item -> (Map<?, ?>) item) : Stream.empty();
	}

	/**
	 * Stores an upload for a file question of the application's service, within that document's limits. The caller
	 * adds the returned file to the answers.
	 *
	 * @throws RuleViolationException with a message for the applicant when the file is refused
	 */
	public Map<String, Object> storeUpload(Application application, String questionId, InputStream content, long size,
			String name) {
		ServiceDefinition definition = definitionOf(application);
		Question question = definition.question(questionId).filter(q -> q.type() == QuestionType.FILE)
				.orElseThrow(NotFoundException::new);
		ServiceDefinition.DocumentRequirement requirement = definition.document(question.document()).orElseThrow();
		StoredDocument stored = documents.store(content, size, name, DataSize.ofMegabytes(requirement.maxSizeMb()),
				requirement.mediaTypes());
		return fileAnswer(stored);
	}

	/** The API's upload: stores the file and adds it to the answers in one step. */
	@Transactional
	public Map<String, Object> attach(CurrentUser user, ApplicationId id, String questionId, InputStream content,
			long size, String name) {
		Application application = mine(user, id);
		Map<String, Object> file = storeUpload(application, questionId, content, size, name);
		Answers answers = Answers.of(application.answers());
		answers.addFile(questionId, file);
		application.saveAnswers(user.id(), answers.asMap(), clock.instant());
		applications.save(application);
		return file;
	}

	/** Documents attached to a response or an appeal: any accepted type, the installation's size limit. */
	public UUID storeAttachment(InputStream content, long size, String name) {
		return documents.store(content, size, name).id().id();
	}

	public sealed interface Submission {

		Application application();

		record Submitted(Application application) implements Submission {
		}

		record Invalid(Application application, List<FieldError> errors) implements Submission {
		}
	}

	/**
	 * Submits a draft after validating every answer that applies. Submitting again — a double click, a retried
	 * request — returns the same submitted application: the row is locked, so the second attempt sees the first's
	 * result.
	 */
	@Transactional
	public Submission submit(CurrentUser user, ApplicationId id, Locale language, @Nullable String idempotencyKey) {
		lock(id);
		Application application = mine(user, id);
		if (application.status() != Status.DRAFT) {
			return new Submission.Submitted(application);
		}
		ServiceDefinition definition = definitionOf(application);
		Answers answers = Answers.of(application.answers());
		List<FieldError> errors = engine.validateAll(definition, answers, today());
		if (!errors.isEmpty()) {
			return new Submission.Invalid(application, errors);
		}
		Answers cleaned = engine.clean(definition, answers);
		String settlement = routingSettlement(definition, cleaned);
		OfficeId office = offices.serving(settlement == null ? ""
				: gazetteer.find(settlement).map(s -> s.district()).orElse(""));
		Instant now = clock.instant();
		application.submit(user.id(), cleaned.asMap(), uniqueReference(definition.code()), office, settlement,
				language.getLanguage(), now);
		save(application);
		if (idempotencyKey != null) {
			rememberIdempotencyKey(user, "submit", idempotencyKey, id);
		}
		accounts.rememberLanguage(user.id(), language);
		return new Submission.Submitted(application);
	}

	@Transactional
	public Application provideInformation(CurrentUser user, ApplicationId id, UUID requestId, String response,
			List<UUID> attachments) {
		lock(id);
		Application application = mine(user, id);
		application.provideInformation(user.id(), requestId, response.strip(), attachments, clock.instant());
		save(application);
		return application;
	}

	@Transactional
	public Application appeal(CurrentUser user, ApplicationId id, String statement, List<UUID> attachments) {
		lock(id);
		Application application = mine(user, id);
		application.appeal(user.id(), statement.strip(), attachments, today(), clock.instant());
		save(application);
		return application;
	}

	// ---- staff --------------------------------------------------------------------------------------------------

	public record QueueFilter(@Nullable Status status, @Nullable String language, @Nullable String settlement,
			boolean mine, int page) {
	}

	/** A line of the queue: no names; those are seen only after opening the case with a purpose. */
	public record QueueEntry(ApplicationId id, String reference, String serviceCode, Status status,
			Instant submittedAt, String language, @Nullable String settlement, boolean assigned, boolean assignedToMe,
			int round) {
	}

	public record QueuePage(List<QueueEntry> entries, int page, boolean hasMore) {
	}

	public static final int QUEUE_PAGE_SIZE = 50;

	public QueuePage queue(CurrentUser staff, QueueFilter filter) {
		OfficeId office = staff.office().orElseThrow(NotFoundException::new);
		var sql = new StringBuilder("""
				SELECT id, reference, service_code, status, submitted_at, language, settlement, assignee, round
				FROM applications.application WHERE office = :office AND status <> 'DRAFT'""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("office", office.code());
		if (filter.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", filter.status().name());
		}
		else {
			sql.append(" AND status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_APPLICANT', 'AWAITING_DECISION', 'APPEALED')");
		}
		if (filter.language() != null) {
			sql.append(" AND language = :language");
			params.put("language", filter.language());
		}
		if (filter.settlement() != null) {
			sql.append(" AND settlement = :settlement");
			params.put("settlement", filter.settlement());
		}
		if (filter.mine()) {
			sql.append(" AND assignee = :me");
			params.put("me", staff.uuid());
		}
		sql.append(" ORDER BY submitted_at, id LIMIT :limit OFFSET :offset");
		params.put("limit", QUEUE_PAGE_SIZE + 1);
		params.put("offset", Math.max(0, filter.page()) * QUEUE_PAGE_SIZE);
		List<QueueEntry> entries = jdbc.sql(sql.toString()).params(params)
				.query((rs, row) -> queueEntry(rs, staff)).list();
		boolean more = entries.size() > QUEUE_PAGE_SIZE;
		return new QueuePage(more ? entries.subList(0, QUEUE_PAGE_SIZE) : entries, filter.page(), more);
	}

	private static QueueEntry queueEntry(java.sql.ResultSet rs, CurrentUser staff) throws java.sql.SQLException {
		UUID assignee = rs.getObject("assignee", UUID.class);
		return new QueueEntry(new ApplicationId(rs.getObject("id", UUID.class)), rs.getString("reference"),
				rs.getString("service_code"), Status.valueOf(rs.getString("status")),
				ApplicationRepository.instant(rs, "submitted_at"), rs.getString("language"), rs.getString("settlement"),
				assignee != null, staff.uuid().equals(assignee), rs.getInt("round"));
	}

	/** Settlements that occur in the office's cases, for the queue's filter. */
	public List<String> queueSettlements(CurrentUser staff) {
		return jdbc.sql("""
				SELECT DISTINCT settlement FROM applications.application
				WHERE office = ? AND status <> 'DRAFT' AND settlement IS NOT NULL""")
				.param(staff.office().map(OfficeId::code).orElse("")).query(String.class).list();
	}

	/**
	 * Finds a submitted case of the staff member's office by its exact reference, for a stated purpose. Finding
	 * someone is an access to their data: it is recorded and shown to the applicant like an opening.
	 */
	@Transactional
	public Optional<QueueEntry> findByReference(CurrentUser staff, String reference, AccessPurpose purpose) {
		OfficeId office = staff.office().orElseThrow(NotFoundException::new);
		Optional<QueueEntry> found = jdbc.sql("""
				SELECT id, reference, service_code, status, submitted_at, language, settlement, assignee, round
				FROM applications.application WHERE office = ? AND reference = ? AND status <> 'DRAFT'""")
				.param(office.code()).param(reference.strip().toUpperCase(java.util.Locale.ROOT))
				.query((rs, row) -> queueEntry(rs, staff)).optional();
		found.ifPresent(entry -> recordAccess(staff, entry.id(), purpose, AccessLog.Action.SEARCH));
		return found;
	}

	/** Opens a case for a stated purpose, which is recorded and shown to the applicant. */
	@Transactional
	public Application open(CurrentUser staff, ApplicationId id, AccessPurpose purpose) {
		Application application = caseFor(staff, id);
		recordAccess(staff, id, purpose, AccessLog.Action.OPEN);
		return application;
	}

	/** A document or letter of the case was looked at, under the purpose the case was opened for. */
	public void recordAccess(CurrentUser staff, ApplicationId id, AccessPurpose purpose, AccessLog.Action action) {
		Role role = staff.has(Role.SUPERVISOR) && !staff.has(Role.CASEWORKER) ? Role.SUPERVISOR
				: staff.has(Role.CASEWORKER) ? Role.CASEWORKER : Role.SUPERVISOR;
		accessLog.record("application", id.id(), staff.uuid(), role.name(),
				staff.office().map(OfficeId::code).orElse(null), purpose.name(), action);
	}

	/** A submitted case of the member of staff's own office; any other does not exist for them. */
	@Transactional(readOnly = true)
	public Application caseFor(CurrentUser staff, ApplicationId id) {
		OfficeId office = staff.office().orElseThrow(NotFoundException::new);
		return applications.find(id).filter(a -> a.status() != Status.DRAFT && office.equals(a.office()))
				.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Application assign(CurrentUser staff, ApplicationId id) {
		return change(staff, id, a -> a.assign(Actor.staff(staff, Role.CASEWORKER), clock.instant()));
	}

	@Transactional
	public Application requestInformation(CurrentUser staff, ApplicationId id, String message) {
		return change(staff, id,
				a -> a.requestInformation(Actor.staff(staff, Role.CASEWORKER), message.strip(), clock.instant()));
	}

	/**
	 * The caseworker's recommendation. Approval is refused while the service's eligibility rule, if it has one, says
	 * the application is not eligible.
	 */
	@Transactional
	public Application recommend(CurrentUser staff, ApplicationId id, Outcome outcome, List<String> reasons,
			String explanation) {
		return change(staff, id, a -> a.recommend(Actor.staff(staff, Role.CASEWORKER), outcome, reasons,
				explanation.strip(), definitionOf(a).workflow(), outcome == Outcome.APPROVE ? eligibility(a).orElse(null)
						: null, clock.instant()));
	}

	/**
	 * Confirms the recommendation. Two supervisors at once: the second finds the case changed and is told so;
	 * exactly one decision exists.
	 */
	@Transactional
	public Application confirm(CurrentUser staff, ApplicationId id, long expectedVersion) {
		return change(staff, id, expectedVersion, a -> {
			boolean approve = a.pendingRecommendation().map(r -> r.outcome() == Outcome.APPROVE).orElse(false);
			a.confirm(Actor.staff(staff, Role.SUPERVISOR), definitionOf(a).workflow(), uniqueVerificationCode(),
					approve ? nextPermitNumber() : null, zone.zone(), clock.instant());
		});
	}

	@Transactional
	public Application returnRecommendation(CurrentUser staff, ApplicationId id, long expectedVersion,
			String comment) {
		return change(staff, id, expectedVersion,
				a -> a.returnRecommendation(Actor.staff(staff, Role.SUPERVISOR), comment.strip(), clock.instant()));
	}

	private Application change(CurrentUser staff, ApplicationId id, java.util.function.Consumer<Application> change) {
		Application application = caseFor(staff, id);
		change.accept(application);
		save(application);
		return application;
	}

	private Application change(CurrentUser staff, ApplicationId id, long expectedVersion,
			java.util.function.Consumer<Application> change) {
		Application application = caseFor(staff, id);
		if (application.version() != expectedVersion) {
			throw new org.hearth.shared.ConflictException("applications.error.changed-meanwhile");
		}
		change.accept(application);
		save(application);
		return application;
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	/**
	 * The service's eligibility rule applied to the application, if the service has one. The caller has checked that
	 * the asker may see the application, by {@link #mine} or {@link #caseFor}.
	 */
	@Transactional(readOnly = true)
	public Optional<Assessment> eligibility(Application application) {
		EligibilityRule rule = eligibilityRules.get(application.serviceCode());
		return rule == null ? Optional.empty() : Optional.of(rule.assess(application));
	}

	/**
	 * A submitted application, for another module that acts on this module's events: without an access check and
	 * without an access record, so it is not for showing to anyone. A draft does not exist here.
	 */
	@Transactional(readOnly = true)
	public Application submitted(ApplicationId id) {
		return applications.find(id).filter(a -> a.status() != Status.DRAFT).orElseThrow(NotFoundException::new);
	}

	public List<HistoryEntry> history(ApplicationId id) {
		return applications.history(id);
	}

	public record CaseAccess(Instant at, Role role, @Nullable OfficeId office, AccessPurpose purpose,
			AccessLog.Action action) {
	}

	/** Who opened the case or its documents, when and why — by role and office, as the applicant sees it. */
	public List<CaseAccess> accessLog(ApplicationId id) {
		return accessLog.of("application", id.id()).stream()
				.map(a -> new CaseAccess(a.at(), Role.valueOf(a.role()), a.office() == null ? null : new OfficeId(a.office()),
						AccessPurpose.valueOf(a.purpose()), a.action()))
				.toList();
	}

	/**
	 * A document of the application, if it belongs to it: given in an answer, a response or an appeal. Whether the
	 * asker may see the application at all is checked before, by {@link #mine} or {@link #caseFor}.
	 */
	public Optional<StoredDocument> document(Application application, UUID documentId) {
		boolean belongs = documentIds(application).anyMatch(documentId::equals);
		return belongs ? documents.find(new DocumentId(documentId)) : Optional.empty();
	}

	public InputStream open(StoredDocument document) {
		return documents.open(document.id());
	}

	/** Documents an application holds: uploads to its file questions, and those of responses and the appeal. */
	private Stream<UUID> documentIds(Application application) {
		Answers answers = Answers.of(application.answers());
		Stream<UUID> fromAnswers = definitionOf(application).questions().filter(q -> q.type() == QuestionType.FILE)
				.flatMap(q -> answers.files(q.id()).stream()).map(file -> file.get("document"))
				.filter(String.class::isInstance).map(id -> UUID.fromString((String) id));
		Stream<UUID> fromRequests = application.informationRequests().stream().flatMap(r -> r.documents().stream());
		Stream<UUID> fromAppeal = application.appeal() == null ? Stream.empty()
				: application.appeal().documents().stream();
		return Stream.concat(fromAnswers, Stream.concat(fromRequests, fromAppeal));
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone.zone());
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private void save(Application application) {
		applications.save(application);
		var changes = application.takeEvents();
		if (!changes.isEmpty()) {
			String digest = applications.contentDigest(application);
			changes.forEach(change -> events.publishEvent(change.withContentDigest(digest)));
		}
	}

	private void lock(ApplicationId id) {
		jdbc.sql("SELECT 1 FROM applications.application WHERE id = ? FOR UPDATE").param(id.id()).query(Integer.class)
				.optional();
	}

	/** The first settlement question's answer decides which office the case goes to. */
	private static @Nullable String routingSettlement(ServiceDefinition definition, Answers answers) {
		return definition.questions().filter(q -> q.type() == QuestionType.SETTLEMENT)
				.map(q -> answers.text(q.id()).orElse(null)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
	}

	private String uniqueReference(String serviceCode) {
		int year = today().getYear();
		return unique(() -> Codes.reference(serviceCode, year),
				"SELECT EXISTS (SELECT 1 FROM applications.application WHERE reference = ?)");
	}

	private String uniqueVerificationCode() {
		return unique(Codes::verificationCode,
				"SELECT EXISTS (SELECT 1 FROM applications.decision WHERE verification_code = ?)");
	}

	/** A random code not yet taken; with 40 or more random bits, a second attempt is already rare. */
	private String unique(java.util.function.Supplier<String> codes, String takenQuery) {
		for (int attempt = 0; attempt < 5; attempt++) {
			String code = codes.get();
			if (!jdbc.sql(takenQuery).param(code).query(Boolean.class).single()) {
				return code;
			}
		}
		throw new IllegalStateException("no free code after 5 attempts");
	}

	private String nextPermitNumber() {
		long next = jdbc.sql("SELECT nextval('applications.permit_number_seq')").query(Long.class).single();
		return "RP-" + today().getYear() + "-" + String.format("%06d", next);
	}

	private Optional<Application> byIdempotencyKey(CurrentUser user, String operation, String key) {
		return jdbc.sql("""
				SELECT application_id FROM applications.idempotency_key
				WHERE account_id = ? AND operation = ? AND key = ?""").param(user.uuid()).param(operation).param(key)
				.query(UUID.class).optional().flatMap(id -> applications.find(new ApplicationId(id)));
	}

	private void rememberIdempotencyKey(CurrentUser user, String operation, String key, ApplicationId id) {
		try {
			jdbc.sql("""
					INSERT INTO applications.idempotency_key (account_id, operation, key, application_id, created_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""").param(user.uuid()).param(operation).param(key)
					.param(id.id()).param(Timestamp.from(clock.instant())).update();
		}
		catch (DuplicateKeyException raced) {
			// The same key by a parallel request: the first one's result stands.
		}
	}

	private static Map<String, Object> fileAnswer(StoredDocument stored) {
		var file = new LinkedHashMap<String, Object>();
		file.put("document", stored.id().toString());
		file.put("name", stored.originalName());
		file.put("type", stored.mediaType());
		file.put("size", stored.size());
		return file;
	}
}
