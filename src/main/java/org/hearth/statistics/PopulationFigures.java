package org.hearth.statistics;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures that come from outside the system, such as the population before September 2023, entered by a
 * statistician with where they come from and shown with it. Totals of whole populations, never small: they are
 * shown as entered. A correction is a new entry; every entry is kept.
 */
@Service
public class PopulationFigures {

	/** What can be entered; each is described in the data dictionary. */
	public enum Measure {
		POPULATION_BEFORE_2023_09("population-before-2023-09"), LEFT_2023("left-2023"),
		DISPLACED_1988_1994("displaced-1988-1994");

		private final String code;

		Measure(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		static Measure of(String code) {
			for (Measure m : values()) {
				if (m.code.equals(code)) {
					return m;
				}
			}
			throw new RuleViolationException("statistics.error.measure");
		}
	}

	public record Figure(Measure measure, long value, LocalDate asOf, String source, @Nullable String sourceUrl,
			Instant enteredAt) {
	}

	/** A figure as typed, to be checked. */
	public record NewFigure(String measure, String value, String asOf, String source, String sourceUrl) {
	}

	static final int SOURCE_MAX = 500;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final DisplayZone zone;

	PopulationFigures(JdbcClient jdbc, Clock clock, DisplayZone zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	/** The latest entry of each measure, in the order of the measures. */
	public List<Figure> latest() {
		List<Figure> latest = new ArrayList<>();
		for (Measure m : Measure.values()) {
			history(m).stream().findFirst().ifPresent(latest::add);
		}
		return latest;
	}

	/** Every entry of a measure, newest first. */
	public List<Figure> history(Measure measure) {
		return jdbc.sql("""
				SELECT measure, value, as_of, source, source_url, entered_at FROM statistics.population_figure
				WHERE measure = ? ORDER BY id DESC""").param(measure.code())
				.query((rs, n) -> new Figure(Measure.of(rs.getString(1)), rs.getLong(2),
						rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
						rs.getTimestamp(6).toInstant()))
				.list();
	}

	@Transactional
	public Figure enter(CurrentUser statistician, NewFigure typed) {
		if (!statistician.has(Role.STATISTICIAN)) {
			throw new RuleViolationException("statistics.error.statistician");
		}
		return enter(statistician.uuid(), typed);
	}

	Figure enter(java.util.UUID enteredBy, NewFigure typed) {
		Measure measure = Measure.of(typed.measure().strip());
		long value;
		try {
			value = Long.parseLong(typed.value().strip().replaceAll("[\\s\\u00a0\\u202f,.']", ""));
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("statistics.error.value");
		}
		if (value < 0) {
			throw new RuleViolationException("statistics.error.value");
		}
		LocalDate asOf;
		try {
			asOf = LocalDate.parse(typed.asOf().strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new RuleViolationException("statistics.error.as-of");
		}
		if (asOf.isAfter(LocalDate.now(clock.withZone(zone.zone())))) {
			throw new RuleViolationException("statistics.error.as-of-future");
		}
		String source = typed.source().strip();
		if (source.isEmpty() || source.length() > SOURCE_MAX) {
			throw new RuleViolationException("statistics.error.source", SOURCE_MAX);
		}
		String url = typed.sourceUrl().strip();
		if (!url.isEmpty()) {
			url = checkedUrl(url);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO statistics.population_figure (measure, value, as_of, source, source_url, entered_by,
				  entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(measure.code(), value, Date.valueOf(asOf), source, url.isEmpty() ? null : url,
						enteredBy, Timestamp.from(now))
				.update();
		return new Figure(measure, value, asOf, source, url.isEmpty() ? null : url, now);
	}

	private static String checkedUrl(String url) {
		try {
			URI uri = new URI(url);
			if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					|| url.length() > SOURCE_MAX) {
				throw new RuleViolationException("statistics.error.source-url");
			}
			return uri.toString();
		}
		catch (java.net.URISyntaxException e) {
			throw new RuleViolationException("statistics.error.source-url");
		}
	}

	Optional<Figure> latest(Measure measure) {
		return history(measure).stream().findFirst();
	}
}
