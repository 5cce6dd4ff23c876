package org.hearth.browser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a journey through the pages needs: the whole application on a port with the demo accounts and mailbox, a
 * real Chromium, people signing in and registering as they do, and axe-core on every kind of page on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class BrowserJourney {

	static final String DEMO_PASSWORD = "hearth-demo-2026";

	static Browser browser;

	private static final Set<String> AUDITED = ConcurrentHashMap.newKeySet();

	private static final String UUID_OR_NUMBER = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+";

	@LocalServerPort
	int port;

	/** Serious and critical accessibility violations found so far, by page; a journey ends by asserting none. */
	final List<String> accessibility = new ArrayList<>();

	private final Map<Page, Boolean> scriptsOn = new IdentityHashMap<>();

	private Page auditor;

	@BeforeAll
	static void startBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	Page newPage(String language, boolean javaScript) {
		Page page = browser.newPage(language, javaScript);
		scriptsOn.put(page, javaScript);
		return page;
	}

	/**
	 * Runs axe on the page as it is now and keeps what it finds. axe is JavaScript: for a page shown without it,
	 * the same HTML is audited in a page that runs scripts, at the same origin so that the stylesheet applies.
	 */
	void audit(Page page) {
		String where = page.url().replace(url(""), "");
		// axe takes half a second to two seconds a page on two cores: each page, refused or not, is audited once a run, in
		// the first language it is met in (the markup is the same template in every language).
		String shape = where.replaceAll("[?#].*", "").replaceAll(UUID_OR_NUMBER, "{id}")
				+ (page.locator("[data-testid=refusal]").count() > 0 ? " refused" : "");
		if (!AUDITED.add(shape)) {
			return;
		}
		Page target = page;
		if (!Boolean.TRUE.equals(scriptsOn.get(page))) {
			if (auditor == null) {
				auditor = newPage("en", true);
				// Once: setContent keeps the address, so the stylesheet keeps resolving against this origin.
				auditor.navigate(url("/"));
			}
			auditor.setContent(page.content().replaceAll("(?s)<script.*?</script>", ""));
			target = auditor;
		}
		Browser.seriousAccessibilityViolations(target).forEach(v -> accessibility.add(where + ": " + v));
	}

	void signIn(Page page, String email) {
		signIn(page, email, DEMO_PASSWORD);
	}

	void signIn(Page page, String email, String password) {
		page.navigate(url("/login"));
		audit(page);
		page.fill("#email", email);
		page.fill("#password", password);
		page.click("main form button[type=submit]");
	}

	/** Registers a new account through the form and confirms it with the link the demo mailbox received. */
	void registerAndConfirm(Page page, String email, String password) {
		page.navigate(url("/register"));
		audit(page);
		page.fill("#email", email);
		page.fill("#password", password);
		page.fill("#repeatPassword", password);
		page.click("main form button[type=submit]");
		assertThat(page.url()).endsWith("/register/check-email");
		audit(page);
		page.navigate(url("/demo/mailbox"));
		String link = page.locator(".mail:has-text('" + email + "') a[href*='/account/confirm']").first()
				.getAttribute("href");
		page.navigate(url(link.substring(link.indexOf("/account/confirm"))));
		audit(page);
		assertThat(page.locator("h1").textContent()).isNotBlank();
	}

	void continueButton(Page page) {
		page.click("button[name=action][value=continue]");
	}
}
