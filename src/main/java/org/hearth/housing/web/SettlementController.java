package org.hearth.housing.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.hearth.housing.AreaStatus;
import org.hearth.housing.HousingStock;
import org.hearth.housing.HousingStock.Readiness;
import org.hearth.housing.HousingStock.SettlementSummary;
import org.hearth.housing.HousingProperties;
import org.hearth.housing.MineAction;
import org.hearth.housing.Offers;
import org.hearth.housing.Programme;
import org.hearth.housing.UnitStatus;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
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
 * The settlements: the dashboard of all of them, and one settlement's readiness, mine-action areas and units. Housing
 * officers change them; supervisors read. A refused change comes back as a message on the same page, with what was
 * typed still in the form.
 */
@Controller
@PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'SUPERVISOR')")
class SettlementController {

	/** The services whose presence the dashboard and the readiness form show, in that order. */
	static final List<String> SERVICES = List.of("water", "electricity", "gas", "school", "clinic");

	/** How many waiting households the manual offer form considers. */
	static final int WAITING_SHOWN = 50;

	private final HousingStock stock;
	private final MineAction mineAction;
	private final Programme programme;
	private final Offers offers;
	private final Places places;
	private final HousingProperties policy;
	private final Clock clock;
	private final DisplayZone zone;

	SettlementController(HousingStock stock, MineAction mineAction, Programme programme, Offers offers,
			Places places, HousingProperties policy, Clock clock, DisplayZone zone) {
		this.stock = stock;
		this.mineAction = mineAction;
		this.programme = programme;
		this.offers = offers;
		this.places = places;
		this.policy = policy;
		this.clock = clock;
		this.zone = zone;
	}

	record Service(String name, boolean available) {
	}

	record DashboardRow(String settlement, String label, SettlementSummary summary, List<Service> services) {
	}

	record ReadinessForm(String construction, boolean water, boolean electricity, boolean gas, boolean school,
			boolean clinic) {

		static ReadinessForm of(Readiness readiness) {
			return new ReadinessForm(String.valueOf(readiness.constructionPercent()), readiness.water(),
					readiness.electricity(), readiness.gas(), readiness.school(), readiness.clinic());
		}
	}

	record AreaForm(String area, String reference, String sector, String status, String certificate,
			String releasedOn) {

		static final AreaForm EMPTY = new AreaForm("", "", "", "", "", "");
	}

	record UnitForm(String area, String address, String rooms, String floorArea, boolean stepFree) {

		static final UnitForm EMPTY = new UnitForm("", "", "", "", false);
	}

	@GetMapping("/housing")
	String dashboard(Locale locale, Model model) {
		List<DashboardRow> rows = stock.summaries().stream()
				.map(s -> new DashboardRow(s.settlement(), places.label(s.settlement(), locale), s,
						services(s.readiness())))
				.sorted(java.util.Comparator.comparing(DashboardRow::label, java.text.Collator.getInstance(locale)))
				.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("unitStatuses", UnitStatus.values());
		return "housing/dashboard";
	}

