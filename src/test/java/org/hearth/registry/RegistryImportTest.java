package org.hearth.registry;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hearth.HearthTest;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.registry.RegistryImport.Problem;
import org.hearth.registry.RegistryImport.Report;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A list goes in household by household: a household with a bad row is left out whole, and the report says why. */
@HearthTest
class RegistryImportTest {

	static final String HEADER = String.join(",", RegistryImport.COLUMNS) + "\n";

	@Autowired
	RegistryImport imports;

	@Autowired
	Registry registry;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Test
	void goodHouseholdsGoInAndABadRowLeavesItsHouseholdOut() {
		String source = "import:test-" + System.nanoTime();
		String csv = HEADER
				+ "A1,Tural,Nəsirovtest,Vüqar oğlu,1970-02-03,Şuşa,1992,susa,\"Baku, Nizami 5\"\n"
				+ "A1,Leyla,Nəsirovtest,,1975-04-23,Şuşa,1992,susa,\n"
				+ "B2,Ани,Варданянтест,,1988-13-01,Ханкенди,1990,xankendi,Yerevan\n"
				+ "B2,Давид,Варданянтест,,,Ханкенди,1990,xankendi,Yerevan\n"
				+ "C3,,Quliyevtest,,1960-01-01,,1989,,\n"
				+ "D4,Արամ,Պետրոսյանtest,,1950-05-05,Ստեփանակերտ,1987,xankendi,\n"
				+ "E5,Samirə,Rzayevatest,,1981-11-30,Ağdam,,agdam,Sumqayıt\n";
		Report report = imports.importCsv(new StringReader(csv), source);

		assertThat(report.households()).isEqualTo(2);
		assertThat(report.persons()).isEqualTo(3);
		assertThat(report.problems()).extracting(Problem::line, Problem::messageKey).containsExactly(
				org.assertj.core.groups.Tuple.tuple(4, "registry.import.birth-date"),
				org.assertj.core.groups.Tuple.tuple(5, "registry.import.household-left-out"),
				org.assertj.core.groups.Tuple.tuple(6, "registry.import.name-required"),
				org.assertj.core.groups.Tuple.tuple(7, "registry.import.displaced-year"));
		Problem date = report.problems().get(0);
		assertThat(messages.getMessage(date.messageKey(), date.arguments().toArray(), Locale.forLanguageTag("ru")))
				.isEqualTo("Дата рождения 1988-13-01 — не прошедшая дата вида 1975-04-23.");

		assertThat(jdbc.sql("SELECT count(*) FROM registry.household WHERE source = ?").param(source)
				.query(Integer.class).single()).isEqualTo(2);
		var found = registry.search(users.newStaff(Set.of(Role.CASEWORKER), "SHU"), "Nasirovtest Tural",
				Registry.SearchPurpose.REVIEW);
		assertThat(found).extracting(m -> m.person().givenName()).containsExactly("Tural", "Leyla");
		assertThat(registry.household(found.get(0).person().household())).extracting(Registry.Person::head)
				.containsExactly(true, false);
	}

	@Test
	void aFileThatCannotBeReadWholeGoesInNotAtAll() {
		String source = "import:test-" + System.nanoTime();
		Report split = imports.importCsv(new StringReader(HEADER
				+ "A1,Tural,Abbasovtest,,1970-02-03,,1992,,\n"
				+ "B2,Leyla,Kərimovatest,,1975-04-23,,1992,,\n"
				+ "A1,Orxan,Abbasovtest,,2001-02-03,,,,\n"), source);
		assertThat(split.problems()).extracting(Problem::line, Problem::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "registry.import.household-split"));
		assertThat(split.households()).isZero();

		Report header = imports.importCsv(new StringReader("name,surname\nA,B\n"), source);
		assertThat(header.problems()).extracting(Problem::messageKey).containsExactly("registry.import.header");
		Report quoting = imports.importCsv(new StringReader(HEADER + "A1,\"Tural,Abbasov\n"), source);
		assertThat(quoting.problems()).extracting(Problem::messageKey).containsExactly("registry.import.malformed");

		assertThat(jdbc.sql("SELECT count(*) FROM registry.household WHERE source = ?").param(source)
				.query(Integer.class).single()).isZero();
	}

	@Test
	void everyImportMessageExistsInEveryLanguage() {
		for (String key : List.of("header", "width", "household-required", "name-required", "birth-date",
				"displaced-year", "household-split", "household-left-out", "malformed")) {
			for (String language : List.of("hy", "az", "ru", "en")) {
				assertThat(messages.getMessage("registry.import." + key, new Object[] { "x" },
						Locale.forLanguageTag(language))).doesNotStartWith("registry.");
			}
		}
	}
}
