package org.hearth.transparency.web;

import org.hearth.transparency.Checkpoints;
import org.hearth.transparency.Proofs;
import org.hearth.transparency.ReceiptCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log explained to people, and the check of a receipt anyone can paste. */
@Controller
class TransparencyController {

	private final Checkpoints checkpoints;
	private final Proofs proofs;
	private final ReceiptCheck receipts;
	private final String baseUrl;

	TransparencyController(Checkpoints checkpoints, Proofs proofs, ReceiptCheck receipts,
			@org.springframework.beans.factory.annotation.Value("${hearth.base-url}") String baseUrl) {
		this.checkpoints = checkpoints;
		this.proofs = proofs;
		this.receipts = receipts;
		this.baseUrl = baseUrl;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/transparency")
	String overview(Model model) {
		model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
		model.addAttribute("key", checkpoints.verifierKey());
		model.addAttribute("size", proofs.size());
		model.addAttribute("command", "java -jar hearth.jar verify --url " + baseUrl + " --key '"
				+ checkpoints.verifierKey() + "' --state ./observer-state --full");
		model.addAttribute("paths", java.util.List.of("/transparency/checkpoint", "/transparency/key", "/v3/api-docs"));
		return "transparency/overview";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/transparency/check")
	String checkForm(Model model) {
		model.addAttribute("receipt", "");
		return "transparency/check";
	}

	@PreAuthorize("permitAll()")
	@PostMapping("/transparency/check")
	String check(@RequestParam(defaultValue = "") String receipt, Model model) {
		model.addAttribute("receipt", receipt);
		model.addAttribute("result", receipt.isBlank() ? null : receipts.check(receipt));
		return "transparency/check";
	}
}
