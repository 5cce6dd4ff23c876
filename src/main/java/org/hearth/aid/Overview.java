package org.hearth.aid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Needs against delivered, at a glance: for each facility and item, what its needs in force for a period add up
 * to and what it received on their days; summed per item and per category. It reads the needs and what each has
 * received (aid.need_delivered, kept by the database with every need and receipt), never the ledger's history.
 */
@Service
public class Overview {

	private final JdbcClient jdbc;
	private final Catalogue catalogue;

	Overview(JdbcClient jdbc, Catalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	/** A facility's needs of one item overlapping the period, and what it received over their days. */
	public record NeedLine(UUID facility, String facilityName, FacilityKind kind, String settlement, String item,
			MeasureUnit unit, BigDecimal needed, BigDecimal delivered) {

		/** Delivered as a whole percentage of needed; more than 100 when more arrived. */
		public int percent() {
			return Overview.percent(delivered, needed);
		}
	}

	public record ItemTotal(String item, MeasureUnit unit, BigDecimal needed, BigDecimal delivered) {

		public int percent() {
			return Overview.percent(delivered, needed);
		}
	}

	/**
	 * A category's items, each in its own unit, and one share across them by value: each item's delivered value,
	 * up to what was needed, over the needed value. Units are never added up; values are, so that a surplus of
	 * flour does not hide a missing insulin delivery.
	 */
	public record CategoryTotal(Category category, List<ItemTotal> items, int percentByValue) {
	}

	/** One facility's needs in force in the period against what arrived, all items. */
	public record FacilityTotal(UUID facility, String facilityName, FacilityKind kind, String settlement,
			List<NeedLine> lines, int linesMet, int percentByValue) {
	}

	/** The needs in force overlapping the period, per facility and item, in no particular order. */
	public List<NeedLine> needsAgainstDelivered(LocalDate from, LocalDate to, @Nullable String settlement) {
		return jdbc.sql("""
				WITH needed AS (
				  SELECT n.facility, n.item, sum(n.quantity) AS quantity, sum(nd.quantity) AS delivered
				  FROM aid.need n JOIN aid.need_delivered nd ON nd.need = n.id
				  WHERE n.superseded_by IS NULL AND n.period_from <= :to AND n.period_to >= :from
				  GROUP BY n.facility, n.item)
				SELECT f.id, f.name, f.kind, f.settlement, needed.item, needed.quantity, needed.delivered
				FROM needed JOIN aid.facility f ON f.id = needed.facility
				WHERE :settlement::text IS NULL OR f.settlement = :settlement""")
				.param("from", from).param("to", to).param("settlement", settlement)
				.query((rs, n) -> new NeedLine(rs.getObject(1, UUID.class), rs.getString(2),
						FacilityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
						catalogue.require(rs.getString(5)).unit(), rs.getBigDecimal(6).stripTrailingZeros(),
						rs.getBigDecimal(7).stripTrailingZeros()))
				.list();
	}

	/** A need in force and what the facility received of its item between its first and last day. */
	public record NeedStatus(Facilities.Need need, BigDecimal delivered) {

		public int percent() {
			return Overview.percent(delivered, need.quantity());
		}
	}

	public List<NeedStatus> needsOf(List<Facilities.Need> needs) {
		if (needs.isEmpty()) {
			return List.of();
		}
		Map<UUID, BigDecimal> delivered = new java.util.HashMap<>();
		jdbc.sql("SELECT need, quantity FROM aid.need_delivered WHERE need IN (:needs)")
				.param("needs", needs.stream().map(Facilities.Need::id).toList())
				.query(rs -> {
					delivered.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2).stripTrailingZeros());
				});
		return needs.stream().map(n -> new NeedStatus(n, delivered.getOrDefault(n.id(), BigDecimal.ZERO))).toList();
	}


	public List<FacilityTotal> byFacility(List<NeedLine> lines) {
		Map<UUID, List<NeedLine>> grouped = new LinkedHashMap<>();
		lines.stream().sorted(java.util.Comparator.comparing(NeedLine::item))
				.forEach(l -> grouped.computeIfAbsent(l.facility(), k -> new ArrayList<>()).add(l));
		return grouped.values().stream().map(ls -> {
			NeedLine first = ls.get(0);
			int met = (int) ls.stream().filter(l -> l.delivered().compareTo(l.needed()) >= 0).count();
			BigDecimal needed = BigDecimal.ZERO;
			BigDecimal covered = BigDecimal.ZERO;
			for (NeedLine l : ls) {
				BigDecimal value = value(catalogue.require(l.item()));
				needed = needed.add(l.needed().multiply(value));
				covered = covered.add(l.delivered().min(l.needed()).multiply(value));
			}
			return new FacilityTotal(first.facility(), first.facilityName(), first.kind(), first.settlement(),
					List.copyOf(ls), met, percent(covered, needed));
		}).sorted(java.util.Comparator.comparingInt(FacilityTotal::percentByValue)
				.thenComparing(FacilityTotal::facilityName)).toList();
	}

	public List<CategoryTotal> byCategory(List<NeedLine> lines) {
		Map<Category, Map<String, BigDecimal[]>> totals = new EnumMap<>(Category.class);
		for (NeedLine l : lines) {
			Category category = catalogue.require(l.item()).category();
			BigDecimal[] sums = totals.computeIfAbsent(category, c -> new LinkedHashMap<>())
					.computeIfAbsent(l.item(), i -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			sums[0] = sums[0].add(l.needed());
			sums[1] = sums[1].add(l.delivered());
			// Capped per facility: one facility's surplus does not cover another's gap.
			sums[2] = sums[2].add(l.delivered().min(l.needed()));
		}
		List<CategoryTotal> result = new ArrayList<>();
		totals.forEach((category, items) -> {
			BigDecimal neededValue = BigDecimal.ZERO;
			BigDecimal metValue = BigDecimal.ZERO;
			List<ItemTotal> itemTotals = new ArrayList<>();
			for (var entry : items.entrySet()) {
				Catalogue.Item item = catalogue.require(entry.getKey());
				BigDecimal[] sums = entry.getValue();
				itemTotals.add(new ItemTotal(item.code(), item.unit(), sums[0], sums[1]));
				BigDecimal value = value(item);
				neededValue = neededValue.add(sums[0].multiply(value));
				metValue = metValue.add(sums[2].multiply(value));
			}
			itemTotals.sort(java.util.Comparator.comparingInt(i -> catalogue.items().indexOf(catalogue.require(i.item()))));
			result.add(new CategoryTotal(category, List.copyOf(itemTotals), percent(metValue, neededValue)));
		});
		return result;
	}

	/** Stock on hand in every warehouse, by warehouse and item; items a warehouse never held are absent. */
	public Map<UUID, Map<String, BigDecimal>> stockByWarehouse() {
		Map<UUID, Map<String, BigDecimal>> stock = new LinkedHashMap<>();
		jdbc.sql("SELECT warehouse, item, on_hand FROM aid.stock ORDER BY warehouse, item")
				.query(rs -> {
					stock.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
							.put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
				});
		return stock;
	}

	/** An item without a value still counts: as one currency unit per unit, rather than not at all. */
	private static BigDecimal value(Catalogue.Item item) {
		return item.unitValue() == null || item.unitValue().signum() == 0 ? BigDecimal.ONE : item.unitValue();
	}

	static int percent(BigDecimal part, BigDecimal whole) {
		if (whole.signum() == 0) {
			return part.signum() == 0 ? 100 : 0;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.DOWN).intValueExact();
	}
}
