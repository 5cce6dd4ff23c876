package org.hearth.gazetteer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.Scripts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The region's districts and settlements, and search across every name they have been known by. The data is small
 * (dozens of rows) and changes only with a migration, so it is read once at startup and served from memory.
 */
@Service
public class Gazetteer {

	/** The most results one search returns, whatever the caller asks for. */
	public static final int MAX_RESULTS = 50;

	private static final List<String> KINDS = List.of("city", "town", "village");

	private static final int EXACT = 0;
	private static final int PREFIX = 1;
	private static final int SUBSTRING = 2;
	private static final int NO_MATCH = 3;

	private final Map<SettlementId, Settlement> settlements;
	private final Map<String, District> districts;
	/** Every settlement with the search keys of all its names, in the order that breaks ties between matches. */
	private final List<Indexed> index;

	Gazetteer(JdbcClient jdbc) {
		this.districts = jdbc.sql("""
				SELECT code, names->>'hy' AS hy, names->>'az' AS az, names->>'ru' AS ru, names->>'en' AS en, centre
				FROM gazetteer.district ORDER BY code""")
				.query((rs, row) -> new District(rs.getString("code"), names(rs),
						new SettlementId(rs.getString("centre"))))
				.stream().collect(Collectors.toMap(District::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		// Ties in a search fall back to this order, which does not depend on population or popularity: cities
		// before towns before villages, then by English name, then by id.
		Collator english = Collator.getInstance(ULocale.ENGLISH);
		List<Settlement> all = jdbc.sql("""
				SELECT id, district, kind, names->>'hy' AS hy, names->>'az' AS az, names->>'ru' AS ru,
				  names->>'en' AS en, other_names, lat, lon
				FROM gazetteer.settlement""")
				.query((rs, row) -> new Settlement(new SettlementId(rs.getString("id")), rs.getString("district"),
						rs.getString("kind"), names(rs), List.of((String[]) rs.getArray("other_names").getArray()),
						degrees(rs.getBigDecimal("lat")), degrees(rs.getBigDecimal("lon"))))
				.stream()
				.sorted(Comparator.comparingInt((Settlement s) -> KINDS.indexOf(s.kind()))
					.thenComparing(s -> s.names().in(Locale.ENGLISH), english)
					.thenComparing(s -> s.id().id()))
				.toList();
		this.settlements = all.stream().collect(Collectors.toMap(Settlement::id, Function.identity(), (a, b) -> a,
				LinkedHashMap::new));
		this.index = all.stream().map(s -> new Indexed(s, keys(s))).toList();
	}

	public Optional<Settlement> find(SettlementId id) {
		return Optional.ofNullable(settlements.get(id));
	}

	public Optional<Settlement> find(String id) {
		return find(new SettlementId(id));
	}

	/**
	 * Settlements known by a name like {@code query}, in any script and with or without diacritics: "Şuşa", "Shusha",
	 * "Шуша" and "Շուշի" all find Şuşa. A name equal to the query ranks first, then names beginning with it, then
	 * names containing it; within each, cities before towns before villages, then by English name. At most
	 * {@code limit} results and never more than {@link #MAX_RESULTS}; none for a query without letters or digits.
	 */
	public List<Settlement> search(String query, int limit) {
		String key = Scripts.searchKey(query);
		if (key.isEmpty() || limit <= 0) {
			return List.of();
		}
		// The index is in tie-break order and a sorted sequential stream is stable, so ties keep that order.
		return index.stream()
				.map(entry -> new Hit(entry.settlement(), entry.match(key)))
				.filter(hit -> hit.rank() != NO_MATCH)
				.sorted(Comparator.comparingInt(Hit::rank))
				.limit(Math.min(limit, MAX_RESULTS))
				.map(Hit::settlement)
				.toList();
	}

	/** Every settlement: cities, then towns, then villages, each by English name. */
	public List<Settlement> settlements() {
		return List.copyOf(settlements.values());
	}

	public Optional<District> district(String code) {
		return Optional.ofNullable(districts.get(code));
	}

	/** All districts, by code. */
	public List<District> districts() {
		return List.copyOf(districts.values());
	}

	/**
	 * The settlement's name and its district's, in {@code locale}'s language, joined by an em dash: "Şuşa — Şuşa",
	 * "Ağcakənd — Laçın", "Բերձոր — Լաչին". The district tells apart places of one name, so it is given even where
	 * it repeats the settlement's name; every label then reads the same way. Needs no message bundle: the dash is
	 * the same in all four languages.
	 *
	 * @throws IllegalArgumentException for an id that is not in the gazetteer (settlements are never deleted, so
	 * a stored id always is)
	 */
	public String label(SettlementId id, Locale locale) {
		Settlement settlement = find(id).orElseThrow(() -> new IllegalArgumentException("unknown settlement " + id));
		return settlement.name(locale) + " — " + districts.get(settlement.district()).name(locale);
	}

	private static Set<String> keys(Settlement settlement) {
		Set<String> keys = new LinkedHashSet<>();
		Stream.concat(settlement.names().values().values().stream(), settlement.otherNames().stream()).forEach(name -> {
			keys.add(Scripts.searchKey(name));
		});
		keys.remove("");
		return keys;
	}

	private static LocalizedText names(ResultSet rs) throws SQLException {
		return LocalizedText.of(rs.getString("hy"), rs.getString("az"), rs.getString("ru"), rs.getString("en"));
	}

	private static @Nullable Double degrees(@Nullable BigDecimal value) {
		return value == null ? null : value.doubleValue();
	}

	private record Indexed(Settlement settlement, Set<String> keys) {

		int match(String key) {
			int best = NO_MATCH;
			for (String candidate : keys) {
				int rank = candidate.equals(key) ? EXACT
						: candidate.startsWith(key) ? PREFIX : candidate.contains(key) ? SUBSTRING : NO_MATCH;
				best = Math.min(best, rank);
			}
			return best;
		}
	}

	private record Hit(Settlement settlement, int rank) {
	}
}
