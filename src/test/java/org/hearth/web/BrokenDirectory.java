package org.hearth.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * A directory Hearth writes to, made unwritable for as long as this is open: replaced by a plain file, which fails
 * every write beneath it as a full or read-only disk does (permissions would not stop the root user tests run as).
 */
public final class BrokenDirectory implements AutoCloseable {

	private final Path directory;

	private BrokenDirectory(Path directory) {
		this.directory = directory;
	}

	/** Only for directories whose content is disposable (a spool): what is in it is deleted. */
	public static BrokenDirectory at(Path directory) throws IOException {
		FileSystemUtils.deleteRecursively(directory);
		Files.createDirectories(directory.getParent());
		Files.writeString(directory, "not a directory");
		return new BrokenDirectory(directory);
	}

	@Override
	public void close() throws IOException {
		Files.deleteIfExists(directory);
	}
}
