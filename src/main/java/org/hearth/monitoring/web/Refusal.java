package org.hearth.monitoring.web;

import org.hearth.shared.UserFacingException;

/**
 * A refused change, to show beside the form it concerns as a message in the reader's language.
 *
 * @param form which form of the page was refused, as the template names it
 */
record Refusal(String form, String messageKey, Object[] arguments) {

	static Refusal of(String form, UserFacingException refused) {
		return new Refusal(form, refused.messageKey(), refused.arguments());
	}
}
