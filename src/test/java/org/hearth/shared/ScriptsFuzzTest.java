package org.hearth.shared;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Scripts} promises, for any text: it never throws; a key is lower-case ASCII letters and digits; and the
 * spellings its javadoc says meet do meet — for the scripts it is made for (Armenian, Russian Cyrillic, Azerbaijani
 * and plain Latin): the same text in capitals, the same text composed or decomposed (NFC or NFD, as a phone or a Mac
 * may send it), and a name and the Latin spelling {@link Scripts#toLatin} shows for it. Not asserted, because the
 * code does not promise it: that a key is its own key (searchKey(searchKey(x)) may differ, and nothing compares a key
 * with the key of a key), or anything about other scripts beyond not throwing.
 */
class ScriptsFuzzTest {

	static final int MAX_BYTES = 4 * 1024;

	/** Letters of the alphabets Hearth's people write their names in, and what goes between names. */
	static final Pattern NAME_TEXT = Pattern.compile(
			"[a-zA-ZçÇəƏğĞıİöÖşŞüÜ\\u0410-\\u044F\\u0401\\u0451\\u0531-\\u0556\\u0561-\\u0586 '\\-.0-9]*");

	static final Pattern KEY = Pattern.compile("[a-z0-9]*");

	@FuzzTest(maxDuration = "60s")
	void keysAreAsciiAndEqualMeaningsMeet(byte[] input) {
		if (input.length > MAX_BYTES) {
			return;
		}
		String text = new String(input, StandardCharsets.UTF_8);
		String latin = Scripts.toLatin(text);
		String key = Scripts.searchKey(text);
		String nameKey = Scripts.nameKey(text);
		assertThat(key).matches(KEY);
		assertThat(nameKey).matches(KEY);
		if (!NAME_TEXT.matcher(text).matches()) {
			return;
		}
		// "ignores case, diacritics, script": capitals, decomposed letters and the Latin spelling give the same key.
		String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
		assertThat(Scripts.searchKey(nfd)).as("NFD of %s", text).isEqualTo(key);
		assertThat(Scripts.nameKey(nfd)).as("NFD of %s", text).isEqualTo(nameKey);
		assertThat(Scripts.toLatin(nfd)).as("NFD of %s", text).isEqualTo(latin);
		assertThat(Scripts.searchKey(latin)).as("Latin spelling %s of %s", latin, text).isEqualTo(key);
		assertThat(Scripts.nameKey(latin)).as("Latin spelling %s of %s", latin, text).isEqualTo(nameKey);
		String capitals = text.toUpperCase(Locale.ROOT);
		assertThat(Scripts.searchKey(capitals)).as("capitals %s of %s", capitals, text).isEqualTo(key);
		assertThat(Scripts.nameKey(capitals)).as("capitals %s of %s", capitals, text).isEqualTo(nameKey);
		// "Azerbaijani Latin stays as written": Latin text is its own Latin spelling, so showing it twice changes
		// nothing.
		assertThat(Scripts.toLatin(latin)).as("Latin spelling of %s", latin).isEqualTo(latin);
		if (text.codePoints().allMatch(c -> c < 0x0400)) {
			assertThat(latin).isEqualTo(Normalizer.normalize(text.strip(), Normalizer.Form.NFC));
		}
	}
}
