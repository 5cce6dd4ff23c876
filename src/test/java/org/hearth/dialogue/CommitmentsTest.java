package org.hearth.dialogue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.shared.ConflictException;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Commitments on PostgreSQL: four languages required, dates in order, the lifecycle through the service with a claim
 * and a history row for each change, the page's version, verification by observers only (checked in the domain),
 * a dispute's note, verified shown only when the latest claim is, and one entry in the transparency log per change
 * without a name in it.
 */
@HearthTest
@RecordApplicationEvents
class CommitmentsTest {

	@Autowired
	Commitments commitments;

	@Autowired
	Claims claims;

	@Autowired
	Tracker tracker;

	@Autowired
	DialogueFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void theTextIsRequiredInAllFourLanguages() {
		UUID meeting = fixtures.meeting(LocalDate.of(2023, 10, 1)).id();
		UUID party = fixtures.party("Government");
		Map<String, String> noRussian = new java.util.LinkedHashMap<>(DialogueFixtures.four("Fuel").values());
		noRussian.put("ru", "  ");
		UserFacingException refused = refusal(() -> commitments.create(fixtures.secretariat(),
				new Commitments.NewCommitment(meeting, new LocalizedText(noRussian), List.of(party), null)));
		assertThat(refused.messageKey()).isEqualTo("dialogue.error.language-missing");
		assertThat(((org.springframework.context.MessageSourceResolvable) refused.arguments()[1]).getCodes())
				.containsExactly("dialogue.language.ru");
		Map<String, String> noArmenian = new java.util.LinkedHashMap<>(DialogueFixtures.four("Fuel").values());
		noArmenian.remove("hy");
		assertThat(key(() -> commitments.create(fixtures.secretariat(),
				new Commitments.NewCommitment(meeting, new LocalizedText(noArmenian), List.of(party), null))))
				.isEqualTo("dialogue.error.language-missing");
		assertThat(key(() -> commitments.create(fixtures.secretariat(),
				new Commitments.NewCommitment(meeting, DialogueFixtures.four("Fuel"), List.of(), null))))
				.isEqualTo("dialogue.error.choose-party");
		assertThat(key(() -> commitments.create(fixtures.secretariat(),
				new Commitments.NewCommitment(UUID.randomUUID(), DialogueFixtures.four("Fuel"), List.of(party), null))))
				.isEqualTo("dialogue.error.choose-meeting");
		assertThat(commitments.ofMeeting(meeting)).isEmpty();
		// The database refuses a missing language too, whatever the code did.
		assertThat(catchThrowableOfType(org.springframework.dao.DataAccessException.class, () -> jdbc.sql("""
				INSERT INTO dialogue.commitment (id, meeting, text, status, score, created_by, created_at, updated_at,
				  version) VALUES (?, ?, '{"hy": "a", "az": "b", "en": "d"}'::jsonb, 'PROPOSED', 0, ?, now(), now(), 0)""")
				.params(UUID.randomUUID(), meeting, UUID.randomUUID()).update())).isNotNull();
	}

	@Test
	void aDueDateBeforeTheMeetingIsRefused() {
		UUID meeting = fixtures.meeting(LocalDate.of(2023, 10, 1)).id();
		UUID party = fixtures.party("Government");
		assertThat(key(() -> commitments.create(fixtures.secretariat(), new Commitments.NewCommitment(meeting,
				DialogueFixtures.four("Fuel"), List.of(party), LocalDate.of(2023, 9, 30)))))
				.isEqualTo("dialogue.error.due-before-meeting");
		Commitment created = commitments.create(fixtures.secretariat(), new Commitments.NewCommitment(meeting,
				DialogueFixtures.four("Fuel"), List.of(party), LocalDate.of(2023, 10, 1)));
		assertThat(created.status()).isEqualTo(CommitmentStatus.PROPOSED);
		assertThat(created.score()).isZero();
		assertThat(key(() -> commitments.revise(fixtures.secretariat(), created.id(), created.version(),
				new Commitments.Revision(created.text(), LocalDate.of(2020, 1, 1), created.parties()))))
				.isEqualTo("dialogue.error.due-before-meeting");
	}

