package org.hearth.registry;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hearth.HearthTest;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.registry.RegistryImport.Problem;
import org.hearth.registry.RegistryImport.Report;
import org.hearth.registry.TestWorkbook.Dated;
import org.hearth.registry.TestWorkbook.Raw;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

	/** Each household of {@code source}: its origin and address, and its members head first, every column. */
	private List<String> households(String source) {
		return jdbc.sql("""
				SELECT concat_ws(' | ', h.origin, h.address, string_agg(concat_ws(';', p.head, p.given_name, p.family_name,
				  p.patronymic, p.birth_date, p.birth_place, p.displaced_year), ' / ' ORDER BY p.head DESC, p.given_name))
				FROM registry.household h JOIN registry.person p ON p.household_id = h.id
				WHERE h.source = ? GROUP BY h.id, h.origin, h.address ORDER BY 1""").param(source).query(String.class)
				.list();
	}

	@Test
	void aWorkbookGoesInAsTheSameListInCsvDoes() throws Exception {
		String tag = "xlsx" + System.nanoTime();
		String csv = HEADER
				+ "A1,Tofiq,Nəsirov" + tag + ",Vüqar oğlu,1970-02-03,Şuşa,1992,susa,\"Baku, Nizami 5\"\n"
				+ "A1,Nərmin,Nəsirov" + tag + ",,1975-04-23,Şuşa,1992,susa,\n"
				+ "17,Гаянэ,Варданян" + tag + ",,1988-12-01,Ханкенди,1990,xankendi,Yerevan\n"
				+ "17,Тигран,Варданян" + tag + ",,,Ханкенди,1990,xankendi,Yerevan\n"
				+ "B3,Վարդան,Պետրոսյան" + tag + ",,1950-05-05,Ստեփանակերտ,1989,xankendi,\"Yerevan, Arabkir\"\n";
		// The same list as a spreadsheet keeps it: a date cell, a date in a format of one's own, a date typed as
		// text; years and a household's number as numbers, one year a formula; an inline string; an empty row and
		// formatted empty cells after the last column.
		String empty = "<c r=\"REF\" s=\"1\"/>";
		var workbook = new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray())
				.row(2, "A1", "Tofiq", "Nəsirov" + tag, "Vüqar oğlu", LocalDate.of(1970, 2, 3), "Şuşa", 1992, "susa",
						"Baku, Nizami 5", new Raw(empty))
				.row(3, "A1", "Nərmin", "Nəsirov" + tag, null,
						new Dated(LocalDate.of(1975, 4, 23), TestWorkbook.CUSTOM_DATE), "Şuşa",
						new Raw("<c r=\"REF\"><f>1990+2</f><v>1992</v></c>"), "susa", null, new Raw(empty))
				.row(4, new Raw(empty))
				.row(5, 17, "Гаянэ", "Варданян" + tag, null, "1988-12-01", "Ханкенди", new BigDecimal("1990.0"),
						"xankendi", "Yerevan")
				.row(6, 17, new Raw("<c r=\"REF\" t=\"inlineStr\"><is><t>Тигран</t></is></c>"), "Варданян" + tag, null,
						null, "Ханкенди", 1990, "xankendi", "Yerevan")
				.row(7, "B3", "Վարդան", "Պետրոսյան" + tag, null, LocalDate.of(1950, 5, 5), "Ստեփանակերտ", 1989,
						"xankendi", new Raw("<c r=\"REF\" t=\"str\"><f>\"Yerevan, \"&amp;\"Arabkir\"</f>"
								+ "<v>Yerevan, Arabkir</v></c>"));

		Report fromCsv = imports.importCsv(new StringReader(csv), "import:csv-" + tag);
		Report fromWorkbook = imports.importRecords(Xlsx.firstSheet(workbook.bytes(), 1 << 30), "import:xlsx-" + tag);

		assertThat(fromCsv).isEqualTo(new Report(3, 5, List.of()));
		assertThat(fromWorkbook).isEqualTo(fromCsv);
		assertThat(households("import:xlsx-" + tag)).hasSize(3).isEqualTo(households("import:csv-" + tag));
		assertThat(households("import:xlsx-" + tag)).contains(
				"susa | Baku, Nizami 5 | t;Tofiq;Nəsirov" + tag + ";Vüqar oğlu;1970-02-03;Şuşa;1992 / f;Nərmin;Nəsirov"
						+ tag + ";1975-04-23;Şuşa;1992",
				"xankendi | Yerevan | t;Гаянэ;Варданян" + tag + ";1988-12-01;Ханкенди;1990 / f;Тигран;Варданян" + tag
						+ ";Ханкенди;1990");
	}

	@Test
	void aBadRowInAWorkbookIsReportedWithTheRowNumberTheSpreadsheetShows() throws Exception {
		String tag = "xlsx" + System.nanoTime();
		var workbook = new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray())
				.row(2, "A1", "Nihad", "Abbasov" + tag, null, LocalDate.of(1970, 2, 3), null, 1992)
				// Row 3 is empty and not written at all, as a spreadsheet leaves it.
				.row(4, "B2", "Ani", "Vardanyan" + tag, null, "1988-13-01", null, 1990)
				.row(5, "B2", "Davit", "Vardanyan" + tag, null, null, null, 1990)
				.row(6, "C3", "Kamran", "Quliyev" + tag, null, null, null, new Raw("<c r=\"REF\" t=\"b\"><v>1</v></c>"))
				.row(7, "D4", "Orxan", "Rzayev" + tag, null, null, null, null, null, null, "a note beyond the columns")
				.row(8, "E5", "Samirə", "Hüseynova" + tag, null, new Raw("<c r=\"REF\" t=\"e\"><v>#N/A</v></c>"))
				.row(9, "F6", "Nərmin", "Kərimova" + tag, null, 1975, null, 1993)
				.row(10, "G7", "Rəşad", "Məmmədov" + tag, null, null, null, new BigDecimal("1992.5"));
		String source = "import:xlsx-" + tag;

		Report report = imports.importRecords(Xlsx.firstSheet(workbook.bytes(), 1 << 30), source);

		assertThat(report.problems()).extracting(Problem::line, Problem::messageKey, Problem::arguments).containsExactly(
				tuple(4, "registry.import.birth-date", List.of("1988-13-01")),
				tuple(5, "registry.import.household-left-out", List.of("B2")),
				tuple(6, "registry.import.displaced-year", List.of("TRUE")),
				tuple(7, "registry.import.width", List.of(RegistryImport.COLUMNS.size())),
				tuple(8, "registry.import.birth-date", List.of("#N/A")),
				tuple(9, "registry.import.birth-date", List.of("1975")),
				tuple(10, "registry.import.displaced-year", List.of("1992.5")));
		assertThat(report.households()).isEqualTo(1);
		assertThat(households(source)).containsExactly("t;Nihad;Abbasov" + tag + ";1970-02-03;1992");
	}

	@Test
	void aRowOfTheWrongWidthLeavesItsWholeHouseholdOut() {
		String tag = "width" + System.nanoTime();
		String csv = String.join(",", RegistryImport.COLUMNS) + "\n"
				+ "H1,Arsen,Hakobyan" + tag + ",,1961-05-02,Hadrut,1991,hadrut,Yerevan\n"
				+ "H1,Lusine,Hakobyan" + tag + ",,1965-07-19,Hadrut,1991\n"
				+ "H2,Karen,Sargsyan" + tag + ",,1970-01-01,Hadrut,1991,hadrut,Yerevan\n";
		String source = "import:" + tag;

		Report report = imports.importCsv(new StringReader(csv), source);

		assertThat(report.problems()).extracting(Problem::line, Problem::messageKey).containsExactly(
				tuple(2, "registry.import.household-left-out"), tuple(3, "registry.import.width"));
		assertThat(report.households()).isEqualTo(1);
		assertThat(households(source)).singleElement().asString().contains("Karen");
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
