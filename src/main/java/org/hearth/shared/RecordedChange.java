package org.hearth.shared;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change to a record that the public transparency log must hold. Events of any module implement it; the log
 * appends one entry per event in the transaction of the change, so a change without its entry cannot exist. Nothing
 * here may be personal: the log is public. {@code contentDigest} commits to the record's content without revealing
 * it.
 */
public interface RecordedChange {

	/** What kind of record changed, e.g. "application". */
	String entityType();

	/** Which record; the log publishes only a keyed, opaque form of it. */
	UUID entityId();

	/** What happened, e.g. "submitted", "decided". */
	String action();

	/** Role of who made the change, never a name. */
	String roleName();

	/** Code of the office of who made the change, if any. */
	@Nullable
	String officeCode();

	Instant occurredAt();

	/** Hex SHA-256 of the record's content after the change, in the module's canonical form. */
	String contentDigest();
}
