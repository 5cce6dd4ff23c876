package org.hearth.shared;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four languages Hearth speaks everywhere: pages, e-mails, letters, errors. */
public final class Languages {

	public static final Locale ARMENIAN = Locale.forLanguageTag("hy");
	public static final Locale AZERBAIJANI = Locale.forLanguageTag("az");
	public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
	public static final Locale ENGLISH = Locale.ENGLISH;

	/** In the order the language switch shows them. */
	public static final List<Locale> SUPPORTED = List.of(ARMENIAN, AZERBAIJANI, RUSSIAN, ENGLISH);

	public static final List<String> CODES = SUPPORTED.stream().map(Locale::getLanguage).toList();

	public static final Locale DEFAULT = ENGLISH;

	private Languages() {
	}

	/** The supported language of {@code locale}, ignoring region and script ("ru-RU" → ru). */
	public static Optional<Locale> supported(Locale locale) {
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst();
	}

	public static Locale orDefault(String code) {
		return code == null ? DEFAULT : supported(Locale.forLanguageTag(code)).orElse(DEFAULT);
	}
}
