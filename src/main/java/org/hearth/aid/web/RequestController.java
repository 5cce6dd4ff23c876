package org.hearth.aid.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.aid.Catalogue;
import org.hearth.aid.Facilities;
import org.hearth.aid.RequestStatus;
import org.hearth.aid.Requests;
import org.hearth.aid.Shipments;
import org.hearth.aid.StockLedger;
import org.hearth.aid.web.RequestPages.Done;
import org.hearth.aid.web.RequestPages.Row;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
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
 * Requests of the facilities: the list by status and facility, a new request, and one request with its lines, its
 * approval rule, its history and the forms of what may happen next, dispatch included. A refused change comes back
 * on the same page beside its form, with everything typed still in the fields.
 */
@Controller
class RequestController {

	private final Requests requests;
	private final Shipments shipments;
	private final Facilities facilities;
	private final StockLedger ledger;
	private final Catalogue catalogue;
	private final Labels labels;
	private final Clock clock;
	private final DisplayZone zone;

	RequestController(Requests requests, Shipments shipments, Facilities facilities, StockLedger ledger,
			Catalogue catalogue, Labels labels, Clock clock, DisplayZone zone) {
		this.requests = requests;
		this.shipments = shipments;
		this.facilities = facilities;
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.labels = labels;
		this.clock = clock;
		this.zone = zone;
	}

	record RequestForm(String facility, String neededBy, String note, List<Row> rows) {
	}

	/** The text typed into one of the decision forms (approve, reject, cancel, close). */
	record Typed(String form, String text) {
	}

	record DispatchForm(String warehouse, String carrier, String vehicle, String dispatchedOn, List<Row> rows) {
	}

