package org.hearth.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.hearth.HearthApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hearth.db.url} set, Hearth connects there and starts no PostgreSQL of its own. The "external" server
 * here is a PostgreSQL started by this test in a directory of its own, reached over TCP as any other would be.
 */
class ExternalDatabaseTest {

	@TempDir
	Path temp;

	@Test
	void withADatabaseUrlNoEmbeddedServerIsStartedAndHealthIsUp() throws Exception {
		try (EmbeddedDatabase external = EmbeddedDatabase.open(temp.resolve("external-postgres"), false)) {
			String url = "jdbc:postgresql://localhost:" + external.port() + "/hearth";
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
					.profiles("demo", "test").properties("server.port=0")
					.run("--hearth.db.url=" + url, "--hearth.db.user=hearth_app", "--hearth.db.owner-user=hearth_owner")) {

				assertThat(context.getBeanProvider(EmbeddedDatabase.class).getIfAvailable()).isNull();
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				assertThat(pool.getJdbcUrl()).isEqualTo(url);
				assertThat(pool.getUsername()).isEqualTo("hearth_app");

				String port = context.getEnvironment().getProperty("local.server.port");
				HttpResponse<String> health = HttpClient.newHttpClient().send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
								.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(health.statusCode()).isEqualTo(200);
				assertThat(health.body()).contains("\"status\":\"UP\"");
			}
		}
	}

	@Test
	void prodStartsOnAnExternalDatabaseAndInvitesTheFirstAdministrator() throws Exception {
		var smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1",
				com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		try (EmbeddedDatabase external = EmbeddedDatabase.open(temp.resolve("prod-postgres"), false)) {
			String url = "jdbc:postgresql://localhost:" + external.port() + "/hearth";
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
					.profiles("prod").properties("server.port=0")
					.run("--hearth.db.url=" + url, "--hearth.db.user=hearth_app", "--hearth.db.owner-user=hearth_owner",
							"--hearth.security.secret=" + "p".repeat(40), "--hearth.data-dir=" + temp.resolve("data"),
							"--hearth.admin-email=ops@agency.example", "--spring.mail.host=127.0.0.1",
							"--spring.mail.port=" + smtp.getSmtp().getPort(),
							"--spring.mail.properties.mail.smtp.starttls.enable=false")) {
				assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("prod");
				assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
				assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ops@agency.example");
			}
		}
		finally {
			smtp.stop();
		}
	}
}
