package org.hearth.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.platform.DemoMailbox;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.hearth.transparency.Receipts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Offers from the offer to the keys, and the programme's unbreakable rule: a unit in an area that is not released
 * is never offered or allocated, including when the area's status changes back after the offer was made.
 */
@HearthTest
class OffersTest {

	@Autowired
	HousingFixtures fixtures;

	@Autowired
	Offers offers;

	@Autowired
	HousingStock stock;

	@Autowired
	Programme programme;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoMailbox.Mailbox mailbox;

	@Autowired
	MessageSource messages;

	@Autowired
	Receipts receipts;

	private static final LocalDate REGISTERED = LocalDate.of(2025, 1, 15);

	@Test
	void aUnitInAnAreaThatIsNotReleasedIsNeverOffered() {
		for (AreaStatus status : List.of(AreaStatus.SUSPECTED_HAZARD, AreaStatus.CONFIRMED_HAZARD)) {
			UUID area = fixtures.area("xelefli", status);
			UUID unit = fixtures.readyUnit(area, 2, false);
			UUID household = fixtures.household(users.newApplicant("en"), 2, List.of(), false, List.of("xelefli"),
					REGISTERED);

			assertThatThrownBy(() -> offers.offer(fixtures.officer(), unit, household))
					.isInstanceOf(RuleViolationException.class)
					.extracting(e -> ((UserFacingException) e).messageKey())
					.isEqualTo("housing.error.area-not-released");
			assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.READY);
			assertThat(programme.household(household).status()).isEqualTo(HouseholdStatus.WAITING);
			// The database refuses it too, whatever the code does.
			assertThatThrownBy(() -> jdbc.sql("UPDATE housing.unit SET status = 'OFFERED' WHERE id = ?").param(unit)
					.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("not released");
		}
	}

	@Test
	void anOfferIsSuspendedWhenItsAreaIsNoLongerReleasedAndTheHouseholdIsToldWhy() {
		UUID area = fixtures.area("xelefli", AreaStatus.RELEASED);
		UUID unit = fixtures.readyUnit(area, 2, false);
		CurrentUser applicant = users.newApplicant("az");
		UUID household = fixtures.household(applicant, 2, List.of(), false, List.of("xelefli"), REGISTERED);
		Offers.Offer offer = offers.offer(fixtures.officer(), unit, household);
		assertThat(offer.status()).isEqualTo(OfferStatus.OPEN);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.OFFERED);

		fixtures.setArea(area, AreaStatus.CONFIRMED_HAZARD);

