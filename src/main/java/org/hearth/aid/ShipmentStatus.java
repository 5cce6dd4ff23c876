package org.hearth.aid;

/** A shipment is on its way until the facility confirms what arrived; it is received once. */
public enum ShipmentStatus {
	IN_TRANSIT, RECEIVED
}
