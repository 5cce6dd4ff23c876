package org.hearth.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.gazetteer.Countries;
import org.hearth.gazetteer.Countries.Country;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.Settlement;
import org.hearth.services.ServiceDefinition.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Everything a template needs to render one page of a form: current values by path, errors by path, which
 * questions show, localized option lists. Keeps the templates free of logic.
 */
public final class FormView {

	private final ServiceDefinition definition;
	private final Page page;
	private final Answers answers;
	private final List<FieldError> errors;
	private final Locale locale;
	private final MessageSource messages;
	private final FormEngine engine;
	private final Gazetteer gazetteer;
	private final Countries countries;
	private final Map<String, String> searches;

	FormView(ServiceDefinition definition, Page page, Answers answers, List<FieldError> errors, Locale locale,
			MessageSource messages, FormEngine engine, Gazetteer gazetteer, Countries countries,
			Map<String, String> searches) {
		this.definition = definition;
		this.page = page;
		this.answers = answers;
		this.errors = List.copyOf(errors);
		this.locale = locale;
		this.messages = messages;
		this.engine = engine;
		this.gazetteer = gazetteer;
		this.countries = countries;
		this.searches = Map.copyOf(searches);
	}

	public ServiceDefinition definition() {
		return definition;
	}

	public Page page() {
		return page;
	}

	public Locale locale() {
		return locale;
	}

	/** 1-based position of this page among the pages that apply, and their number. */
	public int pageNumber() {
		return engine.visiblePages(definition, answers).stream().map(Page::id).toList().indexOf(page.id()) + 1;
	}

	public int pageCount() {
		return engine.visiblePages(definition, answers).size();
	}

	public boolean visible(Question question) {
		return engine.visible(question, answers, Map.of());
	}

	public boolean visibleInItem(Question question, int index, String group) {
		List<Map<String, Object>> items = answers.items(group);
		return engine.visible(question, answers, index < items.size() ? items.get(index) : Map.of());
	}

	/** The value at {@code path} ("name", "household[1].birthDate", "name.latin") as text for an input. */
	public String value(String path) {
		Object value = resolve(path);
		return value == null || value instanceof Map || value instanceof List ? "" : value.toString();
	}

	public boolean selected(String path, String option) {
		Object value = resolve(path);
		return value instanceof List<?> list ? list.contains(option) : option.equals(value);
	}

	/** Day, month or year of a date answer, whether it is a valid date or still the parts as typed. */
	public String datePart(String path, String part) {
		Object value = resolve(path);
		if (value instanceof Map<?, ?> parts) {
			return parts.get(part) == null ? "" : parts.get(part).toString();
		}
		if (value instanceof String iso) {
			return FormEngine.parseDate(iso).map(d -> switch (part) {
				case "day" -> String.valueOf(d.getDayOfMonth());
				case "month" -> String.valueOf(d.getMonthValue());
				default -> String.valueOf(d.getYear());
			}).orElse("");
		}
		return "";
	}

	public int itemCount(String group) {
		return answers.items(group).size();
	}

	public List<Integer> itemIndexes(String group) {
		return java.util.stream.IntStream.range(0, itemCount(group)).boxed().toList();
	}

	public List<Map<String, Object>> files(String question) {
		return answers.files(question);
	}

	public boolean hasError(String path) {
		return errors.stream().anyMatch(e -> e.path().equals(path) || e.path().startsWith(path + "."));
	}

	/** Messages for exactly {@code path} and its parts (a name's written and Latin forms). */
	public List<String> errors(String path) {
		return errors.stream().filter(e -> e.path().equals(path) || e.path().startsWith(path + "."))
				.map(e -> e.message(messages, locale)).toList();
	}

	public List<SummaryError> errorSummary() {
		List<SummaryError> summary = new ArrayList<>();
		for (FieldError error : errors) {
			summary.add(new SummaryError(error.anchor(), error.message(messages, locale)));
		}
		return summary;
	}

	public record SummaryError(String anchor, String message) {
	}

	public String anchor(String path) {
		return FieldError.anchor(path);
	}

	public String text(org.hearth.shared.@Nullable LocalizedText text) {
		return text == null ? "" : text.in(locale);
	}

	public List<Country> countries() {
		return countries.all(locale);
	}

	/** The chosen settlement's name for display, or empty. */
	public String settlementLabel(String path) {
		String id = value(path);
		return id.isEmpty() ? "" : gazetteer.find(id).map(s -> gazetteer.label(s.id(), locale)).orElse("");
	}

	/** What the person typed into a settlement search box. */
	public String searchText(String path) {
		return searches.getOrDefault(path, "");
	}

	/** Matches for that search, or none if nothing was searched for. */
	public List<Option> searchResults(String path) {
		String query = searches.get(path);
		if (query == null || query.isBlank()) {
			return List.of();
		}
		List<Settlement> found = gazetteer.search(query, 20);
		return found.stream().map(s -> new Option(s.id().id(), gazetteer.label(s.id(), locale))).toList();
	}

	public boolean searched(String path) {
		return searches.containsKey(path);
	}

	public record Option(String value, String label) {
	}

	private @Nullable Object resolve(String path) {
		Object current = null;
		String[] segments = path.split("\\.");
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			String key = segment.replaceAll("\\[\\d+]$", "");
			Integer index = segment.endsWith("]") ? Integer.valueOf(segment.replaceAll(".*\\[(\\d+)]$", "$1")) : null;
			Object next = i == 0 ? answers.get(key) : current instanceof Map<?, ?> map ? map.get(key) : null;
			if (index != null) {
				next = next instanceof List<?> list && index < list.size() ? list.get(index) : null;
			}
			current = next;
			if (current == null) {
				return null;
			}
		}
		return current;
	}
}
