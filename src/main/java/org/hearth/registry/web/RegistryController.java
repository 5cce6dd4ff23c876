package org.hearth.registry.web;

import java.util.List;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding people in the registry by name, in any script, and opening their household. Each person found or shown
 * is an access recorded in the access log, for review.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'HOUSING_OFFICER')")
class RegistryController {

	/** The longest query taken: a few names, not a list. */
	static final int QUERY_LIMIT = 200;

	private final Registry registry;

	RegistryController(Registry registry) {
		this.registry = registry;
	}

	@GetMapping("/registry")
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		String query = q.strip();
		model.addAttribute("q", q);
		model.addAttribute("searched", !query.isEmpty());
		model.addAttribute("limit", Registry.SEARCH_LIMIT);
		if (query.isEmpty()) {
			model.addAttribute("matches", List.of());
			return "registry/search";
		}
		String bounded = query.length() > QUERY_LIMIT ? query.substring(0, QUERY_LIMIT) : query;
		model.addAttribute("matches", registry.search(CurrentUser.require(), bounded, SearchPurpose.REVIEW));
		return "registry/search";
	}

	@GetMapping("/registry/households/{id}")
	String household(@PathVariable UUID id, Model model) {
		List<Registry.Person> members = registry.household(CurrentUser.require(), id, SearchPurpose.REVIEW);
		if (members.isEmpty()) {
			throw new NotFoundException();
		}
		model.addAttribute("members", members);
		return "registry/household";
	}
}
