package org.hearth.monitoring.web;

/**
 * The one place a count becomes a published figure. Today every count is shown as it is; the public statistics'
 * small-cell rule (counts from 1 to 9 shown as fewer than ten, so that nobody can be singled out) will go here, and
 * the pages already show a suppressed figure as such.
 */
final class PublicFigures {

	private PublicFigures() {
	}

	/** A count as published: its value, or that it is withheld because it is small. */
	record Figure(long count, boolean suppressed) {
	}

	static Figure of(long count) {
		return new Figure(count, false);
	}
}
