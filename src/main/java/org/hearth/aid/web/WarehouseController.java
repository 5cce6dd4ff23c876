package org.hearth.aid.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.aid.Catalogue;
import org.hearth.aid.Overview;
import org.hearth.aid.Quantities;
import org.hearth.aid.StockLedger;
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
 * Warehouses and their ledger: stock on hand, the latest movements, and the forms that add movements — goods
 * received, transferred, counted (an adjustment, or the correction of an earlier movement) and lost. Nothing in
 * the ledger is ever edited; a refused movement comes back beside its form with what was typed.
 */
@Controller
@PreAuthorize("hasRole('AID_COORDINATOR')")
class WarehouseController {

	static final int MOVEMENTS_SHOWN = 30;

	private final StockLedger ledger;
	private final Catalogue catalogue;
	private final Overview overview;
	private final Labels places;
	private final DisplayZone zone;
	private final Clock clock;

	WarehouseController(StockLedger ledger, Catalogue catalogue, Overview overview, Labels places, DisplayZone zone,
			Clock clock) {
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.overview = overview;
		this.places = places;
		this.zone = zone;
		this.clock = clock;
	}

	record WarehouseForm(String code, String name, String settlement) {

		static final WarehouseForm EMPTY = new WarehouseForm("", "", "");
	}

	/** One form for every kind of movement; the fields a kind does not use stay empty. */
	record MovementForm(String item, String quantity, String on, String source, String to, String reason,
			String corrects) {
	}

	@GetMapping("/aid/warehouses")
	String list(Locale locale, Model model) {
		return renderList(locale, model, WarehouseForm.EMPTY);
	}

