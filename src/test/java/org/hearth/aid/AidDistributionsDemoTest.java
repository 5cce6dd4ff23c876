package org.hearth.aid;

import java.util.List;
import java.util.UUID;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's round: open, three households served, and the Russian spelling of one of them flagged; written once. */
@HearthTest
class AidDistributionsDemoTest {

	@Autowired
	AidDistributionsDemo demo;

	@Autowired
	Distributions distributions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoRoundHasItsHouseholdsAndShowsTheFlagAndIsWrittenOnce() throws Exception {
		Distributions.Round round = distributions.round(AidDistributionsDemo.ROUND);
		assertThat(round.isOpen()).isTrue();
		assertThat(round.warehouse()).isEqualTo(AidDemo.id("KHA-01"));
		assertThat(distributions.totals(round.id()).households()).isEqualTo(3);
		UUID russian = jdbc.sql("""
				SELECT household_id FROM registry.person WHERE family_name = 'Мамедов' AND given_name = 'Эльшан'
				  AND household_id IN (SELECT id FROM registry.household WHERE source = 'demo')""")
				.query(UUID.class).single();
		Distributions.Standing standing = distributions.standing(round.id(), russian);
		assertThat(standing.flagged()).isTrue();
		assertThat(standing.received()).isNull();

		demo.run(null);
		assertThat(jdbc.sql("SELECT count(*) FROM registry.household WHERE source = 'demo'").query(Integer.class)
				.single()).isEqualTo(AidDistributionsDemo.HOUSEHOLDS.size());
		assertThat(distributions.distributions(round.id(), 100)).hasSize(3);
		List<String> entries = jdbc.sql("""
				SELECT s.entity_type FROM transparency.leaf_subject s JOIN aid.distribution d ON d.id = s.entity_id
				WHERE d.round = ?""").param(round.id()).query(String.class).list();
		assertThat(entries).hasSize(3).containsOnly("distribution");
	}
}
