package org.hearth.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright: the browser download is skipped (the machine cannot reach it) and the
 * system binary is used with the flags a closed network needs.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HEARTH_CHROMIUM", "/usr/bin/chromium"));

	private final Playwright playwright;
	private final com.microsoft.playwright.Browser browser;

	Browser() {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
					+ " (apt-get install -y chromium), or HEARTH_CHROMIUM pointing to it");
		}
		playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	/** A fresh browser profile (no cookies) whose Accept-Language is {@code language}. */
	Page newPage(String language, boolean javaScript) {
		var context = browser.newContext(new NewContextOptions().setLocale(language)
				.setExtraHTTPHeaders(Map.of("Accept-Language", language)).setJavaScriptEnabled(javaScript)
				.setAcceptDownloads(true));
		context.setDefaultTimeout(15_000);
		return context.newPage();
	}

	/**
	 * axe-core's serious and critical violations on the current page, as readable lines. Legacy mode runs axe in the
	 * page itself: the default opens a blank page per audit to merge frame results, which costs a second each on two
	 * cores, and these pages have no frames.
	 */
	static List<String> seriousAccessibilityViolations(Page page) {
		var results = new AxeBuilder(page).setLegacyMode(true)
				.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
		return results.getViolations().stream()
				.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
				.map(Browser::describe).toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}
