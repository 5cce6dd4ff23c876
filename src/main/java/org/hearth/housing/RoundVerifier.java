package org.hearth.housing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.hearth.housing.allocation.AllocationSolver;

/**
 * {@code java -jar hearth.jar verify-round <input.json> [result.json]}: re-runs a published round from its input
 * file and prints the input hash, the result hash and the transparency-log commitment. With the published result
 * file, it also says whether the re-run gives the identical result (exit 0) or not (exit 1).
 */
public final class RoundVerifier {

	public static final String NAME = "verify-round";

	private RoundVerifier() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length < 1 || args.length > 2) {
			err.println("usage: java -jar hearth.jar verify-round <round-N-input.json> [round-N-result.json]");
			return 2;
		}
		byte[] input;
		byte[] published = null;
		try {
			input = Files.readAllBytes(Path.of(args[0]));
			if (args.length == 2) {
				published = Files.readAllBytes(Path.of(args[1]));
			}
		}
		catch (IOException e) {
			err.println("Cannot read " + e.getMessage());
			return 2;
		}
		RoundFiles.Input round;
		try {
			round = RoundFiles.parseInput(input);
		}
		catch (IllegalArgumentException e) {
			err.println("The input file is not valid: " + e.getMessage());
			return 1;
		}
		if (!round.algorithm().equals(AllocationSolver.ALGORITHM_VERSION)) {
			err.println("The round was run with algorithm '" + round.algorithm() + "'; this verifier has '"
					+ AllocationSolver.ALGORITHM_VERSION + "'. Use the Hearth release that ran the round.");
			return 1;
		}
		byte[] canonical = RoundFiles.input(round.round(), round.rules(), round.households(), round.units());
		if (!Arrays.equals(canonical, input)) {
			err.println("The input file is not in canonical form: it was changed after publication.");
			return 1;
		}
		byte[] result = RoundFiles.result(AllocationSolver.solve(round.households(), round.units(), round.rules()));
		String inputHash = Digests.sha256(input);
		String resultHash = Digests.sha256(result);
		out.println("round:       " + round.round());
		out.println("households:  " + round.households().size() + ", units: " + round.units().size());
		out.println("input hash:  " + inputHash);
		out.println("result hash: " + resultHash);
		out.println("commitment:  " + Rounds.commitment(inputHash, round.algorithm(), resultHash));
		if (published == null) {
			return 0;
		}
		if (Arrays.equals(result, published)) {
			out.println("The re-run gives the published result, byte for byte.");
			return 0;
		}
		err.println("The re-run does NOT give the published result (published hash " + Digests.sha256(published) + ").");
		return 1;
	}
}
