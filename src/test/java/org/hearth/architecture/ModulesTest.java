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
	void writesModuleDocumentation() throws java.io.IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
		// The documenter lists relations in a different order on each run; sorted, the files change only when the
		// modules do, and parallel branches stop conflicting over them.
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("docs/modules"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				java.nio.file.Files.write(file, sortedRuns(java.nio.file.Files.readAllLines(file)));
			}
		}
	}

	/** Each run of consecutive lines that declare elements or relations, sorted. */
	static java.util.List<String> sortedRuns(java.util.List<String> lines) {
		java.util.List<String> out = new java.util.ArrayList<>();
		java.util.List<String> run = new java.util.ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(") || line.startsWith("Container(") || line.startsWith("  Container(")) {
				run.add(line);
				continue;
			}
			java.util.Collections.sort(run);
			out.addAll(run);
			run.clear();
			out.add(line);
		}
		java.util.Collections.sort(run);
		out.addAll(run);
		return out;
	}
}
