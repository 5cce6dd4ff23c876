package org.hearth.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coordinator's pages over the real domain and database: the dashboard in every language, refused movements and
 * facilities that come back with the message in the reader's language and what was typed, who may see what.
 */
@HearthTest
class AidPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	StockLedger ledger;

	@Autowired
	Facilities facilities;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	@Test
	void theDashboardShowsNeedsStockAndFuelInEveryLanguageWithItsCharts() throws Exception {
		UUID hospital = fixtures.facility(FacilityKind.HOSPITAL, "xankendi");
		facilities.recordFuel(fixtures.coordinator(), hospital, "diesel", new BigDecimal("40"), LocalDate.now().minusDays(1));
		for (String language : new String[] { "hy", "az", "ru", "en" }) {
			String page = mvc.perform(get("/aid").with(WebSession.signedIn(fixtures.coordinator()))
					.header("Accept-Language", language)).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
			assertThat(page).contains(text("aid.dashboard.title", language)).contains("<svg")
					.contains("data-testid=\"fuel-alerts\"").contains("data-facility=\"" + hospital + "\"")
					.contains("data-testid=\"category-table\"").contains("data-testid=\"stock-table\"")
					.contains(text("aid.dashboard.roster", language, 14)).contains("data-testid=\"pipeline-dispatched\"");
		}
		// Observers check aid too; applicants have nothing to do here.
		mvc.perform(get("/aid").with(WebSession.signedIn(users.demo("observer@hearth.demo")))).andExpect(status().isOk());
		mvc.perform(get("/aid").with(WebSession.signedIn(users.newApplicant("en")))).andExpect(status().isForbidden());
		mvc.perform(get("/aid/warehouses").with(WebSession.signedIn(users.demo("observer@hearth.demo"))))
				.andExpect(status().isForbidden());
	}

	@Test
	void aMovementRefusedIsExplainedInTheReadersLanguageAndKeepsWhatWasTyped() throws Exception {
		UUID warehouse = fixtures.warehouseWith("diesel", "100");
		CurrentUser coordinator = fixtures.coordinator();

		String tooMuch = mvc.perform(post("/aid/warehouses/" + warehouse + "/losses").param("item", "diesel")
				.param("quantity", "150,5").param("on", LocalDate.now().toString()).param("reason", "Бак протёк")
				.with(WebSession.signedIn(coordinator)).with(csrf()).header("Accept-Language", "ru"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(tooMuch).contains("Недостаточно на складе").contains("value=\"150,5\"").contains("Бак протёк");
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("100");

		String wrongUnit = mvc.perform(post("/aid/warehouses/" + warehouse + "/receipts").param("item", "diesel")
				.param("quantity", "20 կգ").param("on", LocalDate.now().toString()).param("source", "ԿԽՄԿ")
				.with(WebSession.signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(wrongUnit).contains(text("aid.error.unit-mismatch", "hy", text("aid.unit.KILOGRAM", "hy"),
				text("aid.unit.LITRE", "hy"))).contains("value=\"20 կգ\"").contains("value=\"ԿԽՄԿ\"");

		String future = mvc.perform(post("/aid/warehouses/" + warehouse + "/receipts").param("item", "diesel")
				.param("quantity", "20").param("on", LocalDate.now().plusDays(3).toString()).param("source", "WFP")
				.with(WebSession.signedIn(coordinator)).with(csrf()).header("Accept-Language", "az"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(future).contains(text("aid.error.date-in-future", "az")).contains("value=\"WFP\"");

		mvc.perform(post("/aid/warehouses/" + warehouse + "/receipts").param("item", "diesel").param("quantity", "1 250 l")
				.param("on", LocalDate.now().toString()).param("source", "ICRC convoy")
				.with(WebSession.signedIn(coordinator)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().is3xxRedirection());
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("1350");
		String page = mvc.perform(get("/aid/warehouses/" + warehouse).with(WebSession.signedIn(coordinator))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("1,350 l").contains("ICRC convoy");
	}

	@Test
	void aFacilityRefusedKeepsWhatWasTypedAndANeedNeedsItsDatesInOrder() throws Exception {
		CurrentUser coordinator = fixtures.coordinator();
		String page = mvc.perform(post("/aid/facilities").param("name", "Դպրոց № 3").param("kind", "SCHOOL")
				.param("settlement", "susa").param("capacity", "many").param("status", "OPEN")
				.with(WebSession.signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(text("aid.error.capacity", "hy")).contains("value=\"Դպրոց № 3\"")
				.contains("value=\"many\"");

		UUID clinic = fixtures.facility(FacilityKind.CLINIC, "susa");
		String need = mvc.perform(post("/aid/facilities/" + clinic + "/needs").param("item", "insulin")
				.param("quantity", "40").param("from", "2026-05-31").param("to", "2026-05-01").param("note", "winter")
				.with(WebSession.signedIn(coordinator)).with(csrf()).header("Accept-Language", "en"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(need).contains(text("aid.error.dates-out-of-order", "en")).contains("value=\"40\"")
				.contains("winter");
		assertThat(facilities.needs(clinic)).isEmpty();

		mvc.perform(get("/aid/facilities/" + UUID.randomUUID()).with(WebSession.signedIn(coordinator)))
				.andExpect(status().isNotFound());
		mvc.perform(get("/aid/facilities/not-an-id").with(WebSession.signedIn(coordinator)))
				.andExpect(status().isNotFound());
	}
}
