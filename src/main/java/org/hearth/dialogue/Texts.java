package org.hearth.dialogue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hearth.shared.Languages;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The checks every text of the dialogue goes through, with refusals that name the field in the reader's language:
 * what the talks publish is published in the four languages, or not at all.
 */
final class Texts {

	private Texts() {
	}

	/**
	 * The text in each of the four languages, stripped; refused when one is missing or longer than {@code max}.
	 *
	 * @param field the message key of the field's label
	 */
	static LocalizedText fourLanguages(LocalizedText text, String field, int max) {
		Map<String, String> stripped = new LinkedHashMap<>();
		for (String language : Languages.CODES) {
			String value = text.values().get(language);
			if (value == null || value.isBlank()) {
				throw new RuleViolationException("dialogue.error.language-missing", label(field),
						new DefaultMessageSourceResolvable("dialogue.language." + language));
			}
			if (value.strip().length() > max) {
				throw new RuleViolationException("dialogue.error.language-too-long", label(field),
						new DefaultMessageSourceResolvable("dialogue.language." + language), max);
			}
			stripped.put(language, value.strip());
		}
		return new LocalizedText(stripped);
	}

	/** A text that must be there, stripped, at most {@code max} characters. */
	static String required(@Nullable String text, String field, int max) {
		if (text == null || text.isBlank()) {
			throw new RuleViolationException("dialogue.error.required", label(field));
		}
		return limited(text.strip(), field, max);
	}

	/** A text that may be left empty (then null), stripped, at most {@code max} characters. */
	static @Nullable String optional(@Nullable String text, String field, int max) {
		return text == null || text.isBlank() ? null : limited(text.strip(), field, max);
	}

	private static String limited(String text, String field, int max) {
		if (text.length() > max) {
			throw new RuleViolationException("dialogue.error.too-long", label(field), max);
		}
		return text;
	}

	static DefaultMessageSourceResolvable label(String field) {
		return new DefaultMessageSourceResolvable(field);
	}

	static String json(JsonMapper json, LocalizedText text) {
		return json.writeValueAsString(text.values());
	}

	static LocalizedText read(JsonMapper json, String text) {
		return json.readValue(text, LocalizedText.class);
	}

	/** The four texts in a fixed order, for the digests of the transparency log. */
	static String canonical(LocalizedText text) {
		StringBuilder out = new StringBuilder();
		for (String language : Languages.CODES) {
			out.append(language).append(' ').append(DialogueChanged.sha256(text.in(java.util.Locale.forLanguageTag(language))))
					.append('\n');
		}
		return out.toString().strip();
	}
}
