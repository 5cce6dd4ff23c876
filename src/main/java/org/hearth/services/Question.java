package org.hearth.services;

import java.util.List;
import java.util.Optional;

import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * One question of a form. Which of the optional fields apply depends on the {@link QuestionType}; the catalogue
 * refuses a definition that sets one that does not, or lacks one that must be there.
 */
public record Question(String id, QuestionType type, LocalizedText label, @Nullable LocalizedText help,
		boolean required, @Nullable Integer minLength, @Nullable Integer maxLength, @Nullable String pattern,
		@Nullable LocalizedText patternMessage, @Nullable Double min, @Nullable Double max,
		@Nullable String notBefore, @Nullable String notAfter, List<ChoiceOption> options,
		@Nullable Condition showIf, @Nullable String document, List<Question> questions, @Nullable Integer minItems,
		@Nullable Integer maxItems, @Nullable LocalizedText itemLabel) {

	public Question {
		options = options == null ? List.of() : List.copyOf(options);
		questions = questions == null ? List.of() : List.copyOf(questions);
	}

	// Compared this way round: DefinitionReader asks before it has refused a definition whose options or questions
	// lack a value or id (they are reported as missing), so these may be null there.
	public Optional<ChoiceOption> option(String value) {
		return options.stream().filter(o -> value.equals(o.value())).findFirst();
	}

	public Optional<Question> child(String id) {
		return questions.stream().filter(q -> id.equals(q.id())).findFirst();
	}

	public record ChoiceOption(String value, LocalizedText label) {
	}

	/**
	 * Show a question or page only when an earlier answer is {@code equals}, one of {@code in}, or (with
	 * {@code answered}) given at all.
	 */
	public record Condition(String question, @Nullable String equals, @Nullable List<String> in,
			@Nullable Boolean answered) {
	}
}
