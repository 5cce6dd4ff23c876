package org.hearth.services;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hearth.gazetteer.Countries;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.services.Question.Condition;
import org.hearth.services.ServiceDefinition.DateOrderRule;
import org.hearth.services.ServiceDefinition.Page;
import org.hearth.shared.Scripts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The one engine for every definition: binds a submitted page to answers, decides which pages and questions
 * apply, validates a page or the whole form, and cleans answers that no longer apply before submission.
 */
@Service
public class FormEngine {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{5,24}$");
	private static final Pattern LATIN_NAME = Pattern.compile("^[\\p{IsLatin}\\p{M} '\\-.]+$");

	private final Gazetteer gazetteer;
	private final Countries countries;
	private final MessageSource messages;

	FormEngine(Gazetteer gazetteer, Countries countries, MessageSource messages) {
		this.gazetteer = gazetteer;
		this.countries = countries;
		this.messages = messages;
	}

	/**
	 * A page ready to render.
	 *
	 * @param searches settlement search boxes by path and what was typed into them
	 */
	public FormView view(ServiceDefinition definition, Page page, Answers answers, List<FieldError> errors,
			Locale locale, Map<String, String> searches) {
		return new FormView(definition, page, answers, errors, locale, messages, this, gazetteer, countries,
				searches);
	}

	/** Settlement search boxes on this page and what was typed in them. */
	public Map<String, String> searches(Page page, Map<String, String[]> parameters) {
		var searches = new LinkedHashMap<String, String>();
		for (Question question : page.questions()) {
			if (question.type() == QuestionType.SETTLEMENT) {
				String typed = first(parameters, "q." + question.id() + ".search");
				if (typed != null) {
					searches.put(question.id(), clean(typed));
				}
			}
		}
		return searches;
	}

	/** What the person asked for with the button they pressed. */
	public sealed interface Action {
		/** Save and go on to the next page (or back to the check page). */
		record Continue() implements Action {
		}
		/** Save and stop for now. */
		record Save() implements Action {
		}
		record AddItem(String group) implements Action {
		}
		record RemoveItem(String group, int index) implements Action {
		}
		record RemoveFile(String question, int index) implements Action {
		}
		/** Look up settlements for a settlement question (the form works without JavaScript). */
		record Search(String question) implements Action {
		}

		static Action parse(@Nullable String value) {
			if (value == null || value.isBlank() || value.equals("continue")) {
				return new Continue();
			}
			String[] parts = value.split(":");
			try {
				return switch (parts[0]) {
					case "save" -> new Save();
					case "add" -> new AddItem(parts[1]);
					case "remove" -> new RemoveItem(parts[1], Integer.parseInt(parts[2]));
					case "remove-file" -> new RemoveFile(parts[1], Integer.parseInt(parts[2]));
					case "search" -> new Search(parts[1]);
					default -> new Continue();
				};
			}
			catch (RuntimeException malformed) {
				return new Continue();
			}
		}
	}

	/**
	 * Reads the page's fields from the request parameters into a copy of {@code answers}; applies add and remove
	 * buttons. File uploads are not parameters: the caller stores them and adds them with {@link Answers#addFile}.
	 */
	public Answers bind(Page page, Map<String, String[]> parameters, Answers answers, Action action) {
		Answers bound = answers.copy();
		for (Question question : page.questions()) {
			if (question.type() == QuestionType.FILE) {
				continue;
			}
			if (question.type() == QuestionType.GROUP) {
				bound.put(question.id(), bindGroup(question, parameters));
			}
			else {
				bound.put(question.id(), bindValue(question, "q." + question.id(), parameters));
			}
		}
		if (action instanceof Action.AddItem add && page.questions().stream()
				.anyMatch(q -> q.id().equals(add.group()) && q.type() == QuestionType.GROUP)) {
			Question group = page.questions().stream().filter(q -> q.id().equals(add.group())).findFirst().get();
			List<Map<String, Object>> items = new ArrayList<>(bound.items(add.group()));
			if (group.maxItems() == null || items.size() < group.maxItems()) {
				items.add(new LinkedHashMap<>());
			}
			bound.put(add.group(), items);
		}
		if (action instanceof Action.RemoveItem remove) {
			List<Map<String, Object>> items = new ArrayList<>(bound.items(remove.group()));
			if (remove.index() >= 0 && remove.index() < items.size()) {
				items.remove(remove.index());
			}
			bound.put(remove.group(), items);
		}
		if (action instanceof Action.RemoveFile remove) {
			List<Map<String, Object>> files = new ArrayList<>(bound.files(remove.question()));
			if (remove.index() >= 0 && remove.index() < files.size()) {
				files.remove(remove.index());
			}
			bound.put(remove.question(), files);
		}
		return bound;
	}

