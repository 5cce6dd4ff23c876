package org.hearth.platform;

import java.nio.file.Path;

import org.hearth.shared.Scripts;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Start-up on two cores: while Spring reads its configuration and builds the web server, the embedded PostgreSQL
 * starts and ICU compiles its transliteration rules, on threads of their own. The beans that need them later take
 * them over, or wait for them; nothing else changes. Runs once the configuration (profiles, HEARTH_*) is known.
 */
class EarlyStart implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("hearth.early-start", Boolean.class, true)) {
			daemon("hearth-icu", () -> Scripts.searchKey("Xankəndi"));
			String url = environment.getProperty("hearth.db.url", "");
			String dataDir = environment.getProperty("hearth.data-dir");
			if (url.isBlank() && dataDir != null && !environment.matchesProfiles("prod")) {
				EmbeddedDatabase.openEarly(Path.of(dataDir).resolve("postgres"),
						environment.getProperty("hearth.db.ephemeral", Boolean.class, false));
			}
		}
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
