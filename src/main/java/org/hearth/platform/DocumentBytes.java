package org.hearth.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of uploaded documents are kept, under the random name {@link DocumentStore} gives each: the file
 * system under {@code HEARTH_DATA_DIR/documents} by default, an S3-compatible bucket with
 * {@code hearth.documents.store=s3}. A name is never reused and its bytes never change, so instances behind a load
 * balancer need only share the store, not coordinate.
 */
public interface DocumentBytes {

	/**
	 * Keeps a complete, checked file under {@code name}, durably: once this returns, a crash does not lose it.
	 *
	 * @param spooled the file on local disk; it may be moved away or left for the caller to delete
	 * @param sha256 the file's SHA-256 in lower-case hex, for stores that check what they received
	 */
	void keep(String name, Path spooled, String sha256) throws IOException;

	InputStream open(String name) throws IOException;

	/** Every name kept, for backups and checks; order unspecified. */
	java.util.stream.Stream<String> names() throws IOException;
}
