package org.hearth.aid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Days of fuel left at the schools, hospitals, clinics and the field hospital. The level is the latest reading on
 * site plus what was received since, less what is used a day since then. The daily use comes from the readings:
 * between the earliest reading of the window and the latest, what was there plus what arrived minus what is left,
 * per day. With fewer than two readings, or readings that do not show any use, the facility's declared daily use
 * stands in. A facility watched for fuel with no reading at all cannot be estimated and is listed as such: nobody
 * knows that it is not running out.
 */
@Service
public class FuelWatch {

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final AidProperties properties;
	private final DisplayZone zone;
	private final Clock clock;

	FuelWatch(JdbcClient jdbc, Catalogue catalogue, AidProperties properties, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.properties = properties;
		this.zone = zone;
		this.clock = clock;
	}

	/** Where the daily use came from. */
	public enum Basis {
		READINGS, DECLARED, UNKNOWN
	}

	/**
	 * One facility's fuel of one kind.
	 *
	 * @param onHand the estimated level today, null without any reading
	 * @param dailyUse per day, null when neither the readings nor the facility tell
	 * @param daysLeft onHand / dailyUse to one decimal, null when either is unknown
	 * @param flagged fewer days left than the alert threshold, or no reading to tell
	 */
	public record FuelStatus(UUID facility, String name, FacilityKind kind, String settlement, String item,
			@Nullable BigDecimal onHand, @Nullable BigDecimal dailyUse, Basis basis, @Nullable BigDecimal daysLeft,
			@Nullable LocalDate lastReading, boolean flagged) {
	}

	private record Reading(BigDecimal onHand, LocalDate on) {
	}

	private record Watched(UUID id, String name, FacilityKind kind, String settlement, @Nullable BigDecimal declared) {
	}

	private record Key(UUID facility, String item) {
	}

	/** Every open facility watched for fuel, the flagged ones first, fewest days left first. */
	public List<FuelStatus> statuses() {
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		LocalDate windowStart = today.minusDays(properties.fuelWindowDays());
		List<String> fuels = catalogue.items().stream().filter(i -> i.category() == Category.FUEL)
				.map(Catalogue.Item::code).toList();
		List<Watched> watched = jdbc.sql("""
				SELECT id, name, kind, settlement, daily_fuel_use FROM aid.facility
				WHERE kind IN ('SCHOOL', 'HOSPITAL', 'CLINIC', 'FIELD_HOSPITAL') AND status <> 'CLOSED'""")
				.query((rs, n) -> new Watched(rs.getObject(1, UUID.class), rs.getString(2),
						FacilityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBigDecimal(5)))
				.list();
		Map<Key, Reading> latest = new HashMap<>();
		jdbc.sql("SELECT facility, item, on_hand, read_on FROM aid.fuel_latest")
				.query(rs -> {
					latest.put(new Key(rs.getObject(1, UUID.class), rs.getString(2)),
							new Reading(rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)));
				});
		Map<Key, Reading> earliest = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (r.facility, r.item) r.facility, r.item, r.on_hand, r.read_on
				FROM aid.fuel_reading r WHERE r.read_on >= ? ORDER BY r.facility, r.item, r.read_on, r.id""")
				.param(windowStart)
				.query(rs -> {
					earliest.put(new Key(rs.getObject(1, UUID.class), rs.getString(2)),
							new Reading(rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)));
				});
		// Fuel received on each day since the oldest reading that matters.
		LocalDate since = latest.values().stream().map(Reading::on).filter(d -> d.isBefore(windowStart))
				.min(Comparator.naturalOrder()).orElse(windowStart);
		Map<Key, List<Reading>> received = new HashMap<>();
		jdbc.sql("""
				SELECT facility, item, quantity, day FROM aid.delivered WHERE item IN (:fuels) AND day >= :since""")
				.param("fuels", fuels).param("since", since)
				.query(rs -> {
					received.computeIfAbsent(new Key(rs.getObject(1, UUID.class), rs.getString(2)), k -> new ArrayList<>())
							.add(new Reading(rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)));
				});
		Map<UUID, List<String>> itemsRead = new HashMap<>();
		latest.keySet().forEach(k -> itemsRead.computeIfAbsent(k.facility(), f -> new ArrayList<>()).add(k.item()));
		List<FuelStatus> statuses = new ArrayList<>();
		for (Watched f : watched) {
			List<String> items = itemsRead.getOrDefault(f.id(), List.of()).stream().sorted().toList();
			if (items.isEmpty()) {
				statuses.add(new FuelStatus(f.id(), f.name(), f.kind(), f.settlement(), "diesel", null, f.declared(),
						f.declared() == null ? Basis.UNKNOWN : Basis.DECLARED, null, null, true));
				continue;
			}
			for (String item : items) {
				Key key = new Key(f.id(), item);
				statuses.add(status(f, item, latest.get(key), earliest.get(key),
						received.getOrDefault(key, List.of()), today));
			}
		}
		statuses.sort(Comparator.comparing(FuelStatus::flagged).reversed()
				.thenComparing(s -> s.daysLeft() == null ? BigDecimal.valueOf(-1) : s.daysLeft())
				.thenComparing(FuelStatus::name));
		return statuses;
	}

	private FuelStatus status(Watched f, String item, Reading last, @Nullable Reading first, List<Reading> received,
			LocalDate today) {
		BigDecimal use = null;
		Basis basis = Basis.UNKNOWN;
		if (first != null && last.on().isAfter(first.on())) {
			BigDecimal arrived = sum(received, first.on(), last.on());
			BigDecimal used = first.onHand().add(arrived).subtract(last.onHand());
			if (used.signum() > 0) {
				use = used.divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(first.on(), last.on())), 2,
						RoundingMode.HALF_UP);
				basis = Basis.READINGS;
			}
		}
		if (use == null && f.declared() != null) {
			use = f.declared();
			basis = Basis.DECLARED;
		}
		BigDecimal level = last.onHand().add(sum(received, last.on(), today));
		BigDecimal daysLeft = null;
		if (use != null) {
			level = level.subtract(use.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(last.on(), today))));
			if (level.signum() < 0) {
				level = BigDecimal.ZERO;
			}
			daysLeft = level.divide(use, 1, RoundingMode.DOWN);
		}
		boolean flagged = daysLeft == null || daysLeft.compareTo(BigDecimal.valueOf(properties.fuelAlertDays())) < 0;
		return new FuelStatus(f.id(), f.name(), f.kind(), f.settlement(), item, level.setScale(0, RoundingMode.DOWN),
				use, basis, daysLeft, last.on(), flagged);
	}

	/** What arrived after {@code after} and up to {@code upTo}: a delivery on a reading's day counts as before it. */
	private static BigDecimal sum(List<Reading> received, LocalDate after, LocalDate upTo) {
		return received.stream().filter(r -> r.on().isAfter(after) && !r.on().isAfter(upTo)).map(Reading::onHand)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
