package org.hearth.shared;

import java.text.Normalizer;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;

/**
 * Names across scripts. People write their names in Armenian, Cyrillic or Azerbaijani Latin; staff and
 * databases elsewhere spell them in plain Latin. {@link #toLatin} is the transliteration shown to a person for
 * confirmation; {@link #searchKey} is a lossy key under which spellings of one name in any script meet.
 */
public final class Scripts {

	// ICU's rules per script, chosen for how the communities romanise names themselves: Armenian by the
	// Armenian-Latin (BGN) rules, Cyrillic by the Russian-Latin (BGN) rules; Azerbaijani Latin stays as written.
	private static final Transliterator TO_LATIN = Transliterator.getInstance(
			"Armenian-Latin/BGN; Russian-Latin/BGN; Any-Latin; NFC");

	private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

	private Scripts() {
	}

	/** Latin spelling of {@code text}, keeping diacritics ("Շուշի" → "Shushi", "Шуша" → "Shusha"). */
	public static String toLatin(String text) {
		// Composed first: the rules are written for composed letters, and a decomposed Й (И and a combining breve, as
		// some keyboards, Macs and exported files send it) came out as Ĭ instead of Y. Same text, same spelling.
		return TO_LATIN.transliterate(Normalizer.normalize(text.strip(), Normalizer.Form.NFC));
	}

	/**
	 * A key that ignores case, diacritics, script and the usual romanisation variants: Şuşa, Shusha and Шуша give
	 * the same key. Lossy on purpose — use it to find candidates, never to decide identity.
	 */
	public static String searchKey(String text) {
		// ə has no ASCII form of its own; romanisations write it as e (Xankəndi, Khankendi).
		String ascii = TO_ASCII.transliterate(toLatin(text).replace('ə', 'e').replace('Ə', 'E'));
		ascii = Normalizer.normalize(ascii, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		ascii = ascii.replaceAll("[^a-z0-9]", "");
		// Fold the romanisation variants that ICU, passports and the Azerbaijani alphabet disagree on.
		return ascii.replace("dzh", "c").replace("kh", "x").replace("sh", "s").replace("ch", "c").replace("zh", "z")
				.replace("gh", "g").replace("ts", "c").replace("dz", "z").replace("yo", "o").replace("yu", "u")
				.replace("ya", "a").replace("ye", "e").replace("j", "c").replace("y", "i").replace("w", "v")
				.replace("q", "g").replace("h", "").replaceAll("(.)\\1+", "$1");
	}

	/**
	 * {@link #searchKey} for people's names, which also folds e into a — Azerbaijani ə is written a in passports
	 * (Məmmədov, Mammadov) and e in Russian (Мамедов) — and ia into a (Petrosian, Petrosyan). Lossier still: for
	 * finding candidates and duplicates, never for deciding identity.
	 */
	public static String nameKey(String text) {
		return searchKey(text).replace("ia", "a").replace('e', 'a').replaceAll("(.)\\1+", "$1");
	}
}
