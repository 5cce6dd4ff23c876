package org.hearth.dialogue.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Documents;
import org.hearth.platform.StoredDocument;
import org.springframework.http.ContentDisposition;

/**
 * A document sent as the applications' downloads are: always as an attachment and under a sandboxing policy, so
 * that no upload runs in the browser as a page of Hearth.
 */
final class Downloads {

	private Downloads() {
	}

	static void send(Documents documents, StoredDocument document, HttpServletResponse response) throws IOException {
		response.setContentType(document.mediaType());
		response.setContentLengthLong(document.size());
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
				.filename(document.originalName(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
		response.setHeader("Cache-Control", "private, no-store");
		try (InputStream in = documents.open(document)) {
			in.transferTo(response.getOutputStream());
		}
	}
}
