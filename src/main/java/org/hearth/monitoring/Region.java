package org.hearth.monitoring;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.Settlement;
import org.hearth.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * The region monitored, as a box around the gazetteer's settlements with half a degree (some 50 km) to spare: a point
 * outside it is almost certainly a typing error, most often latitude and longitude swapped. Worked out from the
 * reference data, so another deployment's gazetteer moves the box with it.
 */
@Component
public class Region {

	/** Degrees added on every side of the settlements' extent. */
	static final double MARGIN = 0.5;

	/** The box, in degrees. */
	public record Box(double south, double west, double north, double east) {

		boolean contains(Coordinates point) {
			return point.lat() >= south && point.lat() <= north && point.lon() >= west && point.lon() <= east;
		}
	}

	private final Box box;

	Region(Gazetteer gazetteer) {
		double south = 90, north = -90, west = 180, east = -180;
		for (Settlement s : gazetteer.settlements()) {
			if (s.latitude() == null || s.longitude() == null) {
				continue;
			}
			south = Math.min(south, s.latitude());
			north = Math.max(north, s.latitude());
			west = Math.min(west, s.longitude());
			east = Math.max(east, s.longitude());
		}
		this.box = south > north ? new Box(-90, -180, 90, 180) : new Box(round(south - MARGIN), round(west - MARGIN),
				round(north + MARGIN), round(east + MARGIN));
	}

	public Box box() {
		return box;
	}

	/** Refuses a point outside the region, saying where the region lies. */
	public void check(Coordinates point) {
		if (!box.contains(point)) {
			throw new RuleViolationException("monitoring.error.outside-region", box.south(), box.north(), box.west(),
					box.east());
		}
	}

	private static double round(double degrees) {
		return Math.round(degrees * 100) / 100.0;
	}
}
