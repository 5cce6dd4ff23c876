package org.hearth.housing.allocation;

import java.util.List;

/**
 * The outcome of a round.
 *
 * @param assignments sorted by household id
 * @param totalValue sum of the assignments' values, the quantity the solver maximises
 */
public record Result(List<Assignment> assignments, long totalValue) {

	public Result {
		assignments = List.copyOf(assignments);
	}
}
