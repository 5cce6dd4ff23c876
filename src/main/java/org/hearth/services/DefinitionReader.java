package org.hearth.services;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.hearth.services.Question.ChoiceOption;
import org.hearth.services.Question.Condition;
import org.hearth.services.ServiceDefinition.DateOrderRule;
import org.hearth.services.ServiceDefinition.DecisionReason;
import org.hearth.services.ServiceDefinition.DocumentRequirement;
import org.hearth.services.ServiceDefinition.Page;
import org.hearth.shared.Languages;
import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a definition file and checks everything that can be checked before anyone fills in the form: translations
 * in all four languages, unique ids, types and their settings, conditions that refer to earlier questions, rules
 * that compare dates, documents that a question asks for. Reports every problem with its path, not only the first.
 */
final class DefinitionReader {

	static final Set<String> FORMATS = Set.of("pdf", "jpeg", "png");

	// Absent numbers and flags read as 0 and false; the checks below then say what is missing.
	private static final YAMLMapper yaml = YAMLMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	private final String file;
	private final int maxUploadMb;
	private final List<String> problems = new ArrayList<>();

	private DefinitionReader(String file, int maxUploadMb) {
		this.file = file;
		this.maxUploadMb = maxUploadMb;
	}

	/**
	 * @throws DefinitionException listing every problem
	 */
	static ServiceDefinition read(String file, String content, int maxUploadMb) {
		ServiceDefinition definition;
		try {
			definition = yaml.readValue(content, ServiceDefinition.class);
		}
		catch (JacksonException e) {
			throw new DefinitionException(file, List.of(file + ": " + describe(e)));
		}
		if (definition == null) {
			// An empty file, or one of comments only, is a YAML null: say so instead of failing the checks with an NPE.
			throw new DefinitionException(file, List.of(file + ": empty; a definition starts with its code"));
		}
		var reader = new DefinitionReader(file, maxUploadMb);
		reader.check(definition);
		if (!reader.problems.isEmpty()) {
			throw new DefinitionException(file, reader.problems);
		}
		return definition;
	}

	/** The definition as JSON, for the API and for storing a version. */
	static String toJson(ServiceDefinition definition, JsonMapper json) {
		return json.writeValueAsString(definition);
	}