	@PostMapping("/aid/warehouses")
	String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String settlement, Locale locale, Model model,
			RedirectAttributes redirect) {
		WarehouseForm form = new WarehouseForm(code, name, settlement);
		return Forms.change("warehouse", model, redirect, "/aid/warehouses", () -> {
			StockLedger.Warehouse added = ledger.addWarehouse(CurrentUser.require(), code, name, settlement);
			return Forms.Notice.of("aid.warehouse.notice.added", added.code());
		}, () -> renderList(locale, model, form));
	}

	@GetMapping("/aid/warehouses/{id}")
	String warehouse(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long before, Locale locale,
			Model model) {
		return render(id, before, locale, model, null, null);
	}

	@PostMapping("/aid/warehouses/{id}/receipts")
	String receive(@PathVariable UUID id, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String on,
			@RequestParam(defaultValue = "") String source, Locale locale, Model model, RedirectAttributes redirect) {
		ledger.warehouse(id);
		MovementForm form = new MovementForm(item, quantity, on, source, "", "", "");
		return Forms.change("receipt", model, redirect, "/aid/warehouses/" + id, () -> {
			Catalogue.Item chosen = catalogue.require(item);
			BigDecimal amount = Quantities.parse(quantity, chosen.unit(), locale);
			ledger.receive(CurrentUser.require(), id, chosen.code(), amount, source, Forms.date(on));
			return Forms.Notice.of("aid.warehouse.notice.received", Quantities.amount(amount, chosen.unit()),
					chosen.name().in(locale));
		}, () -> render(id, null, locale, model, "receipt", form));
	}

	@PostMapping("/aid/warehouses/{id}/transfers")
	String transfer(@PathVariable UUID id, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String on,
			@RequestParam(defaultValue = "") String to, Locale locale, Model model, RedirectAttributes redirect) {
		ledger.warehouse(id);
		MovementForm form = new MovementForm(item, quantity, on, "", to, "", "");
		return Forms.change("transfer", model, redirect, "/aid/warehouses/" + id, () -> {
			Catalogue.Item chosen = catalogue.require(item);
			BigDecimal amount = Quantities.parse(quantity, chosen.unit(), locale);
			UUID target = Forms.uuid(to, "aid.error.choose-warehouse");
			ledger.transfer(CurrentUser.require(), id, target, chosen.code(), amount, Forms.date(on));
			return Forms.Notice.of("aid.warehouse.notice.transferred", Quantities.amount(amount, chosen.unit()),
					chosen.name().in(locale), ledger.warehouse(target).name());
		}, () -> render(id, null, locale, model, "transfer", form));
	}

	@PostMapping("/aid/warehouses/{id}/adjustments")
	String adjust(@PathVariable UUID id, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String on,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String corrects,
			Locale locale, Model model, RedirectAttributes redirect) {
		ledger.warehouse(id);
		MovementForm form = new MovementForm(item, quantity, on, "", "", reason, corrects);
		return Forms.change("adjustment", model, redirect, "/aid/warehouses/" + id, () -> {
			Catalogue.Item chosen = catalogue.require(item);
			BigDecimal delta = Quantities.parseSigned(quantity, chosen.unit(), locale);
			Long corrected = corrects.isBlank() ? null
					: (long) Forms.wholeNumber(corrects.strip().replaceFirst("^#", ""), "aid.error.corrects-unknown");
			ledger.adjust(CurrentUser.require(), id, chosen.code(), delta, reason, corrected, Forms.date(on));
			return Forms.Notice.of("aid.warehouse.notice.adjusted", chosen.name().in(locale));
		}, () -> render(id, null, locale, model, "adjustment", form));
	}

	@PostMapping("/aid/warehouses/{id}/losses")
	String loss(@PathVariable UUID id, @RequestParam(defaultValue = "") String item,
			@RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String on,
			@RequestParam(defaultValue = "") String reason, Locale locale, Model model, RedirectAttributes redirect) {
		ledger.warehouse(id);
		MovementForm form = new MovementForm(item, quantity, on, "", "", reason, "");
		return Forms.change("loss", model, redirect, "/aid/warehouses/" + id, () -> {
			Catalogue.Item chosen = catalogue.require(item);
			BigDecimal amount = Quantities.parse(quantity, chosen.unit(), locale);
			ledger.loss(CurrentUser.require(), id, chosen.code(), amount, reason, Forms.date(on));
			return Forms.Notice.of("aid.warehouse.notice.lost", Quantities.amount(amount, chosen.unit()),
					chosen.name().in(locale));
		}, () -> render(id, null, locale, model, "loss", form));
	}

	private String renderList(Locale locale, Model model, WarehouseForm form) {
		List<StockLedger.Warehouse> warehouses = ledger.warehouses();
		Map<UUID, Map<String, BigDecimal>> stock = overview.stockByWarehouse();
		model.addAttribute("warehouses", warehouses);
		model.addAttribute("stock", stock);
		model.addAttribute("places", places.settlements(locale));
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("warehouseForm", form);
		return "aid/warehouses";
	}

	private String render(UUID id, @Nullable Long before, Locale locale, Model model, @Nullable String typedForm,
			@Nullable MovementForm typed) {
		StockLedger.Warehouse warehouse = ledger.warehouse(id);
		List<StockLedger.Movement> movements = ledger.movements(id, before, MOVEMENTS_SHOWN + 1);
		model.addAttribute("warehouse", warehouse);
		model.addAttribute("place", places.settlement(warehouse.settlement(), locale));
		model.addAttribute("stock", ledger.onHand(id));
		model.addAttribute("movements", movements.stream().limit(MOVEMENTS_SHOWN).toList());
		model.addAttribute("older", movements.size() > MOVEMENTS_SHOWN ? movements.get(MOVEMENTS_SHOWN - 1).id() : null);
		model.addAttribute("others", ledger.warehouses().stream().filter(w -> !w.id().equals(id)).toList());
		model.addAttribute("itemOptions", places.items(catalogue.items(), locale));
		model.addAttribute("catalogue", catalogue);
		String today = LocalDate.now(clock.withZone(zone.zone())).toString();
		model.addAttribute("today", today);
		MovementForm empty = new MovementForm("", "", today, "", "", "", "");
		for (String form : List.of("receipt", "transfer", "adjustment", "loss")) {
			model.addAttribute(form + "Form", form.equals(typedForm) && typed != null ? typed : empty);
		}
		return "aid/warehouse";
	}
}
