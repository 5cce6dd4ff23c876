package org.hearth.services;

import java.util.List;
import java.util.Locale;

import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What is wrong with one answer. {@code path} is the question id, or {@code group[2].child} inside a group. The
 * message is either a bundle key with arguments or a text the definition supplies in four languages.
 */
public record FieldError(String path, String pageId, @Nullable String key, List<Object> arguments,
		@Nullable LocalizedText text) {

	static FieldError of(String path, String pageId, String key, Object... arguments) {
		return new FieldError(path, pageId, key, List.of(arguments), null);
	}

	/** Not a mistake but something to look at before going on, such as a filled-in Latin spelling. */
	public static FieldError prompt(String path, String pageId, String key) {
		return of(path, pageId, key);
	}

	static FieldError custom(String path, String pageId, LocalizedText text) {
		return new FieldError(path, pageId, null, List.of(), text);
	}

	public String message(MessageSource messages, Locale locale) {
		return text != null ? text.in(locale) : messages.getMessage(key, arguments.toArray(), locale);
	}

	/** The id of the input to link to from an error summary. */
	public String anchor() {
		return anchor(path);
	}

	public static String anchor(String path) {
		return "q-" + path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
	}
}
