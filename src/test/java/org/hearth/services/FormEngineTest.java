package org.hearth.services;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.HearthTest;
import org.hearth.services.FormEngine.Action;
import org.hearth.services.ServiceDefinition.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine knows nothing of residency: the same code binds, shows, hides and validates the small test service
 * "household-survey" (src/test/resources/test-services), whose rules differ from residency's.
 */
@HearthTest
class FormEngineTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	@Autowired
	FormEngine engine;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	MessageSource messages;

	@Autowired
	AnswerSummary summary;

	ServiceDefinition survey() {
		return catalogue.current("household-survey").orElseThrow();
	}

	@Test
	void bothServicesAreInTheCatalogue() {
		assertThat(catalogue.all()).extracting(ServiceDefinition::code).contains("household-survey", "residency");
	}

	@Test
	void aPageShowsOnlyWhenItsConditionHolds() {
		ServiceDefinition survey = survey();
		assertThat(engine.visiblePages(survey, Answers.of(Map.of("hasChildren", "no")))).extracting(Page::id)
				.containsExactly("about");
		assertThat(engine.visiblePages(survey, Answers.of(Map.of("hasChildren", "yes")))).extracting(Page::id)
				.containsExactly("about", "children");
	}

	@Test
	void validatesPatternsRangesChoicesAndEmailWithTheDefinitionsOwnMessages() {
		ServiceDefinition survey = survey();
		Page about = survey.page("about").orElseThrow();
		Answers answers = engine.bind(about, Map.of("q.code", new String[] { "ab123" }, "q.rooms", new String[] { "40" },
				"q.email", new String[] { "not-an-address" }, "q.needs", new String[] { "water", "heat", "school" }),
				Answers.empty(), new Action.Continue());
		List<FieldError> errors = engine.validatePage(survey, about, answers, TODAY);

		assertThat(errors).extracting(FieldError::path).containsExactly("code", "rooms", "email", "hasChildren", "needs");
		assertThat(errors.get(0).message(messages, Locale.forLanguageTag("az"))).isEqualTo("Məsələn: AB-123");
		assertThat(errors.get(1).message(messages, Locale.ENGLISH)).isEqualTo("Enter a number between 1 and 12.");
		assertThat(errors.get(4).message(messages, Locale.ENGLISH)).isEqualTo("You can add at most 2.");
		// What was typed is kept, wrong or not.
		assertThat(answers.get("code")).isEqualTo("ab123");
		assertThat(answers.list("needs")).containsExactly("water", "heat", "school");
	}

	@Test
	void aRuleInsideAGroupIsCheckedForEachItem() {
		ServiceDefinition survey = survey();
		Page children = survey.page("children").orElseThrow();
		Answers answers = Answers.of(Map.of("hasChildren", "yes", "children", List.of(
				Map.of("born", "2015-03-01", "school", "2021-09-01"),
				Map.of("born", "2018-03-01", "school", "2016-09-01"))));
		List<FieldError> errors = engine.validatePage(survey, children, answers, TODAY);

		assertThat(errors).extracting(FieldError::path).containsExactly("children[1].school");
		assertThat(errors.get(0).message(messages, Locale.forLanguageTag("ru"))).isEqualTo("Школа после рождения");
	}

	@Test
	void answersToHiddenQuestionsAreNotSubmitted() {
		ServiceDefinition survey = survey();
		Answers answers = Answers.of(Map.of("code", "AB-123", "rooms", "3", "hasChildren", "no", "children",
				List.of(Map.of("born", "2015-03-01"))));
		assertThat(engine.validateAll(survey, answers, TODAY)).isEmpty();
		assertThat(engine.clean(survey, answers).asMap()).doesNotContainKey("children").containsKey("rooms");
	}

	@Test
	void datesInTheFutureAndImpossibleDatesAreRefused() {
		ServiceDefinition survey = survey();
		Page children = survey.page("children").orElseThrow();
		Answers answers = engine.bind(children, Map.of("q.children.count", new String[] { "2" },
				"q.children[0].born.day", new String[] { "1" }, "q.children[0].born.month", new String[] { "1" },
				"q.children[0].born.year", new String[] { "2030" }, "q.children[1].born.day", new String[] { "30" },
				"q.children[1].born.month", new String[] { "2" }, "q.children[1].born.year", new String[] { "2020" }),
				Answers.of(Map.of("hasChildren", "yes")), new Action.Continue());

		assertThat(engine.validatePage(survey, children, answers, TODAY)).extracting(FieldError::path, FieldError::key)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("children[0].born", "services.validation.date-future"),
						org.assertj.core.groups.Tuple.tuple("children[1].born", "services.validation.date-invalid"));
		assertThat(answers.items("children").get(1).get("born")).isEqualTo(Map.of("day", "30", "month", "2", "year", "2020"));
	}

	@Test
	void theSummaryReadsInTheAsker() {
		ServiceDefinition survey = survey();
		Answers answers = Answers.of(Map.of("code", "AB-123", "rooms", "3", "hasChildren", "yes", "needs",
				List.of("water", "school")));
		var sections = summary.summarize(survey, answers, Locale.forLanguageTag("az"));
		assertThat(sections.get(0).rows()).extracting(AnswerSummary.Row::label).startsWith("Kod", "Otaqlar");
		assertThat(sections.get(0).rows()).filteredOn(r -> r.questionId().equals("hasChildren"))
				.flatExtracting(AnswerSummary.Row::lines).containsExactly(messages.getMessage("services.answer.yes", null,
						Locale.forLanguageTag("az")));
		assertThat(sections.get(0).rows()).filteredOn(r -> r.questionId().equals("needs"))
				.flatExtracting(AnswerSummary.Row::lines).containsExactly("Su", "Məktəb");
	}
}
