package org.hearth.aid.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.springframework.stereotype.Component;

/** Settlements as the aid pages name them: the gazetteer's name and district in the reader's language. Public for the templates only. */
@Component("aidPlaces")
public class Places {

	record Place(String id, String label) {
	}

	private final Gazetteer gazetteer;

	Places(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	/** The label of a settlement, or its id if the gazetteer does not hold it. */
	public String label(String id, Locale locale) {
		return gazetteer.find(id).map(found -> gazetteer.label(new SettlementId(id), locale)).orElse(id);
	}

	/** Every settlement, for a select, in the reader's alphabetical order. */
	List<Place> all(Locale locale) {
		return gazetteer.settlements().stream().map(s -> new Place(s.id().id(), label(s.id().id(), locale)))
				.sorted(Comparator.comparing(Place::label, Collator.getInstance(locale))).toList();
	}
}
