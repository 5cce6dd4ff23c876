package org.hearth.transparency;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * The commands the jar runs instead of the application (docs/transparency.md): {@code verify …}, the observer's
 * verifier, and {@code new-log-key <origin> <file>}, which creates the log's signing key once per installation.
 */
public final class Commands {

	public static final Set<String> NAMES = Set.of("verify", "new-log-key");

	private Commands() {
	}

	/** Runs the command named by {@code args[0]}; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		return switch (args[0]) {
			case "verify" -> ObserverVerifier.run(rest, out, err);
			case "new-log-key" -> newLogKey(rest, out, err);
			default -> throw new IllegalArgumentException("no command " + args[0]);
		};
	}

	/** Writes a new signing key (owner-only permissions, never over an existing file) and prints its verifier key. */
	static int newLogKey(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2) {
			err.println("usage: java -jar hearth.jar new-log-key <origin, e.g. hearth.agency.example/transparency> <file>");
			return 2;
		}
		try {
			NoteSigner signer = NoteSigner.generate(args[0]);
			signer.save(Path.of(args[1]));
			out.println("Signing key written to " + args[1] + ". Publish this verifier key to observers:");
			out.println(signer.verifierKey());
			return 0;
		}
		catch (RuntimeException e) {
			err.println("Cannot create the key: " + e.getMessage());
			return 1;
		}
	}
}
