package org.hearth.transparency;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observer's verifier, run from the same jar without the application:
 * {@code java -jar hearth.jar verify --url https://hearth.example --key <vkey> --state ./observer-state [--full]}.
 *
 * <p>It fetches the latest checkpoint, verifies its signature against the pinned key, and proves that it extends
 * the last checkpoint it verified before (kept in the state directory). With {@code --full} it downloads every
 * entry, recomputes every leaf hash and the root, and compares them with the checkpoint. Exit 0 when everything
 * holds; 1 with the reason when the log fails a check; 2 when the check could not be made.
 */
final class ObserverVerifier {

	static final int OK = 0;
	static final int LOG_FAILED = 1;
	static final int CANNOT_CHECK = 2;
	static final int PAGE = 10_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final JsonMapper json = JsonMapper.builder().build();
	private final PrintStream out;
	private final PrintStream err;

	ObserverVerifier(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Entry point from {@code HearthApplication.main}; returns the exit code. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		return new ObserverVerifier(out, err).verify(args);
	}

	/** A check that failed: the log is not what its checkpoints promise. */
	static final class LogFailure extends Exception {

		LogFailure(String message) {
			super(message);
		}
	}

	int verify(String[] args) {
		String url = null;
		String key = null;
		Path state = null;
		boolean full = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--url" -> url = value(args, ++i);
				case "--key" -> key = value(args, ++i);
				case "--state" -> state = Path.of(value(args, ++i));
				case "--full" -> full = true;
				default -> {
					return usage("unknown argument " + args[i]);
				}
			}
		}
		if (url == null || state == null) {
			return usage("--url and --state are required");
		}
		url = url.replaceAll("/+$", "");
		try {
			Files.createDirectories(state);
			NoteVerifier verifier = pinnedKey(state, key);
			String note = get(url + "/transparency/checkpoint");
			Checkpoint checkpoint;
			try {
				checkpoint = Checkpoint.parse(SignedNote.open(note, List.of(verifier)));
			}
			catch (RuntimeException e) {
				throw new LogFailure("the checkpoint is not validly signed by " + verifier.name() + ": " + e.getMessage());
			}
			if (!checkpoint.origin().equals(verifier.name())) {
				throw new LogFailure("the checkpoint is of log " + checkpoint.origin() + ", not " + verifier.name());
			}
			Path last = state.resolve("checkpoint");
			if (Files.exists(last)) {
				Checkpoint previous = Checkpoint.parse(SignedNote.open(Files.readString(last), List.of(verifier)));
				consistent(url, previous, checkpoint);
			}
			if (full) {
				audit(url, checkpoint);
			}
			Path partial = state.resolve("checkpoint.part");
			Files.writeString(partial, note);
			Files.move(partial, last, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			out.println("OK: checkpoint of " + checkpoint.size() + " entries verified"
					+ (full ? "; every entry and the root recomputed" : ""));
			return OK;
		}
		catch (LogFailure e) {
			err.println("LOG FAILED: " + e.getMessage());
			return LOG_FAILED;
		}
		catch (IOException | RuntimeException e) {
			err.println("CANNOT CHECK: " + e.getMessage());
			return CANNOT_CHECK;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("CANNOT CHECK: interrupted");
			return CANNOT_CHECK;
		}
	}

	/** The key is pinned on first use and must never change afterwards. */
	private NoteVerifier pinnedKey(Path state, String given) throws IOException, LogFailure {
		Path pinned = state.resolve("key");
		if (Files.exists(pinned)) {
			String stored = Files.readString(pinned).strip();
			if (given != null && !given.strip().equals(stored)) {
				throw new LogFailure("the key given differs from the key pinned in " + pinned);
			}
			return NoteVerifier.parse(stored);
		}
		if (given == null) {
			throw new IllegalArgumentException("no key pinned yet: pass --key with the log's verifier key, obtained "
					+ "from the operator through a channel you trust");
		}
		NoteVerifier verifier = NoteVerifier.parse(given.strip());
		Files.writeString(pinned, verifier.verifierKey() + "\n");
		return verifier;
	}

	private void consistent(String url, Checkpoint previous, Checkpoint current)
			throws IOException, InterruptedException, LogFailure {
		if (current.size() < previous.size()) {
			throw new LogFailure("the log shrank from " + previous.size() + " to " + current.size() + " entries");
		}
		if (current.size() == previous.size()) {
			if (!Arrays.equals(current.root(), previous.root())) {
				throw new LogFailure("two different roots for " + current.size() + " entries");
			}
			return;
		}
		JsonNode response = json.readTree(get(url + "/transparency/proof/consistency?from=" + previous.size() + "&to="
				+ current.size()));
		List<byte[]> proof = new ArrayList<>();
		response.get("proof").forEach(node -> proof.add(Base64.getDecoder().decode(node.asString())));
		if (!Merkle.verifyConsistency(previous.size(), current.size(), proof, previous.root(), current.root())) {
			throw new LogFailure("the checkpoint of " + current.size() + " entries does not extend the one of "
					+ previous.size() + " verified before: the log was rewritten");
		}
	}

	/**
	 * Downloads every entry of the checkpoint's tree, recomputes each leaf hash and the root. The next page is
	 * fetched while this one is hashed: the server and the verifier work at the same time.
	 */
	private void audit(String url, Checkpoint checkpoint) throws IOException, InterruptedException, LogFailure {
		Merkle.Appender tree = new Merkle.Appender();
		long size = checkpoint.size();
		long next = 0;
		CompletableFuture<byte[]> pending = fetch(url, 0, size);
		while (next < size) {
			byte[] body = await(pending);
			long expectedEnd = Math.min(size, next + PAGE);
			pending = expectedEnd < size ? fetch(url, expectedEnd, size) : null;
			long first = next;
			// A streaming read: a page is megabytes of JSON, and building a tree of it costs more than hashing it.
			try (JsonParser parser = json.createParser(body)) {
				if (!toEntries(parser)) {
					throw new LogFailure("the answer for entries from " + next + " has no entries");
				}
				while (next < size && parser.nextToken() == JsonToken.START_OBJECT) {
					long index = -1;
					byte[] data = null;
					byte[] served = null;
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String field = parser.currentName();
						parser.nextToken();
						switch (field) {
							case "index" -> index = parser.getLongValue();
							case "data" -> data = parser.getBinaryValue();
							case "hash" -> served = parser.getBinaryValue();
							default -> parser.skipChildren();
						}
					}
					if (index != next) {
						throw new LogFailure("expected entry " + next + ", got " + index);
					}
					if (data == null || served == null) {
						throw new LogFailure("entry " + index + " lacks its data or its hash");
					}
					byte[] hash = Merkle.leafHash(data);
					if (!Arrays.equals(hash, served)) {
						throw new LogFailure("entry " + index + ": its data does not hash to the leaf hash served");
					}
					LeafFormat.Entry parsed = LeafFormat.parse(data);
					if (parsed == null || parsed.index() != index) {
						throw new LogFailure("entry " + index + " is not a well-formed entry with its own index");
					}
					tree.append(hash);
					next++;
				}
			}
			catch (JacksonException e) {
				throw new LogFailure("the answer for entries from " + first + " is not the JSON of entries: "
						+ e.getOriginalMessage());
			}
			if (next == first) {
				throw new LogFailure("entries from " + next + " are missing: the log has fewer than " + size
						+ " entries");
			}
			if (next < size && next != expectedEnd) {
				// A shorter page than asked for: the prefetched one starts in the wrong place.
				if (pending != null) {
					pending.cancel(true);
				}
				pending = fetch(url, next, size);
			}
		}
		if (!Arrays.equals(tree.root(), checkpoint.root())) {
			throw new LogFailure("the entries do not add up to the checkpoint's root: an entry was changed");
		}
	}

	/** Moves the parser onto the start of the "entries" array; false if there is none. */
	private static boolean toEntries(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return false;
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			if (field.equals("entries")) {
				return value == JsonToken.START_ARRAY;
			}
			parser.skipChildren();
		}
		return false;
	}

	private CompletableFuture<byte[]> fetch(String url, long start, long size) {
		String page = url + "/transparency/entries?start=" + start + "&end=" + Math.min(size, start + PAGE);
		return http.sendAsync(HttpRequest.newBuilder(URI.create(page)).timeout(Duration.ofSeconds(60)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
					if (response.statusCode() != 200) {
						throw new CompletionException(new IOException(page + " answered " + response.statusCode()));
					}
					return response.body();
				});
	}

	private static byte[] await(CompletableFuture<byte[]> pending) throws IOException, InterruptedException {
		try {
			return pending.get();
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
					: e.getCause();
			throw cause instanceof IOException io ? io : new IOException(cause);
		}
	}

	private String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IOException(url + " answered " + response.statusCode());
		}
		return response.body();
	}

	private int usage(String problem) {
		err.println(problem);
		err.println("usage: java -jar hearth.jar verify --url <base URL> --state <directory> [--key <verifier key>] "
				+ "[--full]");
		return CANNOT_CHECK;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value");
		}
		return args[i];
	}
}
