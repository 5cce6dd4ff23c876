package org.hearth.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.hearth.HearthTest;
import org.hearth.gazetteer.Countries.Country;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HearthTest
class GazetteerTest {

	@Autowired
	Gazetteer gazetteer;

	@Autowired
	Countries countries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void loadsEverySettlementAndDistrictOfTheCsv() throws IOException {
		assertThat(jdbc.sql("SELECT count(*) FROM gazetteer.settlement").query(Integer.class).single())
				.isEqualTo(dataRows("gazetteer/settlements.csv"));
		assertThat(gazetteer.districts()).hasSize(dataRows("gazetteer/districts.csv"));
		assertThat(gazetteer.settlements()).hasSize(dataRows("gazetteer/settlements.csv"))
				.first().satisfies(first -> assertThat(first.kind()).isEqualTo("city"));
		for (District district : gazetteer.districts()) {
			assertThat(gazetteer.find(district.centre())).as("centre of %s", district.code())
					.hasValueSatisfying(centre -> assertThat(centre.district()).isEqualTo(district.code()));
		}
		Settlement susa = gazetteer.find("susa").orElseThrow();
		assertThat(susa.names()).isEqualTo(LocalizedText.of("Շուշի", "Şuşa", "Шуша", "Shusha"));
		assertThat(susa.otherNames()).containsExactly("Shushi", "Шуши");
		assertThat(susa.kind()).isEqualTo("city");
		assertThat(susa.latitude()).isEqualTo(39.758);
		assertThat(susa.longitude()).isEqualTo(46.7485);
		assertThat(gazetteer.district("AZ-SUS")).hasValueSatisfying(d -> assertThat(d.centre().id()).isEqualTo("susa"));
	}

