package org.hearth.aid.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.aid.Catalogue;
import org.hearth.aid.Category;
import org.hearth.aid.Facilities;
import org.hearth.aid.FacilityKind;
import org.hearth.aid.FacilityStatus;
import org.hearth.aid.FuelWatch;
import org.hearth.aid.MeasureUnit;
import org.hearth.aid.Overview;
import org.hearth.aid.Quantities;
import org.hearth.aid.Requests;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The facilities aid goes to: the list with a form to add one, and a facility's details, its needs against what it
 * received, and its fuel. A refused change comes back on the same page with what was typed still in the form.
 */
@Controller
@PreAuthorize("hasRole('AID_COORDINATOR')")
class FacilityController {

	static final int READINGS_SHOWN = 20;

	private final Facilities facilities;
	private final Catalogue catalogue;
	private final Overview overview;
	private final FuelWatch fuel;
	private final Requests requests;
	private final Labels places;
	private final DisplayZone zone;
	private final Clock clock;

	FacilityController(Facilities facilities, Catalogue catalogue, Overview overview, FuelWatch fuel, Requests requests, Labels places,
			DisplayZone zone, Clock clock) {
		this.facilities = facilities;
		this.catalogue = catalogue;
		this.overview = overview;
		this.fuel = fuel;
		this.requests = requests;
		this.places = places;
		this.zone = zone;
		this.clock = clock;
	}

	record FacilityForm(String kind, String name, String settlement, String capacity, String contact, String status,
			String dailyFuelUse, String version) {

		static final FacilityForm EMPTY = new FacilityForm("", "", "", "", "", "OPEN", "", "");

		static FacilityForm of(Facilities.Facility f, Locale locale) {
			return new FacilityForm(f.kind().name(), f.name(), f.settlement(), String.valueOf(f.capacity()),
					f.contact() == null ? "" : f.contact(), f.status().name(),
					f.dailyFuelUse() == null ? "" : plain(f.dailyFuelUse(), locale), String.valueOf(f.version()));
		}
	}

	record NeedForm(String item, String quantity, String from, String to, String note, String supersedes) {
	}

	record FuelForm(String item, String onHand, String readOn) {
	}

	@GetMapping("/aid/facilities")
	String list(@RequestParam(defaultValue = "") String settlement, @RequestParam(defaultValue = "") String kind,
			Locale locale, Model model) {
		return renderList(settlement, kind, locale, model, FacilityForm.EMPTY);
	}

	@PostMapping("/aid/facilities")
	String add(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String settlement, @RequestParam(defaultValue = "") String capacity,
			@RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String dailyFuelUse, Locale locale, Model model,
			RedirectAttributes redirect) {
		FacilityForm form = new FacilityForm(kind, name, settlement, capacity, contact, status, dailyFuelUse, "");
		UUID[] added = new UUID[1];
		String result = Forms.change("facility", model, redirect, "/aid/facilities", () -> {
			added[0] = facilities.add(CurrentUser.require(), details(form, locale)).id();
			return Forms.Notice.of("aid.facility.notice.added", name.strip());
		}, () -> renderList("", "", locale, model, form));
		return added[0] == null ? result : "redirect:/aid/facilities/" + added[0];
	}

	@GetMapping("/aid/facilities/{id}")
	String facility(@PathVariable UUID id, Locale locale, Model model) {
		return render(id, locale, model, null, null, null);
	}

