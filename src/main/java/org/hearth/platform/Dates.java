package org.hearth.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Dates and times as people read them: in their language, in the region's time zone. Templates use it as @dates. */
@Component("dates")
public class Dates {

	private final DisplayZone zone;

	Dates(DisplayZone zone) {
		this.zone = zone;
	}

	public String date(@Nullable LocalDate date, Locale locale) {
		return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
	}

	public String date(@Nullable Instant instant, Locale locale) {
		return instant == null ? "" : date(LocalDate.ofInstant(instant, zone.zone()), locale);
	}

	public String dateTime(@Nullable Instant instant, Locale locale) {
		return instant == null ? ""
				: instant.atZone(zone.zone()).format(DateTimeFormatter
						.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
	}
}
