package org.hearth.statistics;

import org.hearth.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, after the demo data (whose runners come first): in the demo, the population figures the seed article
 * cites; everywhere, a first release if none was ever published, so that the public pages have figures before the
 * first scheduled release.
 */
@Component
@Order(100)
class StatisticsStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StatisticsStartup.class);

	static final String SOURCE_2023 = "Office of the Prime Minister of Armenia, as reported on 30 September 2023";
	static final String SOURCE_1994 = "UNHCR, as cited in the seed article on the Karabakh region";

	private final Releases releases;
	private final PopulationFigures population;
	private final Accounts accounts;
	private final boolean demo;

	StatisticsStartup(Releases releases, PopulationFigures population, Accounts accounts,
			@Value("${hearth.demo.enabled}") boolean demo) {
		this.releases = releases;
		this.accounts = accounts;
		this.population = population;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo && population.latest().isEmpty()) {
			java.util.UUID statistician = accounts.byEmail("statistician@hearth.demo").orElseThrow().id();
			population.enter(statistician, new PopulationFigures.NewFigure("population-before-2023-09", "120000",
					"2023-09-19", SOURCE_2023, ""));
			population.enter(statistician,
					new PopulationFigures.NewFigure("left-2023", "100000", "2023-09-30", SOURCE_2023, ""));
			population.enter(statistician, new PopulationFigures.NewFigure("displaced-1988-1994", "600000",
					"1994-05-12", SOURCE_1994, ""));
			log.info("Demo statistics: population figures with their sources");
		}
		if (releases.list(1).isEmpty()) {
			releases.publishIfMissing();
		}
	}
}
