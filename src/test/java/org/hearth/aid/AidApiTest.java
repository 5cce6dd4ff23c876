package org.hearth.aid;

import java.time.LocalDate;
import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The aid API: receipts in the item's unit only, problems in the caller's language, stock as the ledger says. */
@HearthTest
class AidApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	StockLedger ledger;

	String token(String email) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"" + email + "\", \"password\": \"hearth-demo-2026\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return json.readTree(body).get("token").asString();
	}

	JsonNode receipt(String token, UUID warehouse, String body, String language, int expected) throws Exception {
		String response = mvc.perform(post("/api/v1/aid/warehouses/" + warehouse + "/receipts")
				.header("Authorization", "Bearer " + token).header("Accept-Language", language)
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
		return json.readTree(response);
	}

	@Test
	void aReceiptIsInTheItemsUnitOrRefusedAndTheStockIsWhatTheLedgerSays() throws Exception {
		String token = token("aid@hearth.demo");
		UUID warehouse = fixtures.warehouse("xankendi");
		String today = LocalDate.now().minusDays(1).toString();

		JsonNode kilos = receipt(token, warehouse, "{\"item\": \"diesel\", \"quantity\": \"500\", \"unit\": \"KILOGRAM\", "
				+ "\"source\": \"ICRC\", \"on\": \"" + today + "\"}", "ru", 422);
		assertThat(kilos.get("code").asString()).isEqualTo("aid.error.unit-mismatch");
		assertThat(kilos.get("detail").asString()).contains("литрах").contains("килограммах");

		JsonNode unknown = receipt(token, warehouse, "{\"item\": \"diesel\", \"quantity\": \"500\", \"unit\": \"GALLON\", "
				+ "\"source\": \"ICRC\", \"on\": \"" + today + "\"}", "en", 422);
		assertThat(unknown.get("code").asString()).isEqualTo("aid.error.unknown-unit-code");

		JsonNode negative = receipt(token, warehouse, "{\"item\": \"diesel\", \"quantity\": \"-5\", \"unit\": \"LITRE\", "
				+ "\"source\": \"ICRC\", \"on\": \"" + today + "\"}", "hy", 422);
		assertThat(negative.get("code").asString()).isEqualTo("aid.error.quantity-positive");

		JsonNode future = receipt(token, warehouse, "{\"item\": \"diesel\", \"quantity\": \"5\", \"unit\": \"LITRE\", "
				+ "\"source\": \"ICRC\", \"on\": \"" + LocalDate.now().plusDays(2) + "\"}", "az", 422);
		assertThat(future.get("code").asString()).isEqualTo("aid.error.date-in-future");

		JsonNode received = receipt(token, warehouse, "{\"item\": \"diesel\", \"quantity\": \"1250.50\", \"unit\": \"LITRE\", "
				+ "\"source\": \"ICRC convoy 12\", \"on\": \"" + today + "\"}", "en", 201);
		assertThat(received.get("onHand").asString()).isEqualTo("1250.5");
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("1250.5");

		String stock = mvc.perform(get("/api/v1/aid/warehouses/" + warehouse + "/stock")
				.header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(json.readTree(stock).get("stock").get(0).get("onHand").asString()).isEqualTo("1250.5");

		// Observers may read the catalogue and the fuel alerts, not warehouses; applicants nothing.
		String observer = token("observer@hearth.demo");
		mvc.perform(get("/api/v1/aid/items").header("Authorization", "Bearer " + observer)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/aid/fuel-alerts").header("Authorization", "Bearer " + observer))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/aid/warehouses/" + warehouse + "/stock").header("Authorization", "Bearer " + observer))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/aid/warehouses/" + UUID.randomUUID() + "/stock").header("Authorization", "Bearer " + token))
				.andExpect(status().isNotFound());
	}
}
