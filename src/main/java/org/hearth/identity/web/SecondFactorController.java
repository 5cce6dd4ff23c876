package org.hearth.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.identity.AccountId;
import org.hearth.identity.AccountManagement;
import org.hearth.identity.SecondFactorSignIn;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of a staff sign-in: the code from an authenticator app, after enrolling one if needed. */
@Controller
class SecondFactorController {

	private final AccountManagement accounts;
	private final SecondFactorSignIn signIn;

	SecondFactorController(AccountManagement accounts, SecondFactorSignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@PreAuthorize("hasAuthority('MFA_PENDING')")
	@GetMapping("/login/second-factor")
	String form(Model model) {
		AccountId account = signIn.pendingAccount();
		if (!accounts.hasSecondFactor(account)) {
			var enrolment = accounts.startEnrolment(account);
			model.addAttribute("secret", enrolment.secret().replaceAll("(.{4})", "$1 ").strip());
			model.addAttribute("uri", enrolment.uri());
		}
		return "identity/second-factor";
	}

	@PreAuthorize("hasAuthority('MFA_PENDING')")
	@PostMapping("/login/second-factor")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		var user = accounts.verifySecondFactor(signIn.pendingAccount(), code, request.getRemoteAddr());
		if (user.isPresent()) {
			signIn.complete(user.get(), request, response);
			return null;
		}
		model.addAttribute("error", "identity.second-factor.error.code");
		return "identity/second-factor";
	}
}
