package org.hearth.applications;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link EligibilityRule} found: eligible exactly when every criterion is met, and each criterion as a
 * sentence the reader can check.
 *
 * @param eligible whether every criterion is met
 * @param criteria in the order they are shown, at least one
 */
public record Assessment(boolean eligible, List<Criterion> criteria) {

	public Assessment {
		criteria = List.copyOf(criteria);
		if (criteria.isEmpty()) {
			throw new IllegalArgumentException("an assessment needs at least one criterion");
		}
		if (eligible != criteria.stream().allMatch(Criterion::met)) {
			throw new IllegalArgumentException("eligible must mean that every criterion is met");
		}
	}

	/** An assessment of these criteria: eligible when all are met. */
	public static Assessment of(List<Criterion> criteria) {
		return new Assessment(criteria.stream().allMatch(Criterion::met), criteria);
	}

	/**
	 * One condition of the rule, as it applies to this application.
	 *
	 * @param messageKey a message bundle key whose text states the finding, met or not, so that a person can read
	 *     why; the bundle belongs to the module that implements the rule
	 * @param arguments the text's arguments; they are formatted by {@link java.text.MessageFormat}, so give years
	 *     and codes as strings, or 1990 reads as 1,990
	 * @param met whether the condition holds
	 * @param staffAction what staff can do about it, shown on the case only, or null
	 */
	public record Criterion(String messageKey, List<Object> arguments, boolean met, @Nullable StaffAction staffAction) {

		public Criterion {
			arguments = List.copyOf(arguments);
		}

		public Criterion(String messageKey, List<Object> arguments, boolean met) {
			this(messageKey, arguments, met, null);
		}

		/** The arguments as the message source takes them. */
		public Object[] argumentArray() {
			return arguments.toArray();
		}
	}

	/**
	 * A page of the implementing module where staff of the case's office act on a criterion, such as finding a
	 * record that the rule needs.
	 *
	 * @param path the page's path within Hearth, starting with a slash
	 * @param labelKey message bundle key of the link's text
	 */
	public record StaffAction(String path, String labelKey) {

		public StaffAction {
			if (!path.startsWith("/") || path.startsWith("//")) {
				throw new IllegalArgumentException("a staff action is a path within Hearth");
			}
		}
	}
}
