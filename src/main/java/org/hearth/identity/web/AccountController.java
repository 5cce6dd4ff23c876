package org.hearth.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.identity.AccountManagement;
import org.hearth.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, registration and e-mail confirmation. Sign-in itself is Spring Security's form login. */
@Controller
class AccountController {

	private final AccountManagement accounts;

	AccountController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/login")
	String login(Model model) {
		if (CurrentUser.get().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("email", model.getAttribute("email") == null ? "" : model.getAttribute("email"));
		return "identity/login";
	}

	record RegistrationForm(String email, String password, String repeatPassword) {

		RegistrationForm {
			email = email == null ? "" : email.strip();
			password = password == null ? "" : password;
			repeatPassword = repeatPassword == null ? "" : repeatPassword;
		}
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", ""));
		model.addAttribute("errors", Map.of());
		return "identity/register";
	}

	@PreAuthorize("permitAll()")
	@PostMapping("/register")
	String register(@ModelAttribute RegistrationForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		Map<String, List<String>> errors = accounts.checkRegistration(form.email(), form.password(),
				form.repeatPassword());
		if (!errors.isEmpty()) {
			// Keep the address; passwords are never sent back to the browser.
			model.addAttribute("form", new RegistrationForm(form.email(), "", ""));
			model.addAttribute("errors", errors);
			return "identity/register";
		}
		boolean sent = accounts.register(form.email(), form.password(), locale);
		redirect.addFlashAttribute("email", form.email());
		redirect.addFlashAttribute("sent", sent);
		return "redirect:/register/check-email";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/register/check-email")
	String checkEmail(Model model) {
		model.addAttribute("sent", !Boolean.FALSE.equals(model.getAttribute("sent")));
		return "identity/check-email";
	}

	@PreAuthorize("permitAll()")
	@PostMapping("/register/resend")
	String resend(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
		if (!email.isBlank()) {
			accounts.resendConfirmation(email);
		}
		redirect.addFlashAttribute("email", email);
		redirect.addFlashAttribute("sent", true);
		return "redirect:/register/check-email";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/account/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("confirmed", !token.isBlank() && accounts.confirm(token));
		return "identity/confirmed";
	}
}
