package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.Csv;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.identity.WebSession.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request and shipment pages over the real domain and PostgreSQL: refusals come back with 422, the message in
 * the reader's language and everything typed still in the form; the approval rule explained; a dispatch and its
 * receipt through the forms; the deliveries CSV for coordinators and observers, without names; 404 for ids that
 * name nothing.
 */
@HearthTest
class ShipmentPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Autowired
	AidFixtures aid;

	@Autowired
	ShipmentFixtures fixtures;

	@Autowired
	Requests requests;

	@Autowired
	Shipments shipments;

	@Autowired
	StockLedger ledger;

	@Autowired
	Facilities facilities;

	@Autowired
	TestUsers users;

	@Autowired
	DisplayZone zone;

	String today() {
		return LocalDate.now(zone.zone()).toString();
	}

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	static final List<String> COLUMNS = List.of("shipment_id", "dispatched_on", "received_on", "warehouse_code",
			"facility_id", "facility_name", "facility_kind", "settlement_id", "item_code", "category", "unit",
			"dispatched", "received", "discrepancy");

	@Test
	void aDispatchOfMoreThanIsOnHandIsRefusedInArmenianWithEverythingTypedKept() throws Exception {
		UUID warehouse = aid.warehouseWith("diesel", "100");
		Requests.Request request = fixtures.approved(fixtures.hospital(), "diesel", "500");
		CurrentUser coordinator = aid.coordinator();

		String page = mvc.perform(get("/aid/requests/" + request.id()).with(signedIn(coordinator))
				.header("Accept-Language", "hy")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains(text("aid.request.dispatch.heading", "hy")).contains("name=\"quantity0\"")
				.contains("value=\"500\"");

		String refused = mvc.perform(post("/aid/requests/" + request.id() + "/dispatch").with(signedIn(coordinator))
				.with(csrf()).header("Accept-Language", "hy").param("rows", "1").param("warehouse", warehouse.toString())
				.param("carrier", "Արցախ Տրանս, Ա. Պետրոսյան").param("vehicle", "35 AB 123")
				.param("dispatchedOn", today()).param("item0", "diesel").param("quantity0", "150,5"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		String message = text("aid.error.insufficient-stock", "hy",
				Quantities.amount(new BigDecimal("100"), MeasureUnit.LITRE),
				Quantities.amount(new BigDecimal("150.5"), MeasureUnit.LITRE), 1);
		assertThat(message).contains("100 լ").contains("150,5 լ");
		assertThat(refused).contains(message).contains("value=\"Արցախ Տրանս, Ա. Պետրոսյան\"")
				.contains("value=\"35 AB 123\"").contains("value=\"150,5\"").contains("value=\"" + today() + "\"")
				.containsPattern("<option value=\"" + warehouse + "\" selected=\"selected\"");
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("100");
		assertThat(shipments.ofRequest(request.id())).isEmpty();

		// Less, which the warehouse holds: dispatched, to the shipment's page.
		MvcResult sent = mvc.perform(post("/aid/requests/" + request.id() + "/dispatch").with(signedIn(coordinator))
				.with(csrf()).header("Accept-Language", "hy").param("rows", "1").param("warehouse", warehouse.toString())
				.param("carrier", "Արցախ Տրանս").param("vehicle", "35 AB 123").param("dispatchedOn", today())
				.param("item0", "diesel").param("quantity0", "99,5")).andExpect(status().is3xxRedirection()).andReturn();
		UUID shipment = shipments.ofRequest(request.id()).get(0).id();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/aid/shipments/" + shipment);
		assertThat(requests.lines(request.id()).get(0).remaining()).isEqualByComparingTo("400.5");
	}

	@Test
	void aNewRequestRefusedForItsUnitKeepsEveryRowAndIsThenRecordedAndApproved() throws Exception {
		UUID hospital = fixtures.hospital();
		CurrentUser coordinator = aid.coordinator();
		String neededBy = LocalDate.now(zone.zone()).plusDays(10).toString();
		String refused = mvc.perform(post("/aid/requests").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "en").param("facility", hospital.toString()).param("neededBy", neededBy)
				.param("note", "Generator & boiler for the winter").param("item0", "rice").param("quantity0", "1,250")
				.param("item2", "diesel").param("quantity2", "12 kg"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("aid.error.on-line", "en",
				new org.springframework.context.support.DefaultMessageSourceResolvable(
						new String[] { "aid.error.unit-mismatch" },
						new Object[] { Quantities.unitName(MeasureUnit.KILOGRAM), Quantities.unitName(MeasureUnit.LITRE) }),
				3));
		assertThat(refused).contains("Line 3: This item is counted in litres, not in kilograms.")
				.contains("value=\"1,250\"").contains("value=\"12 kg\"").contains("value=\"" + neededBy + "\"")
				.contains("Generator &amp; boiler for the winter</textarea>")
				.containsPattern("<option value=\"" + hospital + "\" selected=\"selected\"")
				.containsPattern("<option value=\"diesel\" selected=\"selected\"");
		assertThat(requests.requests(null, hospital, 10)).isEmpty();

		MvcResult created = mvc.perform(post("/aid/requests").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "en").param("facility", hospital.toString()).param("neededBy", neededBy)
				.param("item0", "rice").param("quantity0", "1,250").param("item2", "diesel").param("quantity2", "12"))
				.andExpect(status().is3xxRedirection()).andReturn();
		Requests.Request request = requests.requests(null, hospital, 10).get(0);
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/aid/requests/" + request.id());
		assertThat(requests.lines(request.id())).extracting(l -> l.item() + "=" + l.requested().toPlainString())
				.containsExactly("diesel=12", "rice=1250");

		String page = mvc.perform(get("/aid/requests/" + request.id()).with(signedIn(coordinator))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("One approval is enough: the request is worth 1,513.20 USD, less than the "
				+ "10,000.00 USD from which a second approver is needed");
		mvc.perform(post("/aid/requests/" + request.id() + "/approve").with(signedIn(coordinator)).with(csrf())
				.param("version", String.valueOf(request.version()))).andExpect(status().is3xxRedirection());
		assertThat(requests.request(request.id()).status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(mvc.perform(get("/aid/requests?status=APPROVED&facility=" + hospital).with(signedIn(coordinator))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).contains("data-request=\"" + request.id() + "\"").contains("Approved");
	}

	@Test
	void theSecondApprovalBySomeoneElseAndTheSamePersonRefusedInRussian() throws Exception {
		Requests.Request request = fixtures.request(fixtures.hospital(), "health-kit", "12");
		CurrentUser first = aid.newCoordinator();
		String before = mvc.perform(get("/aid/requests/" + request.id()).with(signedIn(first))
				.header("Accept-Language", "ru")).andReturn().getResponse().getContentAsString();
		// 12 kits at 900 USD: 10,800 USD, at least the 10,000 USD of the rule.
		Locale ru = Locale.forLanguageTag("ru");
		String worth = messages.getMessage("aid.request.money", new Object[] { new BigDecimal("10800"), "USD" }, ru);
		String threshold = messages.getMessage("aid.request.money", new Object[] { new BigDecimal("10000"), "USD" }, ru);
		assertThat(before).contains(text("aid.request.rule.two", "ru"))
				.contains(text("aid.request.rule.value", "ru", worth, threshold));
		mvc.perform(post("/aid/requests/" + request.id() + "/approve").with(signedIn(first)).with(csrf())
				.param("version", "0")).andExpect(status().is3xxRedirection());

		String mine = mvc.perform(get("/aid/requests/" + request.id()).with(signedIn(first))
				.header("Accept-Language", "ru")).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains(text("aid.request.approve.mine", "ru"))
				.doesNotContain("action=\"/aid/requests/" + request.id() + "/approve\"");
		String refused = mvc.perform(post("/aid/requests/" + request.id() + "/approve").with(signedIn(first))
				.with(csrf()).header("Accept-Language", "ru").param("version", "1").param("comment", "ещё раз"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("aid.error.same-approver", "ru")).contains(">ещё раз</textarea>");

		// A page older than the first approval: the change is refused as a conflict, and the page shows the news.
		CurrentUser second = aid.newCoordinator();
		String stale = mvc.perform(post("/aid/requests/" + request.id() + "/reject").with(signedIn(second))
				.with(csrf()).header("Accept-Language", "ru").param("version", "0").param("reason", "дубликат"))
				.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(stale).contains(text("aid.error.changed-meanwhile", "ru")).contains(">дубликат</textarea>");

		mvc.perform(post("/aid/requests/" + request.id() + "/approve").with(signedIn(second)).with(csrf())
				.param("version", "1")).andExpect(status().is3xxRedirection());
		assertThat(requests.request(request.id()).status()).isEqualTo(RequestStatus.APPROVED);
	}

	@Test
	void aReceiptWithADifferenceNeedsItsReasonAndTheCsvHasTheRowWithoutNames() throws Exception {
		UUID school = facilities.add(aid.coordinator(), new Facilities.Details(FacilityKind.SCHOOL,
				"School \"No. 5\", " + UUID.randomUUID().toString().substring(0, 6), "xocali", 300, null,
				FacilityStatus.OPEN, null)).id();
		UUID warehouse = aid.warehouseWith("diesel", "1000");
		ledger.receive(aid.coordinator(), warehouse, "blanket", new BigDecimal("50"), "UNHCR", LocalDate.now());
		Shipments.Shipment shipment = shipments.dispatchWithoutRequest(aid.coordinator(), school,
				new Shipments.NewShipment(warehouse, "Driver Samir Aliyev", "10-XY-987", LocalDate.now(),
						ShipmentFixtures.stock("diesel", "500.5", "blanket", "40")));
		CurrentUser coordinator = aid.coordinator();
		String path = "/aid/shipments/" + shipment.id();
		assertThat(mvc.perform(get("/aid/shipments").with(signedIn(coordinator)).header("Accept-Language", "az"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("data-shipment=\"" + shipment.id() + "\"").contains(text("aid.shipment.status.IN_TRANSIT", "az"));
		assertThat(mvc.perform(get(path).with(signedIn(coordinator)).header("Accept-Language", "az"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("value=\"500,5\"").contains(text("aid.shipment.receipt.heading", "az"));

		// Blankets: 38 of the 40, and no reason given: refused, everything kept.
		String refused = mvc.perform(post(path + "/receipt").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "az").param("receivedOn", today()).param("signedBy", "Leyla Həsənova")
				.param("received0", "38").param("discrepancy0", "").param("received1", "500,5"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("aid.error.received-less", "az",
				Quantities.amount(new BigDecimal("38"), MeasureUnit.PIECE),
				Quantities.amount(new BigDecimal("40"), MeasureUnit.PIECE), 1))
				.contains("value=\"Leyla Həsənova\"").contains("value=\"38\"").contains("value=\"500,5\"");
		assertThat(shipments.shipment(shipment.id()).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);

		String future = LocalDate.now(zone.zone()).plusDays(1).toString();
		assertThat(mvc.perform(post(path + "/receipt").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "en").param("receivedOn", future).param("signedBy", "Leyla Həsənova")
				.param("received0", "38").param("discrepancy0", "two torn, kept by the driver").param("received1", "500.5"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
				.contains(text("aid.error.date-in-future", "en")).contains("value=\"" + future + "\"")
				.contains("value=\"two torn, kept by the driver\"");

		mvc.perform(post(path + "/receipt").with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "az")
				.param("receivedOn", today()).param("signedBy", "Leyla Həsənova").param("received0", "38")
				.param("discrepancy0", "two torn, kept by the driver").param("received1", "500,5"))
				.andExpect(status().is3xxRedirection());
		assertThat(shipments.shipment(shipment.id()).status()).isEqualTo(ShipmentStatus.RECEIVED);
		String again = mvc.perform(post(path + "/receipt").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "en").param("receivedOn", today()).param("signedBy", "Someone else")
				.param("received0", "40").param("received1", "500.5"))
				.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(again).contains(text("aid.error.already-received", "en"));

		// The export, as an observer reads it: the header, both lines, no one's name.
		CurrentUser observer = users.newStaff(Set.of(Role.OBSERVER), "KHA");
		MvcResult csv = mvc.perform(get("/aid/deliveries.csv?from=" + today() + "&to=" + today())
				.with(signedIn(observer))).andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
				.andReturn();
		String body = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("shipment_id,dispatched_on,received_on,warehouse_code,facility_id,facility_name,"
				+ "facility_kind,settlement_id,item_code,category,unit,dispatched,received,discrepancy\r\n");
		assertThat(body).doesNotContain("Leyla").doesNotContain("Samir").doesNotContain("10-XY-987")
				.doesNotContain("torn");
		List<Csv.Row> rows = Csv.read(body, COLUMNS).stream()
				.filter(r -> r.get("shipment_id").equals(shipment.id().toString())).toList();
		assertThat(rows).extracting(r -> r.get("item_code") + " " + r.get("dispatched") + " " + r.get("received") + " "
				+ r.get("discrepancy") + " " + r.get("unit") + " " + r.get("category"))
				.containsExactly("blanket 40 38 yes PIECE SHELTER", "diesel 500.5 500.5 no LITRE FUEL");
		assertThat(rows.get(0).get("facility_name")).startsWith("School \"No. 5\", ");
		assertThat(rows.get(0).get("facility_kind")).isEqualTo("SCHOOL");
		assertThat(rows.get(0).get("settlement_id")).isEqualTo("xocali");
		assertThat(body).contains(",\"School \"\"No. 5\"\", ");

		// A period that ends before it starts is refused; a coordinator reads the export too; an applicant does not.
		mvc.perform(get("/aid/deliveries.csv?from=" + today() + "&to=2020-01-01").with(signedIn(observer)))
				.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/aid/deliveries.csv").with(signedIn(coordinator))).andExpect(status().isOk());
		mvc.perform(get("/aid/deliveries.csv").with(signedIn(users.newApplicant("en")))).andExpect(status().isForbidden());
		mvc.perform(get("/aid/shipments").with(signedIn(observer))).andExpect(status().isForbidden());
	}

	@Test
	void aDispatchWithoutARequestRefusesAZeroQuantityAndAFutureDateKeepingTheRows() throws Exception {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("diesel", "300");
		CurrentUser coordinator = aid.coordinator();
		assertThat(mvc.perform(get("/aid/shipments/new").with(signedIn(coordinator)).header("Accept-Language", "hy"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("name=\"item4\"").contains(text("aid.shipment.new.title", "hy"));
		String zero = mvc.perform(post("/aid/shipments").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "en").param("facility", hospital.toString())
				.param("warehouse", warehouse.toString()).param("carrier", "Convoy 9").param("vehicle", "77-CC-777")
				.param("dispatchedOn", today()).param("item1", "diesel").param("quantity1", "0"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(zero).contains("Line 2: The quantity must be more than zero.").contains("value=\"Convoy 9\"")
				.contains("value=\"77-CC-777\"").contains("value=\"0\"");
		String tomorrow = LocalDate.now(zone.zone()).plusDays(1).toString();
		String future = mvc.perform(post("/aid/shipments").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "ru").param("facility", hospital.toString())
				.param("warehouse", warehouse.toString()).param("carrier", "Колонна 9").param("vehicle", "77-CC-777")
				.param("dispatchedOn", tomorrow).param("item1", "diesel").param("quantity1", "250,5"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(future).contains(text("aid.error.date-in-future", "ru")).contains("value=\"" + tomorrow + "\"")
				.contains("value=\"250,5\"").contains("value=\"Колонна 9\"");
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("300");

		MvcResult sent = mvc.perform(post("/aid/shipments").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "ru").param("facility", hospital.toString())
				.param("warehouse", warehouse.toString()).param("carrier", "Колонна 9").param("vehicle", "77-CC-777")
				.param("dispatchedOn", today()).param("item1", "diesel").param("quantity1", "250,5"))
				.andExpect(status().is3xxRedirection()).andReturn();
		Shipments.Shipment shipment = shipments.shipments(null, hospital, 5).get(0);
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/aid/shipments/" + shipment.id());
		assertThat(shipment.request()).isNull();
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("49.5");
	}

	@Test
	void idsThatNameNothingAre404() throws Exception {
		CurrentUser coordinator = aid.coordinator();
		for (String path : List.of("/aid/requests/not-a-request", "/aid/requests/" + UUID.randomUUID(),
				"/aid/shipments/12345", "/aid/shipments/" + UUID.randomUUID())) {
			mvc.perform(get(path).with(signedIn(coordinator))).andExpect(status().isNotFound());
		}
		mvc.perform(post("/aid/requests/" + UUID.randomUUID() + "/approve").with(signedIn(coordinator)).with(csrf())
				.param("version", "0")).andExpect(status().isNotFound());
		mvc.perform(post("/aid/shipments/" + UUID.randomUUID() + "/receipt").with(signedIn(coordinator)).with(csrf()))
				.andExpect(status().isNotFound());
	}
}
