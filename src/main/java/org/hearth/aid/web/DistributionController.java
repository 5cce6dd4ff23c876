package org.hearth.aid.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.aid.Catalogue;
import org.hearth.aid.Distributions;
import org.hearth.aid.Distributions.HandOut;
import org.hearth.aid.Distributions.LineRefusal;
import org.hearth.aid.Distributions.Method;
import org.hearth.aid.Distributions.Round;
import org.hearth.aid.Distributions.Standing;
import org.hearth.aid.MeasureUnit;
import org.hearth.aid.Quantities;
import org.hearth.aid.StockLedger;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Distribution rounds as aid coordinators run them: the rounds and a form for a new one; a round's counts and its
 * handing-outs without names; its list to print and sign, and the signed sheet recorded afterwards; and the tablet,
 * where a household is found by name in any script and its handing-out recorded. Names are shown only on the printed
 * list and the tablet, and each household shown there is recorded in the access log. A refused change comes back on
 * the same page with status 422, the message beside its form and everything typed still in it.
 */
@Controller
@PreAuthorize("hasRole('AID_COORDINATOR')")
class DistributionController {

	/** The most handing-outs the round page lists; the counts cover all of them. */
	static final int DISTRIBUTIONS_SHOWN = 500;

	/** The longest query taken: a few names, not a list. */
	static final int QUERY_LIMIT = 200;

	private final Distributions distributions;
	private final Catalogue catalogue;
	private final StockLedger ledger;
	private final Gazetteer gazetteer;
	private final Registry registry;
	private final DisplayZone zone;
	private final Clock clock;

	DistributionController(Distributions distributions, Catalogue catalogue, StockLedger ledger, Gazetteer gazetteer,
			Registry registry, DisplayZone zone, Clock clock) {
		this.distributions = distributions;
		this.catalogue = catalogue;
		this.ledger = ledger;
		this.gazetteer = gazetteer;
		this.registry = registry;
		this.zone = zone;
		this.clock = clock;
	}

	/** The new-round form as typed. */
	record RoundForm(String name, String item, String warehouse, String settlement, String perHousehold,
			String perMember, String opensOn, String closesOn) {
	}

	/** The tablet's form as typed. */
	record TabletForm(String handedOn, boolean signed, String note) {
	}

	/** A settlement as a select shows it. */
	record Place(String id, String label) {
	}

	/** A round in the list of rounds, with what it has handed out. */
	record RoundRow(Round round, Distributions.Totals totals, String settlement, String item, MeasureUnit unit) {
	}

	/** A person found on the tablet, with where the household stands. */
	record Found(Registry.Person person, Standing standing) {
	}

	/** A line of the signed sheet as the form shows it: ticked or not, what was typed, and its refusal. */
	record SignedLine(Distributions.SheetLine line, boolean ticked, String date, String note, boolean needsNote,
			@Nullable LineRefusal refusal) {
	}

	// ----- Rounds

	@GetMapping("/aid/distributions")
	String rounds(Locale locale, Model model) {
		LocalDate today = today();
		return renderRounds(locale, model, new RoundForm("", "food-parcel", "", "", "1", "0", today.toString(),
				today.plusDays(14).toString()));
	}

