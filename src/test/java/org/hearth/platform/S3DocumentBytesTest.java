package org.hearth.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The S3 store against a real S3 server (s3proxy on loopback), not a mock: what is kept is read back byte for byte
 * and listed, a checksum that does not match and a second write to a name are refused by the server, and a server
 * that is gone fails every call with an {@link IOException} quickly, never with the SDK's unchecked exceptions.
 */
class S3DocumentBytesTest {

	static S3TestServer server;

	@TempDir
	Path spool;

	String prefix;

	S3DocumentBytes store;

	@BeforeAll
	static void startServer() {
		server = S3TestServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void storeUnderItsOwnPrefix() {
		prefix = "documents-" + UUID.randomUUID() + "/";
		store = S3DocumentBytes.connect(server.properties(prefix));
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	@Test
	void whatIsKeptIsReadBackAndListedUnderThePrefix() throws Exception {
		byte[] content = "%PDF-1.4\nthe applicant's passport\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String name = UUID.randomUUID().toString();

		store.keep(name, spooled(content), sha256(content));

		try (InputStream in = store.open(name)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		try (Stream<String> names = store.names()) {
			assertThat(names).containsExactly(name);
		}
		assertThat(server.keys()).contains(prefix + name);
	}

	@Test
	void everyNameIsListedAcrossPages() throws Exception {
		store.close();
		store = new S3DocumentBytes(S3DocumentBytes.client(server.properties(prefix)), S3TestServer.BUCKET, prefix, 2);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			byte[] content = ("document " + i).getBytes(StandardCharsets.US_ASCII);
			String name = UUID.randomUUID().toString();
			store.keep(name, spooled(content), sha256(content));
			kept.add(name);
		}
		try (Stream<String> names = store.names()) {
			assertThat(names).containsExactlyInAnyOrderElementsOf(kept);
		}
	}

	@Test
	void aChecksumThatDoesNotMatchTheBytesIsRefusedAndNothingIsKept() throws Exception {
		byte[] content = "the bytes that arrive".getBytes(StandardCharsets.US_ASCII);
		String name = UUID.randomUUID().toString();

		Throwable refused = catchThrowable(() -> store.keep(name, spooled(content),
				sha256("the bytes that were hashed".getBytes(StandardCharsets.US_ASCII))));

		assertThat(refused).isInstanceOf(IOException.class).hasMessageContaining("PutObject")
				.hasMessageNotContaining(S3TestServer.SECRET_KEY);
		assertThatThrownBy(() -> store.open(name)).isInstanceOf(NoSuchFileException.class);
		assertThat(server.keys()).doesNotContain(prefix + name);
	}

	@Test
	void aNameIsNeverWrittenOverWithOtherBytes() throws Exception {
		byte[] first = "%PDF-1.4 first".getBytes(StandardCharsets.US_ASCII);
		byte[] second = "%PDF-1.4 other".getBytes(StandardCharsets.US_ASCII);
		String name = UUID.randomUUID().toString();
		store.keep(name, spooled(first), sha256(first));

		assertThatThrownBy(() -> store.keep(name, spooled(second), sha256(second)))
				.isInstanceOf(FileAlreadyExistsException.class);

		try (InputStream in = store.open(name)) {
			assertThat(in.readAllBytes()).isEqualTo(first);
		}
	}

	/**
	 * The SDK retries a write whose answer was lost; the retry meets its own object and If-None-Match. The same
	 * bytes again are therefore kept, not refused: nothing is written over, and the upload is not failed for it.
	 */
	@Test
	void theSameBytesUnderTheSameNameAgainAreAlreadyKept() throws Exception {
		byte[] content = "%PDF-1.4 once".getBytes(StandardCharsets.US_ASCII);
		String name = UUID.randomUUID().toString();
		store.keep(name, spooled(content), sha256(content));

		store.keep(name, spooled(content), sha256(content));

		try (InputStream in = store.open(name)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	/** Bytes that changed in the store after they were kept (a failing disk under the server) are not served whole. */
	@Test
	void bytesThatChangedInTheStoreFailTheReadAtItsEnd() throws Exception {
		byte[] content = "%PDF-1.4 as uploaded".getBytes(StandardCharsets.US_ASCII);
		String name = UUID.randomUUID().toString();
		store.keep(name, spooled(content), sha256(content));
		Path file = server.fileOf(prefix + name);
		assertThat(file).hasBinaryContent(content);
		Files.write(file, "%PDF-1.4 as damaged!".getBytes(StandardCharsets.US_ASCII));

		try (InputStream in = store.open(name)) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("GetObject")
					.cause().hasMessageContaining("checksum");
		}
	}

	@Test
	void aNameNeverKeptIsNotFound() {
		assertThatThrownBy(() -> store.open(UUID.randomUUID().toString())).isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void aServerThatIsGoneFailsEveryCallWithAnIOExceptionWithinSeconds() throws Exception {
		try (S3TestServer gone = S3TestServer.start();
				S3DocumentBytes lost = S3DocumentBytes.connect(gone.properties(prefix))) {
			byte[] content = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);
			String kept = UUID.randomUUID().toString();
			lost.keep(kept, spooled(content), sha256(content));
			gone.down();

			long start = System.nanoTime();
			assertThatThrownBy(() -> lost.keep(UUID.randomUUID().toString(), spooled(content), sha256(content)))
					.isInstanceOf(IOException.class).hasMessageNotContaining(S3TestServer.SECRET_KEY);
			assertThatThrownBy(() -> lost.open(kept)).isInstanceOf(IOException.class);
			assertThatThrownBy(lost::names).isInstanceOf(IOException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

			// Back again, with what it held.
			gone.up();
			try (InputStream in = lost.open(kept)) {
				assertThat(in.readAllBytes()).isEqualTo(content);
			}
		}
	}

	private Path spooled(byte[] content) throws IOException {
		Path file = spool.resolve(UUID.randomUUID() + ".part");
		Files.write(file, content);
		return file;
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}
}
