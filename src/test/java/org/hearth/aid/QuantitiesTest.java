package org.hearth.aid;

import java.math.BigDecimal;
import java.util.Locale;

import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Quantities as typed in each language: read exactly, or refused with the reason, never guessed. */
class QuantitiesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"en | 1250.5 | LITRE | 1250.5",
			"en | 1,250.5 | LITRE | 1250.5",
			"en | 1 250 l | LITRE | 1250",
			"ru | 1 250,5 л | LITRE | 1250.5",
			"ru | 1250.5 | LITRE | 1250.5",
			"az | 3,125 kq | KILOGRAM | 3.125",
			"hy | 12 հատ | PIECE | 12",
			"ru | 40 шт. | PIECE | 40",
			"en | 7 kits | KIT | 7",
			"en | 2.50 | LITRE | 2.5",
			"en | 900 m³ | CUBIC_METRE | 900" })
	void readsWhatPeopleType(String language, String written, MeasureUnit unit, String expected) {
		assertThat(Quantities.parse(written, unit, Locale.forLanguageTag(language)))
				.isEqualByComparingTo(new BigDecimal(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"en | 0 | LITRE | aid.error.quantity-positive",
			"en | -5 | LITRE | aid.error.quantity-positive",
			"en | '' | LITRE | aid.error.quantity-missing",
			"en | 12 kg | LITRE | aid.error.unit-mismatch",
			"ru | 12 бочек | LITRE | aid.error.unknown-unit",
			"en | 1.5 | PIECE | aid.error.quantity-precision",
			"en | 1.005 | LITRE | aid.error.quantity-precision",
			"en | 1,25 | LITRE | aid.error.quantity-format",
			"ru | 1.250,5 | LITRE | aid.error.quantity-format",
			"en | twelve | LITRE | aid.error.quantity-format",
			"en | 1e5 | LITRE | aid.error.unknown-unit",
			"en | 99999999999999 | LITRE | aid.error.quantity-too-large" })
	void refusesWhatCouldBeMisread(String language, String written, MeasureUnit unit, String key) {
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> Quantities.parse(written, unit, Locale.forLanguageTag(language)));
		assertThat(refused).as(written).isNotNull();
		assertThat(refused.messageKey()).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "-5 | -5", "+3.5 | 3.5", "12 | 12" })
	void anAdjustmentMayBeNegative(String written, String expected) {
		assertThat(Quantities.parseSigned(written, MeasureUnit.KILOGRAM, Locale.ENGLISH))
				.isEqualByComparingTo(new BigDecimal(expected));
	}
}
