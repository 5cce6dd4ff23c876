package org.hearth.services;

import java.util.List;

/** A definition file that cannot be used, with every problem found: file, path inside it, what is wrong. */
public class DefinitionException extends RuntimeException {

	private final List<String> problems;

	DefinitionException(String file, List<String> problems) {
		super("Service definitions in " + file + " are not valid:\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
