package org.hearth.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hearth.HearthTest;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.platform.Suppression.Shown;
import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.statistics.StatisticsFixtures.at;
import static org.hearth.statistics.StatisticsFixtures.week;

/**
 * Releases over the real modules and database: what a release counts (the complete weeks before it, nothing
 * after), that no count from 1 to 9 of people is ever stored as a number, medians only where enough decisions
 * stand behind them, one release a day, and releases never changed.
 */
@HearthTest
class ReleasesTest {

	@Autowired
	Releases releases;

	@Autowired
	ReleaseBuilder builder;

	@Autowired
	StatisticsFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReleaseCountsTheCompleteWeeksBeforeItAndNeverStoresASmallCountAsANumber() {
		LocalDate first = week(1);
		fixtures.applications(25, "SUBMITTED", at(first.plusDays(1), 10));
		fixtures.applications(40, "IN_REVIEW", at(week(2), 9));
		for (int i = 0; i < 3; i++) {
			fixtures.decision(fixtures.application("APPROVED", at(first.plusDays(1), 10)), "APPROVE",
					at(week(2).plusDays(3), 10));
		}
		for (int i = 0; i < 12; i++) {
			fixtures.decision(fixtures.application("REFUSED", at(first.plusDays(1), 10)), "REFUSE",
					at(week(2).plusDays(3), 10));
		}
		// After the release's cutoff (the Monday of its week): not counted.
		fixtures.applications(7, "SUBMITTED", at(week(4).plusDays(1), 8));

		List<StatTable> tables = builder.build(week(4).plusDays(2));
		StatTable applications = table(tables, TableSpec.APPLICATIONS);
		assertThat(applications.rowKeys()).hasSize(ReleaseBuilder.WEEKS).last().isEqualTo(week(3).toString());
		Map<String, Map<String, Long>> truth = Map.of(first.toString(),
				Map.of("SUBMITTED", 25L, "APPROVED", 3L, "REFUSED", 12L), week(2).toString(), Map.of("IN_REVIEW", 40L));
		List<TableSpec.Column> columns = TableSpec.get(TableSpec.APPLICATIONS).columns();
		for (int i = 0; i < applications.rowKeys().size(); i++) {
			Map<String, Long> week = truth.getOrDefault(applications.rowKeys().get(i), Map.of());
			for (int j = 0; j < columns.size(); j++) {
				assertTruthful(applications.cells().get(i).get(j), week.getOrDefault(columns.get(j).key(), 0L));
			}
			assertTruthful(applications.rowTotals().get(i), week.values().stream().mapToLong(Long::longValue).sum());
		}
		int firstRow = applications.rowKeys().indexOf(first.toString());
		assertThat(applications.cells().get(firstRow).get(4).shown()).as("3 approved").isNotEqualTo(Shown.COUNT);
		assertThat(applications.grandTotal()).isEqualTo(value(80));
		assertThat(applications.labels("hy")).hasSize(ReleaseBuilder.WEEKS);

		StatTable decisions = table(tables, TableSpec.DECISIONS);
		int decided = decisions.rowKeys().indexOf(week(2).toString());
		assertThat(decisions.cells().get(decided).get(0).shown()).as("3 permits").isNotEqualTo(Shown.COUNT);
		assertTruthful(decisions.cells().get(decided).get(1), 12);
		// Fifteen decisions, each nine days after submission.
		StatTable days = table(tables, TableSpec.DECISION_DAYS);
		assertThat(days.cells().get(decided).get(0).measure()).isEqualByComparingTo("9.0");
		assertThat(days.cells().get(decided - 1).get(0).measure()).as("no decisions that week").isNull();
	}

	@Test
	void aMedianOfFewerDecisionsThanTheThresholdIsWithheld() {
		for (int i = 0; i < 4; i++) {
			fixtures.decision(fixtures.application("APPROVED", at(week(30), 10)), "APPROVE", at(week(31), 10));
		}
		List<StatTable> tables = builder.build(week(33));
		StatTable days = table(tables, TableSpec.DECISION_DAYS);
		assertThat(days.cells().get(days.rowKeys().indexOf(week(31).toString())).get(0).shown())
				.isEqualTo(Shown.WITHHELD);
	}

	@Test
	void everyTableOfTheReleaseIsThereAndTheCountsOfPeopleAreSuppressed() {
		Releases.Release release = releases.insert(week(60), "TEST").orElseThrow();
		assertThat(release.tables()).extracting(StatTable::id)
				.containsExactlyElementsOf(TableSpec.ALL.stream().map(TableSpec::id).toList());
		assertThat(releases.release(week(60))).get().usingRecursiveComparison().isEqualTo(release);
		assertThat(releases.insert(week(60), "TEST")).as("one release a day").isEmpty();
		for (StatTable table : release.tables()) {
			if (TableSpec.get(table.id()).people()) {
				table.cells().forEach(row -> row.stream().filter(v -> v.shown() == Shown.COUNT && !v.measured())
						.forEach(v -> assertThat(v.count()).as(table.id()).satisfiesAnyOf(
								c -> assertThat(c).isZero(), c -> assertThat(c).isGreaterThanOrEqualTo(10))));
			}
		}
	}

	@Test
	void onlyAStatisticianPublishesByHandAndOnlyOnceADay() {
		assertThatThrownBy(() -> releases.publish(users.newStaff(java.util.Set.of(Role.OBSERVER), "KHA")))
				.isInstanceOf(RuleViolationException.class).hasMessageContaining("statistics.error.statistician");
		// The application published today's release when it started.
		assertThat(releases.release(releases.today())).isPresent();
		assertThatThrownBy(() -> releases.publish(users.demo("statistician@hearth.demo")))
				.isInstanceOf(RuleViolationException.class).hasMessageContaining("statistics.error.release-exists");
	}

	@Test
	void aReleaseIsNeverChangedOrRemoved() {
		releases.insert(week(61), "TEST").orElseThrow();
		assertThatThrownBy(() -> jdbc.sql("UPDATE statistics.release SET tables = '[]' WHERE released_on = ?")
				.param(java.sql.Date.valueOf(week(61))).update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM statistics.release WHERE released_on = ?")
				.param(java.sql.Date.valueOf(week(61))).update()).isInstanceOf(DataAccessException.class);
	}

	static StatTable table(List<StatTable> tables, String id) {
		return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
	}

	static StatTable.Value value(long count) {
		return new StatTable.Value(Shown.COUNT, count, null);
	}

	static void assertTruthful(StatTable.Value value, long truth) {
		if (truth >= 1 && truth < 10) {
			assertThat(value.shown()).as("a count of %d", truth).isNotEqualTo(Shown.COUNT);
		}
		if (value.shown() == Shown.COUNT) {
			assertThat(value.count()).isEqualTo(truth);
		}
		if (value.shown() == Shown.SMALL) {
			assertThat(truth).isBetween(1L, 9L);
		}
		if (value.shown() == Shown.WITHHELD) {
			assertThat(truth).isGreaterThanOrEqualTo(10);
		}
	}
}
