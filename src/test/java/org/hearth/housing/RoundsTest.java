package org.hearth.housing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.transparency.Receipts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A round matches waiting households to ready units in released areas, offers each match, and records its input,
 * algorithm and result so that anyone can re-run it with verify-round and get the same result.
 */
@HearthTest
class RoundsTest {

	@Autowired
	HousingFixtures fixtures;

	@Autowired
	Rounds rounds;

	@Autowired
	Offers offers;

	@Autowired
	HousingStock stock;

	@Autowired
	Programme programme;

	@Autowired
	HousingProperties policy;

	@Autowired
	TestUsers users;

	@Autowired
	Receipts receipts;

	@Autowired
	org.hearth.platform.DemoMailbox.Mailbox mailbox;

	@Autowired
	org.springframework.context.MessageSource messages;

	@TempDir
	Path files;

	@Test
	void aRoundOffersReleasedUnitsByPriorityAndCanBeReRunByAnyone() throws Exception {
		// Settlements of this test only, so that no other test's households take part.
		UUID released = fixtures.area("zulfuqarli", AreaStatus.RELEASED);
		UUID hazard = fixtures.area("zulfuqarli", AreaStatus.CONFIRMED_HAZARD);
		UUID twoRooms = fixtures.readyUnit(released, 2, false);
		UUID stepFree = fixtures.readyUnit(released, 2, true);
		UUID inHazard = fixtures.readyUnit(hazard, 2, false);
		LocalDate longAgo = LocalDate.now().minusYears(3).minusDays(2);
		CurrentUser urgentApplicant = users.newApplicant("hy");
		UUID urgent = fixtures.household(urgentApplicant, 3, List.of("disability", "elderly"), true,
				List.of("zulfuqarli"), longAgo);
		UUID ordinary = fixtures.household(users.newApplicant("en"), 2, List.of(), false, List.of("zulfuqarli"),
				LocalDate.now());
		UUID late = fixtures.household(users.newApplicant("en"), 2, List.of(), false, List.of("qarakisiler", "zulfuqarli"),
				LocalDate.now());
		UUID tooBig = fixtures.household(users.newApplicant("en"), 9, List.of(), false, List.of("zulfuqarli"),
				LocalDate.now());

		Rounds.Round round = rounds.start(fixtures.officer(), List.of("zulfuqarli"));

		assertThat(round.units()).as("ready units in the round, released or not").isEqualTo(3);
		assertThat(round.households()).isEqualTo(4);
		assertThat(round.assigned()).isEqualTo(2);
		assertThat(stock.unit(inHazard).status()).as("never offered in a hazard area").isEqualTo(UnitStatus.READY);
		Offers.Offer urgentOffer = offers.ofHousehold(urgent).get(0);
		assertThat(urgentOffer.unit()).as("the only step-free unit goes to who needs it").isEqualTo(stepFree);
		assertThat(urgentOffer.round()).isEqualTo(round.id());
		assertThat(offers.ofHousehold(ordinary)).extracting(Offers.Offer::unit).containsExactly(twoRooms);
		assertThat(offers.ofHousehold(late)).isEmpty();
		assertThat(offers.ofHousehold(tooBig)).isEmpty();
		assertThat(programme.household(tooBig).status()).isEqualTo(HouseholdStatus.WAITING);
		// Each household with an offer is told, in its language.
		var mail = await().until(() -> mailbox.to(users.email(urgentApplicant)), m -> !m.isEmpty());
		assertThat(mail.get(0).subject())
				.isEqualTo(messages.getMessage("mail.offer-made.subject", null, java.util.Locale.forLanguageTag("hy")));
		assertThat(receipts.of("offer", urgentOffer.id())).hasSize(1);

		// The household's own line: its score, made of published parts, and its place.
		Rounds.Entry line = rounds.mine(urgentApplicant.id()).get(0).getValue();
		int expected = policy.needPoints("disability") + policy.needPoints("elderly")
				+ 3 * policy.pointsPerYearWaiting() + policy.originPoints();
		assertThat(line.priority()).isEqualTo(expected);
		assertThat(line.points()).containsEntry("years-waiting", 3 * policy.pointsPerYearWaiting())
				.containsEntry("origin", policy.originPoints());
		assertThat(line.position()).isEqualTo(1);
		assertThat(line.unit()).isEqualTo(stepFree);
		assertThat(rounds.entries(round.number())).hasSize(4);
		String input = new String(rounds.inputFile(round.number()), StandardCharsets.UTF_8);
		assertThat(input).doesNotContain(urgent.toString()).as("pseudonyms only").contains(line.pseudonym());

		// Committed by hash, and in the transparency log.
		assertThat(Digests.sha256(rounds.inputFile(round.number()))).isEqualTo(round.inputHash());
		assertThat(Digests.sha256(rounds.resultFile(round.number()))).isEqualTo(round.resultHash());
		assertThat(receipts.of("allocation-round", round.id())).hasSize(1);

		// Anyone re-runs it from the published files and gets the identical result.
		Path in = Files.write(files.resolve("input.json"), rounds.inputFile(round.number()));
		Path out = Files.write(files.resolve("result.json"), rounds.resultFile(round.number()));
		var stdout = new ByteArrayOutputStream();
		assertThat(RoundVerifier.run(new String[] {in.toString(), out.toString()}, new PrintStream(stdout),
				new PrintStream(new ByteArrayOutputStream()))).isZero();
		assertThat(stdout.toString(StandardCharsets.UTF_8)).contains(round.inputHash()).contains(round.resultHash())
				.contains(Rounds.commitment(round.inputHash(), round.algorithmVersion(), round.resultHash()));

		// A changed input (someone's priority raised) is caught.
		Files.writeString(in, input.replace("\"priority\":" + expected + ",", "\"priority\":" + (expected + 1) + ","));
		var stderr = new ByteArrayOutputStream();
		assertThat(RoundVerifier.run(new String[] {in.toString(), out.toString()},
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr))).isEqualTo(1);
		// So is a changed result.
		Files.write(in, rounds.inputFile(round.number()));
		Files.writeString(out, new String(rounds.resultFile(round.number()), StandardCharsets.UTF_8)
				.replace(twoRooms.toString(), inHazard.toString()));
		assertThat(RoundVerifier.run(new String[] {in.toString(), out.toString()},
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr))).isEqualTo(1);
		assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("does NOT give the published result");
	}

	@Test
	void theSameInputGivesTheSameResultBytes() {
		UUID area = fixtures.area("qarakisiler", AreaStatus.RELEASED);
		for (int rooms = 1; rooms <= 4; rooms++) {
			fixtures.readyUnit(area, rooms, rooms % 2 == 0);
		}
		for (int i = 0; i < 6; i++) {
			fixtures.household(users.newApplicant("en"), 1 + i % 5, i % 3 == 0 ? List.of("single-parent") : List.of(),
					i == 4, List.of("qarakisiler"), LocalDate.now().minusYears(i));
		}
		Rounds.Round round = rounds.start(fixtures.officer(), List.of("qarakisiler"));
		RoundFiles.Input input = RoundFiles.parseInput(rounds.inputFile(round.number()));

		byte[] again = RoundFiles.result(org.hearth.housing.allocation.AllocationSolver.solve(input.households(),
				input.units(), input.rules()));

		assertThat(again).isEqualTo(rounds.resultFile(round.number()));
		assertThat(RoundFiles.input(input.round(), input.rules(), input.households(), input.units()))
				.isEqualTo(rounds.inputFile(round.number()));
	}
}
