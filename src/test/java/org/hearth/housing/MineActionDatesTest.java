package org.hearth.housing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.hearth.HearthTest;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.platform.DisplayZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release certificate dated today in the region is not "in the future", whatever the hour in UTC. (A bug: the
 * check used UTC's date, so after 20:00 UTC a release signed that day in Baku was refused.)
 */
@HearthTest
class MineActionDatesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Gazetteer gazetteer;

	@Autowired
	Offers offers;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aReleaseDatedTodayInBakuIsAcceptedLateInTheUtcEvening() {
		// 21:30 UTC on 28 November is 01:30 on 29 November in Baku.
		Clock evening = Clock.fixed(Instant.parse("2026-11-28T21:30:00Z"), ZoneOffset.UTC);
		MineAction mineAction = new MineAction(jdbc, gazetteer, offers, events,
				new DisplayZone(ZoneId.of("Asia/Baku")), evening);

		assertThat(mineAction.check(record(LocalDate.of(2026, 11, 29)))).isEmpty();
		assertThat(mineAction.check(record(LocalDate.of(2026, 11, 30))))
				.contains("housing.error.release-in-future");
	}

	private static MineAction.AreaRecord record(LocalDate releasedOn) {
		return new MineAction.AreaRecord("T-DATES", "xelefli", "north", AreaStatus.RELEASED, "CERT-1", releasedOn);
	}
}
