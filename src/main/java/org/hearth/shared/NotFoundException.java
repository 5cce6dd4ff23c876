package org.hearth.shared;

/**
 * The record does not exist — or exists but is not the requester's to see; the two are indistinguishable by
 * design, so that probing ids reveals nothing.
 */
public class NotFoundException extends UserFacingException {

	public NotFoundException() {
		super("error.not-found");
	}

	@Override
	public int status() {
		return 404;
	}
}
