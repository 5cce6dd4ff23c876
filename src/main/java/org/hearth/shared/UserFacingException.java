package org.hearth.shared;

import java.util.List;

/**
 * A refusal a person should read in their own language: the message is a bundle key with arguments, never
 * English text. Web and API error handling turn it into a page or an RFC 9457 problem.
 */
public abstract class UserFacingException extends RuntimeException {

	private final String messageKey;
	private final List<Object> arguments;

	protected UserFacingException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

	/** The HTTP status this refusal maps to. */
	public abstract int status();

	/** Stack traces of expected refusals are noise in the logs. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
