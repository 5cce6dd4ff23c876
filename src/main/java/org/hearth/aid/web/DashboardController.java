package org.hearth.aid.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hearth.aid.Catalogue;
import org.hearth.aid.FuelWatch;
import org.hearth.aid.Overview;
import org.hearth.aid.Requests;
import org.hearth.aid.Roster;
import org.hearth.aid.StockLedger;
import org.hearth.platform.DisplayZone;
import org.hearth.platform.SvgCharts;
import org.hearth.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's dashboard: the pipeline of requests and shipments, needs against delivered per category and per
 * facility (each chart with its table), the facilities short of fuel, the field hospital's gaps, and the stock of
 * every warehouse. Observers read it too: it names facilities and
 * items, never a person.
 */
@Controller
@PreAuthorize("hasAnyRole('AID_COORDINATOR', 'OBSERVER')")
class DashboardController {

	/** Facilities in the table and the chart, lowest share first; the settlement filter narrows the rest. */
	static final int FACILITIES_SHOWN = 30;

	/** The most urgent fuel alerts; the count says how many more there are. */
	static final int FUEL_SHOWN = 50;

	/** How far ahead the field hospitals' gaps are shown, as on the roster page. */
	static final int ROSTER_DAYS = 14;

	record RosterGaps(org.hearth.aid.Facilities.Facility facility, List<Roster.ShiftGap> gaps) {
	}
	static final int FACILITIES_CHARTED = 20;

	private final Overview overview;
	private final FuelWatch fuel;
	private final StockLedger ledger;
	private final Catalogue catalogue;
	private final Roster roster;
	private final Requests requests;
	private final Labels places;
	private final MessageSource messages;
	private final DisplayZone zone;
	private final Clock clock;

	DashboardController(Overview overview, FuelWatch fuel, StockLedger ledger, Catalogue catalogue, Roster roster,
			Requests requests, Labels places, MessageSource messages, DisplayZone zone, Clock clock) {
		this.overview = overview;
		this.fuel = fuel;
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.roster = roster;
		this.requests = requests;
		this.places = places;
		this.messages = messages;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping("/aid")
	String dashboard(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String settlement, Locale locale, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		LocalDate start = today.withDayOfMonth(1);
		LocalDate end = today.withDayOfMonth(today.lengthOfMonth());
		try {
			if (!from.isBlank()) {
				start = Forms.date(from);
			}
			if (!to.isBlank()) {
				end = Forms.date(to);
			}
			if (end.isBefore(start)) {
				throw new org.hearth.shared.RuleViolationException("aid.error.dates-out-of-order");
			}
		}
		catch (UserFacingException refused) {
			model.addAttribute("refusal", Refusal.of("period", refused));
			start = today.withDayOfMonth(1);
			end = today.withDayOfMonth(today.lengthOfMonth());
		}
		String chosen = settlement.isBlank() ? null : settlement;
		List<Overview.NeedLine> lines = overview.needsAgainstDelivered(start, end, chosen);
		List<Overview.CategoryTotal> categories = overview.byCategory(lines);
		List<Overview.FacilityTotal> facilities = overview.byFacility(lines);
		model.addAttribute("from", start.toString());
		model.addAttribute("to", end.toString());
		model.addAttribute("fromText", from);
		model.addAttribute("toText", to);
		model.addAttribute("settlement", settlement);
		model.addAttribute("places", places.settlements(locale));
		model.addAttribute("categories", categories);
		model.addAttribute("categoryChart", SvgCharts.horizontalBars(text("aid.dashboard.category-chart", locale),
				categories.stream().map(c -> new SvgCharts.Bar(text("aid.category." + c.category().name(), locale),
						c.percentByValue(), text("aid.common.percent", locale, c.percentByValue()),
						c.percentByValue() < 100)).toList(),
				Math.max(100, categories.stream().mapToInt(Overview.CategoryTotal::percentByValue).max().orElse(100)), 100));
		model.addAttribute("facilities", facilities.stream().limit(FACILITIES_SHOWN).toList());
		model.addAttribute("facilityCount", facilities.size());
		List<Overview.FacilityTotal> charted = facilities.stream().limit(FACILITIES_CHARTED).toList();
		model.addAttribute("facilityChart", SvgCharts.horizontalBars(text("aid.dashboard.facility-chart", locale),
				charted.stream().map(f -> new SvgCharts.Bar(f.facilityName(), f.percentByValue(),
						text("aid.common.percent", locale, f.percentByValue()), f.percentByValue() < 100)).toList(),
				Math.max(100, charted.stream().mapToInt(Overview.FacilityTotal::percentByValue).max().orElse(100)), 100));
		model.addAttribute("chartedCount", charted.size());
		List<FuelWatch.FuelStatus> flagged = fuel.statuses().stream()
				.filter(s -> s.flagged() && (chosen == null || chosen.equals(s.settlement()))).toList();
		model.addAttribute("fuel", flagged.stream().limit(FUEL_SHOWN).toList());
		model.addAttribute("fuelCount", flagged.size());
		model.addAttribute("warehouses", ledger.warehouses());
		model.addAttribute("stock", overview.stockByWarehouse());
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("pipeline", requests.pipeline());
		model.addAttribute("rosterDays", ROSTER_DAYS);
		model.addAttribute("rosters", roster.fieldHospitals().stream()
				.map(f -> new RosterGaps(f, roster.gaps(f.id(), roster.today(), ROSTER_DAYS))).toList());
		return "aid/dashboard";
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
