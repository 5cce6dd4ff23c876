package org.hearth.dialogue;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.hearth.platform.DocumentId;
import org.hearth.platform.DocumentStore;
import org.hearth.platform.StoredDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dialogue's documents: a meeting's minutes and statements, a commitment's documentary evidence. The bytes are
 * in the platform's document store (PDF, JPEG or PNG by their content, up to its size limit); who may open each is
 * what the secretariat chose when it uploaded it (see {@link SharedWith}).
 */
@Service
public class Documents {

	private final DocumentStore store;
	private final JdbcClient jdbc;

	Documents(DocumentStore store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/** A file as it arrived with a form. */
	public record Upload(InputStream content, long size, String originalName) {
	}

	/** The largest file accepted, in megabytes, for the forms' hints. */
	public long maxMegabytes() {
		return store.maxSize().toMegabytes();
	}

	/** Stores the file if it is a PDF, JPEG or PNG by its content and not too large; refused with the reason otherwise. */
	StoredDocument store(Upload upload) {
		return store.store(upload.content(), upload.size(), upload.originalName());
	}

	/** The document, if it belongs to the dialogue and {@code audience} may open it. */
	public Optional<StoredDocument> find(UUID document, Audience audience) {
		Optional<SharedWith> shared = jdbc.sql("""
				SELECT shared_with FROM dialogue.meeting_document WHERE document = :d
				UNION ALL SELECT shared_with FROM dialogue.evidence WHERE document = :d""").param("d", document)
				.query((rs, n) -> SharedWith.valueOf(rs.getString(1))).list().stream().findFirst();
		if (shared.isEmpty() || !shared.get().visibleTo(audience)) {
			return Optional.empty();
		}
		return store.find(new DocumentId(document));
	}

	public InputStream open(StoredDocument document) {
		return store.open(document.id());
	}
}
