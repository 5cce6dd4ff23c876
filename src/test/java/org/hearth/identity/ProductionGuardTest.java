package org.hearth.identity;

import org.hearth.HearthApplication;
import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The prod profile refuses to start while anything of the demo is on, and says why. The web server is asked for a
 * free port; a refused start closes the context, so nothing is left listening. {@code @HearthTest} only keeps the
 * shared test context, and with it the test profile's throw-away PostgreSQL, running: the refused starts use that
 * server instead of creating and deleting one each.
 */
@HearthTest
class ProductionGuardTest {

	@Test
	void prodWithTheDemoSettingsRefusesToStartAndNamesEveryReason() {
		Throwable failure = start(new SpringApplicationBuilder(HearthApplication.class).profiles("prod", "demo", "test"));

		String message = messages(failure);
		assertThat(message).contains("Refusing to start with the prod profile")
				.contains("the demo profile is active too")
				.contains("hearth.demo.enabled is true")
				.contains("hearth.mail.demo-mailbox is true")
				.contains("HEARTH_SECRET is unset, too short or the demo default")
				.contains("hearth.security.staff-mfa-required is false")
				.contains("HEARTH_TRANSPARENCY_ORIGIN is unset")
				.contains("hearth.transparency.generate-key is true")
				.contains("no HEARTH_DB_URL");
	}

	@Test
	void prodWithoutASecretRefusesToStart() {
		Throwable failure = start(new SpringApplicationBuilder(HearthApplication.class).profiles("prod", "test"),
				"--hearth.security.secret=");

		assertThat(messages(failure)).contains("HEARTH_SECRET");
	}

	private static Throwable start(SpringApplicationBuilder builder, String... args) {
		ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
		Throwable failure = catchThrowable(() -> started[0] = builder.properties("server.port=0").run(args));
		if (started[0] != null) {
			started[0].close();
		}
		assertThat(failure).as("the start is refused").isNotNull();
		return failure;
	}

	private static String messages(Throwable failure) {
		var all = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}
}
