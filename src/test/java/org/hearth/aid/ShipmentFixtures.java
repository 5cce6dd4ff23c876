package org.hearth.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Requests and shipments for tests, through the services, to facilities and warehouses no other test uses. */
@Component
public class ShipmentFixtures {

	private final Requests requests;
	private final Shipments shipments;
	private final AidFixtures aid;

	ShipmentFixtures(Requests requests, Shipments shipments, AidFixtures aid) {
		this.requests = requests;
		this.shipments = shipments;
		this.aid = aid;
	}

	/** Lines as item, quantity, item, quantity… */
	public static List<Requests.Line> lines(String... itemsAndQuantities) {
		List<Requests.Line> lines = new ArrayList<>();
		for (int i = 0; i + 1 < itemsAndQuantities.length; i += 2) {
			lines.add(new Requests.Line(itemsAndQuantities[i], new BigDecimal(itemsAndQuantities[i + 1])));
		}
		return lines;
	}

	public static List<StockLedger.Line> stock(String... itemsAndQuantities) {
		return lines(itemsAndQuantities).stream().map(l -> new StockLedger.Line(l.item(), l.quantity())).toList();
	}

	public UUID hospital() {
		return aid.facility(FacilityKind.HOSPITAL, "xankendi");
	}

	public Requests.Request request(UUID facility, String... itemsAndQuantities) {
		return requests.create(aid.coordinator(), new Requests.NewRequest(facility, null, null, lines(itemsAndQuantities)));
	}

	/** A request approved by one coordinator (and a second one when its rule needs it). */
	public Requests.Request approved(UUID facility, String... itemsAndQuantities) {
		Requests.Request r = request(facility, itemsAndQuantities);
		r = requests.approve(aid.coordinator(), r.id(), r.version(), null);
		if (r.status() == RequestStatus.AWAITING_SECOND_APPROVAL) {
			r = requests.approve(aid.newCoordinator(), r.id(), r.version(), null);
		}
		return r;
	}

	public Shipments.NewShipment shipment(UUID warehouse, String... itemsAndQuantities) {
		return new Shipments.NewShipment(warehouse, "Karabakh Logistics", "10-AB-123", LocalDate.now(),
				stock(itemsAndQuantities));
	}

	public CurrentUser coordinator() {
		return aid.coordinator();
	}
}
