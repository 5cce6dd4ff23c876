package org.hearth.housing.web;

import java.util.List;
import java.util.UUID;

import org.hearth.applications.ApplicationId;
import org.hearth.housing.AncestorLinks;
import org.hearth.housing.GreatReturnRegistration;
import org.hearth.identity.CurrentUser;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.shared.UserFacingException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finding the displaced parent or grandparent of a descendant's registration in the registry, and linking their
 * record: what the eligibility rule needs. The search box starts with the name the applicant gave; searching is an
 * access to the persons found and is recorded with the purpose review.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
class AncestorController {

	private final AncestorLinks ancestors;
	private final Registry registry;

	AncestorController(AncestorLinks ancestors, Registry registry) {
		this.ancestors = ancestors;
		this.registry = registry;
	}

	@GetMapping("/cases/{id}/ancestor")
	String page(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
		CurrentUser staff = CurrentUser.require();
		AncestorLinks.Case found = ancestors.caseFor(staff, new ApplicationId(id));
		GreatReturnRegistration registration = found.registration();
		model.addAttribute("app", found.application());
		model.addAttribute("registration", registration);
		model.addAttribute("changeable", found.changeable());
		model.addAttribute("linked", ancestors.ancestor(found.application().id()).orElse(null));
		String query = q != null ? q.strip()
				: registration.ancestorName() == null ? "" : registration.ancestorName().written();
		model.addAttribute("query", query);
		boolean searched = q != null && !q.isBlank();
		model.addAttribute("searched", searched);
		model.addAttribute("results", searched ? registry.search(staff, query, SearchPurpose.REVIEW) : List.of());
		return "housing/great-return-ancestor";
	}

	@PostMapping("/cases/{id}/ancestor")
	String link(@PathVariable UUID id, @RequestParam UUID person, RedirectAttributes redirect) {
		return act(id, redirect, "great-return.ancestor.notice.linked",
				() -> ancestors.link(CurrentUser.require(), new ApplicationId(id), person));
	}

	@PostMapping("/cases/{id}/ancestor/unlink")
	String unlink(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "great-return.ancestor.notice.unlinked",
				() -> ancestors.unlink(CurrentUser.require(), new ApplicationId(id)));
	}

	private static String act(UUID id, RedirectAttributes redirect, String notice, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("error", refused.messageKey());
		}
		return "redirect:/cases/" + id + "/ancestor";
	}
}
