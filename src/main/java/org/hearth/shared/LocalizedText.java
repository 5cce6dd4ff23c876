package org.hearth.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A text in each of the four languages, as reference data and service definitions carry it. */
public record LocalizedText(@JsonValue Map<String, String> values) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public LocalizedText {
		var present = new LinkedHashMap<String, String>();
		values.forEach((language, text) -> {
			if (text != null) {
				present.put(language, text);
			}
		});
		values = java.util.Collections.unmodifiableMap(present);
	}

	public static LocalizedText of(String hy, String az, String ru, String en) {
		var map = new LinkedHashMap<String, String>();
		map.put("hy", hy);
		map.put("az", az);
		map.put("ru", ru);
		map.put("en", en);
		return new LocalizedText(map);
	}

	/** The text in {@code locale}'s language; English if that language is missing (never, once validated). */
	public String in(Locale locale) {
		String text = values.get(locale.getLanguage());
		return text != null ? text : values.getOrDefault("en", "");
	}

	/** Language codes with no text, in the switch's order: what a definition check reports. */
	public List<String> missingLanguages() {
		return Languages.CODES.stream().filter(code -> values.get(code) == null || values.get(code).isBlank())
				.toList();
	}
}
