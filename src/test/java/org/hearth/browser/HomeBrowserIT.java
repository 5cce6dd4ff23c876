package org.hearth.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HomeBrowserIT extends BrowserJourney {

	@Test
	void homePageFollowsTheBrowserLanguageAndTheSwitchRemembersTheChoice() {
		Page page = browser.newPage("ru-RU", true);
		page.navigate(url("/"));
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ru");
		assertThat(page.locator("h1").textContent()).isEqualTo("Услуги");

		page.locator("nav.languages a[hreflang=hy]").click();
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("hy");
		assertThat(page.url()).contains("lang=hy");

		page.navigate(url("/login"));
		assertThat(page.locator("html").getAttribute("lang")).as("remembered in a cookie").isEqualTo("hy");
		page.locator("nav.languages a[hreflang=az]").click();
		assertThat(page.url()).as("stays on the same page").contains("/login");
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("az");
	}

	@Test
	void publicPagesHaveNoSeriousAccessibilityViolations() {
		Page page = browser.newPage("en", true);
		List<String> violations = new ArrayList<>();
		for (String path : List.of("/", "/login", "/register")) {
			page.navigate(url(path));
			Browser.seriousAccessibilityViolations(page).forEach(v -> violations.add(path + ": " + v));
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theAuditFindsWhatIsWrong() {
		Page page = browser.newPage("en", true);
		page.navigate(url("/"));
		page.setContent("<!doctype html><html><body><main><img src=\"/x.png\"><input type=\"text\"></main></body></html>");
		assertThat(Browser.seriousAccessibilityViolations(page)).as("an image without text and an unlabelled field")
				.anySatisfy(v -> assertThat(v).startsWith("image-alt"))
				.anySatisfy(v -> assertThat(v).startsWith("label"));
	}
}
