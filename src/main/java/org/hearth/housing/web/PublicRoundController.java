package org.hearth.housing.web;

import java.util.List;
import java.util.Locale;

import org.hearth.housing.Rounds;
import org.hearth.housing.allocation.AllocationSolver;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Great Return's rounds for anyone, without signing in: each round's hashes and commitment, its input and
 * result files exactly as they were hashed, and how to re-run a round to check it. The files name no one.
 */
@Controller
class PublicRoundController {

	private final Rounds rounds;
	private final Places places;

	PublicRoundController(Rounds rounds, Places places) {
		this.rounds = rounds;
		this.places = places;
	}

	record PublicRound(Rounds.Round round, List<String> settlements, String commitment) {
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/great-return/rounds")
	String rounds(Locale locale, Model model) {
		model.addAttribute("rounds", rounds.rounds().stream()
				.map(r -> new PublicRound(r, r.settlements().stream().map(s -> places.label(s, locale)).toList(),
						Rounds.commitment(r.inputHash(), r.algorithmVersion(), r.resultHash())))
				.toList());
		model.addAttribute("algorithm", AllocationSolver.ALGORITHM_VERSION);
		model.addAttribute("command", "java -jar hearth.jar " + org.hearth.housing.RoundVerifier.NAME
				+ " round-N-input.json round-N-result.json");
		return "housing/public-rounds";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/great-return/rounds/{number}/input.json")
	ResponseEntity<byte[]> input(@PathVariable int number) {
		return file(rounds.inputFile(number), "round-" + number + "-input.json");
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/great-return/rounds/{number}/result.json")
	ResponseEntity<byte[]> result(@PathVariable int number) {
		return file(rounds.resultFile(number), "round-" + number + "-result.json");
	}

	/** The stored bytes, unchanged: their SHA-256 is the published hash. */
	private static ResponseEntity<byte[]> file(byte[] bytes, String name) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.body(bytes);
	}
}
