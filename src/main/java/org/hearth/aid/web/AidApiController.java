package org.hearth.aid.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.aid.Catalogue;
import org.hearth.aid.FuelWatch;
import org.hearth.aid.MeasureUnit;
import org.hearth.aid.Quantities;
import org.hearth.aid.StockLedger;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Aid", description = "Aid coordinators and partner systems: the catalogue, warehouses' stock, receipts "
		+ "into a warehouse, and the facilities short of fuel")
@RestController
class AidApiController {

	private final Catalogue catalogue;
	private final StockLedger ledger;
	private final FuelWatch fuel;

	AidApiController(Catalogue catalogue, StockLedger ledger, FuelWatch fuel) {
		this.catalogue = catalogue;
		this.ledger = ledger;
		this.fuel = fuel;
	}

	record ItemResponse(String code, String category, String unit, java.util.Map<String, String> names,
			@Nullable BigDecimal unitValue, @Nullable BigDecimal approvalQuantity) {
	}

	record WarehouseResponse(UUID id, String code, String name, String settlement) {
	}

	record StockLineResponse(String item, String unit, String onHand) {
	}

	record StockResponse(WarehouseResponse warehouse, List<StockLineResponse> stock) {
	}

	/**
	 * A receipt as a partner system sends it. {@code quantity} is a plain decimal with a point, in {@code unit},
	 * which must be the item's unit: nothing is converted.
	 */
	record ReceiptRequest(@Nullable String item, @Nullable String quantity, @Nullable String unit,
			@Nullable String source, @Nullable LocalDate on) {
	}

	record ReceiptResponse(long movement, UUID reference, String item, String unit, String onHand) {
	}

	record FuelAlertResponse(UUID facility, String name, String kind, String settlement, String item,
			@Nullable String onHand, @Nullable String dailyUse, String basis, @Nullable String daysLeft,
			@Nullable LocalDate lastReading) {
	}

	@Operation(summary = "The catalogue: every item with its category, its one unit and its names")
	@PreAuthorize("hasAnyRole('AID_COORDINATOR', 'OBSERVER')")
	@GetMapping("/api/v1/aid/items")
	List<ItemResponse> items() {
		return catalogue.items().stream().map(i -> new ItemResponse(i.code(), i.category().name(), i.unit().name(),
				i.name().values(), i.unitValue(), i.approvalQuantity())).toList();
	}

	@Operation(summary = "The warehouses")
	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/api/v1/aid/warehouses")
	List<WarehouseResponse> warehouses() {
		return ledger.warehouses().stream().map(AidApiController::warehouse).toList();
	}

	@Operation(summary = "Stock on hand of a warehouse, by item",
			description = "What the ledger's movements add up to. Quantities are plain decimals in the item's unit.")
	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@GetMapping("/api/v1/aid/warehouses/{id}/stock")
	StockResponse stock(@PathVariable UUID id) {
		StockLedger.Warehouse warehouse = ledger.warehouse(id);
		return new StockResponse(warehouse(warehouse), ledger.onHand(id).stream()
				.map(s -> new StockLineResponse(s.item(), catalogue.require(s.item()).unit().name(),
						s.onHand().toPlainString()))
				.toList());
	}

	@Operation(summary = "Record goods received into a warehouse",
			description = "unit must be the item's unit (see /api/v1/aid/items): a quantity in another unit is refused "
					+ "with 422, never converted. on is the day the goods arrived, not in the future.")
	@PreAuthorize("hasRole('AID_COORDINATOR')")
	@PostMapping("/api/v1/aid/warehouses/{id}/receipts")
	@ResponseStatus(HttpStatus.CREATED)
	ReceiptResponse receive(@PathVariable UUID id, @RequestBody ReceiptRequest request) {
		ledger.warehouse(id);
		Catalogue.Item item = catalogue.require(request.item() == null ? "" : request.item());
		MeasureUnit unit = unit(request.unit());
		if (unit != item.unit()) {
			throw new RuleViolationException("aid.error.unit-mismatch", Quantities.unitName(unit),
					Quantities.unitName(item.unit()));
		}
		if (request.quantity() == null || request.on() == null) {
			throw new RuleViolationException(request.quantity() == null ? "aid.error.quantity-missing"
					: "aid.error.date-format");
		}
		BigDecimal quantity = Quantities.parseExact(request.quantity(), unit);
		StockLedger.Movement movement = ledger.receive(CurrentUser.require(), id, item.code(), quantity,
				request.source() == null ? "" : request.source(), request.on());
		return new ReceiptResponse(movement.id(), movement.ref(), item.code(), unit.name(),
				ledger.onHand(id, item.code()).toPlainString());
	}

	@Operation(summary = "Schools, hospitals, clinics and the field hospital short of fuel, most urgent first",
			description = "Flagged: fewer days of fuel left than hearth.aid.fuel-alert-days, or no reading at all.")
	@PreAuthorize("hasAnyRole('AID_COORDINATOR', 'OBSERVER')")
	@GetMapping("/api/v1/aid/fuel-alerts")
	List<FuelAlertResponse> fuelAlerts() {
		return fuel.statuses().stream().filter(FuelWatch.FuelStatus::flagged)
				.map(s -> new FuelAlertResponse(s.facility(), s.name(), s.kind().name(), s.settlement(), s.item(),
						plain(s.onHand()), plain(s.dailyUse()), s.basis().name(), plain(s.daysLeft()), s.lastReading()))
				.toList();
	}

	private static MeasureUnit unit(@Nullable String code) {
		try {
			return MeasureUnit.valueOf(code == null ? "" : code.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException("aid.error.unknown-unit-code", String.valueOf(code));
		}
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private static WarehouseResponse warehouse(StockLedger.Warehouse w) {
		return new WarehouseResponse(w.id(), w.code(), w.name(), w.settlement());
	}
}
