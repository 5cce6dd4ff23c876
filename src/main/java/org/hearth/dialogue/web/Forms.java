package org.hearth.dialogue.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Documents;
import org.hearth.shared.Languages;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the dialogue's forms have in common (the same shape as the aid pages' forms): fields arrive as the text
 * typed and are read here, so that a refusal can put the same text back; a change either redirects with a notice
 * or shows the page again with the refusal beside its form, in the reader's language, with the refusal's status.
 */
final class Forms {

	private Forms() {
	}

	/** Where a change went, and what to tell. */
	record Done(String then, String notice, Object... arguments) {
	}

	/**
	 * A refused change, to show beside the form it concerns.
	 *
	 * @param form which form of the page was refused, as the template names it
	 */
	record Refusal(String form, String messageKey, Object[] arguments) {
	}

	/**
	 * Runs a change: on success to where it says, with its notice; on a refusal the page again ({@code rerender})
	 * with the refusal beside the form named {@code form} and its status (422, or 409 when someone else changed the
	 * record first). What was typed is in the caller's rerender. A record that does not exist stays a 404.
	 */
	static String change(String form, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Supplier<Done> change, Supplier<String> rerender) {
		try {
			Done done = change.get();
			redirect.addFlashAttribute("notice", done.notice());
			redirect.addFlashAttribute("noticeArgs", done.arguments());
			return "redirect:" + done.then();
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			model.addAttribute("refusal", new Refusal(form, refused.messageKey(), refused.arguments()));
			response.setStatus(refused.status());
			return rerender.get();
		}
	}

	/** A field as typed; empty when it was not sent. */
	static String field(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}

	/** Every value of a field sent several times (the boxes ticked), blank ones left out. */
	static List<String> values(MultiValueMap<String, String> form, String name) {
		List<String> values = form.get(name);
		return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
	}

	static LocalDate date(String text, String field) {
		if (text.isBlank()) {
			throw new RuleViolationException("dialogue.error.date-required",
					new org.springframework.context.support.DefaultMessageSourceResolvable(field));
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new RuleViolationException("dialogue.error.date-format");
		}
	}

	static @Nullable LocalDate optionalDate(String text, String field) {
		return text.isBlank() ? null : date(text, field);
	}

	static UUID uuid(String text, String messageKey) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException(messageKey);
		}
	}

	static @Nullable UUID optionalUuid(String text, String messageKey) {
		return text.isBlank() ? null : uuid(text, messageKey);
	}

	/** An id from a filter; anything else is no filter. */
	static @Nullable UUID idOrNull(String text) {
		try {
			return text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static <E extends Enum<E>> E choice(Class<E> type, String text, String messageKey) {
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException(messageKey);
		}
	}

	/**
	 * A text typed in the four languages, one field each ({@code name-hy}, {@code name-az}, {@code name-ru},
	 * {@code name-en}), kept as typed for the form.
	 */
	record Multilingual(String hy, String az, String ru, String en) {

		static final Multilingual EMPTY = new Multilingual("", "", "", "");

		static Multilingual read(MultiValueMap<String, String> form, String name) {
			return new Multilingual(field(form, name + "-hy"), field(form, name + "-az"), field(form, name + "-ru"),
					field(form, name + "-en"));
		}

		static Multilingual of(LocalizedText text) {
			return new Multilingual(text.values().getOrDefault("hy", ""), text.values().getOrDefault("az", ""),
					text.values().getOrDefault("ru", ""), text.values().getOrDefault("en", ""));
		}

		/** The text typed in {@code language}, for the template. */
		public String get(String language) {
			return switch (language) {
				case "hy" -> hy;
				case "az" -> az;
				case "ru" -> ru;
				default -> en;
			};
		}

		LocalizedText text() {
			Map<String, String> values = new LinkedHashMap<>();
			for (String code : Languages.CODES) {
				values.put(code, get(code));
			}
			return new LocalizedText(values);
		}
	}

	/** The uploaded file, or null when none was chosen (browsers send an empty part without a name). */
	static Documents.@Nullable Upload upload(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null;
		}
		try {
			return new Documents.Upload(file.getInputStream(), file.getSize(),
					file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}
}
