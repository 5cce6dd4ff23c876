package org.hearth.aid;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty coordinators dispatching at the same moment: the last of a warehouse's stock goes out exactly once, and
 * so does the last of what a request has approved. Every other attempt is a clear refusal and writes nothing.
 */
@HearthTest
class ConcurrentDispatchTest {

	private static final int ATTEMPTS = 20;

	@Autowired
	Shipments shipments;

	@Autowired
	Requests requests;

	@Autowired
	StockLedger ledger;

	@Autowired
	AidFixtures aid;

	@Autowired
	ShipmentFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twentyDispatchesOfTheLastStockShipExactlyTheStock() throws Exception {
		UUID warehouse = aid.warehouseWith("diesel", "100");
		UUID hospital = fixtures.hospital();
		List<CurrentUser> staff = IntStream.range(0, 4).mapToObj(i -> aid.newCoordinator()).toList();

		List<String> refusals = race(IntStream.range(0, ATTEMPTS).<Callable<Object>>mapToObj(
				i -> () -> shipments.dispatchWithoutRequest(staff.get(i % staff.size()), hospital,
						fixtures.shipment(warehouse, "diesel", "10")))
				.toList());

		assertThat(refusals).hasSize(ATTEMPTS - 10).containsOnly("aid.error.insufficient-stock");
		assertThat(ledger.onHand(warehouse, "diesel")).isZero();
		assertThat(count("SELECT count(*) FROM aid.shipment WHERE facility = ?", hospital)).isEqualTo(10);
		assertThat(count("SELECT count(*) FROM aid.movement WHERE warehouse = ? AND kind = 'DISPATCH'", warehouse))
				.isEqualTo(10);
		assertThat(count("""
				SELECT count(*) FROM transparency.leaf_subject WHERE entity_type = 'shipment'
				  AND entity_id IN (SELECT id FROM aid.shipment WHERE facility = ?)""", hospital)).isEqualTo(10);
	}

	@Test
	void twentyDispatchesForOneRequestShipNoMoreThanWasApproved() throws Exception {
		UUID warehouse = aid.warehouseWith("diesel", "10000");
		UUID hospital = fixtures.hospital();
		Requests.Request request = fixtures.approved(hospital, "diesel", "50");
		List<CurrentUser> staff = IntStream.range(0, 4).mapToObj(i -> aid.newCoordinator()).toList();

		List<String> refusals = race(IntStream.range(0, ATTEMPTS).<Callable<Object>>mapToObj(
				i -> () -> shipments.dispatch(staff.get(i % staff.size()), request.id(),
						fixtures.shipment(warehouse, "diesel", "5")))
				.toList());

		assertThat(refusals).hasSize(ATTEMPTS - 10).containsOnly("aid.error.over-approved");
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("9950");
		assertThat(shipments.ofRequest(request.id())).hasSize(10);
		assertThat(requests.lines(request.id())).singleElement()
				.satisfies(l -> assertThat(l.remaining()).isZero());
	}

	/** Runs every attempt at once; returns the message keys of the refused ones. */
	private static List<String> race(List<Callable<Object>> attempts) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		try {
			List<Future<String>> results = new ArrayList<>();
			for (Callable<Object> attempt : attempts) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						attempt.call();
						return null;
					}
					catch (UserFacingException refused) {
						return refused.messageKey();
					}
				}));
			}
			start.countDown();
			List<String> refusals = new ArrayList<>();
			for (Future<String> result : results) {
				String refused = result.get();
				if (refused != null) {
					refusals.add(refused);
				}
			}
			return refusals;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int count(String sql, Object parameter) {
		return jdbc.sql(sql).param(parameter).query(Integer.class).single();
	}
}
