package org.hearth.aid;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.shared.RuleViolationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Quantities as people type them: digits with the decimal comma of hy, az and ru or the decimal point of en,
 * spaces between thousands, optionally the unit after the number. What could be read two ways (1,25 in English,
 * or 1.250,5 anywhere) is refused rather than guessed, and so is a unit that is not the item's, a quantity that is
 * not positive, or more decimals than the unit allows.
 */
public final class Quantities {

	/** Far above any real stock; keeps numbers inside the database's numeric(18, 3). */
	static final BigDecimal MAXIMUM = new BigDecimal("999999999999");

	private static final Pattern WRITTEN = Pattern.compile("^([+-]?[0-9][0-9\\s\u00a0\u202f',.]*)\\s*(\\p{L}[\\p{L}\\p{N}.³]*)?$");
	private static final Pattern ENGLISH = Pattern.compile("^[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?$|^[0-9]+(\\.[0-9]+)?$");
	private static final Pattern COMMA = Pattern.compile("^[0-9]+([.,][0-9]+)?$");

	private Quantities() {
	}

	/** A positive quantity of an item counted in {@code unit}, read in the conventions of {@code locale}. */
	public static BigDecimal parse(String written, MeasureUnit unit, Locale locale) {
		BigDecimal amount = parseSigned(written, unit, locale);
		if (amount.signum() <= 0) {
			throw new RuleViolationException("aid.error.quantity-positive");
		}
		return amount;
	}

	/** A quantity that may be negative (an adjustment), never zero. */
	public static BigDecimal parseSigned(String written, MeasureUnit unit, Locale locale) {
		String text = written.strip();
		if (text.isEmpty()) {
			throw new RuleViolationException("aid.error.quantity-missing");
		}
		Matcher matcher = WRITTEN.matcher(text);
		if (!matcher.matches()) {
			throw new RuleViolationException("aid.error.quantity-format", text);
		}
		String symbol = matcher.group(2);
		if (symbol != null) {
			MeasureUnit writtenUnit = MeasureUnit.bySymbol(symbol)
					.orElseThrow(() -> new RuleViolationException("aid.error.unknown-unit", symbol, unitName(unit)));
			if (writtenUnit != unit) {
				throw new RuleViolationException("aid.error.unit-mismatch", unitName(writtenUnit), unitName(unit));
			}
		}
		String number = matcher.group(1).replaceAll("[\\s\u00a0\u202f']", "");
		boolean negative = number.startsWith("-");
		if (number.startsWith("-") || number.startsWith("+")) {
			number = number.substring(1);
		}
		BigDecimal amount = read(number, locale).orElseThrow(() -> new RuleViolationException("aid.error.quantity-format", text));
		if (negative) {
			amount = amount.negate();
		}
		return check(amount, unit);
	}

	/** A quantity given in a machine format (the API, a CSV file): a plain decimal with a point. */
	public static BigDecimal parseExact(String written, MeasureUnit unit) {
		BigDecimal amount;
		try {
			amount = new BigDecimal(written.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("aid.error.quantity-format", written);
		}
		if (amount.signum() <= 0) {
			throw new RuleViolationException("aid.error.quantity-positive");
		}
		return check(amount, unit);
	}

	private static BigDecimal check(BigDecimal amount, MeasureUnit unit) {
		if (amount.signum() == 0) {
			throw new RuleViolationException("aid.error.quantity-positive");
		}
		BigDecimal plain = amount.stripTrailingZeros();
		if (plain.scale() > unit.scale()) {
			throw new RuleViolationException("aid.error.quantity-precision", unitName(unit), unit.scale());
		}
		if (plain.abs().compareTo(MAXIMUM) > 0) {
			throw new RuleViolationException("aid.error.quantity-too-large");
		}
		return plain.scale() < 0 ? plain.setScale(0) : plain;
	}

	private static java.util.Optional<BigDecimal> read(String number, Locale locale) {
		String plain;
		if ("en".equals(locale.getLanguage())) {
			if (!ENGLISH.matcher(number).matches()) {
				return java.util.Optional.empty();
			}
			plain = number.replace(",", "");
		}
		else {
			// A comma is the decimal mark here; a point is accepted for it too (phones often offer only the point),
			// but then there may be only one mark: 1.250,5 could be read two ways.
			if (!COMMA.matcher(number).matches()) {
				return java.util.Optional.empty();
			}
			plain = number.replace(',', '.');
		}
		return java.util.Optional.of(new BigDecimal(plain));
	}

	/** The unit's name in the reader's language, resolved when the message is shown. */
	public static DefaultMessageSourceResolvable unitName(MeasureUnit unit) {
		return new DefaultMessageSourceResolvable("aid.unit." + unit.name());
	}

	/** An amount with its unit's symbol (1 250,5 л in Russian), resolved when the message is shown. */
	public static DefaultMessageSourceResolvable amount(BigDecimal amount, MeasureUnit unit) {
		return new DefaultMessageSourceResolvable(new String[] { "aid.amount." + unit.name() },
				new Object[] { amount });
	}
}
