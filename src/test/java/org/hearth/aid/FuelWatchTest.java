package org.hearth.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Days of fuel left from readings, deliveries and declared use, and who is flagged. */
@HearthTest
class FuelWatchTest {

	@Autowired
	FuelWatch watch;

	@Autowired
	Facilities facilities;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Baku"));
	}

	FuelWatch.FuelStatus status(UUID facility) {
		return watch.statuses().stream().filter(s -> s.facility().equals(facility)).findFirst().orElseThrow();
	}

	@Test
	void readingsAndDeliveriesGiveTheDailyUseAndTheDaysLeft() {
		UUID hospital = fixtures.facility(FacilityKind.HOSPITAL, "xankendi");
		// 2000 l ten days ago, 1000 l delivered four days ago, 1200 l two days ago: 1800 l used in 8 days.
		facilities.recordFuel(fixtures.coordinator(), hospital, "diesel", new BigDecimal("2000"), today().minusDays(10));
		transactions.executeWithoutResult(t -> facilities.delivered(hospital, "diesel", today().minusDays(4),
				new BigDecimal("1000")));
		facilities.recordFuel(fixtures.coordinator(), hospital, "diesel", new BigDecimal("1200"), today().minusDays(2));

		FuelWatch.FuelStatus status = status(hospital);
		assertThat(status.basis()).isEqualTo(FuelWatch.Basis.READINGS);
		assertThat(status.dailyUse()).isEqualByComparingTo("225");
		assertThat(status.onHand()).isEqualByComparingTo("750");
		assertThat(status.daysLeft()).isEqualByComparingTo("3.3");
		assertThat(status.flagged()).isTrue();
	}

	@Test
	void aDeclaredUseStandsInForASingleReadingAndPlentyIsNotFlagged() {
		UUID school = fixtures.facility(FacilityKind.SCHOOL, "susa");
		facilities.update(fixtures.coordinator(), school, new Facilities.Details(FacilityKind.SCHOOL, "School", "susa",
				300, null, FacilityStatus.OPEN, new BigDecimal("50")), facilities.facility(school).version());
		facilities.recordFuel(fixtures.coordinator(), school, "diesel", new BigDecimal("900"), today().minusDays(1));

		FuelWatch.FuelStatus status = status(school);
		assertThat(status.basis()).isEqualTo(FuelWatch.Basis.DECLARED);
		assertThat(status.onHand()).isEqualByComparingTo("850");
		assertThat(status.daysLeft()).isEqualByComparingTo("17");
		assertThat(status.flagged()).isFalse();
	}

	@Test
	void aWatchedFacilityWithoutAnyReadingIsFlaggedAndAShelterIsNotWatched() {
		UUID clinic = fixtures.facility(FacilityKind.CLINIC, "agdam");
		UUID shelter = fixtures.facility(FacilityKind.SHELTER, "agdam");
		FuelWatch.FuelStatus status = status(clinic);
		assertThat(status.lastReading()).isNull();
		assertThat(status.daysLeft()).isNull();
		assertThat(status.flagged()).isTrue();
		assertThat(watch.statuses()).noneMatch(s -> s.facility().equals(shelter));
	}

	@Test
	void aReadingRecordedLateForAnEarlierDayDoesNotReplaceTheLatest() {
		UUID clinic = fixtures.facility(FacilityKind.CLINIC, "susa");
		facilities.recordFuel(fixtures.coordinator(), clinic, "diesel", new BigDecimal("500"), today().minusDays(1));
		facilities.recordFuel(fixtures.coordinator(), clinic, "diesel", new BigDecimal("900"), today().minusDays(5));
		FuelWatch.FuelStatus status = status(clinic);
		assertThat(status.lastReading()).isEqualTo(today().minusDays(1));
		// 400 l used in the four days between the readings: 100 a day, 400 l today, four days left.
		assertThat(status.dailyUse()).isEqualByComparingTo("100");
		assertThat(status.daysLeft()).isEqualByComparingTo("4");
	}
}
