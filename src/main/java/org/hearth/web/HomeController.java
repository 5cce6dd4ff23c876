package org.hearth.web;

import org.hearth.services.ServiceCatalogue;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

	private final ServiceCatalogue catalogue;

	HomeController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/")
	String home(@RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
		model.addAttribute("signedOut", signedOut != null);
		model.addAttribute("services", catalogue.all());
		return "web/home";
	}
}