	@GetMapping("/housing/settlements/{id}")
	String settlement(@PathVariable String id, Locale locale, Model model) {
		requireKnown(id);
		return render(id, locale, model, null, null, null);
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/settlements/{id}/readiness")
	String readiness(@PathVariable String id, @RequestParam(defaultValue = "") String construction,
			@RequestParam(defaultValue = "false") boolean water,
			@RequestParam(defaultValue = "false") boolean electricity, @RequestParam(defaultValue = "false") boolean gas,
			@RequestParam(defaultValue = "false") boolean school, @RequestParam(defaultValue = "false") boolean clinic,
			Locale locale, Model model, RedirectAttributes redirect) {
		requireKnown(id);
		var form = new ReadinessForm(construction.strip(), water, electricity, gas, school, clinic);
		return change(id, "readiness", locale, model, redirect, () -> {
			int percent = parseInt(form.construction(), "housing.error.percent");
			stock.setReadiness(CurrentUser.require(),
					new Readiness(id, percent, water, electricity, gas, school, clinic, null));
			return notice("housing.settlement.notice.readiness");
		}, () -> render(id, locale, model, form, null, null));
	}

	/**
	 * Records the status of an existing area of the settlement, or of a new one. When a released area stops being
	 * released, the domain suspends the offers of its units; the notice says how many.
	 */
	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/settlements/{id}/areas")
	String area(@PathVariable String id, @RequestParam(defaultValue = "") String area,
			@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String sector,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String certificate,
			@RequestParam(defaultValue = "") String releasedOn, Locale locale, Model model,
			RedirectAttributes redirect) {
		requireKnown(id);
		var form = new AreaForm(area, reference, sector, status, certificate, releasedOn);
		return change(id, "area", locale, model, redirect, () -> {
			String ref = reference.strip();
			String sec = sector.strip();
			if (!area.isBlank()) {
				MineAction.Area existing = mineAction.area(parseUuid(area, "housing.area.error.area"));
				if (!existing.settlement().equals(id)) {
					throw new RuleViolationException("housing.error.area-elsewhere");
				}
				ref = existing.reference();
				sec = existing.sector();
			}
			else {
				var taken = mineAction.byReference(ref);
				if (taken.isPresent()) {
					throw taken.get().settlement().equals(id)
							? new RuleViolationException("housing.area.error.reference-taken", ref)
							: new RuleViolationException("housing.error.area-elsewhere");
				}
			}
			AreaStatus chosen = parseEnum(AreaStatus.class, status, "housing.area.error.status");
			LocalDate date = parseDate(releasedOn);
			MineAction.Recorded recorded = mineAction.record(CurrentUser.require(), new MineAction.AreaRecord(ref, id,
					sec, chosen, certificate.isBlank() ? null : certificate.strip(), date), "staff");
			if (!recorded.changed()) {
				return notice("housing.area.notice.unchanged", ref);
			}
			if (recorded.suspendedOffers() > 0) {
				return notice("housing.area.notice.suspended", ref, recorded.suspendedOffers());
			}
			return notice("housing.area.notice.recorded", ref);
		}, () -> render(id, locale, model, null, form, null));
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/settlements/{id}/units")
	String addUnit(@PathVariable String id, @RequestParam(defaultValue = "") String area,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String rooms,
			@RequestParam(defaultValue = "") String floorArea, @RequestParam(defaultValue = "false") boolean stepFree,
			Locale locale, Model model, RedirectAttributes redirect) {
		requireKnown(id);
		var form = new UnitForm(area, address, rooms, floorArea, stepFree);
		return change(id, "unit", locale, model, redirect, () -> {
			UUID areaId = parseUuid(area, "housing.unit.error.area");
			int count = parseInt(rooms.strip(), "housing.error.rooms");
			BigDecimal size;
			try {
				size = new BigDecimal(floorArea.strip().replace(',', '.'));
			}
			catch (NumberFormatException e) {
				throw new RuleViolationException("housing.error.floor-area");
			}
			stock.addUnit(CurrentUser.require(), new HousingStock.NewUnit(id, areaId, address, count, size, stepFree));
			return notice("housing.unit.notice.added", address.strip());
		}, () -> render(id, locale, model, null, null, form));
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/units/{unit}/status")
	String unitStatus(@PathVariable UUID unit, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "-1") long version, Locale locale, Model model, RedirectAttributes redirect) {
		String settlement = stock.unit(unit).settlement();
		return change(settlement, "units", locale, model, redirect, () -> {
			UnitStatus next = parseEnum(UnitStatus.class, status, "housing.error.unit-transition");
			HousingStock.Unit changed = stock.setStatus(CurrentUser.require(), unit, next, version);
			return notice("housing.unit.notice.status", changed.address());
		}, () -> render(settlement, locale, model, null, null, null));
	}

	/** A housing officer offers a ready unit by hand to a waiting household that prefers its settlement. */
	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/units/{unit}/offer")
	String offer(@PathVariable UUID unit, @RequestParam(defaultValue = "") String household, Locale locale,
			Model model, RedirectAttributes redirect) {
		String settlement = stock.unit(unit).settlement();
		return change(settlement, "units", locale, model, redirect, () -> {
			UUID chosen = parseUuid(household, "housing.unit.error.household");
			offers.offer(CurrentUser.require(), unit, chosen);
			return notice("housing.unit.notice.offered", stock.unit(unit).address());
		}, () -> render(settlement, locale, model, null, null, null));
	}

	/** The notice to show after a change, with its arguments. */
	private record Notice(String key, Object[] arguments) {
	}

	private static Notice notice(String key, Object... arguments) {
		return new Notice(key, arguments);
	}

	/**
	 * Runs a change: on success back to the settlement with a notice; on a refusal the page again, with the message
	 * beside the form and the form as typed.
	 */
	private String change(String settlement, String form, Locale locale, Model model, RedirectAttributes redirect,
			Supplier<Notice> change, Supplier<String> rerender) {
		try {
			Notice done = change.get();
			redirect.addFlashAttribute("notice", done.key());
			redirect.addFlashAttribute("noticeArgs", done.arguments());
			return "redirect:/housing/settlements/" + settlement + "#" + form;
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			model.addAttribute("refusal", Refusal.of(form, refused));
			return rerender.get();
		}
	}

	private String render(String id, Locale locale, Model model, @Nullable ReadinessForm readiness,
			@Nullable AreaForm area, @Nullable UnitForm unit) {
		CurrentUser user = CurrentUser.require();
		List<MineAction.Area> areas = mineAction.areas(id);
		Map<UUID, MineAction.Area> areasById = new HashMap<>();
		Map<UUID, List<MineAction.HistoryEntry>> history = new HashMap<>();
		for (MineAction.Area a : areas) {
			areasById.put(a.id(), a);
			history.put(a.id(), mineAction.history(a.id()));
		}
		model.addAttribute("settlement", id);
		model.addAttribute("label", places.label(id, locale));
		model.addAttribute("summary", stock.summary(id));
		Readiness current = stock.readiness(id);
		model.addAttribute("readiness", current);
		model.addAttribute("services", services(current));
		model.addAttribute("areas", areas);
		model.addAttribute("areasById", areasById);
		model.addAttribute("history", history);
		List<HousingStock.Unit> units = stock.units(id);
		List<Programme.Household> waiting = programme.waiting(id, WAITING_SHOWN);
		model.addAttribute("units", units);
		model.addAttribute("waiting", waiting);
		model.addAttribute("offerable", offerable(units, areasById, waiting));
		model.addAttribute("areaStatuses", AreaStatus.values());
		model.addAttribute("unitStatuses", UnitStatus.values());
		model.addAttribute("canChange", user.has(Role.HOUSING_OFFICER));
		model.addAttribute("today", LocalDate.now(clock.withZone(zone.zone())).toString());
		model.addAttribute("readinessForm", readiness != null ? readiness : ReadinessForm.of(current));
		model.addAttribute("areaForm", area != null ? area : AreaForm.EMPTY);
		model.addAttribute("unitForm", unit != null ? unit : UnitForm.EMPTY);
		return "housing/settlement";
	}

	/**
	 * For each ready unit in a released area, the waiting households it could be offered to by hand: those the
	 * unit's size fits under the published rules, step-free where they need it.
	 */
	private Map<UUID, List<Programme.Household>> offerable(List<HousingStock.Unit> units,
			Map<UUID, MineAction.Area> areas, List<Programme.Household> waiting) {
		Map<UUID, List<Programme.Household>> offerable = new HashMap<>();
		for (HousingStock.Unit u : units) {
			MineAction.Area area = areas.get(u.area());
			if (u.status() == UnitStatus.READY && area != null && area.released()) {
				offerable.put(u.id(), waiting.stream()
						.filter(h -> policy.rules().fits(h.size(), u.rooms()) && (u.stepFree() || !h.needsStepFree()))
						.toList());
			}
		}
		return offerable;
	}

	private void requireKnown(String id) {
		if (!places.known(id)) {
			throw new NotFoundException();
		}
	}

	private static List<Service> services(Readiness r) {
		boolean[] present = { r.water(), r.electricity(), r.gas(), r.school(), r.clinic() };
		return java.util.stream.IntStream.range(0, SERVICES.size())
				.mapToObj(i -> new Service(SERVICES.get(i), present[i])).toList();
	}

	static int parseInt(String value, String messageKey) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException(messageKey);
		}
	}

	static UUID parseUuid(String value, String messageKey) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException(messageKey);
		}
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String messageKey) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
				.orElseThrow(() -> new RuleViolationException(messageKey));
	}

	/** A date as an input of type date sends it; blank is none. */
	static @Nullable LocalDate parseDate(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new RuleViolationException("housing.import.date", value);
		}
	}
}
