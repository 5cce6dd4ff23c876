package org.hearth.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.hearth.HearthApplication;
import org.hearth.transparency.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
			Path key = temp.resolve("keys/log-signing.key");
			String[] args = { "--hearth.db.url=" + url, "--hearth.db.user=hearth_app",
					"--hearth.db.owner-user=hearth_owner", "--hearth.security.secret=" + "p".repeat(40),
					"--hearth.data-dir=" + temp.resolve("data"), "--hearth.admin-email=ops@agency.example",
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
					"--spring.mail.properties.mail.smtp.starttls.enable=false",
					"--hearth.transparency.origin=agency.example/hearth", "--hearth.transparency.key-file=" + key,
					"--hearth.transparency.generate-key=false" };

			// Without its signing key the log could not sign anything: prod refuses to start and says what to do.
			Throwable refused = catchThrowable(() -> new SpringApplicationBuilder(HearthApplication.class)
					.profiles("prod").properties("server.port=0").run(args).close());
			assertThat(refused).isNotNull();
			assertThat(org.assertj.core.util.Throwables.getRootCause(refused)).hasMessageContaining(key.toString())
					.hasMessageContaining("does not exist");

			java.nio.file.Files.createDirectories(key.getParent());
			var output = new java.io.ByteArrayOutputStream();
			int created = Commands.run(new String[] { "new-log-key", "agency.example/hearth", key.toString() },
					new java.io.PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
			assertThat(created).isZero();
			String verifierKey = output.toString(java.nio.charset.StandardCharsets.UTF_8).strip().lines()
					.reduce((first, second) -> second).orElseThrow();
			assertThat(verifierKey).startsWith("agency.example/hearth+");

			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class)
					.profiles("prod").properties("server.port=0").run(args)) {
				assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("prod");
				assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
				assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ops@agency.example");
				String port = context.getEnvironment().getProperty("local.server.port");
				HttpResponse<String> published = HttpClient.newHttpClient().send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/transparency/key")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(published.body().strip()).isEqualTo(verifierKey);
			}
		}
		finally {
			smtp.stop();
		}
	}
}
