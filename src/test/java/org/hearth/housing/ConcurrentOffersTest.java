package org.hearth.housing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Fifty simultaneous attempts to offer or to accept one unit end in exactly one allocation. */
@HearthTest
class ConcurrentOffersTest {

	private static final int ATTEMPTS = 50;

	@Autowired
	HousingFixtures fixtures;

	@Autowired
	Offers offers;

	@Autowired
	HousingStock stock;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiftyOffersOfOneUnitToFiftyHouseholdsMakeOneOffer() throws Exception {
		UUID unit = fixtures.readyUnit(fixtures.area("mincivan", AreaStatus.RELEASED), 2, false);
		List<UUID> households = new ArrayList<>();
		for (int i = 0; i < ATTEMPTS; i++) {
			households.add(fixtures.household(users.newApplicant("en"), 2, List.of(), false, List.of("mincivan"),
					LocalDate.of(2025, 2, 1)));
		}
		CurrentUser officer = fixtures.officer();

		int[] outcome = race(households.stream()
				.<Callable<Object>>map(h -> () -> offers.offer(officer, unit, h)).toList());

		assertThat(outcome[0]).as("offers made").isEqualTo(1);
		assertThat(outcome[1]).as("told the unit is taken").isEqualTo(ATTEMPTS - 1);
		assertThat(liveOffers(unit)).isEqualTo(1);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.OFFERED);
		assertThat(jdbc.sql("SELECT count(*) FROM housing.household WHERE id = ANY (?) AND status = 'OFFERED'")
				.param(households.toArray(UUID[]::new)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void fiftyAcceptancesAndOffersOfOneUnitMakeOneAllocation() throws Exception {
		UUID unit = fixtures.readyUnit(fixtures.area("mincivan", AreaStatus.RELEASED), 3, false);
		CurrentUser applicant = users.newApplicant("hy");
		UUID household = fixtures.household(applicant, 3, List.of(), false, List.of("mincivan"),
				LocalDate.of(2025, 2, 1));
		UUID offer = offers.offer(fixtures.officer(), unit, household).id();
		List<UUID> others = new ArrayList<>();
		for (int i = 0; i < ATTEMPTS / 2; i++) {
			others.add(fixtures.household(users.newApplicant("en"), 3, List.of(), false, List.of("mincivan"),
					LocalDate.of(2025, 2, 1)));
		}
		List<Callable<Object>> attempts = new ArrayList<>();
		for (int i = 0; i < ATTEMPTS / 2; i++) {
			UUID other = others.get(i);
			attempts.add(() -> offers.accept(applicant, offer));
			attempts.add(() -> offers.offer(fixtures.officer(), unit, other));
		}

		int[] outcome = race(attempts);

		assertThat(outcome[0]).as("acceptances, all the same one").isEqualTo(ATTEMPTS / 2);
		assertThat(outcome[1]).as("offers refused").isEqualTo(ATTEMPTS / 2);
		assertThat(liveOffers(unit)).isEqualTo(1);
		assertThat(offers.find(offer).status()).isEqualTo(OfferStatus.ACCEPTED);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.ALLOCATED);
		assertThat(offers.history(offer)).extracting(Offers.HistoryEntry::status)
				.containsExactly(OfferStatus.OPEN, OfferStatus.ACCEPTED);
	}

	private int liveOffers(UUID unit) {
		return jdbc.sql("SELECT count(*) FROM housing.offer WHERE unit_id = ? AND status IN ('OPEN', 'ACCEPTED')")
				.param(unit).query(Integer.class).single();
	}

	/** Runs the attempts at the same moment; returns {succeeded, refused with a conflict}. Anything else fails. */
	private static int[] race(List<Callable<Object>> attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Object>> results = new ArrayList<>();
			for (Callable<Object> attempt : attempts) {
				results.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			int[] outcome = new int[2];
			for (Future<Object> result : results) {
				try {
					result.get(60, TimeUnit.SECONDS);
					outcome[0]++;
				}
				catch (ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(ConflictException.class);
					outcome[1]++;
				}
			}
			return outcome;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