	@PostMapping("/aid/distributions")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String warehouse, @RequestParam(defaultValue = "") String settlement,
			@RequestParam(defaultValue = "") String perHousehold, @RequestParam(defaultValue = "") String perMember,
			@RequestParam(defaultValue = "") String opensOn, @RequestParam(defaultValue = "") String closesOn,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var form = new RoundForm(name, item, warehouse, settlement, perHousehold, perMember, opensOn, closesOn);
		try {
			MeasureUnit unit = catalogue.require(item).unit();
			UUID chosen = Forms.uuid(warehouse, "aid.distribution.error.warehouse");
			Round round = distributions.create(CurrentUser.require(), new Distributions.NewRound(name, item, chosen,
					settlement, share(perHousehold, unit, locale), share(perMember, unit, locale),
					Forms.date(opensOn), Forms.date(closesOn)));
			notice(redirect, "aid.distribution.notice.created", round.name());
			return "redirect:/aid/distributions/" + round.id();
		}
		catch (UserFacingException refused) {
			return refused(refused, "round", model, response, () -> renderRounds(locale, model, form));
		}
	}

	/** A share of the entitlement: blank or zero is none; negative, another unit, a bad number are refused. */
	static BigDecimal share(String text, MeasureUnit unit, Locale locale) {
		if (text.isBlank()) {
			return BigDecimal.ZERO;
		}
		try {
			BigDecimal amount = Quantities.parseSigned(text, unit, locale);
			if (amount.signum() < 0) {
				throw new RuleViolationException("aid.error.quantity-negative");
			}
			return amount;
		}
		catch (RuleViolationException refused) {
			// A written zero is read like any quantity, and refused only as not positive: here it means none.
			if ("aid.error.quantity-positive".equals(refused.messageKey())) {
				return BigDecimal.ZERO;
			}
			throw refused;
		}
	}

	private String renderRounds(Locale locale, Model model, RoundForm form) {
		List<RoundRow> rows = distributions.rounds().stream()
				.map(r -> new RoundRow(r, distributions.totals(r.id()), place(r.settlement(), locale),
						catalogue.require(r.item()).name().in(locale), catalogue.require(r.item()).unit()))
				.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("form", form);
		model.addAttribute("items", catalogue.items());
		model.addAttribute("warehouses", ledger.warehouses());
		var collator = java.text.Collator.getInstance(locale);
		model.addAttribute("settlements", gazetteer.settlements().stream()
				.map(s -> new Place(s.id().id(), gazetteer.label(s.id(), locale)))
				.sorted(Comparator.comparing(Place::label, collator)).toList());
		return "aid/distributions";
	}

	// ----- One round

	@GetMapping("/aid/distributions/{id}")
	String round(@PathVariable UUID id, Locale locale, Model model) {
		return renderRound(distributions.round(id), locale, model);
	}

	@PostMapping("/aid/distributions/{id}/close")
	String close(@PathVariable UUID id, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Round round = distributions.round(id);
		try {
			distributions.close(CurrentUser.require(), id);
			notice(redirect, "aid.distribution.notice.closed", round.name());
			return "redirect:/aid/distributions/" + id;
		}
		catch (UserFacingException refused) {
			return refused(refused, "close", model, response, () -> renderRound(distributions.round(id), locale, model));
		}
	}

	private String renderRound(Round round, Locale locale, Model model) {
		roundModel(round, locale, model);
		model.addAttribute("totals", distributions.totals(round.id()));
		model.addAttribute("distributions", distributions.distributions(round.id(), DISTRIBUTIONS_SHOWN));
		model.addAttribute("shownLimit", DISTRIBUTIONS_SHOWN);
		model.addAttribute("onHand", ledger.onHand(round.warehouse(), round.item()));
		int households = registry.countHouseholds(round.settlement());
		model.addAttribute("households", households);
		model.addAttribute("sheets", Math.max(1, (households + Distributions.SHEET_SIZE - 1) / Distributions.SHEET_SIZE));
		return "aid/distribution-round";
	}

	private void roundModel(Round round, Locale locale, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("item", catalogue.require(round.item()));
		model.addAttribute("unit", catalogue.require(round.item()).unit());
		model.addAttribute("warehouse", ledger.warehouse(round.warehouse()));
		model.addAttribute("settlement", place(round.settlement(), locale));
		model.addAttribute("today", today().toString());
	}

	// ----- The printed list and the signed sheet

	@GetMapping("/aid/distributions/{id}/list")
	String list(@PathVariable UUID id, @RequestParam(defaultValue = "1") String sheet, Locale locale, Model model) {
		Round round = distributions.round(id);
		Distributions.Sheet shown = distributions.printSheet(CurrentUser.require(), id, sheetNumber(sheet));
		roundModel(round, locale, model);
		model.addAttribute("sheet", shown);
		model.addAttribute("printedAt", clock.instant());
		return "aid/distribution-list";
	}

	@GetMapping("/aid/distributions/{id}/signed")
	String signedForm(@PathVariable UUID id, @RequestParam(defaultValue = "1") String sheet, Locale locale,
			Model model) {
		Round round = distributions.round(id);
		int number = sheetNumber(sheet);
		return renderSigned(round, number, today().toString(), Set.of(), Map.of(), Map.of(), List.of(), locale, model);
	}

	@PostMapping("/aid/distributions/{id}/signed")
	String recordSigned(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Round round = distributions.round(id);
		int number = sheetNumber(first(form, "sheet", "1"));
		String handedOn = first(form, "handedOn", "");
		Set<String> ticked = new LinkedHashSet<>(form.getOrDefault("household", List.of()));
		Map<String, String> dates = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("date-") && !values.isEmpty()) {
				dates.put(name.substring(5), values.get(0));
			}
			if (name.startsWith("note-") && !values.isEmpty()) {
				notes.put(name.substring(5), values.get(0));
			}
		});
		List<LineRefusal> refusals = new ArrayList<>();
		List<HandOut> lines = new ArrayList<>();
		for (String household : ticked) {
			UUID chosen;
			try {
				chosen = UUID.fromString(household.strip());
			}
			catch (IllegalArgumentException malformed) {
				continue;
			}
			try {
				String written = dates.getOrDefault(household, "");
				LocalDate on = Forms.date(written.isBlank() ? handedOn : written);
				lines.add(new HandOut(chosen, on, Method.SIGNED_LIST, notes.get(household)));
			}
			catch (UserFacingException refused) {
				refusals.add(new LineRefusal(chosen, refused.messageKey(), List.of(refused.arguments())));
			}
		}
		try {
			if (lines.isEmpty() && refusals.isEmpty()) {
				throw new RuleViolationException("aid.distribution.error.none-ticked");
			}
			if (!refusals.isEmpty()) {
				// A date that cannot be read: report it together with what the other lines would meet.
				refusals.addAll(distributions.check(id, lines));
				throw new RuleViolationException("aid.distribution.error.lines-refused", refusals.size());
			}
			List<Distributions.Distribution> recorded = distributions.handOutAll(CurrentUser.require(), id, lines);
			notice(redirect, "aid.distribution.notice.signed-recorded", recorded.size());
			return "redirect:/aid/distributions/" + id + "/signed?sheet=" + number;
		}
		catch (Distributions.LinesRefused refused) {
			refusals.addAll(refused.lines());
			return refused(refused, "signed", model, response, () -> renderSigned(round, number, handedOn, ticked,
					dates, notes, refusals, locale, model));
		}
		catch (UserFacingException refused) {
			return refused(refused, "signed", model, response, () -> renderSigned(round, number, handedOn, ticked,
					dates, notes, refusals, locale, model));
		}
	}

	private String renderSigned(Round round, int number, String handedOn, Set<String> ticked,
			Map<String, String> dates, Map<String, String> notes, List<LineRefusal> refusals, Locale locale,
			Model model) {
		Distributions.Sheet sheet = distributions.sheet(round.id(), number);
		Map<UUID, LineRefusal> byHousehold = new LinkedHashMap<>();
		refusals.forEach(r -> byHousehold.putIfAbsent(r.household(), r));
		List<SignedLine> lines = new ArrayList<>();
		for (Distributions.SheetLine line : sheet.lines()) {
			String key = line.household().toString();
			LineRefusal refusal = byHousehold.get(line.household());
			boolean needsNote = line.standing().flagged() || notes.containsKey(key) || (refusal != null
					&& "aid.distribution.error.note-required".equals(refusal.messageKey()));
			lines.add(new SignedLine(line, ticked.contains(key), dates.getOrDefault(key, ""),
					notes.getOrDefault(key, ""), needsNote, refusal));
		}
		// A ticked household the sheet no longer shows (the registry changed since): reported, not lost.
		Set<UUID> onSheet = new LinkedHashSet<>(sheet.lines().stream().map(Distributions.SheetLine::household).toList());
		List<LineRefusal> elsewhere = refusals.stream().filter(r -> !onSheet.contains(r.household())).toList();
		List<String> tickedElsewhere = ticked.stream()
				.filter(t -> onSheet.stream().noneMatch(h -> h.toString().equals(t))).toList();
		roundModel(round, locale, model);
		model.addAttribute("sheet", sheet);
		model.addAttribute("lines", lines);
		model.addAttribute("handedOn", handedOn);
		model.addAttribute("elsewhere", elsewhere);
		model.addAttribute("tickedElsewhere", tickedElsewhere);
		return "aid/distribution-signed";
	}

	// ----- The tablet

	@GetMapping("/aid/distributions/{id}/tablet")
	String tablet(@PathVariable UUID id, @RequestParam(defaultValue = "") String q, Locale locale, Model model) {
		Round round = distributions.round(id);
		roundModel(round, locale, model);
		String query = q.strip();
		model.addAttribute("q", q);
		model.addAttribute("searched", !query.isEmpty());
		model.addAttribute("limit", Registry.SEARCH_LIMIT);
		List<Found> found = new ArrayList<>();
		if (!query.isEmpty()) {
			String bounded = query.length() > QUERY_LIMIT ? query.substring(0, QUERY_LIMIT) : query;
			Map<UUID, Standing> standings = new HashMap<>();
			for (Registry.Match match : registry.search(CurrentUser.require(), bounded, SearchPurpose.DISTRIBUTION,
					round.settlement())) {
				UUID household = match.person().household();
				found.add(new Found(match.person(),
						standings.computeIfAbsent(household, h -> distributions.standing(id, h))));
			}
		}
		model.addAttribute("found", found);
		return "aid/distribution-tablet";
	}

	@GetMapping("/aid/distributions/{id}/tablet/{household}")
	String household(@PathVariable UUID id, @PathVariable UUID household, Locale locale, Model model) {
		Round round = distributions.round(id);
		return renderHousehold(round, household, new TabletForm(today().toString(), false, ""), locale, model);
	}

	@PostMapping("/aid/distributions/{id}/tablet/{household}")
	String handOut(@PathVariable UUID id, @PathVariable UUID household,
			@RequestParam(defaultValue = "") String handedOn, @RequestParam(defaultValue = "false") boolean signed,
			@RequestParam(defaultValue = "") String note, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Round round = distributions.round(id);
		var form = new TabletForm(handedOn, signed, note);
		try {
			LocalDate on = Forms.date(handedOn);
			if (!signed) {
				throw new RuleViolationException("aid.distribution.error.not-signed");
			}
			Distributions.Distribution done = distributions.handOut(CurrentUser.require(), id,
					new HandOut(household, on, Method.TABLET, note));
			notice(redirect, "aid.distribution.notice.handed-out", Distributions.reference(done.household()),
					Quantities.amount(done.quantity(), catalogue.require(round.item()).unit()));
			return "redirect:/aid/distributions/" + id + "/tablet";
		}
		catch (UserFacingException refused) {
			return refused(refused, "hand-out", model, response,
					() -> renderHousehold(round, household, form, locale, model));
		}
	}

	private String renderHousehold(Round round, UUID household, TabletForm form, Locale locale, Model model) {
		Standing standing = distributions.standing(round.id(), household);
		Registry.Household shown = registry.findHousehold(CurrentUser.require(), standing.canonical(),
				SearchPurpose.DISTRIBUTION).orElseThrow(NotFoundException::new);
		roundModel(round, locale, model);
		model.addAttribute("standing", standing);
		model.addAttribute("members", shown.members());
		model.addAttribute("fromSettlement", round.settlement().equals(standing.origin()));
		model.addAttribute("form", form);
		return "aid/distribution-household";
	}

	// ----- Helpers

	/** A refusal: 404 stays a 404; anything else is the same page again, with the status of the refusal. */
	private static String refused(UserFacingException refused, String form, Model model, HttpServletResponse response,
			Supplier<String> rerender) {
		if (refused.status() == 404) {
			throw refused;
		}
		model.addAttribute("refusal", Refusal.of(form, refused));
		String page = rerender.get();
		response.setStatus(refused.status());
		return page;
	}

	private static void notice(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArgs", arguments);
	}

	private static int sheetNumber(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			throw new NotFoundException();
		}
	}

	private static String first(MultiValueMap<String, String> form, String name, String otherwise) {
		String value = form.getFirst(name);
		return value == null ? otherwise : value;
	}

	private String place(String settlement, Locale locale) {
		return gazetteer.find(settlement).map(s -> gazetteer.label(new SettlementId(settlement), locale))
				.orElse(settlement);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}
}
