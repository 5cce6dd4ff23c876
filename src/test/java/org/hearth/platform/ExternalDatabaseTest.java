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
}
