package org.hearth.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.hearth.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded documents: the bytes under {@code HEARTH_DATA_DIR/documents} with random names, what is known of them in
 * PostgreSQL. Accepts PDF, JPEG and PNG only, decided by the content's signature, not by the name; nothing here
 * checks who may read a document — the module that holds the reference does.
 */
@Component
public class DocumentStore {

	/** What Hearth accepts at all; a service may accept less. */
	public static final java.util.List<String> ACCEPTED = java.util.List.of("application/pdf", "image/jpeg", "image/png");

	private final Path root;
	private final DataSize maxSize;
	private final JdbcClient jdbc;
	private final Clock clock;

	DocumentStore(@Value("${hearth.data-dir}") Path dataDir, @Value("${hearth.documents.max-size}") DataSize maxSize,
			JdbcClient jdbc, Clock clock) {
		this.root = dataDir.resolve("documents");
		this.maxSize = maxSize;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public DataSize maxSize() {
		return maxSize;
	}

	/**
	 * Stores the file if it is an accepted kind and not too large.
	 *
	 * @throws RuleViolationException {@code platform.document.empty}, {@code .too-large} or {@code .type}
	 */
	public StoredDocument store(InputStream content, long declaredSize, String originalName) {
		return store(content, declaredSize, originalName, maxSize, ACCEPTED);
	}

	/**
	 * Stores the file if its content is one of {@code mediaTypes} (a subset of PDF, JPEG, PNG) and it is at most
	 * {@code limit} (never more than the installation's maximum).
	 */
	public StoredDocument store(InputStream content, long declaredSize, String originalName, DataSize limit,
			java.util.Collection<String> mediaTypes) {
		DataSize max = limit.toBytes() < maxSize.toBytes() ? limit : maxSize;
		if (declaredSize > max.toBytes()) {
			throw new RuleViolationException("platform.document.too-large", max.toMegabytes());
		}
		try {
			Files.createDirectories(root);
			UUID id = UUID.randomUUID();
			Path target = root.resolve(id.toString());
			Path partial = root.resolve(id + ".part");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(content, sha256)) {
				size = Files.copy(in, partial);
			}
			String type;
			try (InputStream head = Files.newInputStream(partial)) {
				type = sniff(head.readNBytes(8));
			}
			if (size == 0 || size > max.toBytes() || type == null || !mediaTypes.contains(type)) {
				Files.deleteIfExists(partial);
				if (size == 0) {
					throw new RuleViolationException("platform.document.empty");
				}
				throw size > max.toBytes() ? new RuleViolationException("platform.document.too-large", max.toMegabytes())
						: new RuleViolationException("platform.document.type");
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			String name = cleanName(originalName);
			Instant now = clock.instant();
			String hash = HexFormat.of().formatHex(sha256.digest());
			jdbc.sql("""
					INSERT INTO platform.document (id, media_type, size, sha256, original_name, stored_at)
					VALUES (?, ?, ?, ?, ?, ?)""").param(id).param(type).param(size).param(hash).param(name)
					.param(Timestamp.from(now)).update();
			return new StoredDocument(new DocumentId(id), type, size, hash, name, now);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public Optional<StoredDocument> find(DocumentId id) {
		return jdbc.sql("SELECT * FROM platform.document WHERE id = ?").param(id.id())
				.query((rs, row) -> new StoredDocument(id, rs.getString("media_type"), rs.getLong("size"),
						rs.getString("sha256"), rs.getString("original_name"),
						rs.getTimestamp("stored_at").toInstant()))
				.optional();
	}

	public InputStream open(DocumentId id) {
		try {
			return Files.newInputStream(root.resolve(id.id().toString()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** PDF, JPEG or PNG by their magic numbers; anything else is refused. */
	static String sniff(byte[] head) {
		if (head.length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F'
				&& head[4] == '-') {
			return "application/pdf";
		}
		if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
			return "image/jpeg";
		}
		if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
				&& head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
			return "image/png";
		}
		return null;
	}

	/** Only the last path segment, printable, at most 200 characters: the name is shown, never used as a path. */
	static String cleanName(String name) {
		String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
		base = base.replaceAll("[\\p{Cntrl}\"<>]", "").strip();
		if (base.length() > 200) {
			base = base.substring(base.length() - 200);
		}
		return base.isEmpty() ? "document" : base;
	}
}
