package org.hearth.aid;

import java.math.BigDecimal;

import org.hearth.HearthTest;
import org.hearth.transparency.Receipts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's requests and shipments (tests run with the demo profile): as the services would have left them. */
@HearthTest
class AidShipmentsDemoTest {

	@Autowired
	Requests requests;

	@Autowired
	Shipments shipments;

	@Autowired
	Receipts receipts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoHoldsRequestsInEveryStageAndShipmentsOnTheRoadAndReceived() {
		assertThat(requests.request(AidShipmentsDemo.id("hospital")).status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(requests.request(AidShipmentsDemo.id("kitchen")).status())
				.isEqualTo(RequestStatus.AWAITING_SECOND_APPROVAL);
		assertThat(requests.request(AidShipmentsDemo.id("field-hospital")).status()).isEqualTo(RequestStatus.REQUESTED);
		assertThat(requests.request(AidShipmentsDemo.id("shelter-agdam")).status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(requests.rule(AidShipmentsDemo.id("hospital")).needsSecondApprover()).isTrue();

		var served = shipments.ofRequest(AidShipmentsDemo.id("hospital"));
		assertThat(served).extracting(Shipments.Shipment::status).containsExactly(ShipmentStatus.RECEIVED,
				ShipmentStatus.IN_TRANSIT);
		assertThat(shipments.lines(served.get(0).id())).filteredOn(Shipments.ShipmentLine::differs).singleElement()
				.satisfies(l -> assertThat(l.discrepancy()).contains("leaking valve"));
		assertThat(requests.lines(AidShipmentsDemo.id("hospital"))).allSatisfy(l -> assertThat(l.remaining()).isZero());
		BigDecimal delivered = jdbc.sql("""
				SELECT coalesce(sum(quantity), 0) FROM aid.delivered WHERE facility = ? AND item = 'diesel' AND day = ?""")
				.params(AidDemo.id("hospital"), served.get(0).receivedOn()).query(BigDecimal.class).single();
		assertThat(delivered).isGreaterThanOrEqualTo(new BigDecimal("3950"));
		assertThat(receipts.of("shipment", served.get(0).id())).hasSize(2);
		assertThat(receipts.of("shipment", served.get(1).id())).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM aid.movement WHERE shipment = ?").param(served.get(0).id())
				.query(Integer.class).single()).isEqualTo(2);
	}
}
