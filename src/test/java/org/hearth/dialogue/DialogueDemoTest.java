package org.hearth.dialogue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's dialogue as the seed article tells it: four parties, three meetings, the humanitarian working group,
 * seven commitments in various statuses with verified claims, one disputed with its note, statements of both sides,
 * and each change in the transparency log; written once.
 */
@HearthTest
class DialogueDemoTest {

	@Autowired
	DialogueDemo demo;

	@Autowired
	Tracker tracker;

	@Autowired
	Parties parties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTalksOfTheSeedArticleAreThereOnce() {
		List<UUID> ids = List.of("food", "fuel", "communications", "field-hospital", "cultural-rights", "amnesty",
				"security").stream().map(k -> DialogueDemo.id("commitment-" + k)).toList();
		Map<UUID, Tracker.Tracked> byId = new java.util.HashMap<>();
		tracker.commitments(Tracker.Filter.all()).forEach(t -> byId.put(t.commitment().id(), t));
		assertThat(byId.keySet()).containsAll(ids);
		assertThat(ids.stream().map(id -> byId.get(id).commitment().status()).distinct().count()).isGreaterThanOrEqualTo(6);
		assertThat(byId.get(ids.get(0)).verification()).isEqualTo(Verification.VERIFIED);
		assertThat(byId.get(ids.get(0)).commitment().score()).isEqualTo(3);
		assertThat(byId.get(ids.get(1)).verification()).isEqualTo(Verification.DISPUTED);
		assertThat(byId.get(ids.get(2)).overdue()).isTrue();
		assertThat(byId.get(ids.get(5)).latest()).as("amnesty: only proposed").isNull();

		Tracker.CommitmentRecord fuel = tracker.record(ids.get(1), Audience.PUBLIC);
		Tracker.ClaimRecord disputed = fuel.claims().get(0);
		assertThat(disputed.findings()).anySatisfy(f -> {
			assertThat(f.verdict()).isEqualTo(Verdict.DISPUTED);
			assertThat(f.note()).contains("Xocalı");
		});
		assertThat(disputed.statements()).extracting(Claims.Statement::party)
				.containsExactly(DialogueDemo.id("government"), DialogueDemo.id("residents"));
		assertThat(fuel.meeting().participants()).isNotEmpty().allSatisfy(p -> assertThat(p.name()).isNull());
		assertThat(tracker.observerView().groups()).anySatisfy(g -> {
			assertThat(g.group().id()).isEqualTo(DialogueDemo.id("group-humanitarian"));
			assertThat(g.members()).hasSize(3).allSatisfy(m -> assertThat(m.name()).isNull());
			assertThat(g.meetings()).containsExactly(DialogueDemo.id("meeting-xocali"));
		});
		assertThat(parties.find(DialogueDemo.id("un-mission"))).isPresent();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM transparency.leaf_subject WHERE entity_type = 'commitment' AND entity_id IN (:ids)""")
				.param("ids", ids).query(Long.class).single()).isGreaterThan(30);

		long claims = jdbc.sql("SELECT count(*) FROM dialogue.claim").query(Long.class).single();
		demo.run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("SELECT count(*) FROM dialogue.claim").query(Long.class).single()).isEqualTo(claims);
	}
}
