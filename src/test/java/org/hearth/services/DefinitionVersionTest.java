package org.hearth.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed definition file becomes a new version; an unchanged one does not; and answers given under an earlier
 * version are still judged by that version.
 */
@HearthTest
class DefinitionVersionTest {

	@Autowired
	ServiceCatalogue running;

	@Autowired
	FormEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@TempDir
	Path directory;

	ServiceCatalogue load(String yaml) throws IOException {
		Files.writeString(directory.resolve("residency.yaml"), yaml);
		return new ServiceCatalogue(jdbc, json, transactions, clock, List.of("file:" + directory + "/*.yaml"),
				DataSize.ofMegabytes(10));
	}

	@Test
	void aChangedFileIsANewVersionAndOldAnswersKeepTheirs() throws IOException {
		String original = new ClassPathResource("services/residency.yaml").getContentAsString(StandardCharsets.UTF_8);
		int before = running.current("residency").orElseThrow().version();

		assertThat(load(original).current("residency").orElseThrow().version()).as("same content, same version")
				.isEqualTo(before);

		String changed = original.replace("""
				      - id: contactEmail
				""", """
				      - id: messenger
				        type: text
				        required: true
				        maxLength: 50
				        label: { hy: Մեսենջեր, az: Messencer, ru: Мессенджер, en: Messenger }
				      - id: contactEmail
				""");
		ServiceCatalogue reloaded = load(changed);
		ServiceDefinition next = reloaded.current("residency").orElseThrow();
		assertThat(next.version()).isGreaterThan(before);
		assertThat(next.question("messenger")).isPresent();
		assertThat(reloaded.version("residency", before).question("messenger")).as("the old version is intact").isEmpty();

		Answers answers = Answers.of(Map.of("phone", "+374 10 123456"));
		LocalDate today = LocalDate.of(2026, 11, 27);
		var contactUnderOld = reloaded.version("residency", before).page("contact").orElseThrow();
		var contactUnderNew = next.page("contact").orElseThrow();
		assertThat(engine.validatePage(reloaded.version("residency", before), contactUnderOld, answers, today)).isEmpty();
		assertThat(engine.validatePage(next, contactUnderNew, answers, today)).extracting(FieldError::path)
				.containsExactly("messenger");
	}
}
