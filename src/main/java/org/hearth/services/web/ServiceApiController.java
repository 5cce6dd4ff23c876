package org.hearth.services.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.services.ServiceCatalogue;
import org.hearth.services.ServiceDefinition;
import org.hearth.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Services", description = "The service catalogue and the definitions behind each form")
@RestController
class ServiceApiController {

	private final ServiceCatalogue catalogue;

	ServiceApiController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	record ServiceSummary(String code, int version, String title, String summary) {
	}

	@Operation(summary = "Services open for applications, titled in the requester's language")
	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/services")
	List<ServiceSummary> services(Locale locale) {
		return catalogue.all().stream().map(d -> new ServiceSummary(d.code(), d.version(), d.title().in(locale),
				d.summary().in(locale))).toList();
	}

	@Operation(summary = "A service's definition: pages, questions, validation, conditions, documents, workflow",
			description = "Without 'version', the current one. Answers submitted through the API are validated "
					+ "against the version their draft was created with.")
	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/services/{code}")
	ServiceDefinition definition(@PathVariable String code, @RequestParam(required = false) Integer version) {
		ServiceDefinition current = catalogue.current(code).orElseThrow(NotFoundException::new);
		if (version == null) {
			return current;
		}
		if (version < 1 || version > current.version()) {
			throw new NotFoundException();
		}
		return catalogue.version(code, version);
	}
}
