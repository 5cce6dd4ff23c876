package org.hearth.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A point as latitude and longitude in decimal degrees (WGS 84), to five decimals (about a metre). Staff pages show
 * it; public pages never do.
 */
public record Coordinates(BigDecimal latitude, BigDecimal longitude) {

	/** Five decimals of a degree are about a metre: finer is noise, and is rounded. */
	public static final int SCALE = 5;

	public Coordinates {
		latitude = latitude.setScale(SCALE, RoundingMode.HALF_UP);
		longitude = longitude.setScale(SCALE, RoundingMode.HALF_UP);
		if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
			throw new RuleViolationException("monitoring.error.latitude-range");
		}
		if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			throw new RuleViolationException("monitoring.error.longitude-range");
		}
	}

	/**
	 * The point as typed, a decimal point or comma either way (39.758 or 39,758); none when both are blank. One
	 * without the other, or something that is not a number, is refused.
	 */
	public static @Nullable Coordinates parse(String latitude, String longitude) {
		boolean noLatitude = latitude.isBlank();
		boolean noLongitude = longitude.isBlank();
		if (noLatitude && noLongitude) {
			return null;
		}
		if (noLatitude || noLongitude) {
			throw new RuleViolationException("monitoring.error.coordinates-both");
		}
		return new Coordinates(degrees(latitude, "monitoring.error.latitude-format"),
				degrees(longitude, "monitoring.error.longitude-format"));
	}

	private static BigDecimal degrees(String text, String messageKey) {
		String cleaned = text.strip().replace('\u2212', '-').replace(',', '.').replace("°", "");
		if (!cleaned.matches("[+-]?\\d{1,3}(\\.\\d{1,12})?")) {
			throw new RuleViolationException(messageKey, text.strip());
		}
		return new BigDecimal(cleaned);
	}

	public double lat() {
		return latitude.doubleValue();
	}

	public double lon() {
		return longitude.doubleValue();
	}
}
