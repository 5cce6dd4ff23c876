package org.hearth.aid;

/** What an item is for; needs and deliveries are compared per category on the dashboard. */
public enum Category {
	FOOD, FUEL, MEDICAL, COMMUNICATIONS, HYGIENE, SHELTER
}
