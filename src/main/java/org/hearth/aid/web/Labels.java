package org.hearth.aid.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.aid.Catalogue;
import org.hearth.aid.Facilities;
import org.hearth.aid.FacilityStatus;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Settlements, facilities and items as the aid pages name them, in the reader's language. Public for the templates
 * (as aidLabels) only.
 */
@Component("aidLabels")
public class Labels {

	private final Gazetteer gazetteer;
	private final Catalogue catalogue;
	private final MessageSource messages;

	Labels(Gazetteer gazetteer, Catalogue catalogue, MessageSource messages) {
		this.gazetteer = gazetteer;
		this.catalogue = catalogue;
		this.messages = messages;
	}

	/** A facility as an option: its name and its settlement's. */
	record Place(String id, String name, String settlement) {
	}

	/** Facilities as options, in the reader's alphabetical order; closed ones left out where asked. */
	List<Place> places(Collection<Facilities.Facility> all, Locale locale, boolean openOnly) {
		return all.stream().filter(f -> !openOnly || f.status() != FacilityStatus.CLOSED)
				.map(f -> new Place(f.id().toString(), f.name(), settlement(f.settlement(), locale)))
				.sorted(Comparator.comparing(Place::name, java.text.Collator.getInstance(locale))).toList();
	}

	/** A settlement or an item as an option of a select. */
	record Option(String id, String label) {
	}

	/** Every settlement, for a select, in the reader's alphabetical order. */
	List<Option> settlements(Locale locale) {
		return gazetteer.settlements().stream().map(s -> new Option(s.id().id(), settlement(s.id().id(), locale)))
				.sorted(Comparator.comparing(Option::label, java.text.Collator.getInstance(locale))).toList();
	}

	/** Items as options: the name and the unit they are counted in, worked out once per page, not per select. */
	List<Option> items(List<Catalogue.Item> items, Locale locale) {
		return items.stream().map(i -> new Option(i.code(), messages.getMessage("aid.item.option",
				new Object[] { i.name().in(locale), messages.getMessage("aid.unit." + i.unit().name(), null, locale) },
				locale))).toList();
	}

	/** The settlement's name and district, or its id if the gazetteer does not hold it. */
	public String settlement(String id, Locale locale) {
		return gazetteer.find(id).map(found -> gazetteer.label(new SettlementId(id), locale)).orElse(id);
	}

	Map<String, Catalogue.Item> items() {
		Map<String, Catalogue.Item> items = new HashMap<>();
		catalogue.items().forEach(i -> items.put(i.code(), i));
		return items;
	}
}
