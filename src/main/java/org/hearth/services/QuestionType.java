package org.hearth.services;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of question the engine renders and validates; the YAML names them in kebab case. */
public enum QuestionType {

	TEXT("text"), LONG_TEXT("long-text"), PERSON_NAME("person-name"), DATE("date"), SINGLE_CHOICE("single-choice"),
	MULTIPLE_CHOICE("multiple-choice"), COUNTRY("country"), SETTLEMENT("settlement"), EMAIL("email"),
	PHONE("phone"), NUMBER("number"), YES_NO("yes-no"), FILE("file"), GROUP("group");

	private final String yaml;

	QuestionType(String yaml) {
		this.yaml = yaml;
	}

	@JsonValue
	public String yaml() {
		return yaml;
	}

	@JsonCreator
	public static QuestionType of(String name) {
		return find(name).orElseThrow(() -> new IllegalArgumentException("unknown question type '" + name
				+ "'; known: " + Arrays.stream(values()).map(QuestionType::yaml).toList()));
	}

	static Optional<QuestionType> find(String name) {
		return Arrays.stream(values()).filter(t -> t.yaml.equals(name)).findFirst();
	}

	/** Types whose answer is one piece of text in the form's {@code q.<id>} parameter. */
	boolean isSingleValue() {
		return switch (this) {
			case TEXT, LONG_TEXT, SINGLE_CHOICE, COUNTRY, SETTLEMENT, EMAIL, PHONE, NUMBER, YES_NO -> true;
			default -> false;
		};
	}
}
