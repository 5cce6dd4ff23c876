package org.hearth.transparency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class NoteSignerFileTest {

	@TempDir
	Path dir;

	@Test
	void savesAKeyOnlyItsOwnerCanReadAndLoadsItBack() throws IOException {
		NoteSigner signer = NoteSigner.generate("example.org/log");
		Path file = dir.resolve("log.key");

		signer.save(file);

		assertThat(Files.readString(file)).isEqualTo(signer.signerKey() + "\n");
		if (posix()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(NoteSigner.load(file).verifierKey()).isEqualTo(signer.verifierKey());
	}

	@Test
	void neverOverwritesAFile() throws IOException {
		NoteSigner first = NoteSigner.generate("example.org/log");
		NoteSigner second = NoteSigner.generate("example.org/log");
		Path file = dir.resolve("log.key");
		first.save(file);

		assertThatThrownBy(() -> second.save(file)).isInstanceOf(IllegalStateException.class)
				.hasMessage("signing key file " + file + " already exists: refusing to overwrite a signing key");
		assertThat(NoteSigner.load(file).verifierKey()).isEqualTo(first.verifierKey());
	}

	@Test
	void refusesAKeyFileOthersCanRead() throws IOException {
		assumeThat(posix()).as("POSIX file permissions").isTrue();
		Path file = dir.resolve("log.key");
		NoteSigner.generate("example.org/log").save(file);

		for (String permissions : new String[] { "rw-r--r--", "rw-r-----", "rw----r--", "rw--w----" }) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
			assertThatThrownBy(() -> NoteSigner.load(file)).as(permissions).isInstanceOf(IllegalStateException.class)
					.hasMessage("signing key file " + file + " has permissions " + permissions
							+ ": its group or others may use it; allow its owner only (chmod 600 " + file + ")");
		}
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
		assertThat(NoteSigner.load(file).name()).isEqualTo("example.org/log");
	}

	@Test
	void saysWhatIsWrongWithAMalformedFileWithoutShowingIt() throws IOException {
		NoteSigner signer = NoteSigner.generate("example.org/log");
		String key = signer.signerKey();
		String secret = key.split("\\+", 5)[4];
		// A copying mistake: one character of the seed changed, so the key ID no longer matches.
		String damaged = key.substring(0, key.length() - 3) + (key.charAt(key.length() - 3) == 'A' ? 'B' : 'A')
				+ key.substring(key.length() - 2);

		assertLoadRefused(damaged + "\n", "holds a malformed signer key: the key ID does not match the name and key",
				secret);
		assertLoadRefused(key + "\n" + key + "\n", "is not a signing key: it holds more than one line", secret);
		assertLoadRefused("", "holds a malformed signer key: it must start with PRIVATE+KEY+", secret);
		assertLoadRefused(signer.verifierKey(), "holds a malformed signer key: it must start with PRIVATE+KEY+", secret);
		assertLoadRefused(key.substring(0, key.length() - 1), "holds a malformed signer key: the key is not canonical base64",
				secret);
		assertLoadRefused("x".repeat(5000), "is not a signing key: it is larger than 4096 bytes", secret);

		Path binary = dir.resolve("binary.key");
		Files.write(binary, new byte[] { (byte) 0xff, (byte) 0xfe, 'P' }, java.nio.file.StandardOpenOption.CREATE_NEW);
		ownerOnly(binary);
		assertThatThrownBy(() -> NoteSigner.load(binary))
				.hasMessage("signing key file " + binary + " is not a signing key: not UTF-8 text");
	}

	@Test
	void acceptsAKeyWithSurroundingWhitespace() throws IOException {
		NoteSigner signer = NoteSigner.generate("example.org/log");
		Path file = dir.resolve("edited.key");
		Files.writeString(file, "  " + signer.signerKey() + "\r\n\n");
		ownerOnly(file);

		assertThat(NoteSigner.load(file).verifierKey()).isEqualTo(signer.verifierKey());
	}

	@Test
	void saysWhenTheFileIsMissing() {
		Path file = dir.resolve("missing.key");

		assertThatThrownBy(() -> NoteSigner.load(file)).isInstanceOf(IllegalStateException.class)
				.hasMessage("signing key file " + file + " does not exist");
	}

	private void assertLoadRefused(String content, String why, String secret) throws IOException {
		Path file = Files.createTempFile(dir, "malformed", ".key");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		ownerOnly(file);
		assertThatThrownBy(() -> NoteSigner.load(file)).isInstanceOf(IllegalStateException.class)
				.hasMessage("signing key file " + file + " " + why).hasNoCause()
				.satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
	}

	private static void ownerOnly(Path file) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}
}
