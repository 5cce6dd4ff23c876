package org.hearth.housing.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.hearth.housing.HousingStock;
import org.hearth.housing.OfferStatus;
import org.hearth.housing.Offers;
import org.hearth.housing.Rounds;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Offers from the offer to the keys: filtered by status and settlement, each with its history. Housing officers
 * reinstate a suspended offer and record the handover of the keys and the moving in.
 */
@Controller
@PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'SUPERVISOR')")
class OfferController {

	/** The most offers the page lists; a filter narrows them down. */
	static final int LIMIT = 200;

	private final Offers offers;
	private final Rounds rounds;
	private final HousingStock stock;
	private final Places places;
	private final Clock clock;
	private final DisplayZone zone;

	OfferController(Offers offers, Rounds rounds, HousingStock stock, Places places, Clock clock, DisplayZone zone) {
		this.offers = offers;
		this.rounds = rounds;
		this.stock = stock;
		this.places = places;
		this.clock = clock;
		this.zone = zone;
	}

	record Row(Offers.Tracked tracked, @Nullable Integer round, String settlement, List<Event> history) {
	}

	/**
	 * An entry of an offer's history as the page tells it.
	 *
	 * @param label message key of what happened
	 * @param detail message key of why: the area's status for a suspension, the reason for a refusal
	 * @param date the date recorded with a handover or a move
	 * @param role message key of the role that acted
	 */
	record Event(String label, @Nullable String detail, @Nullable LocalDate date, String role, Instant at) {
	}

	/** A date typed into an offer's form, kept when the form is refused. */
	record Typed(String offer, String date) {
	}

	@GetMapping("/housing/offers")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String settlement,
			Locale locale, Model model) {
		return render(status, settlement, locale, model, null, null);
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/offers/{id}/reinstate")
	String reinstate(@PathVariable UUID id, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String settlement, Locale locale, Model model,
			RedirectAttributes redirect) {
		return change(id, status, settlement, "", locale, model, redirect, () -> {
			offers.reinstate(CurrentUser.require(), id);
			return "housing.offers.notice.reinstated";
		});
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/offers/{id}/keys")
	String keys(@PathVariable UUID id, @RequestParam(defaultValue = "") String on,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String settlement,
			Locale locale, Model model, RedirectAttributes redirect) {
		return change(id, status, settlement, on, locale, model, redirect, () -> {
			offers.handOver(CurrentUser.require(), id, requireDate(on, "housing.error.handover-date"));
			return "housing.offers.notice.keys";
		});
	}

	@PreAuthorize("hasRole('HOUSING_OFFICER')")
	@PostMapping("/housing/offers/{id}/moved-in")
	String movedIn(@PathVariable UUID id, @RequestParam(defaultValue = "") String on,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String settlement,
			Locale locale, Model model, RedirectAttributes redirect) {
		return change(id, status, settlement, on, locale, model, redirect, () -> {
			offers.movedIn(CurrentUser.require(), id, requireDate(on, "housing.error.moved-in-date"));
			return "housing.offers.notice.moved-in";
		});
	}

	private String change(UUID id, String status, String settlement, String typed, Locale locale, Model model,
			RedirectAttributes redirect, Supplier<String> change) {
		try {
			String notice = change.get();
			redirect.addFlashAttribute("notice", notice);
			redirect.addFlashAttribute("noticeArgs", new Object[0]);
			return "redirect:" + UriComponentsBuilder.fromPath("/housing/offers")
					.queryParamIfPresent("status", java.util.Optional.of(status).filter(s -> !s.isBlank()))
					.queryParamIfPresent("settlement", java.util.Optional.of(settlement).filter(s -> !s.isBlank()))
					.fragment("offer-" + id).encode().build().toUriString();
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			return render(status, settlement, locale, model, Refusal.of("offer-" + id, refused),
					new Typed(id.toString(), typed));
		}
	}

	private String render(String status, String settlement, Locale locale, Model model, @Nullable Refusal refusal,
			@Nullable Typed typed) {
		OfferStatus chosen = null;
		try {
			chosen = status.isBlank() ? null : OfferStatus.valueOf(status);
		}
		catch (IllegalArgumentException unknown) {
			chosen = null;
		}
		String place = places.known(settlement) ? settlement : null;
		Map<UUID, Integer> roundNumbers = new HashMap<>();
		rounds.rounds().forEach(r -> roundNumbers.put(r.id(), r.number()));
		List<Row> rows = offers.tracking(chosen, place, LIMIT).stream()
				.map(t -> new Row(t, t.offer().round() == null ? null : roundNumbers.get(t.offer().round()),
						places.label(t.unit().settlement(), locale), events(offers.history(t.offer().id()))))
				.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("statuses", OfferStatus.values());
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("settlement", place == null ? "" : place);
		model.addAttribute("settlements", places.options(stock.summaries().stream()
				.map(HousingStock.SettlementSummary::settlement).toList(), locale));
		model.addAttribute("limit", LIMIT);
		model.addAttribute("refusal", refusal);
		model.addAttribute("typed", typed);
		model.addAttribute("today", LocalDate.now(clock.withZone(zone.zone())).toString());
		model.addAttribute("canChange", CurrentUser.require().has(Role.HOUSING_OFFICER));
		return "housing/offers";
	}

	/** The history in words: the second HANDED_OVER entry of an offer is the moving in. */
	static List<Event> events(List<Offers.HistoryEntry> history) {
		List<Event> events = new java.util.ArrayList<>();
		boolean handedOver = false;
		for (Offers.HistoryEntry e : history) {
			String label = e.status() == OfferStatus.OPEN ? "housing.offers.status-open"
					: "housing.offer-status." + e.status().name();
			String detail = null;
			LocalDate date = null;
			if (e.status() == OfferStatus.HANDED_OVER) {
				label = handedOver ? "housing.offers.event.moved-in" : label;
				handedOver = true;
				date = e.note() == null ? null : LocalDate.parse(e.note());
			}
			else {
				handedOver = false;
				if (e.status() == OfferStatus.SUSPENDED && e.note() != null) {
					detail = "housing.area-status." + e.note();
				}
				else if (e.status() == OfferStatus.DECLINED && e.note() != null) {
					detail = "housing.decline-reason." + e.note();
				}
			}
			String role = "SYSTEM".equals(e.role()) ? "housing.offers.role-system" : "identity.role." + e.role();
			events.add(new Event(label, detail, date, role, e.at()));
		}
		return events;
	}

	private static LocalDate requireDate(String value, String messageKey) {
		LocalDate date = SettlementController.parseDate(value);
		if (date == null) {
			throw new RuleViolationException(messageKey);
		}
		return date;
	}
}
