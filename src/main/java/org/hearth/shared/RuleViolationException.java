package org.hearth.shared;

/** The request breaks a rule of the domain (four eyes, a deadline, a file type): 422 with the reason. */
public class RuleViolationException extends UserFacingException {

	public RuleViolationException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	@Override
	public int status() {
		return 422;
	}
}
