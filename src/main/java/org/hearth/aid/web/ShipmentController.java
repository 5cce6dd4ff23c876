package org.hearth.aid.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.hearth.aid.ShipmentStatus;
import org.hearth.aid.Shipments;
import org.hearth.aid.StockLedger;
import org.hearth.aid.web.RequestPages.Done;
import org.hearth.aid.web.RequestPages.Row;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.Csv;
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
 * Shipments: the list with those in transit first, a dispatch without a request (an emergency), one shipment with
 * the form of its receipt (the proof of delivery), and the export of deliveries as CSV, which observers may read
 * too: it names no one.
 */
@Controller
class ShipmentController {

	/** The export's columns, in order: the header row, and what {@link #row} writes. */
	static final List<String> COLUMNS = List.of("shipment_id", "dispatched_on", "received_on", "warehouse_code",
			"facility_id", "facility_name", "facility_kind", "settlement_id", "item_code", "category", "unit",
			"dispatched", "received", "discrepancy");

	private final Shipments shipments;
	private final Facilities facilities;
	private final StockLedger ledger;
	private final Catalogue catalogue;
	private final Labels labels;
	private final Clock clock;
	private final DisplayZone zone;

	ShipmentController(Shipments shipments, Facilities facilities, StockLedger ledger, Catalogue catalogue,
			Labels labels, Clock clock, DisplayZone zone) {
		this.shipments = shipments;
		this.facilities = facilities;
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.labels = labels;
		this.clock = clock;
		this.zone = zone;
	}

	record ShipmentForm(String facility, String warehouse, String carrier, String vehicle, String dispatchedOn,
			List<Row> rows) {
	}

	/** A line of the receipt form as typed: what arrived, and why it differs. */
	record ReceivedRow(String item, String received, String discrepancy) {
	}

	record ReceiptForm(String receivedOn, String signedBy, List<ReceivedRow> rows) {
	}

