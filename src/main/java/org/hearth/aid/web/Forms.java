package org.hearth.aid.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.hearth.aid.Catalogue;
import org.hearth.aid.Quantities;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the aid pages' forms have in common: fields arrive as the text typed and are read here, so that a refusal
 * can put the same text back in the form; a change either redirects with a notice or shows the page again with the
 * refusal beside its form.
 */
final class Forms {

	private Forms() {
	}

	/** A notice to show after a change, with its arguments. */
	record Notice(String key, Object[] arguments) {

		static Notice of(String key, Object... arguments) {
			return new Notice(key, arguments);
		}
	}

	/**
	 * Runs a change: on success to {@code then} with the notice; on a refusal the page again ({@code rerender}),
	 * with the refusal's status (422, or 409 for a conflict), the message beside the form named {@code form} and,
	 * through the model, what was typed. A 404 stays a 404.
	 */
	static String change(String form, Model model, RedirectAttributes redirect, String then, Supplier<Notice> change,
			Supplier<String> rerender) {
		try {
			Notice done = change.get();
			redirect.addFlashAttribute("notice", done.key());
			redirect.addFlashAttribute("noticeArgs", done.arguments());
			return "redirect:" + then;
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			model.addAttribute("refusal", Refusal.of(form, refused));
			// The page again, but not a success: clients, tests and assistive tools can tell.
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
					&& request.getResponse() != null) {
				request.getResponse().setStatus(refused.status());
			}
			return rerender.get();
		}
	}

	static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new RuleViolationException("aid.error.date-format");
		}
	}

	static @Nullable LocalDate optionalDate(String text) {
		return text.isBlank() ? null : date(text);
	}

	static UUID uuid(String text, String messageKey) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException(messageKey);
		}
	}

	static <E extends Enum<E>> E choice(Class<E> type, String text) {
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException("aid.error.choose");
		}
	}

	/** A positive quantity of the item as typed in the reader's language, a unit after it allowed if it is the item's. */
	static BigDecimal quantity(Catalogue catalogue, String item, String text, Locale locale) {
		return Quantities.parse(text, catalogue.require(item).unit(), locale);
	}

	static int wholeNumber(String text, String messageKey) {
		try {
			return Integer.parseInt(text.strip().replaceAll("[\\s\u00a0\u202f]", ""));
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException(messageKey);
		}
	}
}
