package org.hearth.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public statistics in a real Chromium without JavaScript: the dashboard's charts and tables in Armenian, the
 * data dictionary in Azerbaijani, the releases in Russian; the statistician entering a population figure, refused
 * first with what was typed kept. axe-core checks every page on the way.
 */
class StatisticsBrowserIT extends BrowserJourney {

	@Test
	void thePublicReadsTheFiguresAndAStatisticianEntersOneWithItsSource() {
		Page visitor = newPage("hy", false);
		visitor.navigate(url("/statistics"));
		audit(visitor);
		// Every table of the release: a chart and its table, or the note that it is withheld whole.
		int tables = visitor.locator("section[data-table]").count();
		assertThat(tables).isEqualTo(9);
		assertThat(visitor.locator("section[data-table] svg.chart").count()
				+ visitor.locator("[data-testid=withheld-table]").count()).isEqualTo(tables);
		assertThat(visitor.locator("[data-testid=figure-legend]").textContent()).contains("<10");
		visitor.navigate(url("/statistics/data-dictionary?lang=az"));
		audit(visitor);
		assertThat(visitor.content()).contains("#affected+applications+submitted");
		visitor.navigate(url("/statistics/releases?lang=ru"));
		audit(visitor);
		assertThat(visitor.locator("a[href$='.csv']").count()).isPositive();

		Page statistician = newPage("az", false);
		signIn(statistician, "statistician@hearth.demo");
		assertThat(statistician.url()).endsWith("/statistics/manage");
		audit(statistician);
		statistician.selectOption("#measure", new SelectOption().setValue("left-2023"));
		statistician.fill("#value", "yüz min");
		statistician.fill("#asOf", "2023-10-01");
		statistician.fill("#source", "Ermənistan hökuməti, 1 oktyabr 2023");
		statistician.click("#population-form button[type=submit]");
		audit(statistician);
		assertThat(statistician.locator("[data-testid=refusal]").count()).isPositive();
		assertThat(statistician.inputValue("#source")).isEqualTo("Ermənistan hökuməti, 1 oktyabr 2023");
		statistician.fill("#value", "100 617");
		statistician.click("#population-form button[type=submit]");
		audit(statistician);
		assertThat(statistician.locator("[data-testid=notice]").count()).isPositive();
		statistician.navigate(url("/statistics"));
		assertThat(statistician.locator("[data-testid=population]").textContent())
				.contains("Ermənistan hökuməti, 1 oktyabr 2023");

		assertThat(accessibility).isEmpty();
	}
}