	private static String describe(JacksonException e) {
		String path = e.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce("", String::concat).replaceFirst("^\\.", "");
		String message = e.getOriginalMessage();
		if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
			message += " (line " + e.getLocation().getLineNr() + ")";
		}
		return (path.isEmpty() ? "" : path + ": ") + message;
	}

	private void check(ServiceDefinition d) {
		if (d.code() == null || !d.code().matches("[a-z][a-z0-9-]{1,40}")) {
			problem("code", "must be lower-case letters, digits and dashes, e.g. 'residency'");
		}
		text("title", d.title(), true);
		text("summary", d.summary(), true);
		text("help", d.help(), false);
		checkWorkflow(d.workflow());
		Set<String> documentIds = new HashSet<>();
		for (int i = 0; i < d.documents().size(); i++) {
			checkDocument("documents[" + i + "]", d.documents().get(i), documentIds);
		}
		if (d.pages().isEmpty()) {
			problem("pages", "a service needs at least one page");
		}
		Set<String> pageIds = new HashSet<>();
		List<Question> earlier = new ArrayList<>();
		Set<String> referencedDocuments = new HashSet<>();
		for (int p = 0; p < d.pages().size(); p++) {
			Page page = d.pages().get(p);
			String path = "pages[" + p + "]";
			id(path + ".id", page.id(), pageIds);
			text(path + ".title", page.title(), true);
			text(path + ".help", page.help(), false);
			condition(path + ".showIf", page.showIf(), earlier);
			if (page.questions().isEmpty()) {
				problem(path + ".questions", "a page needs at least one question");
			}
			for (int q = 0; q < page.questions().size(); q++) {
				Question question = page.questions().get(q);
				checkQuestion(path + ".questions[" + q + "]", question, earlier, documentIds, referencedDocuments,
						false);
				earlier.add(question);
			}
		}
		Set<String> allIds = new HashSet<>();
		for (Question q : earlier) {
			if (!allIds.add(q.id())) {
				problem("pages", "question id '" + q.id() + "' is used twice; answers are keyed by it");
			}
		}
		for (DocumentRequirement document : d.documents()) {
			if (!referencedDocuments.contains(document.id())) {
				problem("documents", "document '" + document.id() + "' is not asked for by any file question");
			}
		}
		Set<String> ruleIds = new HashSet<>();
		for (int r = 0; r < d.rules().size(); r++) {
			checkRule("rules[" + r + "]", d.rules().get(r), earlier, ruleIds);
		}
	}

	private void checkWorkflow(ServiceDefinition.@Nullable Workflow w) {
		if (w == null) {
			problem("workflow", "missing");
			return;
		}
		if (!ServiceDefinition.Workflow.FOUR_EYES.equals(w.type())) {
			problem("workflow.type", "unknown workflow '" + w.type() + "'; known: " + ServiceDefinition.Workflow.FOUR_EYES);
		}
		if (w.appealDays() < 1 || w.appealDays() > 365) {
			problem("workflow.appealDays", "must be between 1 and 365");
		}
		if (w.permitValidityYears() < 1 || w.permitValidityYears() > 20) {
			problem("workflow.permitValidityYears", "must be between 1 and 20");
		}
		Set<String> codes = new HashSet<>();
		reasons("workflow.approveReasons", w.approveReasons(), codes);
		reasons("workflow.refuseReasons", w.refuseReasons(), codes);
	}

	private void reasons(String path, List<DecisionReason> reasons, Set<String> codes) {
		if (reasons.isEmpty()) {
			problem(path, "at least one reason is needed");
		}
		for (int i = 0; i < reasons.size(); i++) {
			id(path + "[" + i + "].code", reasons.get(i).code(), codes);
			text(path + "[" + i + "].title", reasons.get(i).title(), true);
		}
	}

	private void checkDocument(String path, DocumentRequirement document, Set<String> ids) {
		id(path + ".id", document.id(), ids);
		text(path + ".title", document.title(), true);
		text(path + ".help", document.help(), false);
		if (document.maxSizeMb() < 1 || document.maxSizeMb() > maxUploadMb) {
			problem(path + ".maxSizeMb", "must be between 1 and the upload limit of " + maxUploadMb + " MB");
		}
		if (document.formats().isEmpty() || !FORMATS.containsAll(document.formats())) {
			problem(path + ".formats", "must be one or more of " + FORMATS);
		}
	}

	private void checkQuestion(String path, Question q, List<Question> earlier, Set<String> documentIds,
			Set<String> referencedDocuments, boolean inGroup) {
		if (q.id() == null || !q.id().matches("[a-zA-Z][a-zA-Z0-9]{0,40}")) {
			problem(path + ".id", "must be letters and digits, starting with a letter");
		}
		if (q.type() == null) {
			problem(path + ".type", "missing");
			return;
		}
		text(path + ".label", q.label(), true);
		text(path + ".help", q.help(), false);
		condition(path + ".showIf", q.showIf(), earlier);
		QuestionType type = q.type();
		boolean textual = type == QuestionType.TEXT || type == QuestionType.LONG_TEXT
				|| type == QuestionType.PERSON_NAME;
		only(path, "minLength", q.minLength(), textual);
		only(path, "maxLength", q.maxLength(), textual);
		only(path, "pattern", q.pattern(), type == QuestionType.TEXT);
		only(path, "min", q.min(), type == QuestionType.NUMBER);
		only(path, "max", q.max(), type == QuestionType.NUMBER);
		only(path, "notBefore", q.notBefore(), type == QuestionType.DATE);
		only(path, "notAfter", q.notAfter(), type == QuestionType.DATE);
		only(path, "document", q.document(), type == QuestionType.FILE);
		only(path, "minItems", q.minItems(), type == QuestionType.GROUP || type == QuestionType.MULTIPLE_CHOICE);
		only(path, "maxItems", q.maxItems(), type == QuestionType.GROUP || type == QuestionType.MULTIPLE_CHOICE);
		only(path, "itemLabel", q.itemLabel(), type == QuestionType.GROUP);
		if (textual && q.maxLength() == null) {
			problem(path + ".maxLength", "text answers need a maximum length");
		}
		if (q.minLength() != null && q.maxLength() != null && q.minLength() > q.maxLength()) {
			problem(path + ".minLength", "is larger than maxLength");
		}
		if (q.min() != null && q.max() != null && q.min() > q.max()) {
			problem(path + ".min", "is larger than max");
		}
		if (q.pattern() != null) {
			try {
				Pattern.compile(q.pattern());
			}
			catch (PatternSyntaxException e) {
				problem(path + ".pattern", "is not a valid regular expression: " + e.getDescription());
			}
			if (q.patternMessage() == null) {
				problem(path + ".patternMessage", "a pattern needs a message saying what is expected");
			}
		}
		text(path + ".patternMessage", q.patternMessage(), false);
		date(path + ".notBefore", q.notBefore());
		date(path + ".notAfter", q.notAfter());
		boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
		if (choice) {
			if (q.options().size() < (type == QuestionType.SINGLE_CHOICE ? 2 : 1)) {
				problem(path + ".options", "a choice needs options to choose from");
			}
			Set<String> values = new HashSet<>();
			for (int i = 0; i < q.options().size(); i++) {
				ChoiceOption option = q.options().get(i);
				id(path + ".options[" + i + "].value", option.value(), values);
				text(path + ".options[" + i + "].label", option.label(), true);
			}
		}
		else if (!q.options().isEmpty()) {
			problem(path + ".options", "only choice questions have options");
		}
		if (type == QuestionType.FILE) {
			if (q.document() == null || !documentIds.contains(q.document())) {
				problem(path + ".document", "must name one of the documents declared under 'documents'");
			}
			else {
				referencedDocuments.add(q.document());
			}
		}
		if (type == QuestionType.GROUP) {
			if (inGroup) {
				problem(path, "groups cannot contain groups");
			}
			text(path + ".itemLabel", q.itemLabel(), true);
			if (q.questions().isEmpty()) {
				problem(path + ".questions", "a group needs questions");
			}
			Set<String> childIds = new HashSet<>();
			List<Question> visibleInGroup = new ArrayList<>(earlier);
			for (int i = 0; i < q.questions().size(); i++) {
				Question child = q.questions().get(i);
				if (child.type() == QuestionType.FILE) {
					problem(path + ".questions[" + i + "]", "file questions cannot be inside groups");
				}
				checkQuestion(path + ".questions[" + i + "]", child, visibleInGroup, documentIds,
						referencedDocuments, true);
				if (child.id() != null && !childIds.add(child.id())) {
					problem(path + ".questions[" + i + "].id", "'" + child.id() + "' is used twice in this group");
				}
				visibleInGroup.add(child);
			}
		}
		else if (!q.questions().isEmpty()) {
			problem(path + ".questions", "only groups contain questions");
		}
	}

	private void checkRule(String path, DateOrderRule rule, List<Question> questions, Set<String> ids) {
		id(path + ".id", rule.id(), ids);
		text(path + ".message", rule.message(), true);
		Question earlier = findDate(questions, rule.earlier());
		Question later = findDate(questions, rule.later());
		if (earlier == null) {
			problem(path + ".earlier", "'" + rule.earlier() + "' is not a date question");
		}
		if (later == null) {
			problem(path + ".later", "'" + rule.later() + "' is not a date question");
		}
	}

	/** A date question at the top level, or "group.child" for a date inside a group. */
	private static @Nullable Question findDate(List<Question> questions, @Nullable String ref) {
		if (ref == null) {
			return null;
		}
		String[] parts = ref.split("\\.", 2);
		// A question without an id is reported as such; here it is simply not the one referred to.
		return questions.stream().filter(q -> parts[0].equals(q.id()))
				.map(q -> parts.length == 1 ? q : q.child(parts[1]).orElse(null))
				.filter(q -> q != null && q.type() == QuestionType.DATE).findFirst().orElse(null);
	}

	private void condition(String path, @Nullable Condition condition, List<Question> earlier) {
		if (condition == null) {
			return;
		}
		Question source = earlier.stream().filter(q -> q.id() != null && q.id().equals(condition.question()))
				.findFirst().orElse(null);
		if (source == null) {
			problem(path + ".question", "'" + condition.question() + "' is not a question asked before this one");
			return;
		}
		int kinds = (condition.equals() != null ? 1 : 0) + (condition.in() != null ? 1 : 0)
				+ (condition.answered() != null ? 1 : 0);
		if (kinds != 1) {
			problem(path, "give exactly one of equals, in, answered");
		}
		List<String> values = new ArrayList<>();
		if (condition.equals() != null) {
			values.add(condition.equals());
		}
		if (condition.in() != null) {
			values.addAll(condition.in());
		}
		for (String value : values) {
			if (value == null) {
				problem(path, "a value to compare with is missing");
				continue;
			}
			// A question without a type is reported as such; what it can be answered with is then unknown.
			boolean valid = source.type() == null || switch (source.type()) {
				case YES_NO -> value.equals("yes") || value.equals("no");
				case SINGLE_CHOICE, MULTIPLE_CHOICE -> source.option(value).isPresent();
				default -> true;
			};
			if (!valid) {
				problem(path, "'" + value + "' is not a possible answer to '" + source.id() + "'");
			}
		}
	}

	private void text(String path, @Nullable LocalizedText text, boolean required) {
		if (text == null) {
			if (required) {
				problem(path, "missing");
			}
			return;
		}
		List<String> missing = text.missingLanguages();
		if (!missing.isEmpty()) {
			problem(path, "missing translation in " + String.join(", ", missing));
		}
		text.values().keySet().stream().filter(language -> !Languages.CODES.contains(language))
				.forEach(language -> problem(path, "unknown language '" + language + "'; use " + Languages.CODES));
	}

	private void id(String path, @Nullable String id, Set<String> seen) {
		if (id == null || id.isBlank()) {
			problem(path, "missing");
		}
		else if (!seen.add(id)) {
			problem(path, "'" + id + "' is used twice");
		}
	}

	private void only(String path, String field, @Nullable Object value, boolean allowed) {
		if (value != null && !allowed) {
			problem(path + "." + field, "does not apply to this question type");
		}
	}

	private void date(String path, @Nullable String value) {
		if (value == null || value.equals("today")) {
			return;
		}
		try {
			LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problem(path, "must be 'today' or a date like 1900-01-01");
		}
	}

	private void problem(String path, String what) {
		problems.add(file + ": " + path + ": " + what);
	}
}
