package org.hearth.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A definition that cannot work is refused at start-up with the file, the path and what is wrong. */
class DefinitionReaderTest {

	private static final String VALID = """
			code: tiny
			title: { hy: Ա, az: A, ru: А, en: A }
			summary: { hy: Բ, az: B, ru: Б, en: B }
			workflow:
			  type: four-eyes-decision
			  appealDays: 30
			  permitValidityYears: 1
			  approveReasons: [ { code: ok, title: { hy: Այո, az: Bəli, ru: Да, en: Yes } } ]
			  refuseReasons: [ { code: no, title: { hy: Ոչ, az: Xeyr, ru: Нет, en: No } } ]
			pages:
			  - id: one
			    title: { hy: Մեկ, az: Bir, ru: Один, en: One }
			    questions:
			      - id: answer
			        type: text
			        maxLength: 10
			        label: { hy: Պատասխան, az: Cavab, ru: Ответ, en: Answer }
			""";

	@Test
	void readsAValidDefinition() {
		ServiceDefinition definition = DefinitionReader.read("tiny.yaml", VALID, 10);
		assertThat(definition.code()).isEqualTo("tiny");
		assertThat(definition.pages()).hasSize(1);
		assertThat(definition.question("answer")).get().extracting(Question::type).isEqualTo(QuestionType.TEXT);
	}

	@Test
	void theShippedDefinitionsAreValid() throws IOException {
		for (String file : new String[] { "services/residency.yaml", "test-services/household-survey.yaml" }) {
			String yaml = new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8);
			assertThat(DefinitionReader.read(file, yaml, 10).pages()).isNotEmpty();
		}
	}

	@Test
	void refusesAMissingTranslationNamingFileAndPath() {
		String yaml = VALID.replace("label: { hy: Պատասխան, az: Cavab, ru: Ответ, en: Answer }",
				"label: { az: Cavab, en: Answer }");
		assertThatThrownBy(() -> DefinitionReader.read("tiny.yaml", yaml, 10))
				.isInstanceOf(DefinitionException.class)
				.hasMessageContaining("tiny.yaml: pages[0].questions[0].label: missing translation in hy, ru");
	}

	@Test
	void reportsEveryProblemNotOnlyTheFirst() {
		String yaml = VALID.replace("type: text", "type: single-choice").replace("appealDays: 30", "appealDays: 0")
				.replace("showIf", "x");
		var problems = catchProblems(yaml);
		assertThat(problems).anyMatch(p -> p.contains("workflow.appealDays: must be between 1 and 365"));
		assertThat(problems).anyMatch(p -> p.contains("pages[0].questions[0].options: a choice needs options"));
		assertThat(problems).anyMatch(p -> p.contains("pages[0].questions[0].maxLength: does not apply"));
	}

	@Test
	void refusesUnknownTypesAndFieldsWithTheirPlace() {
		assertThat(catchProblems(VALID.replace("type: text", "type: textbox")))
				.anyMatch(p -> p.contains("tiny.yaml: pages[0].questions[0].type") && p.contains("unknown question type 'textbox'"));
		assertThat(catchProblems(VALID.replace("maxLength: 10", "maxLenght: 10")))
				.anyMatch(p -> p.contains("maxLenght"));
	}

	@Test
	void refusesConditionsOnLaterOrUnknownQuestionsAndImpossibleValues() {
		String yaml = VALID + """
				      - id: later
				        type: yes-no
				        showIf: { question: nothere, equals: "yes" }
				        label: { hy: Ա, az: A, ru: А, en: A }
				      - id: third
				        type: text
				        maxLength: 5
				        showIf: { question: later, equals: "maybe" }
				        label: { hy: Ա, az: A, ru: А, en: A }
				""";
		var problems = catchProblems(yaml);
		assertThat(problems).anyMatch(p -> p.contains("questions[1].showIf.question: 'nothere' is not a question asked before"));
		assertThat(problems).anyMatch(p -> p.contains("questions[2].showIf: 'maybe' is not a possible answer to 'later'"));
	}

	@Test
	void refusesFileQuestionsWithoutADeclaredDocumentAndDuplicateIds() {
		String yaml = VALID + """
				      - id: answer
				        type: file
				        document: passport
				        label: { hy: Ա, az: A, ru: А, en: A }
				""";
		var problems = catchProblems(yaml);
		assertThat(problems).anyMatch(p -> p.contains("questions[1].document: must name one of the documents"));
		assertThat(problems).anyMatch(p -> p.contains("question id 'answer' is used twice"));
	}

	private static java.util.List<String> catchProblems(String yaml) {
		try {
			DefinitionReader.read("tiny.yaml", yaml, 10);
		}
		catch (DefinitionException e) {
			return e.problems();
		}
		throw new AssertionError("expected the definition to be refused");
	}
}
