package org.hearth.shared;

/** Someone else changed the record first, or the request no longer fits its state. */
public class ConflictException extends UserFacingException {

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	@Override
	public int status() {
		return 409;
	}
}
