package org.hearth.platform;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two roles reach the database: the owner runs the migrations, the application role only reads and writes rows —
 * and on the append-only tables not even that (see each module's grants).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${hearth.db.url:}'.isBlank()")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties, @Value("${hearth.data-dir}") Path dataDir) {
		return EmbeddedDatabase.open(dataDir.resolve("postgres"), properties.ephemeral());
	}

	@Bean
	DatabaseEndpoints databaseEndpoints(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
		EmbeddedDatabase database = embedded.getIfAvailable();
		if (database != null) {
			return new DatabaseEndpoints(database.endpoint(EmbeddedDatabase.APP_ROLE),
					database.endpoint(EmbeddedDatabase.OWNER_ROLE));
		}
		if (properties.user() == null || properties.user().isBlank()) {
			throw new IllegalStateException("HEARTH_DB_URL is set but HEARTH_DB_USER is not");
		}
		var app = new DatabaseEndpoint(properties.url(), properties.user(), properties.password());
		var owner = properties.ownerUser() == null || properties.ownerUser().isBlank() ? app
				: new DatabaseEndpoint(properties.url(), properties.ownerUser(), properties.ownerPassword());
		return new DatabaseEndpoints(app, owner);
	}

	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DatabaseEndpoints endpoints) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(endpoints.app().url());
		dataSource.setUsername(endpoints.app().user());
		dataSource.setPassword(endpoints.app().password());
		return dataSource;
	}

	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseEndpoints endpoints) {
		var owner = endpoints.owner();
		return new SimpleDriverDataSource(new org.postgresql.Driver(), owner.url(), owner.user(), owner.password());
	}

	/** Migrations grant rights to the application role by name, whatever it is called in this installation. */
	@Bean
	FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseEndpoints endpoints) {
		return configuration -> configuration.placeholders(Map.of("app_role", endpoints.app().user()));
	}

	record DatabaseEndpoints(DatabaseEndpoint app, DatabaseEndpoint owner) {
	}
}
