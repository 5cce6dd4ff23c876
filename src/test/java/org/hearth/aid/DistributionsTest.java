package org.hearth.aid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.hearth.HearthTest;
import org.hearth.aid.Distributions.Distribution;
import org.hearth.aid.Distributions.HandOut;
import org.hearth.aid.Distributions.Method;
import org.hearth.aid.Distributions.Round;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.registry.Duplicates;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Distribution rounds on PostgreSQL with the real registry: the entitlement by members, once per household and
 * round whatever the spelling of a merged duplicate, an undecided likely duplicate handed out only with a note, one
 * handing-out out of twenty at once, stock and dates refused with nothing written, a signed list all or nothing, and
 * one transparency entry per handing-out without a name in it.
 */
@HearthTest
@RecordApplicationEvents
class DistributionsTest {

	/** A settlement of origin no other test gives its households. */
	static final String ORIGIN = "hesenriz";

	/** Letters written alike in Latin and Cyrillic and under every key: they keep this test's names apart. */
	private static final String LATIN = "bdflmnprt";
	private static final String CYRILLIC = "бдфлмнпрт";

	@Autowired
	Distributions distributions;

	@Autowired
	StockLedger ledger;

	@Autowired
	Registry registry;

	@Autowired
	Duplicates duplicates;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	final LocalDate today = LocalDate.now();