	@PostMapping("/aid/facilities/{id}")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String settlement,
			@RequestParam(defaultValue = "") String capacity, @RequestParam(defaultValue = "") String contact,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String dailyFuelUse,
			@RequestParam(defaultValue = "-1") String version, Locale locale, Model model, RedirectAttributes redirect) {
		facilities.facility(id);
		FacilityForm form = new FacilityForm(kind, name, settlement, capacity, contact, status, dailyFuelUse, version);
		return Forms.change("details", model, redirect, "/aid/facilities/" + id + "#details", () -> {
			facilities.update(CurrentUser.require(), id, details(form, locale), Forms.wholeNumber(version,
					"aid.error.changed-meanwhile"));
			return Forms.Notice.of("aid.facility.notice.updated");
		}, () -> render(id, locale, model, form, null, null));
	}

	@PostMapping("/aid/facilities/{id}/needs")
	String need(@PathVariable UUID id, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String supersedes, Locale locale, Model model,
			RedirectAttributes redirect) {
		facilities.facility(id);
		NeedForm form = new NeedForm(item, quantity, from, to, note, supersedes);
		return Forms.change("need", model, redirect, "/aid/facilities/" + id + "#needs", () -> {
			Catalogue.Item chosen = catalogue.require(item);
			BigDecimal amount = Quantities.parse(quantity, chosen.unit(), locale);
			facilities.recordNeed(CurrentUser.require(), id, chosen.code(), amount, Forms.date(from), Forms.date(to),
					note, supersedes.isBlank() ? null : Forms.uuid(supersedes, "aid.error.need-superseded"));
			return Forms.Notice.of("aid.facility.notice.need", chosen.name().in(locale));
		}, () -> render(id, locale, model, null, form, null));
	}

	@PostMapping("/aid/facilities/{id}/fuel")
	String fuelReading(@PathVariable UUID id, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String onHand, @RequestParam(defaultValue = "") String readOn,
			Locale locale, Model model, RedirectAttributes redirect) {
		facilities.facility(id);
		FuelForm form = new FuelForm(item, onHand, readOn);
		return Forms.change("fuel", model, redirect, "/aid/facilities/" + id + "#fuel", () -> {
			Catalogue.Item chosen = catalogue.require(item);
			BigDecimal level = onHand.strip().equals("0") ? BigDecimal.ZERO
					: Quantities.parse(onHand, chosen.unit(), locale);
			facilities.recordFuel(CurrentUser.require(), id, chosen.code(), level, Forms.date(readOn));
			return Forms.Notice.of("aid.facility.notice.fuel");
		}, () -> render(id, locale, model, null, null, form));
	}

	private Facilities.Details details(FacilityForm form, Locale locale) {
		FacilityKind kind = Forms.choice(FacilityKind.class, form.kind());
		FacilityStatus status = Forms.choice(FacilityStatus.class, form.status());
		if (places.settlement(form.settlement(), locale).equals(form.settlement())) {
			throw new org.hearth.shared.RuleViolationException("aid.error.unknown-settlement");
		}
		int capacity = Forms.wholeNumber(form.capacity(), "aid.error.capacity");
		BigDecimal fuelUse = form.dailyFuelUse().isBlank() ? null
				: Quantities.parse(form.dailyFuelUse(), MeasureUnit.LITRE, locale);
		return new Facilities.Details(kind, form.name(), form.settlement(), capacity, form.contact(), status, fuelUse);
	}

	private String renderList(String settlement, String kind, Locale locale, Model model, FacilityForm form) {
		FacilityKind chosenKind = kind.isBlank() ? null : Forms.choice(FacilityKind.class, kind);
		model.addAttribute("facilities", facilities.facilities(settlement.isBlank() ? null : settlement, chosenKind));
		model.addAttribute("settlement", settlement);
		model.addAttribute("kind", kind);
		common(locale, model);
		model.addAttribute("facilityForm", form);
		return "aid/facilities";
	}

	private String render(UUID id, Locale locale, Model model, @Nullable FacilityForm details, @Nullable NeedForm need,
			@Nullable FuelForm reading) {
		Facilities.Facility f = facilities.facility(id);
		model.addAttribute("facility", f);
		model.addAttribute("place", places.settlement(f.settlement(), locale));
		model.addAttribute("needs", overview.needsOf(facilities.needs(id)));
		model.addAttribute("history", facilities.needHistory(id).stream().filter(n -> n.supersededBy() != null).toList());
		model.addAttribute("readings", facilities.fuelReadings(id, READINGS_SHOWN));
		model.addAttribute("openRequests", requests.open(id));
		model.addAttribute("fuel", f.kind().fuelWatched()
				? fuel.statuses().stream().filter(s -> s.facility().equals(id)).toList() : List.of());
		model.addAttribute("fuelOptions",
				places.items(catalogue.items().stream().filter(i -> i.category() == Category.FUEL).toList(), locale));
		common(locale, model);
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		model.addAttribute("facilityForm", details != null ? details : FacilityForm.of(f, locale));
		model.addAttribute("needForm", need != null ? need
				: new NeedForm("", "", today.withDayOfMonth(1).toString(),
						today.withDayOfMonth(today.lengthOfMonth()).toString(), "", ""));
		model.addAttribute("fuelForm", reading != null ? reading : new FuelForm("diesel", "", today.toString()));
		return "aid/facility";
	}

	private void common(Locale locale, Model model) {
		model.addAttribute("places", places.settlements(locale));
		model.addAttribute("kinds", FacilityKind.values());
		model.addAttribute("statuses", FacilityStatus.values());
		model.addAttribute("itemOptions", places.items(catalogue.items(), locale));
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("today", LocalDate.now(clock.withZone(zone.zone())).toString());
	}

	/** A number as the reader's language writes it, without grouping, so that it reads back the same. */
	static String plain(BigDecimal value, Locale locale) {
		String text = value.stripTrailingZeros().toPlainString();
		return "en".equals(locale.getLanguage()) ? text : text.replace('.', ',');
	}
}
