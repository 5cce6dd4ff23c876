package org.hearth.statistics.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hearth.HearthTest;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.shared.Csv;
import org.hearth.statistics.Releases;
import org.hearth.statistics.StatTable;
import org.hearth.statistics.TableSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The statistics pages and downloads over the release the application published when it started: the dashboard
 * and dictionary in the four languages, every table's CSV (with its HXL row) and JSON holding exactly the
 * release's figures, addresses that do not exist answering 404, and the statistician's form refusing bad input
 * in the reader's language with what was typed.
 */
@HearthTest
class StatisticsPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Releases releases;

	@Autowired
	OpenData openData;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	@Autowired
	JsonMapper json;

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	String page(String path, String language) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", language)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}

	@Test
	void theDashboardAndTheDictionarySpeakEveryLanguageAndShowEveryTable() throws Exception {
		Releases.Release release = releases.latest().orElseThrow();
		for (String language : List.of("hy", "az", "ru", "en")) {
			String dashboard = page("/statistics", language);
			assertThat(dashboard).contains(text("statistics.dashboard.title", language)).contains("<svg")
					.contains(text("figure.legend", language, 9, 10))
					.contains(text("statistics.measure.population-before-2023-09", language));
			String dictionary = page("/statistics/data-dictionary", language);
			for (TableSpec spec : TableSpec.ALL) {
				assertThat(dashboard).contains("data-table=\"" + spec.id() + "\"")
						.contains(text("statistics.table." + spec.id() + ".title", language));
				assertThat(dictionary).contains(spec.rowHxl());
				spec.columns().forEach(c -> assertThat(dictionary).contains(c.hxl())
						.contains(text("statistics.column." + spec.id() + "." + c.key() + ".meaning", language)));
			}
		}
		assertThat(page("/statistics/releases", "en")).contains("/statistics/releases/" + release.releasedOn() + "/");
	}

	@Test
	void everyDownloadHoldsExactlyTheReleasesFigures() throws Exception {
		Releases.Release release = releases.latest().orElseThrow();
		for (StatTable table : release.tables()) {
			TableSpec spec = TableSpec.get(table.id());
			String base = "/statistics/releases/" + release.releasedOn() + "/" + table.id();
			String csv = mvc.perform(get(base + ".csv").param("lang", "ru")).andExpect(status().isOk())
					.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8")).andReturn().getResponse()
					.getContentAsString();
			List<Csv.Record> rows = Csv.parse(csv);
			assertThat(rows.get(1).fields()).startsWith(spec.rowHxl(), "#meta+label");
			List<String> labels = table.labels("ru");
			for (int i = 0; i < table.rowKeys().size(); i++) {
				List<String> fields = rows.get(2 + i).fields();
				assertThat(fields.get(0)).isEqualTo(table.rowKeys().get(i));
				assertThat(fields.get(1)).isEqualTo(labels.get(i));
				for (int j = 0; j < spec.columns().size(); j++) {
					assertThat(fields.get(2 + j)).isEqualTo(openData.value(spec, table.cells().get(i).get(j)));
				}
			}
			JsonNode data = json.readTree(mvc.perform(get(base + ".json")).andExpect(status().isOk()).andReturn()
					.getResponse().getContentAsString());
			assertThat(data.get("release").asString()).isEqualTo(release.releasedOn().toString());
			assertThat(data.get("rows")).hasSize(table.rowKeys().size());
			for (int i = 0; i < table.rowKeys().size(); i++) {
				JsonNode values = data.get("rows").get(i).get("values");
				for (int j = 0; j < spec.columns().size(); j++) {
					StatTable.Value v = table.cells().get(i).get(j);
					String expected = openData.value(spec, v);
					assertThat(values.get(j).isNull() ? "" : values.get(j).asString()).isEqualTo(expected);
				}
			}
		}
		mvc.perform(get("/statistics/latest/" + TableSpec.INCIDENTS + ".csv"))
				.andExpect(redirectedUrl("/statistics/releases/" + release.releasedOn() + "/" + TableSpec.INCIDENTS
						+ ".csv"));
	}

	@Test
	void addressesThatDoNotExistAreNotFound() throws Exception {
		String today = releases.latest().orElseThrow().releasedOn().toString();
		mvc.perform(get("/statistics/releases/" + today + "/no-such-table.csv")).andExpect(status().isNotFound());
		mvc.perform(get("/statistics/releases/1999-01-01/" + TableSpec.INCIDENTS + ".csv"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/statistics/releases/not-a-date/" + TableSpec.INCIDENTS + ".json"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/statistics/latest/" + TableSpec.INCIDENTS + ".xml")).andExpect(status().isNotFound());
	}

	@Test
	void aStatisticianEntersAFigureWithItsSourceAndBadInputComesBackInTheirLanguage() throws Exception {
		var statistician = users.demo("statistician@hearth.demo");
		String refused = mvc.perform(post("/statistics/population").param("measure", "left-2023")
				.param("value", "about a hundred thousand").param("asOf", "2023-09-30")
				.param("source", "Armenian government, 30 September 2023").param("sourceUrl", "")
				.header("Accept-Language", "az").with(WebSession.signedIn(statistician)).with(csrf()))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("statistics.error.value", "az"))
				.contains("value=\"about a hundred thousand\"").contains("Armenian government, 30 September 2023");
		mvc.perform(post("/statistics/population").param("measure", "left-2023").param("value", "100 617")
				.param("asOf", "2023-10-02").param("source", "Government of Armenia, refugee registration")
				.param("sourceUrl", "https://www.gov.am/").with(WebSession.signedIn(statistician)).with(csrf()))
				.andExpect(redirectedUrl("/statistics/manage"));
		assertThat(page("/statistics", "en")).contains("100,617").contains("Government of Armenia, refugee registration")
				.contains("https://www.gov.am/");
		mvc.perform(post("/statistics/population").param("measure", "left-2023").param("value", "1")
				.with(WebSession.signedIn(users.newStaff(Set.of(Role.OBSERVER), "KHA"))).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(post("/statistics/releases").header("Accept-Language", "hy")
				.with(WebSession.signedIn(statistician)).with(csrf())).andExpect(status().isUnprocessableContent());
	}
}
