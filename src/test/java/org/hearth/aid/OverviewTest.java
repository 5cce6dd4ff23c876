package org.hearth.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Needs against delivered: per facility and item within each need's days, per category by value, units never added. */
@HearthTest
class OverviewTest {

	@Autowired
	Overview overview;

	@Autowired
	Facilities facilities;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void deliveriesCountWithinTheNeedsDaysAndASurplusDoesNotHideAGap() {
		// A settlement no other test uses, so that the lines are this test's own.
		String settlement = "malibeyli";
		UUID school = fixtures.facility(FacilityKind.SCHOOL, settlement);
		UUID clinic = fixtures.facility(FacilityKind.CLINIC, settlement);
		LocalDate from = LocalDate.of(2026, 3, 1);
		LocalDate to = LocalDate.of(2026, 3, 31);
		facilities.recordNeed(fixtures.coordinator(), school, "flour-wheat", new BigDecimal("1000"), from, to, null, null);
		facilities.recordNeed(fixtures.coordinator(), clinic, "flour-wheat", new BigDecimal("1000"), from, to, null, null);
		facilities.recordNeed(fixtures.coordinator(), clinic, "insulin", new BigDecimal("100"), from, to, null, null);
		transactions.executeWithoutResult(t -> {
			facilities.delivered(school, "flour-wheat", LocalDate.of(2026, 3, 10), new BigDecimal("3000"));
			// Before the need's first day: not counted against it.
			facilities.delivered(clinic, "flour-wheat", LocalDate.of(2026, 2, 27), new BigDecimal("500"));
			facilities.delivered(clinic, "insulin", LocalDate.of(2026, 3, 31), new BigDecimal("25"));
		});

		List<Overview.NeedLine> lines = overview.needsAgainstDelivered(from, to, settlement);
		assertThat(lines).hasSize(3);
		Overview.NeedLine clinicFlour = lines.stream()
				.filter(l -> l.facility().equals(clinic) && l.item().equals("flour-wheat")).findFirst().orElseThrow();
		assertThat(clinicFlour.delivered()).isEqualByComparingTo("0");
		Overview.NeedLine schoolFlour = lines.stream().filter(l -> l.facility().equals(school)).findFirst().orElseThrow();
		assertThat(schoolFlour.percent()).isEqualTo(300);

		List<Overview.CategoryTotal> categories = overview.byCategory(lines);
		Overview.CategoryTotal food = categories.stream().filter(c -> c.category() == Category.FOOD).findFirst()
				.orElseThrow();
		assertThat(food.items()).singleElement().satisfies(i -> {
			assertThat(i.needed()).isEqualByComparingTo("2000");
			assertThat(i.delivered()).isEqualByComparingTo("3000");
		});
		// The school's 2000 kg surplus does not cover the clinic: 1000 of 2000 kg needed is met, 50 %.
		assertThat(food.percentByValue()).isEqualTo(50);
		Overview.CategoryTotal medical = categories.stream().filter(c -> c.category() == Category.MEDICAL).findFirst()
				.orElseThrow();
		assertThat(medical.percentByValue()).isEqualTo(25);

		List<Overview.FacilityTotal> byFacility = overview.byFacility(lines);
		assertThat(byFacility).extracting(Overview.FacilityTotal::facility).containsExactly(clinic, school);
		// The clinic: 0 of 1000 kg flour at 0.60 and 25 of 100 vials at 12: 300 of 1800 by value.
		assertThat(byFacility.get(0).percentByValue()).isEqualTo(16);
		assertThat(byFacility.get(1).linesMet()).isEqualTo(1);
	}

	@Test
	void aSupersededNeedNoLongerCounts() {
		String settlement = "dasalti";
		UUID kitchen = fixtures.facility(FacilityKind.COMMUNITY_KITCHEN, settlement);
		LocalDate from = LocalDate.of(2026, 4, 1);
		LocalDate to = LocalDate.of(2026, 4, 30);
		Facilities.Need first = facilities.recordNeed(fixtures.coordinator(), kitchen, "rice", new BigDecimal("400"),
				from, to, null, null);
		facilities.recordNeed(fixtures.coordinator(), kitchen, "rice", new BigDecimal("250"), from, to,
				"fewer people served", first.id());
		assertThat(overview.needsAgainstDelivered(from, to, settlement)).singleElement()
				.satisfies(l -> assertThat(l.needed()).isEqualByComparingTo("250"));
		assertThat(facilities.needHistory(kitchen)).hasSize(2);
	}

	@Test
	void aNeedRecordedAfterItsDeliveriesCountsThemAndNeedsOfOneItemDoNotOverlap() {
		String settlement = "kerkicahan";
		UUID shelter = fixtures.facility(FacilityKind.SHELTER, settlement);
		transactions.executeWithoutResult(t -> {
			facilities.delivered(shelter, "blanket", LocalDate.of(2026, 6, 3), new BigDecimal("40"));
			facilities.delivered(shelter, "blanket", LocalDate.of(2026, 6, 3), new BigDecimal("10"));
			facilities.delivered(shelter, "blanket", LocalDate.of(2026, 7, 1), new BigDecimal("99"));
		});
		Facilities.Need june = facilities.recordNeed(fixtures.coordinator(), shelter, "blanket", new BigDecimal("80"),
				LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), null, null);
		assertThat(overview.needsOf(List.of(june))).singleElement()
				.satisfies(s -> assertThat(s.delivered()).isEqualByComparingTo("50"));

		org.hearth.shared.RuleViolationException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
				org.hearth.shared.RuleViolationException.class, () -> facilities.recordNeed(fixtures.coordinator(), shelter,
						"blanket", BigDecimal.TEN, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 15), null, null));
		assertThat(refused.messageKey()).isEqualTo("aid.error.need-overlaps");
		Facilities.Need july = facilities.recordNeed(fixtures.coordinator(), shelter, "blanket", BigDecimal.TEN,
				LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 15), null, null);

		// A delivery afterwards counts for the need whose days it falls on, and only for it.
		transactions.executeWithoutResult(t -> facilities.delivered(shelter, "blanket", LocalDate.of(2026, 6, 20),
				new BigDecimal("5")));
		assertThat(overview.needsOf(List.of(june, july))).extracting(Overview.NeedStatus::delivered)
				.usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("55"), new BigDecimal("99"));
		assertThat(overview.needsAgainstDelivered(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31), settlement))
				.singleElement().satisfies(l -> {
					assertThat(l.needed()).isEqualByComparingTo("90");
					assertThat(l.delivered()).isEqualByComparingTo("154");
				});
	}
}
