package org.hearth.monitoring.web;

import java.text.Collator;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.aid.Facilities;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.hearth.monitoring.Coordinates;
import org.hearth.monitoring.HeritageSites;
import org.hearth.monitoring.Incidents;
import org.hearth.platform.Dates;
import org.hearth.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Settlements, sites, facilities, months and points as the monitoring pages name them, in the reader's language.
 * Public for the templates (as monitoringLabels) only.
 */
@Component("monitoringLabels")
public class Labels {

	private final Gazetteer gazetteer;
	private final Facilities facilities;
	private final MessageSource messages;
	private final Dates dates;

	Labels(Gazetteer gazetteer, Facilities facilities, MessageSource messages, Dates dates) {
		this.gazetteer = gazetteer;
		this.facilities = facilities;
		this.messages = messages;
		this.dates = dates;
	}

	/** An incident as lists and links name it: its kind, the day it occurred and the settlement. */
	public String incidentTitle(Incidents.Incident incident, Locale locale) {
		return messages.getMessage("monitoring.incident.title", new Object[] {
				messages.getMessage("monitoring.incident-kind." + incident.kind().name(), null, locale),
				dates.date(incident.occurredAt(), locale), settlement(incident.settlement(), locale) }, locale);
	}

	/** A dialogue commitment, known here by its id alone. */
	public String commitment(UUID id, Locale locale) {
		return messages.getMessage("monitoring.finding.commitment", new Object[] { id.toString().substring(0, 8) },
				locale);
	}

	/** An option of a select or a checkbox list. */
	record Option(String id, String label) {
	}

	/** The settlement's name and district, or its id if the gazetteer does not hold it. */
	public String settlement(String id, Locale locale) {
		return gazetteer.find(id).map(found -> gazetteer.label(new SettlementId(id), locale)).orElse(id);
	}

	/** Every settlement, for a select, in the reader's alphabetical order. */
	List<Option> settlements(Locale locale) {
		return gazetteer.settlements().stream().map(s -> new Option(s.id().id(), settlement(s.id().id(), locale)))
				.sorted(Comparator.comparing(Option::label, Collator.getInstance(locale))).toList();
	}

	/** Sites as options: the name in the reader's language and the settlement, alphabetically. */
	List<Option> sites(Collection<HeritageSites.Site> sites, Locale locale) {
		return sites.stream().map(s -> new Option(s.id().toString(), messages.getMessage("monitoring.site.option",
				new Object[] { s.names().in(locale), settlement(s.settlement(), locale) }, locale)))
				.sorted(Comparator.comparing(Option::label, Collator.getInstance(locale))).toList();
	}

	/** Facilities as options: the name and the settlement, alphabetically. */
	List<Option> facilities(Locale locale) {
		return facilities.facilities(null, null).stream()
				.map(f -> new Option(f.id().toString(), messages.getMessage("monitoring.site.option",
						new Object[] { f.name(), settlement(f.settlement(), locale) }, locale)))
				.sorted(Comparator.comparing(Option::label, Collator.getInstance(locale))).toList();
	}

	/** The facility's name, or its id should the aid module not hold it any more. */
	public String facility(UUID id) {
		try {
			return facilities.facility(id).name();
		}
		catch (NotFoundException gone) {
			return id.toString();
		}
	}

	/** A month as the reader's language names it on its own: Май 2025, May 2025, մայիս 2025. */
	public String month(YearMonth month, Locale locale) {
		String text = month.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

	/** A point in degrees north and east, with the reader's decimal separator. */
	public String point(@Nullable Coordinates point, Locale locale) {
		if (point == null) {
			return messages.getMessage("monitoring.common.no-point", null, locale);
		}
		return messages.getMessage("monitoring.common.point", new Object[] { point.latitude(), point.longitude() },
				locale);
	}
}
