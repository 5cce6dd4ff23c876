package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.transparency.Receipts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hearth.aid.RequestsTest.key;

/**
 * Shipments on PostgreSQL: partial dispatches against what was approved, the stock taken in the same transaction
 * (all or nothing), the receiver's confirmation with a reason for every difference, one receipt per shipment, the
 * delivered read model, the transparency log, and the pipeline's counts.
 */
@HearthTest
class ShipmentsTest {

	@Autowired
	Requests requests;

	@Autowired
	Shipments shipments;

	@Autowired
	StockLedger ledger;

	@Autowired
	AidFixtures aid;

	@Autowired
	ShipmentFixtures fixtures;

	@Autowired
	Receipts receipts;

	@Autowired
	DisplayZone zone;

	@Autowired
	JdbcClient jdbc;

	LocalDate today() {
		return LocalDate.now(zone.zone());
	}

	@Test
	void oneRequestIsServedByTwoPartialShipmentsAndNoMoreThanApproved() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("diesel", "5000");
		ledger.receive(aid.coordinator(), warehouse, "health-kit", new BigDecimal("10"), "WHO", today());
		Requests.Request r = fixtures.approved(hospital, "diesel", "1000", "health-kit", "4");
		Requests.Pipeline before = requests.pipeline();

		Shipments.Shipment first = shipments.dispatch(aid.coordinator(), r.id(),
				fixtures.shipment(warehouse, "diesel", "600", "health-kit", "4"));
		assertThat(first.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		assertThat(first.facility()).isEqualTo(hospital);
		assertThat(requests.lines(r.id())).extracting(Requests.RequestLine::item, l -> l.dispatched().toPlainString(),
				l -> l.remaining().toPlainString())
				.containsExactly(org.assertj.core.groups.Tuple.tuple("diesel", "600", "400"),
						org.assertj.core.groups.Tuple.tuple("health-kit", "4", "0"));
		assertThat(requests.open(hospital)).singleElement().satisfies(o -> assertThat(o.request().id()).isEqualTo(r.id()));
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("4400");
		assertThat(ledger.movements(warehouse, null, 5)).filteredOn(m -> first.id().equals(m.shipment()))
				.extracting(StockLedger.Movement::kind).containsOnly(MovementKind.DISPATCH).hasSize(2);

		// More than the 400 l still approved: refused, with the line's number, and nothing is taken.
		assertThat(key(() -> shipments.dispatch(aid.coordinator(), r.id(),
				fixtures.shipment(warehouse, "diesel", "400.01")))).isEqualTo("aid.error.over-approved");
		assertThat(key(() -> shipments.dispatch(aid.coordinator(), r.id(),
				fixtures.shipment(warehouse, "health-kit", "1")))).isEqualTo("aid.error.over-approved");
		assertThat(key(() -> shipments.dispatch(aid.coordinator(), r.id(),
				fixtures.shipment(warehouse, "petrol", "1")))).isEqualTo("aid.error.item-not-requested");
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("4400");

		Shipments.Shipment second = shipments.dispatch(aid.coordinator(), r.id(),
				fixtures.shipment(warehouse, "diesel", "400"));
		assertThat(shipments.ofRequest(r.id())).extracting(Shipments.Shipment::id).containsExactly(first.id(), second.id());
		assertThat(requests.lines(r.id())).allSatisfy(l -> assertThat(l.remaining()).isZero());
		assertThat(requests.open(hospital)).isEmpty();

		Requests.Pipeline after = requests.pipeline();
		assertThat(after.inTransit() - before.inTransit()).isEqualTo(2);
		assertThat(after.approvedNotFullyDispatched() - before.approvedNotFullyDispatched()).isEqualTo(-1);

		// Something left for it: it can only be closed now, not cancelled.
		Requests.Request current = requests.request(r.id());
		assertThat(key(() -> requests.cancel(aid.coordinator(), r.id(), current.version(), null)))
				.isEqualTo("aid.error.cancel-after-dispatch");
		assertThat(requests.close(aid.coordinator(), r.id(), current.version(), "enough for the winter").status())
				.isEqualTo(RequestStatus.CLOSED);
	}