	@Test
	void theApplicationCannotChangeReferenceData() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE gazetteer.settlement SET kind = 'town' WHERE id = 'susa'").update())
				.isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM gazetteer.district").update())
				.isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Şuşa", "Shusha", "Шуша", "Շուշի", "susa", "SHUSHA", "Shushi", " şuşa " })
	void findsShushaByAnyName(String query) {
		assertThat(gazetteer.search(query, 10)).first().extracting(s -> s.id().id()).isEqualTo("susa");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Stepanakert", "Ստեփանակերտ", "Ханкенди", "Xankəndi", "khankendi", "Xankendi",
			"Степанакерт", "Խանքենդի" })
	void findsKhankendiByAnyName(String query) {
		assertThat(gazetteer.search(query, 10)).first().extracting(s -> s.id().id()).isEqualTo("xankendi");
	}

	@Test
	void findsAzerbaijaniNamesTypedWithoutSchwa() {
		assertThat(ids(gazetteer.search("Zengilan", 10))).first().isEqualTo("zengilan");
		assertThat(ids(gazetteer.search("Kelbecer", 10))).first().isEqualTo("kelbecer");
	}

	@Test
	void ranksExactNamesBeforePrefixesBeforeSubstrings() {
		// The village Sus matches exactly, the city Şuşa only by prefix: the exact match wins over the city.
		List<String> sus = ids(gazetteer.search("Sus", 10));
		assertThat(sus.get(0)).isEqualTo("sus");
		assertThat(sus).contains("susa", "susakend");
		// Three villages called Ağcakənd (ties: same kind and English name, so by id), then the two towns whose
		// names merely contain it.
		List<String> expected = List.of("agcakend-kelbecer", "agcakend-lacin", "agcakend-xocavend", "asagi-agcakend",
				"yuxari-agcakend");
		assertThat(ids(gazetteer.search("Ağcakənd", 10))).isEqualTo(expected);
		assertThat(ids(gazetteer.search("aghjakend", 10))).isEqualTo(expected);
		assertThat(ids(gazetteer.search("Агджакенд", 10))).isEqualTo(expected);
	}

	@Test
	void limitsResultsAndIgnoresEmptyQueries() {
		assertThat(gazetteer.search("a", 3)).hasSize(3);
		assertThat(gazetteer.search("a", 1000)).hasSize(Gazetteer.MAX_RESULTS);
		assertThat(gazetteer.search("a", 0)).isEmpty();
		assertThat(gazetteer.search("", 10)).isEmpty();
		assertThat(gazetteer.search("   ", 10)).isEmpty();
		assertThat(gazetteer.search("—?!", 10)).isEmpty();
		assertThat(gazetteer.search("Atlantis", 10)).isEmpty();
	}

	@Test
	void findsNothingForAnUnknownId() {
		assertThat(gazetteer.find("atlantis")).isEmpty();
		assertThat(gazetteer.find(new SettlementId("SUSA"))).isEmpty();
		assertThat(gazetteer.district("AZ-BA")).isEmpty();
		assertThatThrownBy(() -> gazetteer.label(new SettlementId("atlantis"), Locale.ENGLISH))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void labelsNameTheSettlementAndItsDistrictInOneLanguage() {
		var susa = new SettlementId("susa");
		assertThat(gazetteer.label(susa, Languages.AZERBAIJANI)).isEqualTo("Şuşa — Şuşa");
		assertThat(gazetteer.label(susa, Languages.ARMENIAN)).isEqualTo("Շուշի — Շուշի");
		assertThat(gazetteer.label(new SettlementId("lacin"), Languages.ARMENIAN)).isEqualTo("Բերձոր — Լաչին");
		assertThat(gazetteer.label(new SettlementId("agcakend-lacin"), Languages.RUSSIAN))
				.isEqualTo("Агджакенд — Лачин");
		assertThat(gazetteer.label(new SettlementId("xankendi"), Locale.forLanguageTag("en-GB")))
				.isEqualTo("Khankendi — Khankendi");
	}

	@Test
	void namesCountriesInTheFourLanguages() {
		assertThat(countries.name("AM", Languages.ENGLISH)).isEqualTo("Armenia");
		assertThat(countries.name("AM", Languages.ARMENIAN)).isEqualTo("Հայաստան");
		assertThat(countries.name("AM", Languages.AZERBAIJANI)).isEqualTo("Ermənistan");
		assertThat(countries.name("AM", Languages.RUSSIAN)).isEqualTo("Армения");
		assertThat(countries.find("am")).contains(new Country("AM", "Armenia"));
		assertThat(countries.find("AZ", Languages.AZERBAIJANI)).contains(new Country("AZ", "Azərbaycan"));
	}

	@Test
	void listsOnlyRealCountries() {
		List<Country> all = countries.all(Languages.ENGLISH);
		assertThat(all).hasSizeGreaterThan(240);
		assertThat(all).extracting(Country::code).doesNotHaveDuplicates()
				.doesNotContain("ZZ", "EU", "UN", "QO", "XK", "AA", "UK");
		for (String code : List.of("ZZ", "EU", "UN", "QO", "XA", "AA")) {
			assertThat(countries.find(code)).as(code).isEmpty();
		}
		assertThat(countries.name("QO", Languages.ENGLISH)).isEqualTo("QO");
	}

	@Test
	void sortsCountriesInEachLanguagesOrder() {
		for (Locale language : Languages.SUPPORTED) {
			Collator collator = Collator.getInstance(ULocale.forLocale(language));
			assertThat(countries.all(language)).as(language.toString())
					.isSortedAccordingTo(Comparator.comparing(Country::name, collator));
		}
		// Where the language's order differs from Unicode's: Ç between C and D in Azerbaijani, Å with A in English.
		List<String> az = codes(countries.all(Languages.AZERBAIJANI));
		assertThat(az.indexOf("CN")).isGreaterThan(az.indexOf("DJ")).isLessThan(az.indexOf("DK"));
		List<String> en = codes(countries.all(Languages.ENGLISH));
		assertThat(en.indexOf("AX")).isLessThan(en.indexOf("AL"));
		List<String> ru = codes(countries.all(Languages.RUSSIAN));
		assertThat(ru.indexOf("AU")).isLessThan(ru.indexOf("AM"));
		assertThat(ru.get(ru.size() - 1)).isEqualTo("JP");
		assertThat(countries.all(Locale.GERMAN)).isEqualTo(countries.all(Languages.ENGLISH));
	}

	@Test
	void searchesOverJsonWithLabelsInTheRequestersLanguage() throws Exception {
		mvc.perform(get("/api/v1/settlements").param("q", "Shusha").header("Accept-Language", "hy"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("susa"))
			.andExpect(jsonPath("$[0].district").value("AZ-SUS"))
			.andExpect(jsonPath("$[0].names.hy").value("Շուշի"))
			.andExpect(jsonPath("$[0].names.az").value("Şuşa"))
			.andExpect(jsonPath("$[0].names.ru").value("Шуша"))
			.andExpect(jsonPath("$[0].names.en").value("Shusha"))
			.andExpect(jsonPath("$[0].label").value("Շուշի — Շուշի"));
		mvc.perform(get("/api/v1/settlements").param("q", "Ստեփանակերտ").param("limit", "1")
				.header("Accept-Language", "az"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].label").value("Xankəndi — Xankəndi"));
		mvc.perform(get("/api/v1/settlements").header("Accept-Language", "ru"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	private static List<String> ids(List<Settlement> settlements) {
		return settlements.stream().map(s -> s.id().id()).toList();
	}

	private static List<String> codes(List<Country> countries) {
		return countries.stream().map(Country::code).toList();
	}

	/** Rows below the header; the files hold no line breaks inside quotes (GazetteerCsvTest reads them properly). */
	private static int dataRows(String resource) throws IOException {
		try (InputStream in = GazetteerTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return (int) new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count() - 1;
		}
	}
}
