package org.hearth.transparency;

/**
 * A signed note, checkpoint or signature line that is malformed or does not verify. The message says which, precisely
 * enough for an operator to act on, and never quotes key material.
 */
public class NoteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NoteException(String message) {
		super(message);
	}
}
