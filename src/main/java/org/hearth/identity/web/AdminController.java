package org.hearth.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hearth.identity.AccountManagement;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Offices;
import org.hearth.identity.Role;
import org.hearth.shared.Languages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators invite staff and see who holds which role where — never anyone's case. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdminController {

	static final List<Role> STAFF_ROLES = List.of(Role.CASEWORKER, Role.SUPERVISOR, Role.HOUSING_OFFICER,
			Role.AID_COORDINATOR, Role.DIALOGUE_SECRETARIAT, Role.OBSERVER, Role.DATA_PROTECTION_OFFICER,
			Role.ADMINISTRATOR);

	private final AccountManagement accounts;
	private final Offices offices;

	AdminController(AccountManagement accounts, Offices offices) {
		this.accounts = accounts;
		this.offices = offices;
	}

	record InvitationForm(String email, Set<Role> roles, String office, String language) {
	}

	@GetMapping("/admin/staff")
	String staff(Model model, Locale locale) {
		return render(model, new InvitationForm("", Set.of(), "", locale.getLanguage()), Map.of());
	}

	@PostMapping("/admin/staff")
	String invite(@RequestParam(defaultValue = "") String email,
			@RequestParam(name = "roles", required = false) List<String> roles,
			@RequestParam(defaultValue = "") String office, @RequestParam(defaultValue = "en") String language,
			Model model, RedirectAttributes redirect) {
		Set<Role> chosen = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.stream().flatMap(r -> STAFF_ROLES.stream().filter(s -> s.name().equals(r))).forEach(chosen::add);
		}
		OfficeId officeId = office.isBlank() ? null : new OfficeId(office);
		var form = new InvitationForm(email.strip(), chosen, office, Languages.orDefault(language).getLanguage());
		Map<String, List<String>> errors = accounts.checkInvitation(form.email(), chosen, officeId,
				offices.all().stream().map(Offices.Office::id).toList());
		if (!errors.isEmpty()) {
			return render(model, form, errors);
		}
		accounts.inviteStaff(form.email(), chosen, officeId, Locale.forLanguageTag(form.language()));
		redirect.addFlashAttribute("invited", form.email());
		return "redirect:/admin/staff";
	}

	private String render(Model model, InvitationForm form, Map<String, List<String>> errors) {
		model.addAttribute("staff", accounts.staff());
		model.addAttribute("roles", STAFF_ROLES);
		model.addAttribute("offices", offices.all());
		model.addAttribute("languages", Languages.CODES);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "identity/admin-staff";
	}
}
