package org.hearth.architecture;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hearth.shared.Languages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four languages, always: every key in every bundle, the same placeholders in each, and no text written straight
 * into a template where no translation can reach it.
 */
class I18nTest {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");
	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	@Test
	void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
		assertThat(englishBundles(BUNDLES)).isNotEmpty();
		assertThat(parityProblems(BUNDLES)).isEmpty();
	}

	@Test
	void reportsAKeyMissingInOneLanguage() throws IOException {
		Path dir = Files.createTempDirectory("bundles");
		Files.writeString(dir.resolve("messages_en.properties"), "a=A {0}\nb=B\n");
		Files.writeString(dir.resolve("messages_hy.properties"), "a=Ա\n");
		Files.writeString(dir.resolve("messages_az.properties"), "a=A {0}\nb=B\n");
		Files.writeString(dir.resolve("messages_ru.properties"), "a=А {0}\nb=Б ''b'' d'Artagnan\n");
		assertThat(parityProblems(dir)).containsExactlyInAnyOrder(
				dir.resolve("messages_ru.properties") + ": a single apostrophe (write '') in b",
				dir.resolve("messages_hy.properties") + ": missing b",
				dir.resolve("messages_hy.properties") + ": placeholders differ from English in a");
	}

	static final java.util.regex.Pattern LONE_APOSTROPHE = java.util.regex.Pattern.compile("(?<!')'(?!')");

	static List<String> parityProblems(Path root) throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path english : englishBundles(root)) {
			Properties en = load(english);
			for (String language : Languages.CODES) {
				Path other = english.resolveSibling(english.getFileName().toString().replace("_en.", "_" + language + "."));
				if (!Files.exists(other)) {
					problems.add(other + " is missing");
					continue;
				}
				Properties translated = load(other);
				Set<String> missing = new TreeSet<>(en.stringPropertyNames());
				missing.removeAll(translated.stringPropertyNames());
				Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
				extra.removeAll(en.stringPropertyNames());
				missing.forEach(key -> problems.add(other + ": missing " + key));
				extra.forEach(key -> problems.add(other + ": not in English " + key));
				for (String key : new TreeSet<>(translated.stringPropertyNames())) {
					String value = translated.getProperty(key);
					if (value.isBlank()) {
						problems.add(other + ": empty " + key);
					}
					else if (en.containsKey(key) && !placeholders(en.getProperty(key)).equals(placeholders(value))) {
						problems.add(other + ": placeholders differ from English in " + key);
					}
					// Every message goes through MessageFormat, which drops a lone apostrophe and what it quotes.
					if (LONE_APOSTROPHE.matcher(value).find()) {
						problems.add(other + ": a single apostrophe (write '') in " + key);
					}
				}
			}
		}
		return problems;
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		// Text between tags, and user-visible attributes, must come from the bundles (th:text, th:attr, #{...}).
		Pattern text = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
		Pattern attribute = Pattern.compile("\\s(title|alt|placeholder|aria-label|label)=\"[^\"]*\\p{L}");
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "")
						.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "");
				Matcher m = text.matcher(html);
				while (m.find()) {
					String literal = m.group(1).strip();
					if (!literal.startsWith("[[") && !literal.startsWith("[(")) {
						problems.add(file + ": literal text \"" + literal + "\"");
					}
				}
				Matcher a = attribute.matcher(html);
				while (a.find()) {
					problems.add(file + ": literal attribute " + a.group().strip());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	static List<Path> englishBundles(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.getFileName().toString().endsWith("_en.properties")).sorted().toList();
		}
	}

	static Properties load(Path file) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> placeholders(String value) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(value);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}
}
