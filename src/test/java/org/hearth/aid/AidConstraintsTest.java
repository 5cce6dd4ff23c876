package org.hearth.aid;

import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The database keeps the aid rules that need a reason even when the code is bypassed: a missing (NULL) reason is
 * refused, not only an empty one.
 */
@HearthTest
class AidConstraintsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AidFixtures fixtures;

	@Test
	void aLossWithoutAnyReasonIsRefusedByTheDatabase() {
		UUID warehouse = fixtures.warehouseWith("rice", "10");
		Throwable refused = catchThrowable(() -> jdbc.sql("""
				INSERT INTO aid.movement (ref, warehouse, item, kind, delta, occurred_on, recorded_by, recorded_at)
				VALUES (?, ?, 'rice', 'LOSS', -1, current_date, ?, now())""")
				.params(UUID.randomUUID(), warehouse, UUID.randomUUID()).update());
		assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aHandingOutFlaggedAsAPossibleDuplicateWithoutANoteIsRefusedByTheDatabase() {
		UUID warehouse = fixtures.warehouseWith("food-parcel", "10");
		UUID round = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO aid.distribution_round (id, name, item, warehouse, settlement, per_household, per_member,
				  opens_on, closes_on, status, created_by, created_at)
				VALUES (?, 'constraint test', 'food-parcel', ?, 'xankendi', 1, 0, current_date, current_date, 'OPEN', ?, now())""")
				.params(round, warehouse, UUID.randomUUID()).update();
		UUID household = UUID.randomUUID();
		Throwable refused = catchThrowable(() -> jdbc.sql("""
				INSERT INTO aid.distribution (id, round, household, canonical, members, quantity, handed_on, method,
				  possible_duplicate_of, flag_note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, 1, 1, current_date, 'TABLET', ?, NULL, ?, now())""")
				.params(UUID.randomUUID(), round, household, household, UUID.randomUUID(), UUID.randomUUID()).update());
		assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
	}
}