	@Test
	void theLifecycleThroughTheServiceLeavesAClaimAndAHistoryRowForEachChange() {
		CurrentUser secretariat = fixtures.secretariat();
		Commitment c = fixtures.commitment(LocalDate.of(2023, 12, 31));
		Commitment agreed = commitments.changeStatus(secretariat, c.id(), c.version(), CommitmentStatus.AGREED,
				"Agreed in Yevlakh.");
		Commitment started = commitments.changeStatus(secretariat, c.id(), agreed.version(),
				CommitmentStatus.IN_PROGRESS, "First convoy arrived.");
		Commitment scored = commitments.rescore(secretariat, c.id(), started.version(), 2, "Half delivered.");
		UserFacingException jump = refusal(() -> commitments.changeStatus(secretariat, c.id(), scored.version(),
				CommitmentStatus.AGREED, "Back to agreed?"));
		assertThat(jump.messageKey()).isEqualTo("dialogue.error.status-jump");
		Commitment done = commitments.changeStatus(secretariat, c.id(), scored.version(), CommitmentStatus.FULFILLED,
				"All delivered.");
		assertThat(done.status()).isEqualTo(CommitmentStatus.FULFILLED);
		assertThat(done.score()).isEqualTo(2);
		assertThat(key(() -> commitments.changeStatus(secretariat, c.id(), done.version(), CommitmentStatus.WITHDRAWN,
				"Too late."))).isEqualTo("dialogue.error.status-final");
		assertThat(key(() -> commitments.changeStatus(secretariat, c.id(), done.version(), CommitmentStatus.FULFILLED,
				"  "))).isEqualTo("dialogue.error.required");

		assertThat(claims.claims(c.id())).extracting(cl -> cl.kind() + " " + cl.status() + " " + cl.score())
				.containsExactly("STATUS AGREED 0", "STATUS IN_PROGRESS 0", "SCORE IN_PROGRESS 2", "STATUS FULFILLED 2");
		assertThat(claims.claims(c.id()).get(3).previousStatus()).isEqualTo(CommitmentStatus.IN_PROGRESS);
		assertThat(claims.claims(c.id()).get(3).statement()).isEqualTo("All delivered.");
		assertThat(commitments.history(c.id())).extracting(h -> h.action() + " " + h.status() + " " + h.role())
				.containsExactly("CREATED PROPOSED DIALOGUE_SECRETARIAT", "STATUS_CHANGED AGREED DIALOGUE_SECRETARIAT",
						"STATUS_CHANGED IN_PROGRESS DIALOGUE_SECRETARIAT", "SCORE_CHANGED IN_PROGRESS DIALOGUE_SECRETARIAT",
						"STATUS_CHANGED FULFILLED DIALOGUE_SECRETARIAT");
		assertThat(commitments.history(c.id()).get(0).revision().text()).isEqualTo(c.text());

		Commitment revised = commitments.revise(secretariat, c.id(), done.version(), new Commitments.Revision(
				DialogueFixtures.four("Deliveries of fuel, corrected"), null, c.parties()));
		assertThat(revised.text().in(java.util.Locale.ENGLISH)).isEqualTo("Deliveries of fuel, corrected");
		List<Commitments.HistoryEntry> history = commitments.history(c.id());
		assertThat(history.get(history.size() - 1).action()).isEqualTo(Commitments.Action.REVISED);
		assertThat(history.get(0).revision().text()).as("the first text stays").isEqualTo(c.text());
		assertThat(key(() -> commitments.revise(secretariat, c.id(), revised.version(), new Commitments.Revision(
				revised.text(), null, c.parties())))).isEqualTo("dialogue.error.nothing-changed");
	}

	@Test
	void aChangeToWhatThePageNoLongerShowsIsAConflict() {
		Commitment c = fixtures.commitment();
		commitments.changeStatus(fixtures.secretariat(), c.id(), c.version(), CommitmentStatus.AGREED, "Agreed.");
		ConflictException stale = catchThrowableOfType(ConflictException.class, () -> commitments.changeStatus(
				fixtures.newSecretariat(), c.id(), c.version(), CommitmentStatus.WITHDRAWN, "Withdrawn."));
		assertThat(stale.messageKey()).isEqualTo("dialogue.error.changed-meanwhile");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(commitments.commitment(c.id()).status()).isEqualTo(CommitmentStatus.AGREED);
		assertThat(claims.claims(c.id())).hasSize(1);
	}

	@Test
	void onlyTheSecretariatChangesACommitmentAndOnlyObserversVerifyEvenPastTheController() {
		Commitment c = fixtures.commitment();
		CurrentUser observer = fixtures.observer();
		assertThat(key(() -> commitments.changeStatus(observer, c.id(), c.version(), CommitmentStatus.AGREED, "x")))
				.isEqualTo("dialogue.error.secretariat-only");
		Commitment agreed = commitments.changeStatus(fixtures.secretariat(), c.id(), c.version(),
				CommitmentStatus.AGREED, "Agreed.");
		UUID claim = claims.claims(c.id()).get(0).id();
		CurrentUser coordinator = users.newStaff(java.util.Set.of(Role.AID_COORDINATOR), "KHA");
		for (CurrentUser notObserver : List.of(fixtures.secretariat(), coordinator, users.newApplicant("en"))) {
			assertThat(key(() -> claims.verify(notObserver, claim, null))).as(notObserver.roles().toString())
					.isEqualTo("dialogue.error.observers-only");
			assertThat(key(() -> claims.dispute(notObserver, claim, "not true")))
					.isEqualTo("dialogue.error.observers-only");
		}
		assertThat(claims.findings(c.id())).isEmpty();
		// Someone who is both may not verify the claim they made.
		CurrentUser both = users.newStaff(java.util.Set.of(Role.DIALOGUE_SECRETARIAT, Role.OBSERVER), "KHA");
		commitments.changeStatus(both, c.id(), agreed.version(), CommitmentStatus.IN_PROGRESS, "Started.");
		UUID own = claims.claims(c.id()).get(1).id();
		assertThat(key(() -> claims.verify(both, own, null))).isEqualTo("dialogue.error.own-claim");
		assertThat(claims.verify(both, claim, "I was there").verdict()).isEqualTo(Verdict.VERIFIED);
	}

