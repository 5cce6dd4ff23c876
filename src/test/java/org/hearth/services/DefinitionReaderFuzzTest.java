package org.hearth.services;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text as a service definition: it loads, or {@link DefinitionReader#read} throws the {@link DefinitionException}
 * it documents, listing at least one problem — never another exception or error, which would stop Hearth's start
 * with a stack trace instead of a message naming file and path. Seeds: the repository's real definitions and a few
 * hostile YAML shapes (DefinitionReaderFuzzTestInputs/readsOrListsProblems); bench/fuzz.sh fuzzes it.
 */
class DefinitionReaderFuzzTest {

	/**
	 * The largest definition we fuzz. Definitions are files an operator writes, read once at start; the largest real
	 * one (great-return.yaml) has 35 KB. Above this, time and memory grow with the size and say nothing new.
	 */
	static final int MAX_BYTES = 128 * 1024;

	@FuzzTest(maxDuration = "60s")
	void readsOrListsProblems(byte[] input) {
		if (input.length > MAX_BYTES) {
			return;
		}
		String text = new String(input, StandardCharsets.UTF_8);
		ServiceDefinition definition;
		try {
			definition = DefinitionReader.read("fuzz.yaml", text, 10);
		}
		catch (DefinitionException refused) {
			assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("fuzz.yaml: "));
			return;
		}
		// What loads is what the rest of Hearth relies on: a code, pages, each with questions.
		assertThat(definition.code()).matches("[a-z][a-z0-9-]{1,40}");
		assertThat(definition.pages()).isNotEmpty().allSatisfy(page -> assertThat(page.questions()).isNotEmpty());
	}
}
