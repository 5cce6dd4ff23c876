package org.hearth.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 signing key with its name, written as a signer key {@code PRIVATE+KEY+<name>+<key ID>+<base64(type ||
 * seed)>} (golang.org/x/mod/sumdb/note). Whoever holds that string can sign as the log, so it lives in a file only
 * its owner can read, and no message or {@link #toString()} ever shows it.
 */
public final class NoteSigner {

	private static final String PREFIX = "PRIVATE+KEY+";
	// A signer key is under 200 bytes; anything much larger is not one, and is not read into memory.
	private static final long MAX_FILE_SIZE = 4096;
	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private final PrivateKey privateKey;
	private final NoteVerifier verifier;

	private NoteSigner(String name, int type, KeyPair pair) {
		this.privateKey = pair.getPrivate();
		this.verifier = new NoteVerifier(name, type, Ed25519.encode(pair.getPublic()));
	}

	/** A new key that signs notes, such as a log's checkpoints. */
	public static NoteSigner generate(String name) {
		return generate(name, NoteVerifier.ED25519);
	}

	/** A new key of the given type: {@link NoteVerifier#COSIGNATURE_V1} for a witness. */
	public static NoteSigner generate(String name, int type) {
		return new NoteSigner(name, type, Ed25519.generate());
	}

	/** Reads a signer key. Messages name what is wrong, never the key. */
	public static NoteSigner fromSignerKey(String signerKey) {
		if (!signerKey.startsWith(PREFIX)) {
			throw malformed("it must start with PRIVATE+KEY+");
		}
		int nameEnd = signerKey.indexOf('+', PREFIX.length());
		int idEnd = nameEnd < 0 ? -1 : signerKey.indexOf('+', nameEnd + 1);
		if (idEnd < 0) {
			throw malformed("expected PRIVATE+KEY+<name>+<key ID>+<key>");
		}
		String name = signerKey.substring(PREFIX.length(), nameEnd);
		String id = signerKey.substring(nameEnd + 1, idEnd);
		if (!SignedNote.isValidName(name)) {
			throw malformed("the name must be non-empty, without spaces, '+' or control characters");
		}
		if (!id.matches("[0-9a-f]{8}")) {
			throw malformed("the key ID must be 8 lowercase hexadecimal digits");
		}
		byte[] encoded = SignedNote.decodeBase64(signerKey.substring(idEnd + 1));
		if (encoded == null) {
			throw malformed("the key is not canonical base64");
		}
		byte[] seed = Arrays.copyOfRange(encoded, Math.min(1, encoded.length), encoded.length);
		try {
			if (encoded.length != 1 + Ed25519.KEY_SIZE) {
				throw malformed("the key must be a type byte and a 32-byte seed, not " + encoded.length + " bytes");
			}
			int type = encoded[0] & 0xff;
			if (type != NoteVerifier.ED25519 && type != NoteVerifier.COSIGNATURE_V1) {
				throw malformed(String.format("unknown key type 0x%02x", type));
			}
			NoteSigner signer = new NoteSigner(name, type, Ed25519.fromSeed(seed));
			if (signer.keyId() != Integer.parseUnsignedInt(id, 16)) {
				throw malformed("the key ID does not match the name and key");
			}
			return signer;
		}
		finally {
			Arrays.fill(encoded, (byte) 0);
			Arrays.fill(seed, (byte) 0);
		}
	}

	/**
	 * Reads a signing key file: one signer key line. On a POSIX file system the file must be accessible by its owner
	 * only, as ssh insists for private keys; a key others could read must be assumed known to them.
	 */
	public static NoteSigner load(Path file) {
		byte @Nullable [] bytes = null;
		try {
			PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
			if (posix != null) {
				Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
				if (!OWNER_ONLY.containsAll(permissions)) {
					throw new IllegalStateException("signing key file " + file + " has permissions "
							+ PosixFilePermissions.toString(permissions)
							+ ": its group or others may use it; allow its owner only (chmod 600 " + file + ")");
				}
			}
			if (Files.size(file) > MAX_FILE_SIZE) {
				throw new IllegalStateException("signing key file " + file + " is not a signing key: it is larger than "
						+ MAX_FILE_SIZE + " bytes");
			}
			bytes = Files.readAllBytes(file);
			String content;
			try {
				content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException e) {
				throw new IllegalStateException("signing key file " + file + " is not a signing key: not UTF-8 text");
			}
			String key = content.strip();
			if (key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
				throw new IllegalStateException(
						"signing key file " + file + " is not a signing key: it holds more than one line");
			}
			try {
				return fromSignerKey(key);
			}
			catch (IllegalArgumentException e) {
				// The message of fromSignerKey never quotes the key; the cause is not kept, in case a JDK one would.
				throw new IllegalStateException("signing key file " + file + " holds a " + e.getMessage());
			}
		}
		catch (NoSuchFileException e) {
			throw new IllegalStateException("signing key file " + file + " does not exist");
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read signing key file " + file, e);
		}
		finally {
			if (bytes != null) {
				Arrays.fill(bytes, (byte) 0);
			}
		}
	}

	/**
	 * Writes the signer key to a new file, created with permissions rw------- where the file system has POSIX
	 * permissions (created so, not narrowed afterwards, so the key is never readable by others even briefly). An
	 * existing file is never overwritten: it may be the only copy of another key.
	 */
	public void save(Path file) {
		Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
		byte[] content = (signerKey() + "\n").getBytes(StandardCharsets.UTF_8);
		boolean created = false;
		try (FileChannel channel = FileChannel.open(file, options, attributes)) {
			created = true;
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			// A signing key lost in a crash would mean a new log identity: make it durable before returning.
			channel.force(true);
		}
		catch (FileAlreadyExistsException e) {
			throw new IllegalStateException(
					"signing key file " + file + " already exists: refusing to overwrite a signing key");
		}
		catch (IOException e) {
			if (created) {
				deleteQuietly(file);
			}
			throw new UncheckedIOException("cannot write signing key file " + file, e);
		}
		finally {
			Arrays.fill(content, (byte) 0);
		}
	}

	/** The PRIVATE+KEY+... string: a secret. */
	public String signerKey() {
		byte[] seed = Ed25519.seed((EdECPrivateKey) privateKey);
		byte[] encoded = new byte[1 + seed.length];
		encoded[0] = (byte) type();
		System.arraycopy(seed, 0, encoded, 1, seed.length);
		try {
			return PREFIX + name() + "+" + NoteVerifier.hex(keyId()) + "+"
					+ Base64.getEncoder().encodeToString(encoded);
		}
		finally {
			Arrays.fill(seed, (byte) 0);
			Arrays.fill(encoded, (byte) 0);
		}
	}

	public String verifierKey() {
		return verifier.verifierKey();
	}

	public NoteVerifier verifier() {
		return verifier;
	}

	public String name() {
		return verifier.name();
	}

	public int keyId() {
		return verifier.keyId();
	}

	/** {@link NoteVerifier#ED25519} or {@link NoteVerifier#COSIGNATURE_V1}. */
	public int type() {
		return verifier.type();
	}

	/** The bare Ed25519 signature of {@code message} (64 bytes, without key ID). */
	public byte[] sign(byte[] message) {
		return Ed25519.sign(privateKey, message);
	}

	@Override
	public String toString() {
		return "NoteSigner[" + name() + "+" + NoteVerifier.hex(keyId()) + "]";
	}

	private static IllegalArgumentException malformed(String why) {
		return new IllegalArgumentException("malformed signer key: " + why);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// The write failure is what the caller needs to hear about.
		}
	}
}
