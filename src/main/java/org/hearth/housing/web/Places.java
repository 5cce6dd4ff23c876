package org.hearth.housing.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.springframework.stereotype.Component;

/** Settlements as the pages name them: the gazetteer's name and district in the reader's language. */
@Component
class Places {

	private final Gazetteer gazetteer;

	Places(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	boolean known(String id) {
		return gazetteer.find(id).isPresent();
	}

	/** The label of a settlement, or its id if the gazetteer does not hold it. */
	String label(String id, Locale locale) {
		return gazetteer.find(id).map(found -> gazetteer.label(new SettlementId(id), locale)).orElse(id);
	}

	/** Options for a list of settlements, in the reader's alphabetical order. */
	List<Place> options(Collection<String> ids, Locale locale) {
		return ids.stream().distinct().map(id -> new Place(id, label(id, locale)))
				.sorted(Comparator.comparing(Place::label, java.text.Collator.getInstance(locale))).toList();
	}

	record Place(String id, String label) {
	}
}
