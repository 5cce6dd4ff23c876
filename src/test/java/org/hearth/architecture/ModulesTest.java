package org.hearth.architecture;

import org.hearth.HearthApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModulesTest {

	private final ApplicationModules modules = ApplicationModules.of(HearthApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/** Migrations run in a written-down order (see ModuleMigrations): every module after those it depends on. */
	@Test
	void migrationsRunAfterThoseOfTheModulesDependedOn() throws Exception {
		var field = Class.forName("org.hearth.platform.ModuleMigrations").getDeclaredField("ORDER");
		field.setAccessible(true);
		@SuppressWarnings("unchecked")
		java.util.List<String> order = (java.util.List<String>) field.get(null);
		var withMigrations = new java.util.TreeSet<String>();
		for (var folder : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/*/*")) {
			String path = folder.getURL().toString();
			withMigrations.add(path.replaceAll(".*/db/migration/([^/]+)/[^/]*$", "$1"));
		}
		org.assertj.core.api.Assertions.assertThat(order).containsExactlyInAnyOrderElementsOf(withMigrations);
		for (var module : modules) {
			String name = module.getIdentifier().toString();
			if (!order.contains(name)) {
				continue;
			}
			for (var dependency : module.getDirectDependencies(modules).uniqueModules().map(d -> d.getIdentifier().toString())
					.filter(order::contains).toList()) {
				org.assertj.core.api.Assertions.assertThat(order.indexOf(dependency))
						.as(name + " depends on " + dependency).isLessThan(order.indexOf(name));
			}
		}
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
	}
}
