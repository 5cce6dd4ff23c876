package org.hearth.aid;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The aid rules an agency sets: when a request needs a second approver, when a facility's fuel is flagged, which
 * languages each shift of the field hospital must speak.
 *
 * @param currency the currency of the items' unit values
 * @param secondApprovalValue a request worth at least this much (sum of quantity × unit value) needs a second
 *        approver; so does a line of at least its item's approval quantity
 * @param fuelAlertDays a school, hospital, clinic or field hospital with fewer days of fuel left is flagged
 * @param fuelWindowDays how many days of readings and deliveries the consumption is worked out from
 * @param shiftLanguages every shift of the field hospital needs someone speaking each of these
 */
@ConfigurationProperties("hearth.aid")
public record AidProperties(String currency, BigDecimal secondApprovalValue, int fuelAlertDays, int fuelWindowDays,
		List<String> shiftLanguages) {

	public AidProperties {
		if (secondApprovalValue.signum() <= 0 || fuelAlertDays < 1 || fuelWindowDays < 2) {
			throw new IllegalArgumentException("hearth.aid: second-approval-value > 0, fuel-alert-days >= 1 and "
					+ "fuel-window-days >= 2 are required");
		}
		shiftLanguages = List.copyOf(shiftLanguages);
	}
}
