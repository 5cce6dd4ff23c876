package org.hearth.monitoring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Supplier;

import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the monitoring pages' forms have in common: fields arrive as the text typed and are read here, so that a
 * refusal can put the same text back in the form; a change either redirects with a notice or shows the page again
 * with the refusal beside its form and the refusal's status.
 */
final class Forms {

	private Forms() {
	}

	/** Where to go after a change that went through, and the notice to show there. */
	record Done(String then, String key, Object[] arguments) {

		static Done to(String then, String key, Object... arguments) {
			return new Done(then, key, arguments);
		}
	}

	/**
	 * Runs a change: on success a redirect with its notice; on a refusal the page again ({@code rerender}), with the
	 * refusal's status (422, or 409 for a conflict), the message beside the form named {@code form} and, through the
	 * model, what was typed. A 404 stays a 404.
	 */
	static String change(String form, Model model, RedirectAttributes redirect, Supplier<Done> change,
			Supplier<String> rerender) {
		try {
			Done done = change.get();
			redirect.addFlashAttribute("notice", done.key());
			redirect.addFlashAttribute("noticeArgs", done.arguments());
			return "redirect:" + done.then();
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
			throw new RuleViolationException("monitoring.error.date-format");
		}
	}

	static @Nullable LocalDate optionalDate(String text) {
		return text.isBlank() ? null : date(text);
	}

	/** A date and time as a browser's datetime-local field sends it (2026-05-03T14:30), in the region's zone. */
	static Instant dateTime(String text, ZoneId zone, String messageKey) {
		try {
			return LocalDateTime.parse(text.strip().replace(' ', 'T')).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new RuleViolationException(messageKey);
		}
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

	static <E extends Enum<E>> E choice(Class<E> type, String text, String messageKey) {
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException(messageKey);
		}
	}

	/** An optional choice of a filter: blank or unknown is none, so that an odd link shows everything. */
	static <E extends Enum<E>> @Nullable E filter(Class<E> type, String text) {
		try {
			return text.isBlank() ? null : Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The version a form carries; anything unreadable cannot match, and is a conflict. */
	static long version(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
