package org.hearth.gazetteer;

import java.util.Locale;

import org.hearth.shared.LocalizedText;

/** A district by its ISO 3166-2:AZ code ("AZ-SUS"), with the settlement that is its centre. */
public record District(String code, LocalizedText names, SettlementId centre) {

	public String name(Locale locale) {
		return names.in(locale);
	}
}
