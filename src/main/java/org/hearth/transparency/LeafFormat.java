package org.hearth.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The bytes of a log entry, version 1: UTF-8 lines "key value", in this order and no other, each ending in a line
 * feed. docs/transparency.md specifies it for anyone writing a verifier. Values are restricted to a small alphabet,
 * so that no value can contain a line break or pass for another field, and no free text (which could carry a name)
 * ever enters the log.
 */
public final class LeafFormat {

	public static final String VERSION_LINE = "hearth/leaf/v1";
	static final List<String> KEYS = List.of("index", "time", "entity", "ref", "action", "role", "office",
			"commitment");
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private LeafFormat() {
	}

	/** One entry as its fields. {@code office} is "-" when the actor belongs to none. */
	public record Entry(long index, Instant time, String entity, String ref, String action, String role,
			String office, byte[] commitment) {

		public Entry {
			time = time.truncatedTo(ChronoUnit.MILLIS);
			for (String token : List.of(entity, ref, action, role, office)) {
				if (!TOKEN.matcher(token).matches()) {
					throw new IllegalArgumentException("not a log token: " + token);
				}
			}
			if (commitment.length != 32) {
				throw new IllegalArgumentException("a commitment is 32 bytes");
			}
		}

		public byte[] bytes() {
			var text = new StringBuilder(VERSION_LINE).append('\n');
			text.append("index ").append(index).append('\n');
			text.append("time ").append(time).append('\n');
			text.append("entity ").append(entity).append('\n');
			text.append("ref ").append(ref).append('\n');
			text.append("action ").append(action).append('\n');
			text.append("role ").append(role).append('\n');
			text.append("office ").append(office).append('\n');
			text.append("commitment ").append(Base64.getEncoder().encodeToString(commitment)).append('\n');
			return text.toString().getBytes(StandardCharsets.UTF_8);
		}
	}

	/** Reads entry bytes back; null if they are not a well-formed version 1 entry. */
	public static @Nullable Entry parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (!text.endsWith("\n")) {
			return null;
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length != KEYS.size() + 1 || !lines[0].equals(VERSION_LINE)) {
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < KEYS.size(); i++) {
			String line = lines[i + 1];
			String key = KEYS.get(i);
			if (!line.startsWith(key + " ")) {
				return null;
			}
			fields.put(key, line.substring(key.length() + 1));
		}
		try {
			Entry entry = new Entry(Long.parseLong(fields.get("index")), Instant.parse(fields.get("time")),
					fields.get("entity"), fields.get("ref"), fields.get("action"), fields.get("role"),
					fields.get("office"), Base64.getDecoder().decode(fields.get("commitment")));
			// Canonical means one way only: re-encoding must give the same bytes.
			return java.util.Arrays.equals(entry.bytes(), bytes) ? entry : null;
		}
		catch (RuntimeException malformed) {
			return null;
		}
	}
}
