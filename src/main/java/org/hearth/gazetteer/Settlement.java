package org.hearth.gazetteer;

import java.util.List;
import java.util.Locale;

import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A city, town or village. {@code names} holds the Armenian community's name (hy), the official Azerbaijani name
 * (az) and its Russian and English forms; {@code otherNames} the further names and spellings in any script. The
 * coordinates are approximate (a map marker, not a survey point) and absent for a few places.
 */
public record Settlement(SettlementId id, String district, String kind, LocalizedText names, List<String> otherNames,
		@Nullable Double latitude, @Nullable Double longitude) {

	public Settlement {
		otherNames = List.copyOf(otherNames);
	}

	/** The name in {@code locale}'s language: the hy name for Armenian, the official name for Azerbaijani. */
	public String name(Locale locale) {
		return names.in(locale);
	}
}
