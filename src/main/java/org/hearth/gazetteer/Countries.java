package org.hearth.gazetteer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.hearth.shared.Languages;
import org.springframework.stereotype.Service;

/**
 * The world's countries (ISO 3166-1 alpha-2) named in the four languages, as ICU's CLDR data names them: for
 * citizenship, places of birth abroad and addresses outside the region. Built once at startup, lists already sorted
 * in each language's own alphabetical order (Azerbaijani Ç after C, not after Z).
 */
@Service
public class Countries {

	// Codes ISO 3166 will never assign to a country: user-assigned (AA, QM–QZ, XA–XZ, ZZ) and the exceptional
	// reservations (EU, UN, UK, …). The JDK's list holds none of them today; the filter keeps it that way.
	private static final Set<String> RESERVED = Set.of("AA", "ZZ", "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "FX",
			"IC", "SU", "TA", "UK", "UN");

	/** By language code: every country, sorted by its name in that language. */
	private final Map<String, List<Country>> sorted;
	/** By language code, then country code: the name. */
	private final Map<String, Map<String, String>> names;

	Countries() {
		List<String> codes = Arrays.stream(Locale.getISOCountries()).filter(Countries::isCountry).toList();
		this.names = Languages.SUPPORTED.stream().collect(Collectors.toMap(Locale::getLanguage, language -> {
			var display = ULocale.forLocale(language);
			return codes.stream().collect(Collectors.toMap(Function.identity(),
					code -> new ULocale.Builder().setRegion(code).build().getDisplayCountry(display), (a, b) -> a,
					LinkedHashMap::new));
		}));
		this.sorted = Languages.SUPPORTED.stream().collect(Collectors.toMap(Locale::getLanguage, language -> {
			// ICU collators are not thread-safe until frozen; this one is used here only, during construction.
			Collator collator = Collator.getInstance(ULocale.forLocale(language));
			return names.get(language.getLanguage()).entrySet().stream()
					.map(entry -> new Country(entry.getKey(), entry.getValue()))
					.sorted(Comparator.comparing(Country::name, collator).thenComparing(Country::code))
					.toList();
		}));
	}

	/** Every country, named in {@code locale}'s language (English for any other) and sorted in its order. */
	public List<Country> all(Locale locale) {
		return sorted.get(language(locale));
	}

	/** The country with {@code code} (any case), named in English; for display use {@link #name}. */
	public Optional<Country> find(String code) {
		return find(code, Languages.DEFAULT);
	}

	/** The country with {@code code} (any case), named in {@code locale}'s language. */
	public Optional<Country> find(String code, Locale locale) {
		String normalized = code.strip().toUpperCase(Locale.ROOT);
		return Optional.ofNullable(names.get(language(locale)).get(normalized))
				.map(name -> new Country(normalized, name));
	}

	/**
	 * The name of the country with {@code code} in {@code locale}'s language. An unknown code comes back as given
	 * rather than failing: a stored code that ISO later withdraws (as it did AN) must still display.
	 */
	public String name(String code, Locale locale) {
		return find(code, locale).map(Country::name).orElse(code);
	}

	private static String language(Locale locale) {
		return Languages.supported(locale).orElse(Languages.DEFAULT).getLanguage();
	}

	/** A country by its ISO 3166-1 alpha-2 code ("AM"), named in one language. */
	public record Country(String code, String name) {
	}

	static boolean isCountry(String code) {
		if (code.length() != 2 || RESERVED.contains(code)) {
			return false;
		}
		boolean userAssigned = code.charAt(0) == 'X' || code.charAt(0) == 'Q' && code.charAt(1) >= 'M';
		return !userAssigned;
	}
}
