package org.hearth.housing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.housing.Programme.Household;
import org.hearth.housing.allocation.AllocationSolver;
import org.hearth.housing.allocation.Assignment;
import org.hearth.housing.allocation.Result;
import org.hearth.housing.allocation.Rules;
import org.hearth.identity.AccountId;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Allocation rounds. A housing officer names settlements; every waiting household that prefers one of them is
 * matched to the ready units there by {@link AllocationSolver}, each winner gets an offer, and the round's input,
 * algorithm and result are kept and committed to the transparency log by hash. The input file and
 * {@code verify-round} let anyone re-run the round and get the same result.
 */
@Service
public class Rounds {

	/** Round entries written per batch. */
	static final int ENTRY_BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Offers offers;
	private final Gazetteer gazetteer;
	private final HousingProperties policy;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	Rounds(JdbcClient jdbc, JdbcTemplate batch, Offers offers, Gazetteer gazetteer, HousingProperties policy,
			ApplicationEventPublisher events, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.offers = offers;
		this.gazetteer = gazetteer;
		this.policy = policy;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	public record Round(UUID id, int number, List<String> settlements, Instant startedAt, String algorithmVersion,
			String inputHash, String resultHash, int households, int units, int assigned) {
	}

	/**
	 * A household's line in a round: its score and the score's parts, its place by priority, and the unit it was
	 * matched to, if any.
	 */
	public record Entry(UUID household, String pseudonym, int priority, Map<String, Integer> points, int position,
			@Nullable UUID unit, @Nullable Integer preferenceRank) {
	}

	/**
	 * Why a household got no home in a round, as a message key with its arguments.
	 *
	 * @param messageKey one of {@code housing.round.why.*}
	 */
	public record Explanation(String messageKey, List<Object> arguments) {

		public Explanation {
			arguments = List.copyOf(arguments);
		}
	}

	/** Runs a round over the given settlements. One round at a time; a second waits for the first. */
	@Transactional
	public Round start(CurrentUser staff, List<String> settlements) {
		Set<String> chosen = new LinkedHashSet<>(settlements);
		if (chosen.isEmpty()) {
			throw new RuleViolationException("housing.error.round-needs-settlements");
		}
		for (String s : chosen) {
			if (gazetteer.find(s).isEmpty()) {
				throw new RuleViolationException("housing.error.unknown-settlement");
			}
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hearth.housing.round'))").query(Object.class).single();
		int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM housing.round").query(Integer.class).single();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone.zone());
		String[] chosenArray = chosen.toArray(String[]::new);

		List<Household> waiting = jdbc.sql("""
				SELECT * FROM housing.household WHERE status = 'WAITING' AND preferences && ?::text[] ORDER BY id""")
				.param(chosenArray).query(Programme::row).list();
		Map<String, Household> byPseudonym = new HashMap<>();
		Map<String, Map<String, Integer>> points = new HashMap<>();
		List<org.hearth.housing.allocation.Household> households = new ArrayList<>();
		for (Household h : waiting) {
			String pseudonym = Digests.sha256(id + ":" + h.id()).substring(0, 20);
			Map<String, Integer> parts = Priority.points(policy, h.needs(), h.registeredOn(), today, h.origin(), chosen);
			byPseudonym.put(pseudonym, h);
			points.put(pseudonym, parts);
			households.add(new org.hearth.housing.allocation.Household(pseudonym, Priority.total(parts), h.size(),
					h.needsStepFree(), h.preferences()));
		}
		List<org.hearth.housing.allocation.Unit> units = jdbc.sql("""
				SELECT u.id, u.settlement, u.rooms, u.step_free, a.status = 'RELEASED' AS released
				FROM housing.unit u JOIN housing.area a ON a.id = u.area_id
				WHERE u.status = 'READY' AND u.settlement = ANY (?::text[]) ORDER BY u.id""")
				.param(chosenArray)
				.query((rs, n) -> new org.hearth.housing.allocation.Unit(rs.getString("id"), rs.getString("settlement"),
						rs.getInt("rooms"), rs.getBoolean("step_free"), rs.getBoolean("released")))
				.list();

		Rules rules = policy.rules();
		byte[] input = RoundFiles.input(number, rules, households, units);
		Result result = AllocationSolver.solve(households, units, rules);
		byte[] output = RoundFiles.result(result);
		String inputHash = Digests.sha256(input);
		String resultHash = Digests.sha256(output);
		jdbc.sql("""
				INSERT INTO housing.round (id, number, settlements, started_by, started_at, algorithm_version, input,
				  input_hash, result, result_hash, households, units, assigned)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, number, chosenArray, staff.uuid(), Timestamp.from(now),
						AllocationSolver.ALGORITHM_VERSION, input, inputHash, output, resultHash, households.size(),
						units.size(), result.assignments().size())
				.update();

		Map<String, Assignment> assigned = new HashMap<>();
		result.assignments().forEach(a -> assigned.put(a.householdId(), a));
		List<org.hearth.housing.allocation.Household> ranked = households.stream()
				.sorted(Comparator.comparingLong(org.hearth.housing.allocation.Household::priority).reversed()
						.thenComparing(org.hearth.housing.allocation.Household::id))
				.toList();
		// One line per household: sent in batches, since a round can hold hundreds of thousands.
		List<Object[]> lines = new ArrayList<>(ENTRY_BATCH);
		int position = 0;
		for (org.hearth.housing.allocation.Household h : ranked) {
			position++;
			Assignment a = assigned.get(h.id());
			lines.add(new Object[] { id, byPseudonym.get(h.id()).id(), h.id(), (int) h.priority(),
					json.writeValueAsString(points.get(h.id())), a == null ? null : UUID.fromString(a.unitId()),
					a == null ? null : a.preferenceRank(), position });
			if (lines.size() == ENTRY_BATCH || position == ranked.size()) {
				batch.batchUpdate("""
						INSERT INTO housing.round_entry (round_id, household_id, pseudonym, priority, points, unit_id,
						  preference_rank, position) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", lines);
				lines.clear();
			}
		}
		offers.makeAll(staff, id, result.assignments().stream()
				.map(a -> new Offers.Pairing(UUID.fromString(a.unitId()), byPseudonym.get(a.householdId()).id()))
				.toList());
		events.publishEvent(HousingChanged.by(staff, "allocation-round", id, "completed", now,
				commitment(inputHash, AllocationSolver.ALGORITHM_VERSION, resultHash)));
		return round(number);
	}

	/**
	 * What the transparency log commits to for a round: the SHA-256 of its input hash, algorithm version and result
	 * hash, one per line. An observer who has the two files can recompute it.
	 */
	public static String commitment(String inputHash, String algorithmVersion, String resultHash) {
		return Digests.sha256(inputHash + "\n" + algorithmVersion + "\n" + resultHash);
	}

	public List<Round> rounds() {
		return jdbc.sql("""
				SELECT id, number, settlements, started_at, algorithm_version, input_hash, result_hash, households,
				  units, assigned FROM housing.round ORDER BY number DESC""").query(Rounds::row).list();
	}

	public Round round(int number) {
		return jdbc.sql("""
				SELECT id, number, settlements, started_at, algorithm_version, input_hash, result_hash, households,
				  units, assigned FROM housing.round WHERE number = ?""").param(number).query(Rounds::row).optional()
				.orElseThrow(() -> new NotFoundException());
	}

	/** The published input file of a round, byte for byte as it was hashed. */
	public byte[] inputFile(int number) {
		return jdbc.sql("SELECT input FROM housing.round WHERE number = ?").param(number).query(byte[].class)
				.optional().orElseThrow(() -> new NotFoundException());
	}

	public byte[] resultFile(int number) {
		return jdbc.sql("SELECT result FROM housing.round WHERE number = ?").param(number).query(byte[].class)
				.optional().orElseThrow(() -> new NotFoundException());
	}

	/** Every household's line in a round, by place. Staff only: it links pseudonyms to households. */
	public List<Entry> entries(int number) {
		return jdbc.sql("""
				SELECT e.* FROM housing.round_entry e JOIN housing.round r ON r.id = e.round_id
				WHERE r.number = ? ORDER BY e.position""").param(number).query(this::entry).list();
	}

	/** The account's line in each round it took part in, newest first: its place and score, never others'. */
	public List<Map.Entry<Round, Entry>> mine(AccountId account) {
		List<Map.Entry<Round, Entry>> mine = new ArrayList<>();
		jdbc.sql("""
				SELECT r.number, e.* FROM housing.round_entry e JOIN housing.round r ON r.id = e.round_id
				JOIN housing.household h ON h.id = e.household_id WHERE h.account = ? ORDER BY r.number DESC""")
				.param(account.id())
				.query((rs, n) -> Map.entry(rs.getInt("number"), entry(rs, n))).list()
				.forEach(e -> mine.add(Map.entry(round(e.getKey()), e.getValue())));
		return mine;
	}

	/**
	 * For each household of the round that got no home, keyed by its pseudonym, why: worked out from the round's
	 * published input file, as anyone holding the file could.
	 */
	public Map<String, Explanation> explanations(int number) {
		Set<String> housed = new java.util.HashSet<>();
		entries(number).stream().filter(e -> e.unit() != null).forEach(e -> housed.add(e.pseudonym()));
		return RoundExplanations.whyNotHoused(RoundFiles.parseInput(inputFile(number)), housed);
	}

	public Optional<Entry> entry(int number, UUID household) {
		return entries(number).stream().filter(e -> e.household().equals(household)).findFirst();
	}

	private Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Map<String, Integer> stored = new HashMap<>();
		json.readTree(rs.getString("points")).properties().forEach(p -> stored.put(p.getKey(), p.getValue().asInt()));
		// jsonb keeps no key order: show the parts in the formula's order.
		Map<String, Integer> parts = new java.util.LinkedHashMap<>();
		Priority.ORDER.stream().filter(stored::containsKey).forEach(k -> parts.put(k, stored.get(k)));
		Integer rank = rs.getObject("preference_rank") == null ? null : rs.getInt("preference_rank");
		return new Entry(rs.getObject("household_id", UUID.class), rs.getString("pseudonym"), rs.getInt("priority"),
				parts, rs.getInt("position"), rs.getObject("unit_id", UUID.class), rank);
	}

	private static Round row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Round(rs.getObject("id", UUID.class), rs.getInt("number"),
				Arrays.asList((String[]) rs.getArray("settlements").getArray()),
				rs.getTimestamp("started_at").toInstant(), rs.getString("algorithm_version"),
				rs.getString("input_hash"), rs.getString("result_hash"), rs.getInt("households"), rs.getInt("units"),
				rs.getInt("assigned"));
	}
}