	@Test
	void closingDropsWhatWasNotDispatchedAndNothingMoreLeavesForIt() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("rice", "500");
		Requests.Request r = fixtures.approved(hospital, "rice", "300");
		shipments.dispatch(aid.coordinator(), r.id(), fixtures.shipment(warehouse, "rice", "100"));
		Requests.Request closed = requests.close(aid.coordinator(), r.id(), requests.request(r.id()).version(), null);
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(requests.lines(r.id())).singleElement().satisfies(l -> {
			assertThat(l.dispatched()).isEqualByComparingTo("100");
			assertThat(l.remaining()).isZero();
		});
		assertThat(key(() -> shipments.dispatch(aid.coordinator(), r.id(), fixtures.shipment(warehouse, "rice", "1"))))
				.isEqualTo("aid.error.request-not-approved");

		Requests.Request waiting = fixtures.request(hospital, "rice", "10");
		assertThat(key(() -> shipments.dispatch(aid.coordinator(), waiting.id(),
				fixtures.shipment(warehouse, "rice", "1")))).isEqualTo("aid.error.request-not-approved");
		assertThat(requests.cancel(aid.coordinator(), waiting.id(), waiting.version(), "duplicate").status())
				.isEqualTo(RequestStatus.CANCELLED);
		assertThat(ledger.onHand(warehouse, "rice")).isEqualByComparingTo("400");
	}

	@Test
	void moreThanTheWarehouseHoldsIsRefusedByTheLedgerAndNothingIsWritten() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("diesel", "100");
		ledger.receive(aid.coordinator(), warehouse, "rice", new BigDecimal("20"), "WFP", today());
		Requests.Request r = fixtures.approved(hospital, "rice", "10", "diesel", "500");
		int movements = count("SELECT count(*) FROM aid.movement WHERE warehouse = ?", warehouse);
		long leaves = jdbc.sql("SELECT count(*) FROM transparency.leaf").query(Long.class).single();

		UserFacingAssert refused = new UserFacingAssert(catchThrowableOfType(org.hearth.shared.RuleViolationException.class,
				() -> shipments.dispatch(aid.coordinator(), r.id(),
						fixtures.shipment(warehouse, "rice", "10", "diesel", "100.5"))));
		refused.hasKey("aid.error.insufficient-stock");
		assertThat(refused.line()).isEqualTo(2);
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(warehouse, "rice", "21")))).isEqualTo("aid.error.insufficient-stock");

		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("100");
		assertThat(ledger.onHand(warehouse, "rice")).isEqualByComparingTo("20");
		assertThat(count("SELECT count(*) FROM aid.movement WHERE warehouse = ?", warehouse)).isEqualTo(movements);
		assertThat(count("SELECT count(*) FROM aid.shipment WHERE facility = ?", hospital)).isZero();
		assertThat(count("SELECT count(*) FROM aid.shipment_line l JOIN aid.shipment s ON s.id = l.shipment "
				+ "WHERE s.warehouse = ?", warehouse)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM transparency.leaf").query(Long.class).single()).isEqualTo(leaves);
		assertThat(requests.lines(r.id())).allSatisfy(l -> assertThat(l.dispatched()).isZero());
	}

	@Test
	void badDispatchesAreRefusedWithTheirReason() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("rice", "50");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital, new Shipments.NewShipment(
				warehouse, "Convoy 7", "10-AB-123", today().plusDays(1), ShipmentFixtures.stock("rice", "1")))))
				.isEqualTo("aid.error.date-in-future");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital, new Shipments.NewShipment(
				warehouse, " ", "10-AB-123", today(), ShipmentFixtures.stock("rice", "1"))))).isEqualTo("aid.error.carrier");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital, new Shipments.NewShipment(
				warehouse, "Convoy 7", "", today(), ShipmentFixtures.stock("rice", "1"))))).isEqualTo("aid.error.vehicle");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(UUID.randomUUID(), "rice", "1")))).isEqualTo("aid.error.choose-warehouse");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(warehouse)))).isEqualTo("aid.error.no-lines");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(warehouse, "rice", "0")))).isEqualTo("aid.error.quantity-positive");
		assertThat(key(() -> shipments.dispatchWithoutRequest(aid.coordinator(), UUID.randomUUID(),
				fixtures.shipment(warehouse, "rice", "1")))).isEqualTo("aid.error.choose-facility");
		assertThat(ledger.onHand(warehouse, "rice")).isEqualByComparingTo("50");
	}

	@Test
	void aDifferenceOnReceiptNeedsAReasonAndMoreThanDispatchedIsNeverTakenWithoutOne() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("diesel", "1000");
		ledger.receive(aid.coordinator(), warehouse, "insulin", new BigDecimal("100"), "WHO", today());
		Shipments.Shipment s = shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(warehouse, "diesel", "500", "insulin", "40"));
		BigDecimal delivered = delivered(hospital, "diesel");

		assertThat(key(() -> receive(s.id(), today(), "diesel", "480", null, "insulin", "40", null)))
				.isEqualTo("aid.error.received-less");
		assertThat(key(() -> receive(s.id(), today(), "diesel", "500", null, "insulin", "41", "  ")))
				.isEqualTo("aid.error.received-more");
		assertThat(key(() -> receive(s.id(), today(), "diesel", "500", null))).isEqualTo("aid.error.received-missing");
		assertThat(key(() -> receive(s.id(), today(), "diesel", "500", null, "insulin", "40", null, "rice", "1", null)))
				.isEqualTo("aid.error.item-not-shipped");
		assertThat(key(() -> receive(s.id(), today(), "diesel", "-1", "spilt", "insulin", "40", null)))
				.isEqualTo("aid.error.received-negative");
		assertThat(shipments.shipment(s.id()).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		// The table holds the rule too: more received than dispatched without a reason is impossible.
		assertThat(catchThrowable(() -> jdbc.sql("UPDATE aid.shipment_line SET received = dispatched + 1 WHERE shipment = ?")
				.param(s.id()).update())).isInstanceOf(DataAccessException.class);
		// And a loss without a reason, which the first version of the table let through (a NULL check passes).
		assertThat(catchThrowable(() -> jdbc.sql("""
				INSERT INTO aid.movement (ref, warehouse, item, kind, delta, occurred_on, recorded_by, recorded_at)
				VALUES (?, ?, 'diesel', 'LOSS', -1, current_date, ?, now())""")
				.params(UUID.randomUUID(), warehouse, aid.coordinator().uuid()).update()))
				.isInstanceOf(DataAccessException.class);

		Shipments.Shipment received = receive(s.id(), today(), "diesel", "480", "20 l leaked from a jerrycan",
				"insulin", "0", "the cold box was left at the checkpoint");
		assertThat(received.status()).isEqualTo(ShipmentStatus.RECEIVED);
		assertThat(received.signedBy()).isEqualTo("Anahit Grigoryan");
		assertThat(shipments.lines(s.id())).extracting(Shipments.ShipmentLine::item, l -> l.received().toPlainString(),
				Shipments.ShipmentLine::differs)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("diesel", "480", true),
						org.assertj.core.groups.Tuple.tuple("insulin", "0", true));
		assertThat(delivered(hospital, "diesel").subtract(delivered)).isEqualByComparingTo("480");
		assertThat(delivered(hospital, "insulin")).isEqualByComparingTo("0");
	}

	@Test
	void futureDatesAndDatesBeforeTheDispatchAreRefused() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("rice", "50");
		Shipments.Shipment s = shipments.dispatchWithoutRequest(aid.coordinator(), hospital, new Shipments.NewShipment(
				warehouse, "Convoy 7", "10-AB-123", today().minusDays(2), ShipmentFixtures.stock("rice", "10")));
		assertThat(key(() -> receive(s.id(), today().plusDays(1), "rice", "10", null))).isEqualTo("aid.error.date-in-future");
		assertThat(key(() -> receive(s.id(), today().minusDays(3), "rice", "10", null)))
				.isEqualTo("aid.error.received-before-dispatch");
		assertThat(receive(s.id(), today().minusDays(2), "rice", "10", null).receivedOn()).isEqualTo(today().minusDays(2));
	}

	@Test
	void aShipmentIsReceivedOnce() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("rice", "50");
		Shipments.Shipment s = shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(warehouse, "rice", "10"));
		receive(s.id(), today(), "rice", "10", null);
		BigDecimal delivered = delivered(hospital, "rice");
		ConflictException again = catchThrowableOfType(ConflictException.class,
				() -> receive(s.id(), today(), "rice", "10", null));
		assertThat(again.messageKey()).isEqualTo("aid.error.already-received");
		assertThat(delivered(hospital, "rice")).isEqualByComparingTo(delivered);
	}

	@Test
	void eachDispatchAndReceiptIsInTheTransparencyLogWithoutNames() {
		UUID hospital = fixtures.hospital();
		UUID warehouse = aid.warehouseWith("rice", "50");
		Requests.Pipeline before = requests.pipeline();
		Shipments.Shipment s = shipments.dispatchWithoutRequest(aid.coordinator(), hospital,
				fixtures.shipment(warehouse, "rice", "10"));
		assertThat(receipts.of("shipment", s.id())).hasSize(1);
		receive(s.id(), today(), "rice", "9", "one sack torn");
		assertThat(receipts.of("shipment", s.id())).hasSize(2);
		// A dispatch's stock movements are in the log as the shipment, not each on its own.
		assertThat(ledger.movements(warehouse, null, 5)).filteredOn(m -> s.id().equals(m.shipment()))
				.singleElement().satisfies(m -> assertThat(receipts.of("stock-movement", m.ref())).isEmpty());

		List<String> leaves = jdbc.sql("""
				SELECT l.data FROM transparency.leaf l JOIN transparency.leaf_subject s ON s.idx = l.idx
				WHERE s.entity_type = 'shipment' AND s.entity_id = ?""").param(s.id())
				.query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
		assertThat(leaves).hasSize(2).allSatisfy(leaf -> assertThat(leaf).doesNotContain("Anahit")
				.doesNotContain("Karabakh Logistics").doesNotContain("10-AB-123").doesNotContain(s.id().toString()));
		assertThat(String.join("\n", Shipments.receivedContent(s.id(), today(), "Anahit Grigoryan",
				shipments.lines(s.id())))).doesNotContain("Anahit").doesNotContain("sack")
				.contains("signed-by-sha256 " + AidChanged.sha256("Anahit Grigoryan"));

		Requests.Pipeline after = requests.pipeline();
		assertThat(after.inTransit()).isEqualTo(before.inTransit());
		assertThat(after.receivedRecently() - before.receivedRecently()).isEqualTo(1);
	}

	private Shipments.Shipment receive(UUID shipment, LocalDate on, String... itemQuantityReason) {
		List<Shipments.Received> lines = new ArrayList<>();
		for (int i = 0; i + 2 < itemQuantityReason.length; i += 3) {
			lines.add(new Shipments.Received(itemQuantityReason[i], new BigDecimal(itemQuantityReason[i + 1]),
					itemQuantityReason[i + 2]));
		}
		return shipments.receive(aid.coordinator(), shipment, new Shipments.Receipt(on, "Anahit Grigoryan", lines));
	}

	private BigDecimal delivered(UUID facility, String item) {
		return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM aid.delivered WHERE facility = ? AND item = ?")
				.params(facility, item).query(BigDecimal.class).single();
	}

	private int count(String sql, Object parameter) {
		return jdbc.sql(sql).param(parameter).query(Integer.class).single();
	}

	/** A refusal's key and the line it names (the last argument, as the ledger gives it). */
	record UserFacingAssert(org.hearth.shared.UserFacingException refused) {

		void hasKey(String key) {
			assertThat(refused).isNotNull();
			assertThat(refused.messageKey()).isEqualTo(key);
		}

		Object line() {
			Object[] arguments = refused.arguments();
			return arguments[arguments.length - 1];
		}
	}
}