	record Listed(Shipments.Shipment shipment, String facility, String warehouse) {
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/aid/shipments")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String facility,
			Locale locale, Model model) {
		ShipmentStatus chosen = java.util.Arrays.stream(ShipmentStatus.values()).filter(s -> s.name().equals(status))
				.findFirst().orElse(null);
		Map<UUID, Facilities.Facility> byId = new HashMap<>();
		facilities.facilities(null, null).forEach(f -> byId.put(f.id(), f));
		UUID place = RequestPages.parseOrNull(facility);
		if (place != null && !byId.containsKey(place)) {
			place = null;
		}
		Map<UUID, String> warehouses = new HashMap<>();
		ledger.warehouses().forEach(w -> warehouses.put(w.id(), w.code()));
		List<Listed> rows = new ArrayList<>();
		for (Shipments.Shipment s : shipments.shipments(chosen, place, Shipments.LIMIT)) {
			Facilities.Facility f = byId.get(s.facility());
			rows.add(new Listed(s, f == null ? s.facility().toString() : f.name(),
					warehouses.getOrDefault(s.warehouse(), "")));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("statuses", ShipmentStatus.values());
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("facility", place == null ? "" : place.toString());
		model.addAttribute("facilities", labels.places(byId.values(), locale, false));
		model.addAttribute("limit", Shipments.LIMIT);
		model.addAttribute("today", today().toString());
		return "aid/shipments";
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/aid/shipments/new")
	String blank(@RequestParam(defaultValue = "") String facility, Locale locale, Model model) {
		return renderNew(new ShipmentForm(facility, "", "", "", today().toString(), RequestPages.emptyRows()), locale,
				model);
	}

	/** A dispatch without a request, as in an emergency: still to a facility, still limited by the stock. */
	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/shipments")
	String dispatch(@RequestParam MultiValueMap<String, String> form, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var typed = new ShipmentForm(RequestPages.field(form, "facility"), RequestPages.field(form, "warehouse"),
				RequestPages.field(form, "carrier"), RequestPages.field(form, "vehicle"),
				RequestPages.field(form, "dispatchedOn"), RequestPages.rows(form, RequestPages.ROWS));
		return RequestPages.change("shipment", model, redirect, response, () -> {
			UUID facility = Forms.uuid(typed.facility(), "aid.error.choose-facility");
			UUID warehouse = Forms.uuid(typed.warehouse(), "aid.error.choose-warehouse");
			LocalDate on = Forms.date(typed.dispatchedOn());
			RequestPages.Lines lines = RequestPages.read(typed.rows(), catalogue, locale);
			Shipments.Shipment shipment;
			try {
				shipment = shipments.dispatchWithoutRequest(CurrentUser.require(), facility,
						new Shipments.NewShipment(warehouse, typed.carrier(), typed.vehicle(), on, lines.lines()));
			}
			catch (UserFacingException refused) {
				throw RequestPages.renumbered(refused, lines.rows());
			}
			return new Done("/aid/shipments/" + shipment.id(), "aid.shipment.notice.dispatched");
		}, () -> renderNew(typed, locale, model));
	}

	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/aid/shipments/{id}")
	String show(@PathVariable UUID id, Locale locale, Model model) {
		return render(id, locale, model, null);
	}

	/** The facility's confirmation of what arrived, as written on the delivery note it signed. */
	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/aid/shipments/{id}/receipt")
	String receive(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<Shipments.ShipmentLine> shipped = shipments.lines(id);
		List<ReceivedRow> rows = new ArrayList<>();
		for (int i = 0; i < shipped.size(); i++) {
			rows.add(new ReceivedRow(shipped.get(i).item(), RequestPages.field(form, "received" + i),
					RequestPages.field(form, "discrepancy" + i)));
		}
		var typed = new ReceiptForm(RequestPages.field(form, "receivedOn"), RequestPages.field(form, "signedBy"), rows);
		return RequestPages.change("receipt", model, redirect, response, () -> {
			LocalDate on = Forms.date(typed.receivedOn());
			List<Shipments.Received> received = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				ReceivedRow row = rows.get(i);
				try {
					received.add(new Shipments.Received(row.item(),
							RequestPages.received(catalogue, row.item(), row.received(), locale),
							RequestPages.blankToNull(row.discrepancy())));
				}
				catch (UserFacingException refused) {
					throw RequestPages.onRow(refused, i + 1);
				}
			}
			shipments.receive(CurrentUser.require(), id, new Shipments.Receipt(on, typed.signedBy(), received));
			return new Done("/aid/shipments/" + id, "aid.shipment.notice.received");
		}, () -> render(id, locale, model, typed));
	}

	/**
	 * Every received line of the shipments received from {@code from} to {@code to} (both optional, inclusive), one
	 * row each, written as the database returns them. No names: neither who signed nor who drove.
	 */
	@PreAuthorize("hasAnyRole('AID_COORDINATOR', 'OBSERVER')")
	@GetMapping("/aid/deliveries.csv")
	void deliveries(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			HttpServletResponse response) throws IOException {
		LocalDate start = Forms.optionalDate(from);
		LocalDate end = Forms.optionalDate(to);
		if (start != null && end != null && end.isBefore(start)) {
			throw new RuleViolationException("aid.error.dates-out-of-order");
		}
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"deliveries"
				+ (start == null ? "" : "-from-" + start) + (end == null ? "" : "-to-" + end) + ".csv\"");
		Writer out = response.getWriter();
		out.write(String.join(",", COLUMNS));
		out.write("\r\n");
		try {
			shipments.deliveries(start, end, delivery -> {
				try {
					out.write(row(delivery));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		out.flush();
	}

	/** One delivery as a CSV row (Csv.line: quoting, and text a spreadsheet would run as a formula defused). */
	static String row(Shipments.Delivery d) {
		return Csv.line(List.of(d.shipment().toString(), d.dispatchedOn().toString(), d.receivedOn().toString(),
				d.warehouseCode(), d.facility().toString(), d.facilityName(), d.facilityKind().name(), d.settlement(),
				d.item(), d.category().name(), d.unit().name(), plain(d.dispatched()), plain(d.received()),
				d.discrepancy() ? "yes" : "no"));
	}

	private static String plain(BigDecimal quantity) {
		BigDecimal stripped = quantity.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

	private String renderNew(ShipmentForm form, Locale locale, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("facilities", labels.places(facilities.facilities(null, null), locale, true));
		model.addAttribute("warehouses", ledger.warehouses());
		model.addAttribute("items", catalogue.items());
		model.addAttribute("today", today().toString());
		return "aid/shipments-new";
	}

	private String render(UUID id, Locale locale, Model model, @Nullable ReceiptForm receipt) {
		Shipments.Shipment shipment = shipments.shipment(id);
		Facilities.Facility facility = facilities.facility(shipment.facility());
		List<Shipments.ShipmentLine> lines = shipments.lines(id);
		model.addAttribute("shipment", shipment);
		model.addAttribute("facility", facility);
		model.addAttribute("settlement", labels.settlement(facility.settlement(), locale));
		model.addAttribute("warehouse", ledger.warehouse(shipment.warehouse()));
		model.addAttribute("lines", lines);
		model.addAttribute("items", labels.items());
		model.addAttribute("receiptForm", receipt != null ? receipt : new ReceiptForm(today().toString(), "",
				lines.stream().map(l -> new ReceivedRow(l.item(), RequestPages.typed(l.dispatched(), locale), ""))
						.toList()));
		model.addAttribute("today", today().toString());
		return "aid/shipments-detail";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}
}
