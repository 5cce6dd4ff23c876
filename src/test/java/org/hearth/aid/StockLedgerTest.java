package org.hearth.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The stock ledger on PostgreSQL: derived stock, never negative, also when many take at once; only appended to. */
@HearthTest
class StockLedgerTest {

	@Autowired
	StockLedger ledger;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void stockOnHandIsWhatTheMovementsAddUpTo() {
		CurrentUser staff = fixtures.coordinator();
		UUID warehouse = fixtures.warehouseWith("diesel", "1000");
		UUID other = fixtures.warehouse("susa");
		LocalDate today = LocalDate.now();
		ledger.transfer(staff, warehouse, other, "diesel", new BigDecimal("250.5"), today);
		ledger.loss(staff, warehouse, "diesel", new BigDecimal("20"), "tank leaked", today);
		StockLedger.Movement counted = ledger.adjust(staff, warehouse, "diesel", new BigDecimal("-4.5"),
				"count on 1 December", null, today);

		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("725");
		assertThat(ledger.onHand(other, "diesel")).isEqualByComparingTo("250.5");
		BigDecimal sum = jdbc.sql("SELECT sum(delta) FROM aid.movement WHERE warehouse = ? AND item = 'diesel'")
				.param(warehouse).query(BigDecimal.class).single();
		assertThat(sum).isEqualByComparingTo("725");
		assertThat(ledger.movements(warehouse, null, 10)).extracting(StockLedger.Movement::kind).containsExactly(
				MovementKind.ADJUSTMENT, MovementKind.LOSS, MovementKind.TRANSFER_OUT, MovementKind.RECEIPT);

		// A correction is a new movement that points to the one it corrects.
		StockLedger.Movement correction = ledger.adjust(staff, warehouse, "diesel", new BigDecimal("4.5"),
				"recount: the first count missed a jerrycan", counted.id(), today);
		assertThat(correction.corrects()).isEqualTo(counted.id());
		assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("729.5");
	}

	@Test
	void takingMoreThanIsOnHandIsRefusedAndTakesNothing() {
		CurrentUser staff = fixtures.coordinator();
		UUID warehouse = fixtures.warehouseWith("flour-wheat", "100");
		int before = movements(warehouse);

		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> ledger.loss(staff, warehouse, "flour-wheat", new BigDecimal("100.001"), "rats", LocalDate.now()));
		assertThat(refused.messageKey()).isEqualTo("aid.error.insufficient-stock");
		assertThat(ledger.onHand(warehouse, "flour-wheat")).isEqualByComparingTo("100");
		assertThat(movements(warehouse)).isEqualTo(before);

		assertThat(catchThrowableOfType(RuleViolationException.class, () -> ledger.adjust(staff, warehouse,
				"flour-wheat", new BigDecimal("-101"), "count", null, LocalDate.now())).messageKey())
				.isEqualTo("aid.error.insufficient-stock");
		assertThat(catchThrowableOfType(RuleViolationException.class, () -> ledger.transfer(staff, warehouse,
				fixtures.warehouse("susa"), "rice", BigDecimal.ONE, LocalDate.now())).messageKey())
				.isEqualTo("aid.error.insufficient-stock");
	}

	@Test
	void badMovementsAreRefusedWithTheirReason() {
		CurrentUser staff = fixtures.coordinator();
		UUID warehouse = fixtures.warehouseWith("rice", "50");
		assertThat(key(() -> ledger.receive(staff, warehouse, "rice", BigDecimal.TEN, "WFP", LocalDate.now().plusDays(2))))
				.isEqualTo("aid.error.date-in-future");
		assertThat(key(() -> ledger.receive(staff, warehouse, "rice", BigDecimal.ZERO, "WFP", LocalDate.now())))
				.isEqualTo("aid.error.quantity-positive");
		assertThat(key(() -> ledger.receive(staff, warehouse, "rice", BigDecimal.TEN, " ", LocalDate.now())))
				.isEqualTo("aid.error.source-required");
		assertThat(key(() -> ledger.loss(staff, warehouse, "rice", BigDecimal.ONE, "", LocalDate.now())))
				.isEqualTo("aid.error.reason-required");
		assertThat(key(() -> ledger.adjust(staff, warehouse, "rice", BigDecimal.ZERO, "count", null, LocalDate.now())))
				.isEqualTo("aid.error.quantity-zero");
		assertThat(key(() -> ledger.transfer(staff, warehouse, warehouse, "rice", BigDecimal.ONE, LocalDate.now())))
				.isEqualTo("aid.error.transfer-same-warehouse");
		assertThat(key(() -> ledger.receive(staff, warehouse, "caviar", BigDecimal.ONE, "WFP", LocalDate.now())))
				.isEqualTo("aid.error.unknown-item");
		assertThat(ledger.onHand(warehouse, "rice")).isEqualByComparingTo("50");
	}

	@Test
	void fiftyPeopleTakingAtOnceNeverTakeMoreThanThereIs() throws Exception {
		UUID warehouse = fixtures.warehouseWith("diesel", "100");
		List<CurrentUser> staff = java.util.stream.IntStream.range(0, 5).mapToObj(i -> fixtures.newCoordinator())
				.toList();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Callable<Boolean>> attempts = java.util.stream.IntStream.range(0, 50).<Callable<Boolean>>mapToObj(
					i -> () -> {
						start.await();
						try {
							ledger.loss(staff.get(i % staff.size()), warehouse, "diesel", new BigDecimal("3"),
									"attempt " + i, LocalDate.now());
							return true;
						}
						catch (UserFacingException refused) {
							return false;
						}
					}).toList();
			List<Future<Boolean>> results = attempts.stream().map(pool::submit).toList();
			start.countDown();
			long taken = 0;
			for (Future<Boolean> result : results) {
				taken += result.get() ? 1 : 0;
			}
			assertThat(taken).isEqualTo(33);
			assertThat(ledger.onHand(warehouse, "diesel")).isEqualByComparingTo("1");
			assertThat(movements(warehouse)).isEqualTo(34);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theLedgerIsOnlyAppendedToAndTheStockOnlyMovedByIt() {
		UUID warehouse = fixtures.warehouseWith("rice", "10");
		for (String statement : List.of("UPDATE aid.movement SET delta = 1000 WHERE warehouse = '" + warehouse + "'",
				"DELETE FROM aid.movement WHERE warehouse = '" + warehouse + "'", "TRUNCATE aid.movement",
				"UPDATE aid.stock SET on_hand = 1000 WHERE warehouse = '" + warehouse + "'",
				"INSERT INTO aid.stock (warehouse, item, on_hand) VALUES ('" + warehouse + "', 'petrol', 5)")) {
			Throwable refused = catchThrowable(() -> jdbc.sql(statement).update());
			assertThat(refused).as(statement).isInstanceOf(DataAccessException.class);
		}
		assertThat(ledger.onHand(warehouse, "rice")).isEqualByComparingTo("10");
	}

	private int movements(UUID warehouse) {
		return jdbc.sql("SELECT count(*) FROM aid.movement WHERE warehouse = ?").param(warehouse).query(Integer.class)
				.single();
	}

	private static String key(Runnable action) {
		UserFacingException refused = catchThrowableOfType(UserFacingException.class, action::run);
		return refused == null ? "accepted" : refused.messageKey();
	}
}
