package org.hearth.services;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.gazetteer.Countries;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.services.ServiceDefinition.Page;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Answers as a person reads them back: labels and values in their language, page by page. Used by the
 * "check your answers" page and by the caseworker's view of a case.
 */
@Component
public class AnswerSummary {

	private final FormEngine engine;
	private final Gazetteer gazetteer;
	private final Countries countries;
	private final MessageSource messages;

	AnswerSummary(FormEngine engine, Gazetteer gazetteer, Countries countries, MessageSource messages) {
		this.engine = engine;
		this.gazetteer = gazetteer;
		this.countries = countries;
		this.messages = messages;
	}

	public record Section(String pageId, String title, List<Row> rows) {
	}

	/** One answer; {@code lines} are what to show, {@code files} the documents of a file question. */
	public record Row(String questionId, String label, List<String> lines, List<Map<String, Object>> files) {
	}

	public List<Section> summarize(ServiceDefinition definition, Answers answers, Locale locale) {
		List<Section> sections = new ArrayList<>();
		for (Page page : engine.visiblePages(definition, answers)) {
			List<Row> rows = new ArrayList<>();
			for (Question question : page.questions()) {
				if (!engine.visible(question, answers, Map.of())) {
					continue;
				}
				if (question.type() == QuestionType.FILE) {
					List<Map<String, Object>> files = answers.files(question.id());
					rows.add(new Row(question.id(), question.label().in(locale),
							files.stream().map(f -> String.valueOf(f.get("name"))).toList(), files));
				}
				else if (question.type() == QuestionType.GROUP) {
					List<String> lines = new ArrayList<>();
					List<Map<String, Object>> items = answers.items(question.id());
					for (int i = 0; i < items.size(); i++) {
						List<String> parts = new ArrayList<>();
						for (Question child : question.questions()) {
							if (engine.visible(child, answers, items.get(i)) && items.get(i).get(child.id()) != null) {
								parts.add(child.label().in(locale) + ": "
										+ String.join(" ", display(child, items.get(i).get(child.id()), locale)));
							}
						}
						lines.add(question.itemLabel().in(locale) + " " + (i + 1) + " — " + String.join("; ", parts));
					}
					rows.add(new Row(question.id(), question.label().in(locale), lines, List.of()));
				}
				else {
					rows.add(new Row(question.id(), question.label().in(locale),
							display(question, answers.get(question.id()), locale), List.of()));
				}
			}
			sections.add(new Section(page.id(), page.title().in(locale), rows));
		}
		return sections;
	}

	/** One answer in words. */
	public List<String> display(Question question, Object value, Locale locale) {
		if (value == null) {
			return List.of();
		}
		return switch (question.type()) {
			case PERSON_NAME -> {
				if (!(value instanceof Map<?, ?> name)) {
					yield List.of(String.valueOf(value));
				}
				Object written = name.get("written");
				Object latin = name.get("latin");
				yield written != null && latin != null && !written.equals(latin)
						? List.of(written.toString(), "(" + latin + ")") : List.of(String.valueOf(written));
			}
			case DATE -> List.of(value instanceof String iso ? FormEngine.parseDate(iso)
					.map(d -> d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)))
					.orElse(iso) : String.valueOf(value));
			case SINGLE_CHOICE -> List.of(question.option(value.toString()).map(o -> o.label().in(locale))
					.orElse(value.toString()));
			case MULTIPLE_CHOICE -> (value instanceof List<?> list ? list : List.of(value)).stream()
					.map(v -> question.option(v.toString()).map(o -> o.label().in(locale)).orElse(v.toString()))
					.toList();
			// A value the form does not offer (a tampered form, an API client) is shown as it is.
			case YES_NO -> List.of(messages.getMessage("services.answer." + value, null, String.valueOf(value),
					locale));
			case COUNTRY -> List.of(countries.name(value.toString(), locale));
			case SETTLEMENT -> List.of(gazetteer.find(value.toString())
					.map(s -> gazetteer.label(s.id(), locale)).orElse(value.toString()));
			default -> List.of(value.toString());
		};
	}
}
