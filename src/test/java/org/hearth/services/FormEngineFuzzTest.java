package org.hearth.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hearth.gazetteer.Countries;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.services.ServiceDefinition.Page;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Any answers against the real service definitions (src/main/resources/services): the engine answers with field
 * errors, each with a message in all four languages, and never throws — whatever JSON arrives through the API or
 * comes back from the database. Settlements and countries are looked up in stand-ins that know none: every such
 * answer is then an error, which is one of the outcomes the engine must handle anyway.
 */
class FormEngineFuzzTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	/** Answers of one application; the API's request limit is far above, but nothing new happens past this. */
	static final int MAX_BYTES = 64 * 1024;

	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("hy"), Locale.forLanguageTag("az"),
			Locale.forLanguageTag("ru"), Locale.ENGLISH);

	static final JsonMapper json = JsonMapper.builder().build();

	static final List<ServiceDefinition> DEFINITIONS = List.of(definition("residency.yaml"),
			definition("great-return.yaml"));

	final ReloadableResourceBundleMessageSource messages = messages();

	final FormEngine engine = new FormEngine(mock(Gazetteer.class), mock(Countries.class), messages);

	static ServiceDefinition definition(String file) {
		try {
			String content = new ClassPathResource("services/" + file).getContentAsString(StandardCharsets.UTF_8);
			return DefinitionReader.read(file, content, 10);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** As MessagesConfiguration sets up the bundles, for the services module's one. */
	static ReloadableResourceBundleMessageSource messages() {
		var messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames("classpath:i18n/services/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.ENGLISH);
		messages.setAlwaysUseMessageFormat(true);
		messages.setUseCodeAsDefaultMessage(false);
		return messages;
	}

	/** JSON answers as the API takes them and as the database gives them back (a stored draft). */
	@FuzzTest(maxDuration = "60s")
	void anyJsonAnswersGiveFieldErrors(byte[] input) {
		if (input.length > MAX_BYTES) {
			return;
		}
		Map<String, Object> values;
		try {
			values = json.readValue(input, Map.class);
		}
		catch (JacksonException notAnObject) {
			return;
		}
		if (values == null) {
			return;
		}
		for (ServiceDefinition definition : DEFINITIONS) {
			exercise(definition, Answers.of(values));
		}
	}

	/**
	 * Answers shaped after the definition: its question ids, option values and group children, each answered with
	 * a value of a shape the fuzzer picks — right or wrong for the question — so that the fuzzer reaches the checks
	 * behind the first ones.
	 */
	@FuzzTest(maxDuration = "60s")
	void answersShapedAfterTheDefinitionGiveFieldErrors(FuzzedDataProvider data) {
		ServiceDefinition definition = data.pickValue(DEFINITIONS);
		List<Question> questions = definition.questions().toList();
		Map<String, Object> values = new LinkedHashMap<>();
		int count = data.consumeInt(0, questions.size());
		for (int i = 0; i < count; i++) {
			Question question = data.pickValue(questions);
			values.put(question.id(), value(data, question, 0));
		}
		exercise(definition, Answers.of(values));
	}

	private static Object value(FuzzedDataProvider data, Question question, int depth) {
		return switch (data.consumeInt(0, 7)) {
			case 0 -> question.options().isEmpty() ? data.consumeString(40)
					: data.pickValue(question.options()).value();
			case 1 -> {
				List<Object> list = new ArrayList<>();
				int n = data.consumeInt(0, 4);
				for (int i = 0; i < n; i++) {
					list.add(depth < 3 ? value(data, question, depth + 1) : data.consumeString(10));
				}
				yield list;
			}
			case 2 -> {
				Map<String, Object> item = new LinkedHashMap<>();
				for (Question child : question.questions()) {
					if (data.consumeBoolean()) {
						item.put(child.id(), depth < 3 ? value(data, child, depth + 1) : data.consumeString(10));
					}
				}
				if (data.consumeBoolean()) {
					item.put("written", data.consumeString(40));
					item.put("latin", data.consumeString(40));
				}
				if (data.consumeBoolean()) {
					item.put(data.consumeString(10), depth < 3 ? value(data, question, depth + 1) : "");
				}
				yield item;
			}
			case 3 -> LocalDate.ofEpochDay(data.consumeLong(-1_000_000, 1_000_000)).toString();
			case 4 -> data.consumeInt();
			case 5 -> data.consumeDouble();
			case 6 -> data.consumeBoolean();
			default -> data.consumeString(200);
		};
	}

	/** Everything a form does with stored answers, on every page: none of it may throw. */
	private void exercise(ServiceDefinition definition, Answers answers) {
		List<FieldError> errors = new ArrayList<>(engine.validateAll(definition, answers, TODAY));
		for (Page page : definition.pages()) {
			errors.addAll(engine.validatePage(definition, page, answers, TODAY));
			engine.next(definition, page, answers);
			engine.previous(definition, page, answers);
			engine.suggestLatin(page, answers);
		}
		Answers cleaned = engine.clean(definition, answers);
		errors.addAll(engine.validateAll(definition, cleaned, TODAY));
		for (FieldError error : errors) {
			assertThat(error.path()).isNotBlank();
			assertThat(definition.page(error.pageId())).isPresent();
			for (Locale language : LANGUAGES) {
				assertThat(error.message(messages, language)).isNotBlank();
			}
			assertThat(error.anchor()).startsWith("q-");
		}
	}
}