	record Listed(Requests.Request request, String facility) {
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/aid/requests")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String facility,
			Locale locale, Model model) {
		RequestStatus chosen = java.util.Arrays.stream(RequestStatus.values()).filter(s -> s.name().equals(status))
				.findFirst().orElse(null);
		UUID place = RequestPages.parseOrNull(facility);
		Map<UUID, Facilities.Facility> byId = new HashMap<>();
		facilities.facilities(null, null).forEach(f -> byId.put(f.id(), f));
		if (place != null && !byId.containsKey(place)) {
			place = null;
		}
		List<Listed> rows = new ArrayList<>();
		for (Requests.Request r : requests.requests(chosen, place, Requests.LIMIT)) {
			Facilities.Facility f = byId.get(r.facility());
			rows.add(new Listed(r, f == null ? r.facility().toString() : f.name()));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("facility", place == null ? "" : place.toString());
		model.addAttribute("facilities", labels.places(byId.values(), locale, false));
		model.addAttribute("limit", Requests.LIMIT);
		return "aid/requests";
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/aid/requests/new")
	String blank(@RequestParam(defaultValue = "") String facility, Locale locale, Model model) {
		return renderNew(new RequestForm(facility, "", "", RequestPages.emptyRows()), locale, model);
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/requests")
	String create(@RequestParam MultiValueMap<String, String> form, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var typed = new RequestForm(RequestPages.field(form, "facility"), RequestPages.field(form, "neededBy"),
				RequestPages.field(form, "note"), RequestPages.rows(form, RequestPages.ROWS));
		return RequestPages.change("request", model, redirect, response, () -> {
			UUID facility = Forms.uuid(typed.facility(), "aid.error.choose-facility");
			LocalDate neededBy = Forms.optionalDate(typed.neededBy());
			List<Requests.Line> lines = RequestPages.read(typed.rows(), catalogue, locale).lines().stream()
					.map(l -> new Requests.Line(l.item(), l.quantity())).toList();
			Requests.Request created = requests.create(CurrentUser.require(),
					new Requests.NewRequest(facility, neededBy, RequestPages.blankToNull(typed.note()), lines));
			return new Done("/aid/requests/" + created.id(), "aid.request.notice.created");
		}, () -> renderNew(typed, locale, model));
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/aid/requests/{id}")
	String show(@PathVariable UUID id, Locale locale, Model model) {
		return render(id, locale, model, null, null);
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/requests/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(defaultValue = "") String comment, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return decide(id, "approve", comment, locale, model, redirect, response, () -> {
			Requests.Request r = requests.approve(CurrentUser.require(), id, version, RequestPages.blankToNull(comment));
			return r.status() == RequestStatus.AWAITING_SECOND_APPROVAL ? "aid.request.notice.first-approval"
					: "aid.request.notice.approved";
		});
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/requests/{id}/reject")
	String reject(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(defaultValue = "") String reason, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return decide(id, "reject", reason, locale, model, redirect, response, () -> {
			requests.reject(CurrentUser.require(), id, version, reason);
			return "aid.request.notice.rejected";
		});
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/requests/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(defaultValue = "") String comment, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return decide(id, "cancel", comment, locale, model, redirect, response, () -> {
			requests.cancel(CurrentUser.require(), id, version, RequestPages.blankToNull(comment));
			return "aid.request.notice.cancelled";
		});
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/requests/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(defaultValue = "") String comment, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return decide(id, "close", comment, locale, model, redirect, response, () -> {
			requests.close(CurrentUser.require(), id, version, RequestPages.blankToNull(comment));
			return "aid.request.notice.closed";
		});
	}

	/**
	 * Dispatches from the request's page: one row per line still to be dispatched, each as much as typed (an empty
	 * row dispatches nothing of its item).
	 */
	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/requests/{id}/dispatch")
	String dispatch(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requests.request(id);
		int count = Math.min(Forms.wholeNumber(RequestPages.field(form, "rows").isBlank() ? "0"
				: RequestPages.field(form, "rows"), "aid.error.choose"), 100);
		var typed = new DispatchForm(RequestPages.field(form, "warehouse"), RequestPages.field(form, "carrier"),
				RequestPages.field(form, "vehicle"), RequestPages.field(form, "dispatchedOn"),
				RequestPages.rows(form, count));
		return RequestPages.change("dispatch", model, redirect, response, () -> {
			UUID warehouse = Forms.uuid(typed.warehouse(), "aid.error.choose-warehouse");
			LocalDate on = Forms.date(typed.dispatchedOn());
			// A row left empty dispatches nothing of its item; its item is a hidden field, so look at the quantity.
			List<Row> filled = typed.rows().stream().map(r -> r.quantity().isBlank() ? Row.EMPTY : r).toList();
			RequestPages.Lines lines = RequestPages.read(filled, catalogue, locale);
			Shipments.Shipment shipment;
			try {
				shipment = shipments.dispatch(CurrentUser.require(), id, new Shipments.NewShipment(warehouse,
						typed.carrier(), typed.vehicle(), on, lines.lines()));
			}
			catch (UserFacingException refused) {
				throw RequestPages.renumbered(refused, lines.rows());
			}
			return new Done("/aid/shipments/" + shipment.id(), "aid.shipment.notice.dispatched");
		}, () -> render(id, locale, model, null, typed));
	}

	private String decide(UUID id, String form, String text, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response, java.util.function.Supplier<String> change) {
		return RequestPages.change(form, model, redirect, response,
				() -> new Done("/aid/requests/" + id, change.get()),
				() -> render(id, locale, model, new Typed(form, text), null));
	}

	private String renderNew(RequestForm form, Locale locale, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("facilities", labels.places(facilities.facilities(null, null), locale, true));
		model.addAttribute("items", catalogue.items());
		model.addAttribute("today", today().toString());
		return "aid/requests-new";
	}

	private String render(UUID id, Locale locale, Model model, @Nullable Typed typed,
			@Nullable DispatchForm dispatch) {
		Requests.Request request = requests.request(id);
		Facilities.Facility facility = facilities.facility(request.facility());
		List<Requests.RequestLine> lines = requests.lines(id);
		List<Requests.RequestLine> dispatchable = request.status() == RequestStatus.APPROVED
				? lines.stream().filter(l -> l.remaining().signum() > 0).toList()
				: List.of();
		CurrentUser user = CurrentUser.require();
		model.addAttribute("request", request);
		model.addAttribute("facility", facility);
		model.addAttribute("settlement", labels.settlement(facility.settlement(), locale));
		model.addAttribute("lines", lines);
		model.addAttribute("items", labels.items());
		model.addAttribute("rule", requests.rule(id));
		model.addAttribute("history", requests.history(id));
		model.addAttribute("shipments", shipments.ofRequest(id));
		model.addAttribute("warehouses", ledger.warehouses());
		model.addAttribute("dispatchable", dispatchable);
		Map<String, java.math.BigDecimal> remaining = new HashMap<>();
		lines.forEach(l -> remaining.put(l.item(), l.remaining()));
		model.addAttribute("remaining", remaining);
		model.addAttribute("cancellable", !request.status().finished() && !requests.anythingDispatched(id));
		model.addAttribute("firstApprovalMine", user.uuid().equals(request.firstApprovedBy()));
		model.addAttribute("typed", typed != null ? typed : new Typed("", ""));
		model.addAttribute("dispatchForm", dispatch != null ? dispatch : new DispatchForm("", "", "",
				today().toString(), dispatchable.stream()
						.map(l -> new Row(l.item(), RequestPages.typed(l.remaining(), locale))).toList()));
		model.addAttribute("today", today().toString());
		return "aid/requests-detail";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}
}