	@Test
	void aDisputeNeedsItsNoteAndEachObserverGivesOneFinding() {
		Commitment c = fixtures.commitment();
		commitments.changeStatus(fixtures.secretariat(), c.id(), c.version(), CommitmentStatus.AGREED, "Agreed.");
		UUID claim = claims.claims(c.id()).get(0).id();
		CurrentUser first = fixtures.newObserver();
		CurrentUser second = fixtures.newObserver();
		assertThat(key(() -> claims.dispute(first, claim, "   "))).isEqualTo("dialogue.error.dispute-note");
		assertThat(claims.verify(first, claim, null).verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(key(() -> claims.verify(first, claim, "again"))).isEqualTo("dialogue.error.already-found");
		assertThat(key(() -> claims.dispute(first, claim, "changed my mind"))).isEqualTo("dialogue.error.already-found");
		Claims.Finding disputed = claims.dispute(second, claim, "The minutes do not say so.");
		assertThat(disputed.note()).isEqualTo("The minutes do not say so.");
		assertThat(claims.findings(c.id())).extracting(Claims.Finding::verdict)
				.containsExactly(Verdict.VERIFIED, Verdict.DISPUTED);
		// The database refuses a dispute without a note and a second finding, whatever the code did.
		assertThat(catchThrowableOfType(org.springframework.dao.DataAccessException.class, () -> jdbc.sql("""
				INSERT INTO dialogue.finding (id, claim, verdict, note, observer, role, found_at)
				VALUES (?, ?, 'DISPUTED', NULL, ?, 'OBSERVER', now())""").params(UUID.randomUUID(), claim,
				UUID.randomUUID()).update())).isNotNull();
		assertThat(catchThrowableOfType(org.springframework.dao.DataAccessException.class, () -> jdbc.sql("""
				INSERT INTO dialogue.finding (id, claim, verdict, note, observer, role, found_at)
				VALUES (?, ?, 'VERIFIED', NULL, ?, 'OBSERVER', now())""").params(UUID.randomUUID(), claim,
				first.uuid()).update())).isNotNull();
	}

	@Test
	void verifiedIsShownOnlyWhenTheLatestClaimIsVerified() {
		CurrentUser secretariat = fixtures.secretariat();
		CurrentUser observer = fixtures.newObserver();
		Commitment c = fixtures.commitment();
		assertThat(tracked(c.id()).verification()).as("no claim yet").isEqualTo(Verification.UNVERIFIED);
		assertThat(tracked(c.id()).latest()).isNull();

		Commitment agreed = commitments.changeStatus(secretariat, c.id(), c.version(), CommitmentStatus.AGREED, "Agreed.");
		assertThat(tracked(c.id()).verification()).isEqualTo(Verification.UNVERIFIED);
		claims.verify(observer, claims.claims(c.id()).get(0).id(), null);
		assertThat(tracked(c.id()).verification()).isEqualTo(Verification.VERIFIED);
		assertThat(tracked(c.id()).latest().verified()).isEqualTo(1);

		Commitment started = commitments.changeStatus(secretariat, c.id(), agreed.version(),
				CommitmentStatus.IN_PROGRESS, "Started.");
		assertThat(tracked(c.id()).verification()).as("the new claim is not verified yet")
				.isEqualTo(Verification.UNVERIFIED);
		assertThat(tracked(c.id()).latest().claim().status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
		UUID latest = claims.claims(c.id()).get(1).id();
		claims.verify(observer, latest, null);
		assertThat(tracked(c.id()).verification()).isEqualTo(Verification.VERIFIED);
		claims.dispute(fixtures.newObserver(), latest, "Nothing has started in Xocalı.");
		assertThat(tracked(c.id()).verification()).isEqualTo(Verification.DISPUTED);
		assertThat(tracker.record(c.id(), Audience.PUBLIC).claims().get(0).findings()).extracting(Claims.Finding::note)
				.containsExactly(null, "Nothing has started in Xocalı.");

		commitments.rescore(secretariat, c.id(), started.version(), 1, "Some started.");
		assertThat(tracked(c.id()).verification()).isEqualTo(Verification.UNVERIFIED);
		assertThat(tracker.toCheck(observer)).extracting(t -> t.claim().commitment()).contains(c.id());
		assertThat(tracker.toCheck(observer)).filteredOn(t -> t.claim().commitment().equals(c.id()))
				.singleElement().satisfies(t -> assertThat(t.latest()).isTrue());
		assertThat(tracker.commitments(new Tracker.Filter(CommitmentStatus.IN_PROGRESS, c.parties().get(0), 1)))
				.extracting(t -> t.commitment().id()).containsExactly(c.id());
		assertThat(tracker.commitments(new Tracker.Filter(CommitmentStatus.AGREED, c.parties().get(0), null))).isEmpty();
	}

	@Test
	void eachChangeEntersTheTransparencyLogWithoutANameOrTheTextInIt() {
		CurrentUser secretariat = fixtures.secretariat();
		Commitment c = fixtures.commitment();
		UUID party = c.parties().get(0);
		Commitment agreed = commitments.changeStatus(secretariat, c.id(), c.version(), CommitmentStatus.AGREED,
				"Agreed by Davit Avanesyan and Rauf Quliyev.");
		Commitment started = commitments.changeStatus(secretariat, c.id(), agreed.version(), CommitmentStatus.IN_PROGRESS,
				"Started.");
		commitments.rescore(secretariat, c.id(), started.version(), 1, "Begun.");
		UUID claim = claims.claims(c.id()).get(0).id();
		claims.verify(fixtures.newObserver(), claim, "Seen by Anna Petrosyan.");
		claims.dispute(fixtures.newObserver(), claim, "Not in the minutes of Mariam Aliyeva.");
		claims.addStatement(secretariat, claim, party, "Statement read by Tigran Hakobyan.");
		commitments.addEvidence(secretariat, c.id(), new Commitments.NewEvidence(EvidenceKind.URL,
				"https://www.icrc.org/en/report", null, SharedWith.PUBLIC, null));

		List<DialogueChanged> changes = events.stream(DialogueChanged.class).filter(e -> e.entityId().equals(c.id()))
				.toList();
		assertThat(changes).extracting(DialogueChanged::action).containsExactly("created", "status-changed",
				"status-changed", "score-changed", "verified", "disputed", "statement", "evidence");
		assertThat(changes).allSatisfy(e -> {
			assertThat(e.entityType()).isEqualTo("commitment");
			assertThat(e.contentDigest()).matches("[0-9a-f]{64}");
		});
		assertThat(changes).extracting(DialogueChanged::roleName).containsExactly("DIALOGUE_SECRETARIAT",
				"DIALOGUE_SECRETARIAT", "DIALOGUE_SECRETARIAT", "DIALOGUE_SECRETARIAT", "OBSERVER", "OBSERVER",
				"DIALOGUE_SECRETARIAT", "DIALOGUE_SECRETARIAT");
		assertThat(changes.get(1).contentDigest()).isEqualTo(DialogueChanged.sha256(String.join("\n",
				Commitments.content(agreed),
				"claim " + claim, "statement-sha256 " + DialogueChanged.sha256("Agreed by Davit Avanesyan and Rauf Quliyev."))));

		List<String> leaves = jdbc.sql("""
				SELECT l.data FROM transparency.leaf l JOIN transparency.leaf_subject s ON s.idx = l.idx
				WHERE s.entity_type = 'commitment' AND s.entity_id = ?""").param(c.id())
				.query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
		assertThat(leaves).hasSize(8).allSatisfy(leaf -> assertThat(leaf).contains("commitment")
				.doesNotContain("Avanesyan").doesNotContain("Quliyev").doesNotContain("Petrosyan")
				.doesNotContain("Aliyeva").doesNotContain("Hakobyan").doesNotContain("Deliveries of fuel")
				.doesNotContain(c.id().toString()).doesNotContain("icrc.org"));
		assertThat(String.join("\n", leaves)).contains("status-changed").contains("verified").contains("disputed")
				.contains("statement").contains("evidence");
	}

	private Tracker.Tracked tracked(UUID id) {
		return tracker.commitments(Tracker.Filter.all()).stream().filter(t -> t.commitment().id().equals(id))
				.findFirst().orElseThrow();
	}

	static UserFacingException refusal(Runnable action) {
		return catchThrowableOfType(UserFacingException.class, action::run);
	}

	static String key(Runnable action) {
		UserFacingException refused = refusal(action);
		return refused == null ? "accepted" : refused.messageKey();
	}
}