	static String suffix() {
		var random = new java.util.Random();
		var suffix = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			suffix.append(LATIN.charAt(random.nextInt(LATIN.length())));
		}
		return suffix.toString();
	}

	static String cyrillic(String latin) {
		var out = new StringBuilder();
		for (char c : latin.toCharArray()) {
			out.append(CYRILLIC.charAt(LATIN.indexOf(c)));
		}
		return out.toString();
	}

	static LocalDate unusedBirthDate() {
		return LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
	}

	CurrentUser coordinator() {
		return fixtures.coordinator();
	}

	/** A round of food parcels from a new warehouse holding {@code stock}: one per household, none per member. */
	Round parcels(String stock) {
		return round("food-parcel", stock, "1", "0");
	}

	Round round(String item, String stock, String perHousehold, String perMember) {
		UUID warehouse = fixtures.warehouseWith(item, stock);
		return distributions.create(coordinator(), new Distributions.NewRound("Test round " + UUID.randomUUID(), item,
				warehouse, ORIGIN, new BigDecimal(perHousehold), new BigDecimal(perMember), today.minusDays(10),
				today.plusDays(10)));
	}

	UUID household(String origin, NewPerson... members) {
		return registry.register(new NewHousehold(origin, null, "test", List.of(members)));
	}

	static NewPerson person(String given, String family) {
		return new NewPerson(given, family, null, null, null, null);
	}

	HandOut tablet(UUID household) {
		return new HandOut(household, today, Method.TABLET, null);
	}

	static String refusal(Runnable action) {
		UserFacingException refused = catchThrowableOfType(UserFacingException.class, action::run);
		return refused == null ? "accepted" : refused.messageKey();
	}

	int rows(Round round) {
		return jdbc.sql("SELECT count(*) FROM aid.distribution WHERE round = ?").param(round.id()).query(Integer.class)
				.single();
	}

	int movements(Round round) {
		return jdbc.sql("SELECT count(*) FROM aid.movement WHERE warehouse = ? AND kind = 'DISTRIBUTION'")
				.param(round.warehouse()).query(Integer.class).single();
	}

	@Test
	void theEntitlementIsPerHouseholdPlusPerMemberNotMergedAwayAndTheStockIsTaken() {
		Round rice = round("rice", "100", "2", "1.5");
		String suffix = suffix();
		UUID three = household(ORIGIN, person("Armen", "Sargsyan" + suffix), person("Ani", "Sargsyan" + suffix),
				person("Davit", "Sargsyan" + suffix));
		assertThat(distributions.standing(rice.id(), three).entitlement()).isEqualByComparingTo("6.5");

		Distribution handed = distributions.handOut(coordinator(), rice.id(), tablet(three));
		assertThat(handed.members()).isEqualTo(3);
		assertThat(handed.quantity()).isEqualByComparingTo("6.5");
		assertThat(handed.canonical()).isEqualTo(three);
		assertThat(ledger.onHand(rice.warehouse(), "rice")).isEqualByComparingTo("93.5");
		assertThat(ledger.movements(rice.warehouse(), null, 1)).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(MovementKind.DISTRIBUTION);
			assertThat(m.distribution()).isEqualTo(handed.id());
			assertThat(m.delta()).isEqualByComparingTo("-6.5");
		});
		assertThat(distributions.totals(rice.id())).isEqualTo(new Distributions.Totals(1, new BigDecimal("6.5"), 0));

		// A member merged into a person of another household no longer counts here.
		UUID two = household(ORIGIN, person("Nare", "Hakobyan" + suffix), person("Nara", "Hakobyan" + suffix));
		UUID elsewhere = household("susa", person("Nara", "Hakobyan" + suffix));
		UUID merged = registry.household(two).get(1).id();
		jdbc.sql("UPDATE registry.person SET merged_into = ? WHERE id = ?")
				.params(registry.household(elsewhere).get(0).id(), merged).update();
		assertThat(distributions.handOut(coordinator(), rice.id(), tablet(two)).quantity()).isEqualByComparingTo("3.5");
	}

	@Test
	void aHouseholdReceivesARoundOnceAndTheDatabaseHoldsOneRow() {
		Round round = parcels("50");
		UUID household = household(ORIGIN, person("Gohar", "Avagyan" + suffix()));
		Distribution first = distributions.handOut(coordinator(), round.id(), tablet(household));

		RuleViolationException again = catchThrowableOfType(RuleViolationException.class,
				() -> distributions.handOut(coordinator(), round.id(), new HandOut(household, today.minusDays(1),
						Method.SIGNED_LIST, null)));
		assertThat(again.messageKey()).isEqualTo("aid.distribution.error.already-received");
		assertThat(again.arguments()).containsExactly(Distributions.reference(household), today.toString());
		assertThat(rows(round)).isEqualTo(1);
		assertThat(ledger.onHand(round.warehouse(), "food-parcel")).isEqualByComparingTo("49");
		assertThat(distributions.standing(round.id(), household).received()).isEqualTo(first);

		// Past the service, the database itself refuses a second row, and never lets one be changed.
		Throwable twice = catchThrowable(() -> jdbc.sql("""
				INSERT INTO aid.distribution (id, round, household, canonical, members, quantity, handed_on, method,
				  recorded_by, recorded_at) VALUES (?, ?, ?, ?, 1, 1, ?, 'TABLET', ?, now())""")
				.params(UUID.randomUUID(), round.id(), household, UUID.randomUUID(), java.sql.Date.valueOf(today),
						coordinator().uuid())
				.update());
		assertThat(twice).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
		assertThat(catchThrowable(() -> jdbc.sql("UPDATE aid.distribution SET quantity = 5 WHERE id = ?")
				.param(first.id()).update())).isInstanceOf(DataAccessException.class);
		assertThat(catchThrowable(() -> jdbc.sql("""
				INSERT INTO aid.distribution (id, round, household, canonical, members, quantity, handed_on, method,
				  possible_duplicate_of, flag_note, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, 1, 1, ?, 'TABLET', ?, ' ', ?, now())""")
				.params(UUID.randomUUID(), round.id(), UUID.randomUUID(), UUID.randomUUID(),
						java.sql.Date.valueOf(today), household, coordinator().uuid())
				.update())).as("a flag without a note").isInstanceOf(DataAccessException.class);
	}

	/** Two households of one person under two spellings, with a pair the finder proposes. */
	record Spellings(UUID azerbaijani, UUID russian, Duplicates.Duplicate pair) {
	}

	Spellings spellings() {
		String suffix = suffix();
		LocalDate born = unusedBirthDate();
		UUID azerbaijani = household(ORIGIN, new NewPerson("Elşən", "Məmmədov" + suffix, null, born, "Xankəndi", 1992),
				person("Aytən", "Məmmədova" + suffix));
		UUID russian = household(ORIGIN, new NewPerson("Эльшан", "Мамедов" + cyrillic(suffix), null, born, "Ханкенди",
				1992));
		UUID a = registry.household(azerbaijani).get(0).id();
		UUID b = registry.household(russian).get(0).id();
		duplicates.detect();
		Duplicates.Duplicate pair = duplicates.open(10_000).stream()
				.filter(d -> Set.of(d.first(), d.second()).equals(Set.of(a, b))).findFirst().orElseThrow();
		return new Spellings(azerbaijani, russian, pair);
	}

	UUID head(UUID household) {
		return registry.household(household).get(0).id();
	}

	@Test
	void aMergedDuplicateUnderAnotherSpellingIsRefusedWhicheverRecordTheMergeKept() {
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		Round round = parcels("50");

		// Merged before: the Russian record now is the Azerbaijani household, which received.
		Spellings before = spellings();
		distributions.handOut(coordinator(), round.id(), tablet(before.azerbaijani()));
		duplicates.merge(caseworker, before.pair().id(), head(before.azerbaijani()), "Same passport.");
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> distributions.handOut(coordinator(), round.id(), tablet(before.russian())));
		assertThat(refused.messageKey()).isEqualTo("aid.distribution.error.already-received");
		assertThat(refused.arguments()[0]).isEqualTo(Distributions.reference(before.azerbaijani()));

		// Merged the other way after the handing-out: the household that received now counts as the other one.
		Spellings after = spellings();
		distributions.handOut(coordinator(), round.id(), tablet(after.azerbaijani()));
		duplicates.merge(caseworker, after.pair().id(), head(after.russian()), "Same passport.");
		assertThat(refusal(() -> distributions.handOut(coordinator(), round.id(), tablet(after.russian()))))
				.isEqualTo("aid.distribution.error.already-received");

		// Merged, nobody received yet: the merged record receives as the household it is, with that one's members.
		Round next = parcels("50");
		Spellings unserved = spellings();
		duplicates.merge(caseworker, unserved.pair().id(), head(unserved.azerbaijani()), "Same passport.");
		Distribution handed = distributions.handOut(coordinator(), next.id(), tablet(unserved.russian()));
		assertThat(handed.household()).isEqualTo(unserved.russian());
		assertThat(handed.canonical()).isEqualTo(unserved.azerbaijani());
		assertThat(handed.members()).isEqualTo(2);
		assertThat(refusal(() -> distributions.handOut(coordinator(), next.id(), tablet(unserved.azerbaijani()))))
				.isEqualTo("aid.distribution.error.already-received");
		assertThat(rows(round)).isEqualTo(2);
		assertThat(rows(next)).isEqualTo(1);
	}

	@Test
	void anUndecidedLikelyDuplicateOfAHouseholdThatReceivedIsHandedOutOnlyWithANote() {
		Round round = parcels("50");
		Spellings pair = spellings();
		assertThat(distributions.standing(round.id(), pair.russian()).flagged()).as("nobody received yet").isFalse();
		distributions.handOut(coordinator(), round.id(), tablet(pair.azerbaijani()));

		Distributions.Standing standing = distributions.standing(round.id(), pair.russian());
		assertThat(standing.flagged()).isTrue();
		assertThat(standing.possibleDuplicateOf()).isEqualTo(pair.azerbaijani());
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> distributions.handOut(coordinator(), round.id(), new HandOut(pair.russian(), today,
						Method.TABLET, "  ")));
		assertThat(refused.messageKey()).isEqualTo("aid.distribution.error.note-required");
		assertThat(refused.arguments()).containsExactly(Distributions.reference(pair.azerbaijani()));
		assertThat(rows(round)).isEqualTo(1);

		Distribution flagged = distributions.handOut(coordinator(), round.id(), new HandOut(pair.russian(), today,
				Method.TABLET, "Different birth certificates seen; the registry pair is to be dismissed."));
		assertThat(flagged.possibleDuplicateOf()).isEqualTo(pair.azerbaijani());
		assertThat(flagged.flagNote()).startsWith("Different birth certificates");
		assertThat(distributions.totals(round.id()).flagged()).isEqualTo(1);

		// Once the pair is dismissed, nothing is flagged.
		duplicates.dismiss(users.newStaff(Set.of(Role.CASEWORKER), "KHA"), pair.pair().id(), "Different people.");
		Round next = parcels("50");
		distributions.handOut(coordinator(), next.id(), tablet(pair.azerbaijani()));
		assertThat(distributions.standing(next.id(), pair.russian()).flagged()).isFalse();
	}

	@Test
	void twentyAttemptsAtOnceForOneHouseholdGiveOneHandingOut() throws Exception {
		Round round = parcels("100");
		UUID household = household(ORIGIN, person("Lilit", "Grigoryan" + suffix()));
		List<CurrentUser> staff = IntStream.range(0, 4).mapToObj(i -> fixtures.newCoordinator()).toList();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<String>> attempts = IntStream.range(0, 20).<Callable<String>>mapToObj(i -> () -> {
				start.await();
				return refusal(() -> distributions.handOut(staff.get(i % staff.size()), round.id(), tablet(household)));
			}).toList();
			List<Future<String>> results = attempts.stream().map(pool::submit).toList();
			start.countDown();
			List<String> outcomes = new java.util.ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
			assertThat(outcomes).filteredOn(o -> !o.equals("accepted")).hasSize(19).allSatisfy(o -> assertThat(o)
					.isIn("aid.distribution.error.already-received", "aid.distribution.error.received-meanwhile"));
			assertThat(rows(round)).isEqualTo(1);
			assertThat(movements(round)).isEqualTo(1);
			assertThat(ledger.onHand(round.warehouse(), "food-parcel")).isEqualByComparingTo("99");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void moreThanTheWarehouseHoldsIsRefusedWithNothingWritten() {
		Round round = round("food-parcel", "2", "1", "1");
		UUID household = household(ORIGIN, person("Kamal", "Rzayev" + suffix()), person("Leyla", "Rzayeva"));
		long entries = logEntries();
		RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
				() -> distributions.handOut(coordinator(), round.id(), tablet(household)));
		assertThat(refused.messageKey()).isEqualTo("aid.distribution.error.stock");
		assertThat(rows(round)).isZero();
		assertThat(movements(round)).isZero();
		assertThat(ledger.onHand(round.warehouse(), "food-parcel")).isEqualByComparingTo("2");
		assertThat(logEntries()).isEqualTo(entries);
		assertThat(distributions.standing(round.id(), household).received()).isNull();
	}

	@Test
	void aDateInTheFutureOrOutsideTheRoundAClosedRoundAndAnotherSettlementAreRefused() {
		Round round = parcels("10");
		UUID household = household(ORIGIN, person("Sevil", "Əliyeva" + suffix()));
		UUID elsewhere = household("susa", person("Samir", "Əliyev" + suffix()));
		assertThat(refusal(() -> distributions.handOut(coordinator(), round.id(),
				new HandOut(household, today.plusDays(2), Method.TABLET, null)))).isEqualTo("aid.error.date-in-future");
		assertThat(refusal(() -> distributions.handOut(coordinator(), round.id(),
				new HandOut(household, today.minusDays(11), Method.TABLET, null))))
				.isEqualTo("aid.distribution.error.date-outside-round");
		assertThat(refusal(() -> distributions.handOut(coordinator(), round.id(), tablet(elsewhere))))
				.isEqualTo("aid.distribution.error.other-settlement");
		assertThat(refusal(() -> distributions.handOut(coordinator(), round.id(), tablet(UUID.randomUUID()))))
				.isEqualTo("aid.distribution.error.unknown-household");
		assertThat(rows(round)).isZero();

		distributions.close(coordinator(), round.id());
		assertThat(distributions.round(round.id()).isOpen()).isFalse();
		assertThat(refusal(() -> distributions.handOut(coordinator(), round.id(), tablet(household))))
				.isEqualTo("aid.distribution.error.closed");
		assertThat(refusal(() -> distributions.close(coordinator(), round.id())))
				.isEqualTo("aid.distribution.error.closed");
	}

	@Test
	void aRoundIsRefusedWithoutEntitlementNameOrOrderedDates() {
		UUID warehouse = fixtures.warehouseWith("food-parcel", "5");
		assertThat(refusal(() -> distributions.create(coordinator(), new Distributions.NewRound("R", "food-parcel",
				warehouse, ORIGIN, BigDecimal.ZERO, BigDecimal.ZERO, today, today))))
				.isEqualTo("aid.distribution.error.entitlement-zero");
		assertThat(refusal(() -> distributions.create(coordinator(), new Distributions.NewRound(" ", "food-parcel",
				warehouse, ORIGIN, BigDecimal.ONE, BigDecimal.ZERO, today, today)))).isEqualTo("aid.distribution.error.name");
		assertThat(refusal(() -> distributions.create(coordinator(), new Distributions.NewRound("R", "food-parcel",
				warehouse, ORIGIN, BigDecimal.ONE, BigDecimal.ZERO, today, today.minusDays(1)))))
				.isEqualTo("aid.error.dates-out-of-order");
		assertThat(refusal(() -> distributions.create(coordinator(), new Distributions.NewRound("R", "food-parcel",
				warehouse, ORIGIN, new BigDecimal("0.5"), BigDecimal.ZERO, today, today))))
				.isEqualTo("aid.error.quantity-precision");
		assertThat(refusal(() -> distributions.create(coordinator(), new Distributions.NewRound("R", "food-parcel",
				warehouse, "atlantis", BigDecimal.ONE, BigDecimal.ZERO, today, today))))
				.isEqualTo("aid.error.unknown-settlement");
		assertThat(refusal(() -> distributions.create(coordinator(), new Distributions.NewRound("R", "food-parcel",
				UUID.randomUUID(), ORIGIN, BigDecimal.ONE, BigDecimal.ZERO, today, today))))
				.isEqualTo("aid.distribution.error.warehouse");
	}

	@Test
	void aSignedListIsRecordedWholeOrNotAtAllWithEachRefusedLineAndItsReason() {
		Round round = parcels("20");
		String suffix = suffix();
		UUID one = household(ORIGIN, person("Anahit", "Petrosyan" + suffix));
		UUID two = household(ORIGIN, person("Hayk", "Petrosyan" + suffix));
		UUID served = household(ORIGIN, person("Aram", "Petrosyan" + suffix));
		distributions.handOut(coordinator(), round.id(), tablet(served));

		List<HandOut> lines = List.of(new HandOut(one, today, Method.SIGNED_LIST, null),
				new HandOut(served, today, Method.SIGNED_LIST, null),
				new HandOut(two, today.plusDays(3), Method.SIGNED_LIST, null));
		Distributions.LinesRefused refused = catchThrowableOfType(Distributions.LinesRefused.class,
				() -> distributions.handOutAll(coordinator(), round.id(), lines));
		assertThat(refused.lines()).extracting(Distributions.LineRefusal::household, Distributions.LineRefusal::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(served, "aid.distribution.error.already-received"),
						org.assertj.core.groups.Tuple.tuple(two, "aid.error.date-in-future"));
		assertThat(distributions.check(round.id(), lines)).hasSize(2);
		assertThat(rows(round)).isEqualTo(1);

		List<Distribution> recorded = distributions.handOutAll(coordinator(), round.id(), List.of(
				new HandOut(one, today, Method.SIGNED_LIST, null), new HandOut(two, today.minusDays(1),
						Method.SIGNED_LIST, null)));
		assertThat(recorded).extracting(Distribution::household).containsExactly(one, two);
		assertThat(recorded).extracting(Distribution::method).containsOnly(Method.SIGNED_LIST);
		assertThat(rows(round)).isEqualTo(3);
		assertThat(ledger.onHand(round.warehouse(), "food-parcel")).isEqualByComparingTo("17");
	}

	@Test
	void twoLikelyDuplicatesTickedOnOneSheetNeedANoteForTheSecond() {
		Round round = parcels("20");
		Spellings pair = spellings();
		Distributions.LinesRefused refused = catchThrowableOfType(Distributions.LinesRefused.class,
				() -> distributions.handOutAll(coordinator(), round.id(), List.of(
						new HandOut(pair.azerbaijani(), today, Method.SIGNED_LIST, null),
						new HandOut(pair.russian(), today, Method.SIGNED_LIST, null))));
		assertThat(refused.lines()).singleElement().satisfies(line -> {
			assertThat(line.household()).isEqualTo(pair.russian());
			assertThat(line.messageKey()).isEqualTo("aid.distribution.error.note-required");
		});
		List<Distribution> recorded = distributions.handOutAll(coordinator(), round.id(), List.of(
				new HandOut(pair.azerbaijani(), today, Method.SIGNED_LIST, null),
				new HandOut(pair.russian(), today, Method.SIGNED_LIST, "Two families, documents checked.")));
		assertThat(recorded.get(1).possibleDuplicateOf()).isEqualTo(pair.azerbaijani());

		// Merged: the two records are one household, and a list may not hold it twice.
		Spellings merged = spellings();
		duplicates.merge(users.newStaff(Set.of(Role.CASEWORKER), "KHA"), merged.pair().id(), head(merged.russian()),
				"Same passport.");
		Distributions.LinesRefused twice = catchThrowableOfType(Distributions.LinesRefused.class,
				() -> distributions.handOutAll(coordinator(), round.id(), List.of(
						new HandOut(merged.russian(), today, Method.SIGNED_LIST, null),
						new HandOut(merged.azerbaijani(), today, Method.SIGNED_LIST, null))));
		assertThat(twice.lines()).singleElement().satisfies(line -> {
			assertThat(line.household()).isEqualTo(merged.azerbaijani());
			assertThat(line.messageKey()).isEqualTo("aid.distribution.error.twice-in-list");
		});
	}

	@Test
	void eachHandingOutEntersTheTransparencyLogWithIdsAndQuantitiesOnly() {
		Round round = parcels("10");
		String family = "Hovhannisyan" + suffix();
		UUID household = household(ORIGIN, person("Mariam", family), person("Tigran", family));
		Distribution handed = distributions.handOut(coordinator(), round.id(), tablet(household));

		List<AidChanged> changes = events.stream(AidChanged.class)
				.filter(c -> c.entityId().equals(handed.id())).toList();
		assertThat(changes).singleElement().satisfies(change -> {
			assertThat(change.entityType()).isEqualTo("distribution");
			assertThat(change.action()).isEqualTo("handed-out");
			assertThat(change.roleName()).isEqualTo("AID_COORDINATOR");
			assertThat(change.contentDigest()).isEqualTo(AidChanged.sha256(String.join("\n", round.id().toString(),
					household.toString(), "1", today.toString())));
		});
		List<byte[]> entries = jdbc.sql("""
				SELECT l.data FROM transparency.leaf l JOIN transparency.leaf_subject s ON s.idx = l.idx
				WHERE s.entity_type = 'distribution' AND s.entity_id = ?""").param(handed.id())
				.query((rs, n) -> rs.getBytes(1)).list();
		assertThat(entries).hasSize(1);
		String entry = new String(entries.get(0), StandardCharsets.UTF_8);
		assertThat(entry).contains("distribution").contains("handed-out").doesNotContain(family)
				.doesNotContain("Mariam").doesNotContain(household.toString()).doesNotContain(handed.id().toString());
	}

	long logEntries() {
		return jdbc.sql("SELECT count(*) FROM transparency.leaf").query(Long.class).single();
	}
}
