package org.hearth.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hearth.HearthTest;
import org.hearth.platform.DocumentStore;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What an upload is, is decided by its bytes, never by its name; it is stored under a random name in the data
 * directory, and refused in the person's terms (a message key) when it is not acceptable.
 */
@HearthTest
class DocumentUploadTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
			0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	@Autowired
	DocumentStore documents;

	@Autowired
	JdbcClient jdbc;

	@Value("${hearth.data-dir}")
	Path dataDir;

	@Test
	void aPngNamedPdfIsStoredAsPngUnderARandomName() throws IOException {
		StoredDocument stored = documents.store(new ByteArrayInputStream(PNG), PNG.length, "passport.pdf");

		assertThat(stored.mediaType()).isEqualTo("image/png");
		assertThat(stored.originalName()).isEqualTo("passport.pdf");
		assertThat(jdbc.sql("SELECT media_type FROM platform.document WHERE id = ?").param(stored.id().id())
				.query(String.class).single()).isEqualTo("image/png");

		Path root = dataDir.resolve("documents");
		Path file = root.resolve(stored.id().id().toString());
		assertThat(file).exists().hasBinaryContent(PNG);
		assertThat(file.getFileName().toString())
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		try (Stream<Path> all = Files.walk(root)) {
			assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("passport.pdf");
		}
	}

	@Test
	void aTextFileNamedPdfIsRefused() throws IOException {
		byte[] text = "Hello, I am not a PDF at all.\n".getBytes(StandardCharsets.UTF_8);
		int before = documentsInTable();

		var refused = catchThrowableOfType(RuleViolationException.class,
				() -> documents.store(new ByteArrayInputStream(text), text.length, "x.pdf"));

		assertThat(refused).isNotNull();
		assertThat(refused.messageKey()).isEqualTo("platform.document.type");
		assertThat(documentsInTable()).isEqualTo(before);
		assertNoPartialFiles();
	}

	@Test
	void aFileLargerThanTheLimitIsRefused() throws IOException {
		long limit = documents.maxSize().toBytes();

		// Declared honestly: refused before a byte is read.
		var declared = catchThrowableOfType(RuleViolationException.class,
				() -> documents.store(new ByteArrayInputStream(new byte[0]), limit + 1, "big.pdf"));
		assertThat(declared).isNotNull();
		assertThat(declared.messageKey()).isEqualTo("platform.document.too-large");

		// Declared small but larger in fact: counted while stored, and refused.
		var counted = catchThrowableOfType(RuleViolationException.class,
				() -> documents.store(pdfOfSize(limit + 1), 1000, "big.pdf"));
		assertThat(counted).isNotNull();
		assertThat(counted.messageKey()).isEqualTo("platform.document.too-large");
		assertNoPartialFiles();
	}

	private int documentsInTable() {
		return jdbc.sql("SELECT count(*) FROM platform.document").query(Integer.class).single();
	}

	@Test
	void anEmptyFileIsRefusedWhateverItsName() {
		var refused = catchThrowableOfType(RuleViolationException.class,
				() -> documents.store(new ByteArrayInputStream(new byte[0]), 0, "passport.pdf"));
		assertThat(refused.messageKey()).isEqualTo("platform.document.empty");
	}

	@Test
	void aZipBombOrAnArchiveNamedPdfIsRefusedUnopened() throws IOException {
		// 10 MB of zeros compress to about 10 KB; nothing here may unpack it.
		var zipped = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("bomb.pdf"));
			zip.write(new byte[10 * 1024 * 1024]);
			zip.closeEntry();
		}
		byte[] bomb = zipped.toByteArray();
		assertThat(bomb.length).isLessThan(64 * 1024);
		var refused = catchThrowableOfType(RuleViolationException.class,
				() -> documents.store(new ByteArrayInputStream(bomb), bomb.length, "passport.pdf"));
		assertThat(refused.messageKey()).isEqualTo("platform.document.type");

		// An SVG or HTML page (scripts run when opened) behind an image's name, and a PDF signature out of place.
		for (String text : List.of("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
				"<html><script>alert(1)</script></html>", " %PDF-1.4")) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			var disguised = catchThrowableOfType(RuleViolationException.class,
					() -> documents.store(new ByteArrayInputStream(bytes), bytes.length, "photo.png"));
			assertThat(disguised.messageKey()).as(text).isEqualTo("platform.document.type");
		}
		assertNoPartialFiles();
	}

	@Test
	void aNameThatClimbsOutOfTheDirectoryIsKeptOnlyAsText() throws IOException {
		Path outside = dataDir.resolve("evil.png");
		for (String name : List.of("../evil.png", "..\\..\\evil.png", "/etc/../evil.png", "evil.png\u0000.pdf",
				"<script>evil</script>.png")) {
			StoredDocument stored = documents.store(new ByteArrayInputStream(PNG), PNG.length, name);
			assertThat(stored.originalName()).as(name).doesNotContain("/", "\\", "..", "\u0000", "<", ">");
			assertThat(dataDir.resolve("documents").resolve(stored.id().id().toString())).exists();
		}
		assertThat(outside).doesNotExist();
		assertThat(dataDir.getParent().resolve("evil.png")).doesNotExist();
	}

	@Test
	void aStoreThatCannotWriteRefusesInWordsAndKeepsNoRecord() throws IOException {
		int before = documentsInTable();
		Path spool = dataDir.resolve("spool");
		try (var broken = BrokenDirectory.at(spool)) {
			var refused = catchThrowableOfType(RuleViolationException.class,
					() -> documents.store(new ByteArrayInputStream(PNG), PNG.length, "passport.png"));
			assertThat(refused).isInstanceOf(org.hearth.platform.StorageUnavailableException.class);
			assertThat(refused.messageKey()).isEqualTo("platform.document.unavailable");
			assertThat(refused.status()).isEqualTo(503);
		}
		assertThat(documentsInTable()).isEqualTo(before);
		// And once the disk is back, the same upload is kept.
		assertThat(documents.store(new ByteArrayInputStream(PNG), PNG.length, "passport.png").size())
				.isEqualTo(PNG.length);
	}

	private void assertNoPartialFiles() throws IOException {
		for (Path root : List.of(dataDir.resolve("documents"), dataDir.resolve("spool"))) {
			if (Files.isDirectory(root)) {
				try (Stream<Path> all = Files.list(root)) {
					List<String> partial = all.map(p -> p.getFileName().toString())
							.filter(n -> n.endsWith(".part")).toList();
					assertThat(partial).as("partial uploads left behind in %s", root).isEmpty();
				}
			}
		}
	}

	/** A PDF header followed by zeros, {@code size} bytes in all, without holding them in memory. */
	private static InputStream pdfOfSize(long size) {
		byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		return new InputStream() {
			long position;

			@Override
			public int read() {
				if (position >= size) {
					return -1;
				}
				int next = position < head.length ? head[(int) position] : 0;
				position++;
				return next;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (position >= size) {
					return -1;
				}
				int n = (int) Math.min(length, size - position);
				for (int i = 0; i < n; i++) {
					buffer[offset + i] = position + i < head.length ? head[(int) (position + i)] : 0;
				}
				position += n;
				return n;
			}
		};
	}
}
