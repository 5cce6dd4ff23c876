package org.hearth.identity.web;

import java.util.List;

import org.hearth.identity.AccountManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Invited staff choose their first password from the link in their invitation. */
@Controller
class SetPasswordController {

	private final AccountManagement accounts;

	SetPasswordController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/account/set-password")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", !token.isBlank() && accounts.invitationValid(token));
		model.addAttribute("errors", List.of());
		return "identity/set-password";
	}

	@PreAuthorize("permitAll()")
	@PostMapping("/account/set-password")
	String set(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeatPassword, Model model) {
		List<String> errors = accounts.setFirstPassword(token, password, repeatPassword);
		if (errors.isEmpty()) {
			return "redirect:/login?password-set";
		}
		model.addAttribute("token", token);
		model.addAttribute("valid", !errors.contains("identity.error.link-used"));
		model.addAttribute("errors", errors);
		return "identity/set-password";
	}
}
