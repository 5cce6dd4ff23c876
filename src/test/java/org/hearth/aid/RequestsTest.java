package org.hearth.aid;

import java.time.LocalDate;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Requests on PostgreSQL: the approval rule at its two thresholds (value, and a line's approval quantity), four eyes
 * in the domain and in the table, rejection with a reason, the page's version, and the history of every change.
 * The default threshold is 10,000 USD; diesel is valued at 1.10 USD a litre.
 */
@HearthTest
class RequestsTest {

	@Autowired
	Requests requests;

	@Autowired
	AidFixtures aid;

	@Autowired
	ShipmentFixtures fixtures;

	@Autowired
	AidProperties properties;

	@Autowired
	DisplayZone zone;

	@Autowired
	JdbcClient jdbc;

	@Test
	void justBelowTheValueOneApprovalSuffices() {
		assertThat(properties.secondApprovalValue()).isEqualByComparingTo("10000");
		Requests.Request r = fixtures.request(fixtures.hospital(), "diesel", "9090");
		Requests.ApprovalRule rule = requests.rule(r.id());
		assertThat(rule.value()).isEqualByComparingTo("9999.00");
		assertThat(rule.needsSecondApprover()).isFalse();

		Requests.Request approved = requests.approve(aid.coordinator(), r.id(), r.version(), "needed for the generator");
		assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(approved.firstApprovedBy()).isEqualTo(aid.coordinator().uuid());
		assertThat(approved.secondApprovedBy()).isNull();
		assertThat(requests.history(r.id())).extracting(Requests.HistoryEntry::status)
				.containsExactly(RequestStatus.REQUESTED, RequestStatus.APPROVED);
		assertThat(requests.history(r.id()).get(1).comment()).isEqualTo("needed for the generator");
		assertThat(requests.history(r.id()).get(1).role()).isEqualTo("AID_COORDINATOR");
	}

	@Test
	void atTheValueTheSecondApproverMustBeSomeoneElse() {
		Requests.Request r = fixtures.request(fixtures.hospital(), "diesel", "9091");
		Requests.ApprovalRule rule = requests.rule(r.id());
		assertThat(rule.value()).isEqualByComparingTo("10000.10");
		assertThat(rule.byValue()).isTrue();
		assertThat(rule.largeLines()).isEmpty();

		CurrentUser first = aid.newCoordinator();
		Requests.Request once = requests.approve(first, r.id(), r.version(), null);
		assertThat(once.status()).isEqualTo(RequestStatus.AWAITING_SECOND_APPROVAL);

		assertThat(key(() -> requests.approve(first, r.id(), once.version(), null))).isEqualTo("aid.error.same-approver");
		assertThat(requests.request(r.id()).status()).isEqualTo(RequestStatus.AWAITING_SECOND_APPROVAL);
		// The table refuses it too, whatever the code did.
		Throwable refused = catchThrowable(() -> jdbc.sql("""
				UPDATE aid.request SET status = 'APPROVED', second_approved_by = first_approved_by,
				  second_approved_at = now() WHERE id = ?""").param(r.id()).update());
		assertThat(refused).isInstanceOf(DataAccessException.class);

		CurrentUser second = aid.newCoordinator();
		Requests.Request twice = requests.approve(second, r.id(), once.version(), "checked against the need");
		assertThat(twice.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(twice.firstApprovedBy()).isEqualTo(first.uuid());
		assertThat(twice.secondApprovedBy()).isEqualTo(second.uuid());
		assertThat(requests.history(r.id())).extracting(Requests.HistoryEntry::status).containsExactly(
				RequestStatus.REQUESTED, RequestStatus.AWAITING_SECOND_APPROVAL, RequestStatus.APPROVED);
		// Each decision is in the public log, by role only.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM transparency.leaf_subject s WHERE s.entity_type = 'request' AND s.entity_id = ?""")
				.param(r.id()).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void aLineAtItsItemsApprovalQuantityNeedsASecondApproverWhateverItIsWorth() {
		// 20,000 m³ of gas at 0.40 USD is 8,000 USD, below the value; but it is the gas's approval quantity.
		Requests.Request r = fixtures.request(fixtures.hospital(), "natural-gas", "20000", "blanket", "10");
		Requests.ApprovalRule rule = requests.rule(r.id());
		assertThat(rule.byValue()).isFalse();
		assertThat(rule.largeLines()).extracting(Requests.LargeLine::item).containsExactly("natural-gas");
		assertThat(requests.approve(aid.coordinator(), r.id(), r.version(), null).status())
				.isEqualTo(RequestStatus.AWAITING_SECOND_APPROVAL);

		Requests.Request below = fixtures.request(fixtures.hospital(), "natural-gas", "19999.999");
		assertThat(requests.rule(below.id()).needsSecondApprover()).isFalse();
	}

	@Test
	void aRejectionNeedsItsReasonAndEndsTheRequest() {
		Requests.Request r = fixtures.request(fixtures.hospital(), "rice", "50");
		assertThat(key(() -> requests.reject(aid.coordinator(), r.id(), r.version(), "  "))).isEqualTo("aid.error.reject-reason");
		Requests.Request rejected = requests.reject(aid.coordinator(), r.id(), r.version(), "already covered by WFP");
		assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(rejected.decidedReason()).isEqualTo("already covered by WFP");
		assertThat(key(() -> requests.approve(aid.newCoordinator(), r.id(), rejected.version(), null)))
				.isEqualTo("aid.error.request-status");
		assertThat(requests.lines(r.id())).singleElement().satisfies(l -> assertThat(l.remaining()).isZero());
		assertThat(requests.history(r.id()).get(1).comment()).isEqualTo("already covered by WFP");
	}

	@Test
	void aChangeToWhatThePageNoLongerShowsIsAConflict() {
		Requests.Request r = fixtures.request(fixtures.hospital(), "rice", "50");
		requests.approve(aid.coordinator(), r.id(), r.version(), null);
		UserFacingException stale = catchThrowableOfType(ConflictException.class,
				() -> requests.reject(aid.newCoordinator(), r.id(), r.version(), "too late"));
		assertThat(stale.messageKey()).isEqualTo("aid.error.changed-meanwhile");
		assertThat(requests.request(r.id()).status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(requests.history(r.id())).hasSize(2);
	}

	@Test
	void badRequestsAreRefusedWithTheirReason() {
		UUID hospital = fixtures.hospital();
		LocalDate today = LocalDate.now(zone.zone());
		assertThat(key(() -> create(hospital, null))).isEqualTo("aid.error.no-lines");
		assertThat(key(() -> create(hospital, null, "rice", "0"))).isEqualTo("aid.error.quantity-positive");
		assertThat(key(() -> create(hospital, null, "rice", "-3"))).isEqualTo("aid.error.quantity-positive");
		assertThat(key(() -> create(hospital, null, "diesel", "1.005"))).isEqualTo("aid.error.quantity-precision");
		assertThat(key(() -> create(hospital, null, "caviar", "1"))).isEqualTo("aid.error.unknown-item");
		assertThat(key(() -> create(hospital, null, "rice", "1", "rice", "2"))).isEqualTo("aid.error.item-twice");
		assertThat(key(() -> create(hospital, today.minusDays(1), "rice", "1"))).isEqualTo("aid.error.needed-by-past");
		assertThat(key(() -> create(hospital, today.plusYears(3), "rice", "1"))).isEqualTo("aid.error.needed-by-far");
		assertThat(key(() -> create(UUID.randomUUID(), null, "rice", "1"))).isEqualTo("aid.error.choose-facility");
		assertThat(jdbc.sql("SELECT count(*) FROM aid.request WHERE facility = ?").param(hospital).query(Integer.class)
				.single()).isZero();
		assertThat(create(hospital, today, "rice", "1").neededBy()).isEqualTo(today);
	}

	@Test
	void theHistoryIsOnlyAppendedTo() {
		Requests.Request r = fixtures.request(fixtures.hospital(), "rice", "5");
		for (String statement : new String[] { "UPDATE aid.request_history SET comment = 'x' WHERE request = ?",
				"DELETE FROM aid.request_history WHERE request = ?" }) {
			assertThat(catchThrowable(() -> jdbc.sql(statement).param(r.id()).update())).as(statement)
					.isInstanceOf(DataAccessException.class);
		}
		assertThat(requests.history(r.id())).hasSize(1);
	}

	private Requests.Request create(UUID facility, LocalDate neededBy, String... itemsAndQuantities) {
		return requests.create(aid.coordinator(),
				new Requests.NewRequest(facility, neededBy, null, ShipmentFixtures.lines(itemsAndQuantities)));
	}

	static String key(Runnable action) {
		UserFacingException refused = catchThrowableOfType(UserFacingException.class, action::run);
		return refused == null ? "accepted" : refused.messageKey();
	}
}
