package org.hearth.gazetteer.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.Settlement;
import org.hearth.shared.Languages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Settlements", description = "The region's settlements, found by any of their names")
@RestController
class SettlementApiController {

	private final Gazetteer gazetteer;

	SettlementApiController(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	record Names(String hy, String az, String ru, String en) {
	}

	record SettlementResponse(String id, String district, Names names, String label) {
	}

	// Public: the names of places are public reference data, and forms need them before anyone signs in.
	@Operation(summary = "Find settlements by any of their names",
			description = "Ignores case, diacritics and script: 'Şuşa', 'Shusha', 'Шуша' and 'Շուշի' find the same "
					+ "place, as do 'Stepanakert' and 'Xankəndi'. Exact names first, then names beginning with the "
					+ "query, then names containing it. 'label' is the settlement and its district in the language "
					+ "of Accept-Language (hy, az, ru or en).")
	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/settlements")
	List<SettlementResponse> search(
			@Parameter(description = "Any name or part of one, in any script") @RequestParam(defaultValue = "") String q,
			@Parameter(description = "At most this many results; never more than " + Gazetteer.MAX_RESULTS)
			@RequestParam(defaultValue = "10") int limit, Locale locale) {
		return gazetteer.search(q, limit).stream().map(settlement -> response(settlement, locale)).toList();
	}

	private SettlementResponse response(Settlement settlement, Locale locale) {
		return new SettlementResponse(settlement.id().id(), settlement.district(),
				new Names(settlement.name(Languages.ARMENIAN), settlement.name(Languages.AZERBAIJANI),
						settlement.name(Languages.RUSSIAN), settlement.name(Languages.ENGLISH)),
				gazetteer.label(settlement.id(), locale));
	}
}
