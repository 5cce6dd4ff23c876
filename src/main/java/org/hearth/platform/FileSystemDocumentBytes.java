package org.hearth.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Documents as files named by their id in one directory, the default store. */
final class FileSystemDocumentBytes implements DocumentBytes {

	private final Path root;

	FileSystemDocumentBytes(Path root) {
		this.root = root;
	}

	@Override
	public void keep(String name, Path spooled, String sha256) throws IOException {
		Files.createDirectories(root);
		Path target = root.resolve(name);
		try {
			Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.nio.file.AtomicMoveNotSupportedException otherDisk) {
			// The spool is on another file system: copy under a temporary name, then rename within the store.
			Path partial = root.resolve(name + ".part");
			Files.copy(spooled, partial, StandardCopyOption.REPLACE_EXISTING);
			force(partial);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		// The rename is durable only once the directory is on disk too.
		force(root);
	}

	@Override
	public InputStream open(String name) throws IOException {
		return Files.newInputStream(root.resolve(name));
	}

	@Override
	public Stream<String> names() throws IOException {
		if (!Files.isDirectory(root)) {
			return Stream.empty();
		}
		return Files.list(root).map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".part"));
	}

	static void force(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}
}
