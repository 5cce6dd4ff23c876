package org.hearth.platform;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each module migrates its own schema from {@code db/migration/<module>}, with its own history table, after the
 * modules it depends on. The order is written down here instead of computed at start-up: computing it means
 * scanning every class (a third of the start-up time). {@code ModulesTest} checks that this order respects the
 * module dependencies, so a new module or dependency that breaks it fails the build.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	/** Modules with migrations, each after those it depends on; {@code __root} holds what belongs to none. */
	static final List<String> ORDER = List.of("__root", "platform", "identity", "transparency", "gazetteer", "services",
			"applications", "registry", "housing", "aid",
			"monitoring", "dialogue", "statistics");

	@Bean
	FlywayMigrationStrategy moduleByModule() {
		return flyway -> {
			for (String module : ORDER) {
				FluentConfiguration configuration = Flyway.configure().configuration(flyway.getConfiguration())
						.locations("classpath:db/migration/" + module)
						.baselineVersion("0")
						.baselineOnMigrate(true);
				if (!module.equals("__root")) {
					configuration.table(flyway.getConfiguration().getTable() + "_" + module);
				}
				configuration.load().migrate();
			}
		};
	}
}
