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
import org.springframework.stereotype.Component;

/** Facilities, settlements and items as the request and shipment pages name them, in the reader's language. */
@Component
class Labels {

	private final Gazetteer gazetteer;
	private final Catalogue catalogue;

	Labels(Gazetteer gazetteer, Catalogue catalogue) {
		this.gazetteer = gazetteer;
		this.catalogue = catalogue;
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

	/** The settlement's name, or its id if the gazetteer does not hold it. */
	String settlement(String id, Locale locale) {
		return gazetteer.find(id).map(found -> gazetteer.label(new SettlementId(id), locale)).orElse(id);
	}

	Map<String, Catalogue.Item> items() {
		Map<String, Catalogue.Item> items = new HashMap<>();
		catalogue.items().forEach(i -> items.put(i.code(), i));
		return items;
	}
}
