package org.hearth.aid.web;

import org.hearth.aid.AidProperties;
import org.hearth.aid.Catalogue;
import org.hearth.aid.Category;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The catalogue: every item, its category and the one unit it is counted in. Read-only reference data. */
@Controller
@PreAuthorize("hasAnyRole('AID_COORDINATOR', 'OBSERVER')")
class CatalogueController {

	private final Catalogue catalogue;
	private final AidProperties properties;

	CatalogueController(Catalogue catalogue, AidProperties properties) {
		this.catalogue = catalogue;
		this.properties = properties;
	}

	@GetMapping("/aid/items")
	String items(Model model) {
		model.addAttribute("categories", Category.values());
		model.addAttribute("items", catalogue.items());
		model.addAttribute("currency", properties.currency());
		return "aid/items";
	}
}
