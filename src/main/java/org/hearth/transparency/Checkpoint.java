package org.hearth.transparency;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A log's tree head as a checkpoint (c2sp.org/tlog-checkpoint): the note text is the origin, the tree size in decimal
 * and the base64 root hash, one per line, then optional extension lines. The log signs it with the key whose name is
 * the origin.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

	public static final int HASH_SIZE = 32;

	// ASCII digits only (Long.parseLong would also take other scripts' digits), no leading zero, at most 2^63 - 1.
	private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

	public Checkpoint {
		if (origin.isEmpty()) {
			throw new IllegalArgumentException("the origin is empty");
		}
		if (origin.indexOf('\n') >= 0 || SignedNote.characterProblem(origin) != null) {
			throw new IllegalArgumentException("the origin holds a line break, a control character or invalid UTF-8");
		}
		if (size < 0) {
			throw new IllegalArgumentException("the tree size is negative");
		}
		if (root.length != HASH_SIZE) {
			throw new IllegalArgumentException("the root hash has " + root.length + " bytes, not " + HASH_SIZE);
		}
		root = root.clone();
		extensions = List.copyOf(extensions);
		for (String extension : extensions) {
			if (extension.isEmpty()) {
				throw new IllegalArgumentException("an extension line is empty");
			}
			if (extension.indexOf('\n') >= 0 || SignedNote.characterProblem(extension) != null) {
				throw new IllegalArgumentException(
						"an extension line holds a line break, a control character or invalid UTF-8");
			}
		}
	}

	public Checkpoint(String origin, long size, byte[] root) {
		this(origin, size, root, List.of());
	}

	@Override
	public byte[] root() {
		return root.clone();
	}

	/** The note text: what the log signs and witnesses cosign. */
	public String text() {
		var text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
				.append(Base64.getEncoder().encodeToString(root)).append('\n');
		extensions.forEach(e -> text.append(e).append('\n'));
		return text.toString();
	}

	/**
	 * Reads a checkpoint note text (without signatures), strictly: one spelling per checkpoint, so that two texts
	 * for the same tree head cannot both circulate with valid signatures.
	 */
	public static Checkpoint parse(String text) {
		if (!text.endsWith("\n")) {
			throw malformed("it does not end with a newline");
		}
		String problem = SignedNote.characterProblem(text);
		if (problem != null) {
			throw malformed("it holds " + problem);
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length < 3) {
			throw malformed("fewer than three lines");
		}
		if (!SIZE.matcher(lines[1]).matches()) {
			throw malformed("the tree size is not a decimal number without leading zeros");
		}
		long size;
		try {
			size = Long.parseLong(lines[1]);
		}
		catch (NumberFormatException e) {
			throw malformed("the tree size is too large");
		}
		byte[] root = SignedNote.decodeBase64(lines[2]);
		if (root == null) {
			throw malformed("the root hash is not canonical base64");
		}
		try {
			return new Checkpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
		}
		catch (IllegalArgumentException e) {
			throw malformed(e.getMessage());
		}
	}

	/** The signed checkpoint note. The key must be the log's: its name is the origin. */
	public String sign(NoteSigner log) {
		if (!log.name().equals(origin)) {
			throw new IllegalArgumentException("the key " + log.name() + " is not the key of the log " + origin);
		}
		return SignedNote.sign(text(), log);
	}

	/**
	 * The checkpoint in a signed note, if the log's key signed it (other signatures, such as witnesses', are
	 * ignored here) and its origin is the key's name.
	 */
	public static Checkpoint open(String note, NoteVerifier log) {
		Checkpoint checkpoint = parse(SignedNote.open(note, List.of(log)));
		if (!checkpoint.origin.equals(log.name())) {
			throw new NoteException("the checkpoint of origin " + checkpoint.origin + " is signed by the key of "
					+ log.name() + ", not its own log's");
		}
		return checkpoint;
	}

	private static NoteException malformed(@Nullable String why) {
		return new NoteException("malformed checkpoint: " + why);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
				&& Arrays.equals(c.root, root) && c.extensions.equals(extensions);
	}

	@Override
	public int hashCode() {
		return Objects.hash(origin, size, Arrays.hashCode(root), extensions);
	}

	@Override
	public String toString() {
		return "Checkpoint[" + origin + ", size " + size + ", root " + Base64.getEncoder().encodeToString(root)
				+ (extensions.isEmpty() ? "" : ", extensions " + extensions) + "]";
	}
}
