package org.hearth.applications.web;

import java.util.Locale;

import org.hearth.applications.Verification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Anyone can check a letter or permit by the code printed on it. */
@Controller
class VerifyController {

	private final Verification verification;

	VerifyController(Verification verification) {
		this.verification = verification;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String code, Locale locale, Model model) {
		model.addAttribute("code", code == null ? "" : code.strip());
		if (code != null && !code.isBlank()) {
			model.addAttribute("checked", true);
			model.addAttribute("result", verification.verify(code, locale).orElse(null));
		}
		return "applications/verify";
	}
}