		Offers.Offer suspended = offers.find(offer.id());
		assertThat(suspended.status()).isEqualTo(OfferStatus.SUSPENDED);
		assertThat(suspended.suspendedReason()).isEqualTo("CONFIRMED_HAZARD");
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.READY);
		assertThat(programme.household(household).status()).isEqualTo(HouseholdStatus.WAITING);
		assertThatThrownBy(() -> offers.accept(applicant, offer.id())).isInstanceOf(RuleViolationException.class)
				.extracting(e -> ((UserFacingException) e).messageKey())
				.isEqualTo("housing.error.offer-closed.suspended");
		var mail = await().until(() -> mailbox.to(users.email(applicant)), m -> m.size() >= 2);
		assertThat(mail).extracting(DemoMailbox.Mail::subject).contains(
				messages.getMessage("mail.offer-made.subject", null, Locale.forLanguageTag("az")),
				messages.getMessage("mail.offer-suspended.subject", null, Locale.forLanguageTag("az")));

		// Released again, the same household gets the same home back.
		fixtures.setArea(area, AreaStatus.RELEASED);
		assertThat(offers.reinstate(fixtures.officer(), offer.id()).status()).isEqualTo(OfferStatus.OPEN);
		assertThat(offers.accept(applicant, offer.id()).status()).isEqualTo(OfferStatus.ACCEPTED);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.ALLOCATED);

		// An accepted offer whose keys are not yet handed over is suspended just the same.
		fixtures.setArea(area, AreaStatus.SUSPECTED_HAZARD);
		assertThat(offers.find(offer.id()).status()).isEqualTo(OfferStatus.SUSPENDED);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.READY);
		assertThat(offers.history(offer.id())).extracting(Offers.HistoryEntry::status).containsExactly(
				OfferStatus.OPEN, OfferStatus.SUSPENDED, OfferStatus.OPEN, OfferStatus.ACCEPTED, OfferStatus.SUSPENDED);
		assertThat(receipts.of("offer", offer.id())).hasSize(5);
	}

	@Test
	void acceptingHandingOverAndMovingIn() {
		UUID area = fixtures.area("xelefli", AreaStatus.RELEASED);
		UUID unit = fixtures.readyUnit(area, 3, true);
		CurrentUser applicant = users.newApplicant("hy");
		UUID household = fixtures.household(applicant, 4, List.of("disability"), true, List.of("xelefli"), REGISTERED);
		Offers.Offer offer = offers.offer(fixtures.officer(), unit, household);

		assertThat(offers.accept(applicant, offer.id()).status()).isEqualTo(OfferStatus.ACCEPTED);
		assertThat(offers.accept(applicant, offer.id()).status()).as("a second tap").isEqualTo(OfferStatus.ACCEPTED);
		assertThat(programme.household(household).status()).isEqualTo(HouseholdStatus.ALLOCATED);
		assertThatThrownBy(() -> offers.movedIn(fixtures.officer(), offer.id(), offers.today()))
				.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> offers.handOver(fixtures.officer(), offer.id(), offers.today().plusDays(1)))
				.isInstanceOf(RuleViolationException.class);

		offers.handOver(fixtures.officer(), offer.id(), offers.today());
		Offers.Offer done = offers.movedIn(fixtures.officer(), offer.id(), offers.today());

		assertThat(done.status()).isEqualTo(OfferStatus.HANDED_OVER);
		assertThat(done.movedInOn()).isEqualTo(offers.today());
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.OCCUPIED);
		assertThat(programme.household(household).status()).isEqualTo(HouseholdStatus.MOVED_IN);
	}

	@Test
	void aDeclinedOrExpiredUnitReturnsToThePool() {
		UUID area = fixtures.area("xelefli", AreaStatus.RELEASED);
		UUID unit = fixtures.readyUnit(area, 2, false);
		CurrentUser first = users.newApplicant("ru");
		UUID firstHousehold = fixtures.household(first, 2, List.of(), false, List.of("xelefli"), REGISTERED);
		Offers.Offer declined = offers.offer(fixtures.officer(), unit, firstHousehold);

		assertThatThrownBy(() -> offers.decline(first, declined.id(), "other", " "))
				.extracting(e -> ((UserFacingException) e).messageKey())
				.isEqualTo("housing.error.decline-comment-required");
		assertThatThrownBy(() -> offers.decline(first, declined.id(), "no-such-reason", null))
				.extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("housing.error.decline-reason");
		offers.decline(first, declined.id(), "too-far", null);

		assertThat(offers.find(declined.id()).declineReason()).isEqualTo("too-far");
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.READY);
		assertThat(programme.household(firstHousehold).status()).isEqualTo(HouseholdStatus.WAITING);

		CurrentUser second = users.newApplicant("en");
		UUID secondHousehold = fixtures.household(second, 2, List.of(), false, List.of("xelefli"), REGISTERED);
		Offers.Offer late = offers.offer(fixtures.officer(), unit, secondHousehold);
		jdbc.sql("UPDATE housing.offer SET deadline = ? WHERE id = ?")
				.params(java.sql.Date.valueOf(offers.today().minusDays(1)), late.id()).update();
		assertThatThrownBy(() -> offers.accept(second, late.id()))
				.extracting(e -> ((UserFacingException) e).messageKey())
				.isEqualTo("housing.error.offer-closed.expired");

		assertThat(offers.expireDue()).isGreaterThanOrEqualTo(1);

		assertThat(offers.find(late.id()).status()).isEqualTo(OfferStatus.EXPIRED);
		assertThat(stock.unit(unit).status()).isEqualTo(UnitStatus.READY);
		assertThat(programme.household(secondHousehold).status()).isEqualTo(HouseholdStatus.WAITING);
	}

	@Test
	void anotherHouseholdsOfferDoesNotExistForTheApplicant() {
		UUID area = fixtures.area("xelefli", AreaStatus.RELEASED);
		UUID unit = fixtures.readyUnit(area, 1, false);
		UUID household = fixtures.household(users.newApplicant("en"), 1, List.of(), false, List.of("xelefli"),
				REGISTERED);
		Offers.Offer offer = offers.offer(fixtures.officer(), unit, household);
		CurrentUser stranger = users.newApplicant("en");

		assertThatThrownBy(() -> offers.accept(stranger, offer.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> offers.decline(stranger, offer.id(), "too-far", null))
				.isInstanceOf(NotFoundException.class);
		assertThat(offers.find(offer.id()).status()).isEqualTo(OfferStatus.OPEN);
	}
}
