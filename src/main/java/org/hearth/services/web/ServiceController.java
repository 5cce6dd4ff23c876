package org.hearth.services.web;

import org.hearth.services.ServiceCatalogue;
import org.hearth.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The start page of a service: what it is, what you need, the button to begin. */
@Controller
class ServiceController {

	private final ServiceCatalogue catalogue;

	ServiceController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/services/{code}")
	String service(@PathVariable String code, Model model) {
		model.addAttribute("service", catalogue.current(code).orElseThrow(NotFoundException::new));
		return "services/service";
	}
}