	private List<Map<String, Object>> bindGroup(Question group, Map<String, String[]> parameters) {
		int count = parseInt(first(parameters, "q." + group.id() + ".count"), 0);
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < Math.min(count, 50); i++) {
			var item = new LinkedHashMap<String, Object>();
			for (Question child : group.questions()) {
				Object value = bindValue(child, "q." + group.id() + "[" + i + "]." + child.id(), parameters);
				if (value != null) {
					item.put(child.id(), value);
				}
			}
			items.add(item);
		}
		return items;
	}

	private static @Nullable Object bindValue(Question question, String name, Map<String, String[]> parameters) {
		return switch (question.type()) {
			case MULTIPLE_CHOICE -> {
				String[] values = parameters.get(name);
				yield values == null ? null
						: new ArrayList<>(new LinkedHashSet<>(java.util.Arrays.stream(values).map(FormEngine::clean)
								.filter(v -> !v.isEmpty()).toList()));
			}
			case DATE -> {
				String day = clean(first(parameters, name + ".day"));
				String month = clean(first(parameters, name + ".month"));
				String year = clean(first(parameters, name + ".year"));
				if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
					yield null;
				}
				yield isoDate(day, month, year).map(Object.class::cast)
						.orElseGet(() -> new LinkedHashMap<>(Map.of("day", day, "month", month, "year", year)));
			}
			case PERSON_NAME -> {
				String written = clean(first(parameters, name + ".written"));
				String latin = clean(first(parameters, name + ".latin"));
				if (written.isEmpty() && latin.isEmpty()) {
					yield null;
				}
				var map = new LinkedHashMap<String, Object>();
				map.put("written", written);
				map.put("latin", latin);
				yield map;
			}
			default -> {
				String value = clean(first(parameters, name));
				yield value.isEmpty() ? null : value;
			}
		};
	}

	/** Pages that apply given the answers so far, in order. */
	public List<Page> visiblePages(ServiceDefinition definition, Answers answers) {
		return definition.pages().stream().filter(p -> holds(p.showIf(), answers, Map.of())).toList();
	}

	public boolean visible(Question question, Answers answers, Map<String, Object> item) {
		return holds(question.showIf(), answers, item);
	}

	public Optional<Page> next(ServiceDefinition definition, Page current, Answers answers) {
		List<Page> pages = visiblePages(definition, answers);
		int index = indexOf(pages, current);
		return index + 1 < pages.size() ? Optional.of(pages.get(index + 1)) : Optional.empty();
	}

	public Optional<Page> previous(ServiceDefinition definition, Page current, Answers answers) {
		List<Page> pages = visiblePages(definition, answers);
		int index = indexOf(pages, current);
		return index > 0 ? Optional.of(pages.get(index - 1)) : Optional.empty();
	}

	private static int indexOf(List<Page> pages, Page page) {
		for (int i = 0; i < pages.size(); i++) {
			if (pages.get(i).id().equals(page.id())) {
				return i;
			}
		}
		return -1;
	}

	/** Problems on one page, in the order of its questions. */
	public List<FieldError> validatePage(ServiceDefinition definition, Page page, Answers answers, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		for (Question question : page.questions()) {
			if (visible(question, answers, Map.of())) {
				validate(question, question.id(), answers.get(question.id()), page.id(), answers, Map.of(), today,
						errors);
			}
		}
		for (DateOrderRule rule : definition.rules()) {
			checkRule(definition, rule, answers, today, errors, page.id());
		}
		return errors;
	}

	/** Problems anywhere in the form: what stops a submission. */
	public List<FieldError> validateAll(ServiceDefinition definition, Answers answers, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		for (Page page : visiblePages(definition, answers)) {
			errors.addAll(validatePage(definition, page, answers, today));
		}
		return errors.stream().distinct().toList();
	}

	/**
	 * Fills in the Latin spelling of names where the person left it empty, so that they see it and confirm it
	 * (or correct it) before going on.
	 */
	public LatinSuggestion suggestLatin(Page page, Answers answers) {
		Answers result = answers.copy();
		List<String> filled = new ArrayList<>();
		for (Question question : page.questions()) {
			if (question.type() == QuestionType.PERSON_NAME) {
				Object before = result.get(question.id());
				Object after = withLatin(before);
				if (after != before) {
					result.put(question.id(), after);
					if (!writtenInLatin(before)) {
						filled.add(question.id());
					}
				}
			}
			if (question.type() == QuestionType.GROUP) {
				List<Map<String, Object>> items = new ArrayList<>();
				List<Map<String, Object>> current = result.items(question.id());
				for (int i = 0; i < current.size(); i++) {
					var copy = new LinkedHashMap<>(current.get(i));
					for (Question child : question.questions()) {
						if (child.type() == QuestionType.PERSON_NAME && copy.containsKey(child.id())) {
							Object before = copy.get(child.id());
							Object after = withLatin(before);
							if (after != before) {
								copy.put(child.id(), after);
								if (!writtenInLatin(before)) {
									filled.add(question.id() + "[" + i + "]." + child.id());
								}
							}
						}
					}
					items.add(copy);
				}
				if (!current.isEmpty()) {
					result.put(question.id(), items);
				}
			}
		}
		return new LatinSuggestion(result, filled);
	}

	/** The answers with Latin spellings filled in, and the paths of the names that got one. */
	public record LatinSuggestion(Answers answers, List<String> filled) {
	}

	/** A name typed in Latin letters needs no confirmation of its Latin spelling. */
	private static boolean writtenInLatin(@Nullable Object name) {
		return name instanceof Map<?, ?> map && map.get("written") instanceof String written
				&& LATIN_NAME.matcher(written).matches();
	}

	private static @Nullable Object withLatin(@Nullable Object value) {
		if (value instanceof Map<?, ?> name && name.get("written") instanceof String written && !written.isBlank()
				&& (!(name.get("latin") instanceof String latin) || latin.isBlank())) {
			var filled = new LinkedHashMap<String, Object>();
			filled.put("written", written);
			filled.put("latin", Scripts.toLatin(written));
			return filled;
		}
		return value;
	}

	/** Drops answers to questions and pages that no longer apply, so they are not submitted. */
	public Answers clean(ServiceDefinition definition, Answers answers) {
		Answers cleaned = answers.copy();
		List<Page> visible = visiblePages(definition, answers);
		for (Page page : definition.pages()) {
			for (Question question : page.questions()) {
				if (!visible.contains(page) || !visible(question, answers, Map.of())) {
					cleaned.remove(question.id());
				}
				else if (question.type() == QuestionType.GROUP) {
					List<Map<String, Object>> items = new ArrayList<>();
					for (Map<String, Object> item : answers.items(question.id())) {
						var kept = new LinkedHashMap<String, Object>();
						for (Question child : question.questions()) {
							if (item.containsKey(child.id()) && visible(child, answers, item)) {
								kept.put(child.id(), item.get(child.id()));
							}
						}
						items.add(kept);
					}
					cleaned.put(question.id(), items);
				}
			}
		}
		return cleaned;
	}

	private void validate(Question q, String path, @Nullable Object value, String pageId, Answers answers,
			Map<String, Object> item, LocalDate today, List<FieldError> errors) {
		boolean empty = value == null || value instanceof String s && s.isBlank()
				|| value instanceof List<?> l && l.isEmpty();
		if (empty) {
			if (q.required()) {
				errors.add(FieldError.of(path, pageId, missingKey(q.type())));
			}
			return;
		}
		if (!hasStoredShape(q.type(), value)) {
			// Through the API any JSON can arrive: an answer of the wrong kind is treated like a missing one.
			errors.add(FieldError.of(path, pageId, missingKey(q.type())));
			return;
		}
		switch (q.type()) {
			case TEXT, LONG_TEXT -> length(q, path, pageId, (String) value, errors);
			case PERSON_NAME -> {
				if (!(value instanceof Map<?, ?> name)) {
					errors.add(FieldError.of(path, pageId, "services.validation.required"));
					return;
				}
				String written = name.get("written") instanceof String w ? w : "";
				String latin = name.get("latin") instanceof String l ? l : "";
				if (written.isBlank()) {
					errors.add(FieldError.of(path + ".written", pageId, "services.validation.name-written"));
				}
				else if (latin.isBlank()) {
					errors.add(FieldError.of(path + ".latin", pageId, "services.validation.name-confirm-latin"));
				}
				else if (!LATIN_NAME.matcher(latin).matches()) {
					errors.add(FieldError.of(path + ".latin", pageId, "services.validation.name-latin-only"));
				}
				length(q, path + ".written", pageId, written, errors);
				length(q, path + ".latin", pageId, latin, errors);
			}
			case DATE -> {
				Optional<LocalDate> date = value instanceof String s ? parseDate(s) : Optional.empty();
				if (date.isEmpty()) {
					errors.add(FieldError.of(path, pageId, "services.validation.date-invalid"));
					return;
				}
				LocalDate notBefore = limit(q.notBefore(), today);
				LocalDate notAfter = limit(q.notAfter(), today);
				if (notAfter != null && date.get().isAfter(notAfter)) {
					errors.add(q.notAfter().equals("today")
							? FieldError.of(path, pageId, "services.validation.date-future")
							: FieldError.of(path, pageId, "services.validation.date-not-after", notAfter.toString()));
				}
				if (notBefore != null && date.get().isBefore(notBefore)) {
					errors.add(FieldError.of(path, pageId, "services.validation.date-not-before", notBefore.toString()));
				}
			}
			case NUMBER -> {
				try {
					BigDecimal number = new BigDecimal(((String) value).replace(',', '.').replace(" ", ""));
					if (q.min() != null && number.compareTo(BigDecimal.valueOf(q.min())) < 0
							|| q.max() != null && number.compareTo(BigDecimal.valueOf(q.max())) > 0) {
						errors.add(FieldError.of(path, pageId, "services.validation.number-range", format(q.min()),
								format(q.max())));
					}
				}
				catch (NumberFormatException | ClassCastException e) {
					errors.add(FieldError.of(path, pageId, "services.validation.number"));
				}
			}
			case EMAIL -> {
				if (!EMAIL.matcher((String) value).matches() || ((String) value).length() > 254) {
					errors.add(FieldError.of(path, pageId, "services.validation.email"));
				}
			}
			case PHONE -> {
				String phone = (String) value;
				if (!PHONE.matcher(phone).matches() || phone.replaceAll("\\D", "").length() < 6) {
					errors.add(FieldError.of(path, pageId, "services.validation.phone"));
				}
			}
			case SINGLE_CHOICE -> {
				if (q.option(String.valueOf(value)).isEmpty()) {
					errors.add(FieldError.of(path, pageId, "services.validation.choose"));
				}
			}
			case YES_NO -> {
				if (!"yes".equals(value) && !"no".equals(value)) {
					errors.add(FieldError.of(path, pageId, "services.validation.choose"));
				}
			}
			case MULTIPLE_CHOICE -> {
				List<?> chosen = value instanceof List<?> l ? l : List.of(value);
				if (chosen.stream().anyMatch(v -> q.option(String.valueOf(v)).isEmpty())) {
					errors.add(FieldError.of(path, pageId, "services.validation.choose"));
				}
				count(q, path, pageId, chosen.size(), errors);
			}
			case COUNTRY -> {
				if (countries.find(String.valueOf(value)).isEmpty()) {
					errors.add(FieldError.of(path, pageId, "services.validation.country"));
				}
			}
			case SETTLEMENT -> {
				if (gazetteer.find(String.valueOf(value)).isEmpty()) {
					errors.add(FieldError.of(path, pageId, "services.validation.settlement"));
				}
			}
			case FILE -> {
				// Type and size were checked on upload; here only presence matters.
			}
			case GROUP -> {
				List<Map<String, Object>> items = answers.items(q.id());
				count(q, path, pageId, items.size(), errors);
				for (int i = 0; i < items.size(); i++) {
					for (Question child : q.questions()) {
						if (visible(child, answers, items.get(i))) {
							validate(child, path + "[" + i + "]." + child.id(), items.get(i).get(child.id()), pageId,
									answers, items.get(i), today, errors);
						}
					}
				}
			}
		}
	}

	private static String missingKey(QuestionType type) {
		return type == QuestionType.FILE ? "services.validation.file-required"
				: type.isSingleValue() && type != QuestionType.TEXT && type != QuestionType.LONG_TEXT
						&& type != QuestionType.EMAIL && type != QuestionType.PHONE && type != QuestionType.NUMBER
								? "services.validation.choose" : "services.validation.required";
	}

	/** Whether an answer has the shape {@link Answers} stores its type in; names and dates are checked in detail. */
	private static boolean hasStoredShape(QuestionType type, Object value) {
		return switch (type) {
			case PERSON_NAME, DATE -> true;
			case MULTIPLE_CHOICE -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
			case FILE, GROUP -> value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance);
			default -> value instanceof String;
		};
	}

	private void checkRule(ServiceDefinition definition, DateOrderRule rule, Answers answers, LocalDate today,
			List<FieldError> errors, String pageId) {
		String[] earlierRef = rule.earlier().split("\\.", 2);
		String[] laterRef = rule.later().split("\\.", 2);
		// Report on the page of the later date: that is where the person can fix it.
		String laterPage = definition.pageOf(laterRef[0]).map(Page::id).orElse("");
		if (!laterPage.equals(pageId)) {
			return;
		}
		if (laterRef.length == 2 && earlierRef.length == 2 && laterRef[0].equals(earlierRef[0])) {
			List<Map<String, Object>> items = answers.items(laterRef[0]);
			for (int i = 0; i < items.size(); i++) {
				compare(items.get(i).get(earlierRef[1]), items.get(i).get(laterRef[1]),
						laterRef[0] + "[" + i + "]." + laterRef[1], pageId, rule, errors);
			}
			return;
		}
		if (laterRef.length == 2) {
			List<Map<String, Object>> items = answers.items(laterRef[0]);
			for (int i = 0; i < items.size(); i++) {
				compare(answers.get(earlierRef[0]), items.get(i).get(laterRef[1]),
						laterRef[0] + "[" + i + "]." + laterRef[1], pageId, rule, errors);
			}
			return;
		}
		if (earlierRef.length == 1) {
			compare(answers.get(earlierRef[0]), answers.get(laterRef[0]), laterRef[0], pageId, rule, errors);
		}
	}

	private static void compare(@Nullable Object earlier, @Nullable Object later, String path, String pageId,
			DateOrderRule rule, List<FieldError> errors) {
		if (earlier instanceof String e && later instanceof String l) {
			Optional<LocalDate> first = parseDate(e);
			Optional<LocalDate> second = parseDate(l);
			if (first.isPresent() && second.isPresent() && second.get().isBefore(first.get())) {
				errors.add(FieldError.custom(path, pageId, rule.message()));
			}
		}
	}

	private static boolean holds(@Nullable Condition condition, Answers answers, Map<String, Object> item) {
		if (condition == null) {
			return true;
		}
		Object value = item.containsKey(condition.question()) ? item.get(condition.question())
				: answers.get(condition.question());
		List<String> given = value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
				: value == null ? List.of() : List.of(String.valueOf(value));
		if (condition.answered() != null) {
			return condition.answered() != given.isEmpty();
		}
		if (condition.equals() != null) {
			return given.contains(condition.equals());
		}
		return condition.in() != null && given.stream().anyMatch(condition.in()::contains);
	}

	private static void length(Question q, String path, String pageId, String value, List<FieldError> errors) {
		int length = value.codePointCount(0, value.length());
		if (q.maxLength() != null && length > q.maxLength()) {
			errors.add(FieldError.of(path, pageId, "services.validation.too-long", q.maxLength()));
		}
		if (q.minLength() != null && length < q.minLength()) {
			errors.add(FieldError.of(path, pageId, "services.validation.too-short", q.minLength()));
		}
		if (q.pattern() != null && !value.matches(q.pattern())) {
			errors.add(FieldError.custom(path, pageId, q.patternMessage()));
		}
	}

	private static void count(Question q, String path, String pageId, int count, List<FieldError> errors) {
		if (q.minItems() != null && count < q.minItems()) {
			errors.add(FieldError.of(path, pageId, "services.validation.min-items", q.minItems()));
		}
		if (q.maxItems() != null && count > q.maxItems()) {
			errors.add(FieldError.of(path, pageId, "services.validation.max-items", q.maxItems()));
		}
	}

	private static @Nullable LocalDate limit(@Nullable String limit, LocalDate today) {
		return limit == null ? null : limit.equals("today") ? today : LocalDate.parse(limit);
	}

	static Optional<LocalDate> parseDate(String value) {
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static Optional<String> isoDate(String day, String month, String year) {
		try {
			int y = Integer.parseInt(year);
			if (y < 1000 || y > 9999) {
				return Optional.empty();
			}
			return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)).toString());
		}
		catch (NumberFormatException | DateTimeException e) {
			return Optional.empty();
		}
	}

	private static String format(@Nullable Double number) {
		if (number == null) {
			return "–";
		}
		return number == Math.rint(number) ? String.valueOf(number.longValue()) : number.toString();
	}

	private static @Nullable String first(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	/** NFC, no control characters, no surrounding space: what is stored is what was meant. */
	static String clean(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
	}

	private static int parseInt(@Nullable String value, int fallback) {
		try {
			return value == null ? fallback : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
