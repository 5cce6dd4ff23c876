package org.hearth.platform;

import org.hearth.shared.RuleViolationException;

/**
 * The document store could not keep a file (disk full, store unwritable or unreachable). A refusal like a wrong file
 * type, so that every form handling uploads shows it beside what was typed and keeps the rest; but 503, since the
 * fault is ours and trying again later can succeed.
 */
public class StorageUnavailableException extends RuleViolationException {

	public StorageUnavailableException() {
		super("platform.document.unavailable");
	}

	@Override
	public int status() {
		return 503;
	}
}
