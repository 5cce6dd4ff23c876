package org.hearth.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded documents: the bytes in the {@link DocumentBytes} store under random names, what is known of them in
 * PostgreSQL. Accepts PDF, JPEG and PNG only, decided by the content's signature, not by the name; nothing here
 * checks who may read a document — the module that holds the reference does.
 */
@Component
public class DocumentStore {

	/** What Hearth accepts at all; a service may accept less. */
	public static final java.util.List<String> ACCEPTED = java.util.List.of("application/pdf", "image/jpeg", "image/png");

	private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

	private final Path spool;
	private final DocumentBytes bytes;
	private final DataSize maxSize;
	private final JdbcClient jdbc;
	private final Clock clock;

	DocumentStore(@Value("${hearth.data-dir}") Path dataDir, DocumentBytes bytes,
			@Value("${hearth.documents.max-size}") DataSize maxSize, JdbcClient jdbc, Clock clock) {
		this.spool = dataDir.resolve("spool");
		this.bytes = bytes;
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
	 * {@code limit} (never more than the installation's maximum). The bytes are spooled to local disk, checked,
	 * handed to the {@link DocumentBytes} store and only then recorded, so a row always has its bytes.
	 *
	 * @throws StorageUnavailableException when the file could not be kept (disk full, store unwritable)
	 */
	public StoredDocument store(InputStream content, long declaredSize, String originalName, DataSize limit,
			java.util.Collection<String> mediaTypes) {
		DataSize max = limit.toBytes() < maxSize.toBytes() ? limit : maxSize;
		if (declaredSize > max.toBytes()) {
			throw new RuleViolationException("platform.document.too-large", max.toMegabytes());
		}
		UUID id = UUID.randomUUID();
		Path partial = spool.resolve(id + ".part");
		try {
			Files.createDirectories(spool);
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(content, sha256)) {
				size = Files.copy(in, partial);
			}
			String type;
			try (InputStream head = Files.newInputStream(partial)) {
				type = sniff(head.readNBytes(8));
			}
			if (size == 0) {
				throw new RuleViolationException("platform.document.empty");
			}
			if (size > max.toBytes()) {
				throw new RuleViolationException("platform.document.too-large", max.toMegabytes());
			}
			if (type == null || !mediaTypes.contains(type)) {
				throw new RuleViolationException("platform.document.type");
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			FileSystemDocumentBytes.force(partial);
			bytes.keep(id.toString(), partial, hash);
			String name = cleanName(originalName);
			Instant now = clock.instant();
			jdbc.sql("""
					INSERT INTO platform.document (id, media_type, size, sha256, original_name, stored_at)
					VALUES (?, ?, ?, ?, ?, ?)""").param(id).param(type).param(size).param(hash).param(name)
					.param(Timestamp.from(now)).update();
			return new StoredDocument(new DocumentId(id), type, size, hash, name, now);
		}
		catch (IOException e) {
			// The exception's message can carry a path; its kind is enough to tell a full disk from a lost store.
			log.warn("Document store could not keep an upload: {}", e.getClass().getName());
			throw new StorageUnavailableException();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		finally {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ignored) {
				// a spool left behind holds no record and is never read
			}
		}
	}

	public Optional<StoredDocument> find(DocumentId id) {
		return jdbc.sql("SELECT * FROM platform.document WHERE id = ?").param(id.id())
				.query((rs, row) -> new StoredDocument(id, rs.getString("media_type"), rs.getLong("size"),
						rs.getString("sha256"), rs.getString("original_name"),
						rs.getTimestamp("stored_at").toInstant()))
				.optional();
	}

	/** @throws StorageUnavailableException when the store cannot be read */
	public InputStream open(DocumentId id) {
		try {
			return bytes.open(id.id().toString());
		}
		catch (IOException e) {
			log.warn("Document store could not open a document: {}", e.getClass().getName());
			throw new StorageUnavailableException();
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
