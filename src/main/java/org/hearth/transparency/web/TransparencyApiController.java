package org.hearth.transparency.web;

import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.transparency.Checkpoints;
import org.hearth.transparency.Proofs;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log for anyone, without signing in: the latest signed checkpoint, the verifier key, RFC 9162 proofs and the
 * entries themselves. Hashes are standard base64.
 */
@Tag(name = "Transparency log", description = "A public, tamper-evident log of every recorded change "
		+ "(RFC 9162 Merkle tree, C2SP signed checkpoints). Format: docs/transparency.md")
@RestController
class TransparencyApiController {

	private final Checkpoints checkpoints;
	private final Proofs proofs;

	TransparencyApiController(Checkpoints checkpoints, Proofs proofs) {
		this.checkpoints = checkpoints;
		this.proofs = proofs;
	}

	@Operation(summary = "The latest signed checkpoint (c2sp.org/tlog-checkpoint), with observers' cosignatures")
	@PreAuthorize("permitAll()")
	@GetMapping(value = "/transparency/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> checkpoint() {
		return ResponseEntity.ok().header("Cache-Control", "no-cache")
				.body(checkpoints.latest().orElseThrow(NotFoundException::new));
	}

	@Operation(summary = "The log's verifier key, in the signed-note vkey format: <name>+<key id>+<base64 key>")
	@PreAuthorize("permitAll()")
	@GetMapping(value = "/transparency/key", produces = MediaType.TEXT_PLAIN_VALUE)
	String key() {
		return checkpoints.verifierKey() + "\n";
	}

	record InclusionProof(long index, long size, String leafHash, List<String> proof) {
	}

	@Operation(summary = "RFC 9162 inclusion proof of the entry at 'index' (or with leaf hash 'hash') in the tree of "
			+ "'size' entries")
	@PreAuthorize("permitAll()")
	@GetMapping("/transparency/proof/inclusion")
	InclusionProof inclusion(@RequestParam(required = false) Long index, @RequestParam(required = false) String hash,
			@RequestParam long size) {
		long leaf;
		if (index != null) {
			leaf = index;
		}
		else if (hash != null) {
			leaf = proofs.indexOf(decode(hash)).orElseThrow(NotFoundException::new);
		}
		else {
			throw new RuleViolationException("transparency.error.range");
		}
		Proofs.Inclusion proof = proofs.inclusion(leaf, size);
		return new InclusionProof(leaf, size, encode(proof.leafHash()), proof.path().stream()
				.map(TransparencyApiController::encode).toList());
	}

	record ConsistencyProof(long from, long to, List<String> proof) {
	}

	@Operation(summary = "RFC 9162 consistency proof between the trees of 'from' and 'to' entries")
	@PreAuthorize("permitAll()")
	@GetMapping("/transparency/proof/consistency")
	ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
		return new ConsistencyProof(from, to, proofs.consistency(from, to).stream()
				.map(TransparencyApiController::encode).toList());
	}

	record Entry(long index, String data, String hash) {
	}

	record Entries(long start, long end, long size, List<Entry> entries) {
	}

	@Operation(summary = "Entries [start, end), at most 10,000 per request; 'data' is the entry's bytes, 'hash' its "
			+ "RFC 9162 leaf hash")
	@PreAuthorize("permitAll()")
	@GetMapping("/transparency/entries")
	Entries entries(@RequestParam long start, @RequestParam long end) {
		var found = proofs.entries(start, end);
		return new Entries(start, start + found.size(), proofs.size(),
				found.stream().map(e -> new Entry(e.index(), encode(e.data()), encode(e.hash()))).toList());
	}

	record CosignatureRequest(long size, String signature) {
	}

	@Operation(summary = "Adds a witness's cosignature (c2sp.org/tlog-cosignature, Ed25519 cosignature/v1) to the "
			+ "checkpoint of 'size' entries. 'signature' is the whole signature line: \u2014 <witness name> <base64>. "
			+ "Accepted from the witnesses this installation is configured to trust; answers the checkpoint with all "
			+ "its cosignatures")
	@PreAuthorize("permitAll()")
	@PostMapping(value = "/api/v1/transparency/cosignatures", produces = MediaType.TEXT_PLAIN_VALUE)
	String cosign(@RequestBody CosignatureRequest request) {
		if (request.signature() == null || request.signature().length() > 1000) {
			throw new RuleViolationException("transparency.error.cosignature");
		}
		return checkpoints.addCosignature(request.size(), request.signature());
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64.replace(' ', '+'));
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException("transparency.error.range");
		}
	}
}
