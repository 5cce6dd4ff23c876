package org.hearth.aid.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.aid.Catalogue;
import org.hearth.aid.MeasureUnit;
import org.hearth.aid.Quantities;
import org.hearth.aid.StockLedger;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the request and shipment pages share: lines typed in rows of a form (each row's fields named with its
 * number, item0 and quantity0, so that a value with a comma is never split and an empty row never shifts the
 * others), their reading with the row's number in every message, and changes whose refusal shows the page again
 * with its status (422, or 409 when someone else changed the record first).
 */
final class RequestPages {

	/** Empty rows the forms for new lines offer: enough for a delivery, and no JavaScript needed to add one. */
	static final int ROWS = 5;

	/** Refusals whose last argument is the number of a line of what the domain was given. */
	private static final Set<String> LINE_KEYS = Set.of("aid.error.insufficient-stock", "aid.error.over-approved",
			"aid.error.item-not-requested", "aid.error.received-missing", "aid.error.item-not-shipped",
			"aid.error.received-negative", "aid.error.received-more", "aid.error.received-less",
			"aid.error.discrepancy-too-long");

	private RequestPages() {
	}

	/** A row of a form as typed. */
	record Row(String item, String quantity) {

		static final Row EMPTY = new Row("", "");

		boolean blank() {
			return item.isBlank() && quantity.isBlank();
		}
	}

	/** The lines of the rows that were filled in, and for each the number of its row on the form. */
	record Lines(List<StockLedger.Line> lines, List<Integer> rows) {
	}

	/** Where a change went, and what to tell. */
	record Done(String then, String notice, Object... arguments) {
	}

	static String field(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}

	/** Rows 0 to {@code count} - 1 of the form, as typed. */
	static List<Row> rows(MultiValueMap<String, String> form, int count) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Row(field(form, "item" + i), field(form, "quantity" + i)));
		}
		return rows;
	}

	static List<Row> emptyRows() {
		return java.util.Collections.nCopies(ROWS, Row.EMPTY);
	}

	/**
	 * The filled rows read as lines: an item of the catalogue and a positive quantity in its unit, written in the
	 * reader's language. A refusal names the row.
	 */
	static Lines read(List<Row> rows, Catalogue catalogue, Locale locale) {
		List<StockLedger.Line> lines = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row.blank()) {
				continue;
			}
			try {
				if (row.item().isBlank()) {
					throw new RuleViolationException("aid.error.unknown-item");
				}
				lines.add(new StockLedger.Line(row.item(), Forms.quantity(catalogue, row.item(), row.quantity(), locale)));
			}
			catch (UserFacingException refused) {
				throw onRow(refused, i + 1);
			}
			numbers.add(i + 1);
		}
		return new Lines(lines, numbers);
	}

	/** What arrived of an item, as typed: zero is a quantity here (nothing of it arrived). */
	static BigDecimal received(Catalogue catalogue, String item, String text, Locale locale) {
		MeasureUnit unit = catalogue.require(item).unit();
		try {
			return Quantities.parseSigned(text, unit, locale);
		}
		catch (RuleViolationException refused) {
			if ("aid.error.quantity-positive".equals(refused.messageKey())) {
				return BigDecimal.ZERO;
			}
			throw refused;
		}
	}

	/** The refusal of one row's field, prefixed with the row's number. */
	static RuleViolationException onRow(UserFacingException refused, int row) {
		return new RuleViolationException("aid.error.on-line",
				new DefaultMessageSourceResolvable(new String[] { refused.messageKey() }, refused.arguments()), row);
	}

	/**
	 * A refusal about a line of what the domain was given, told with the number of the row the line was typed in
	 * (the domain counts only the filled rows).
	 */
	static UserFacingException renumbered(UserFacingException refused, List<Integer> rows) {
		Object[] arguments = refused.arguments();
		if (!LINE_KEYS.contains(refused.messageKey()) || arguments.length == 0
				|| !(arguments[arguments.length - 1] instanceof Integer line) || line < 1 || line > rows.size()) {
			return refused;
		}
		arguments[arguments.length - 1] = rows.get(line - 1);
		return new RuleViolationException(refused.messageKey(), arguments);
	}

	/** A quantity as a person of {@code locale} types it, for a field's initial value: 1250,5 or 1250.5. */
	static String typed(BigDecimal quantity, Locale locale) {
		String plain = quantity.stripTrailingZeros().toPlainString();
		return "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
	}

	/**
	 * Runs a change: on success to where it says with its notice; on a refusal the page again ({@code rerender}),
	 * with the refusal beside the form named {@code form}, what was typed (the caller's rerender holds it), and the
	 * refusal's status. A record that does not exist stays a 404.
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
			model.addAttribute("refusal", Refusal.of(form, refused));
			response.setStatus(refused.status());
			return rerender.get();
		}
	}

	static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	/** An id from a filter; anything else is no filter. */
	static @Nullable UUID parseOrNull(String text) {
		try {
			return text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
