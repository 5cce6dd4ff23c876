package org.hearth.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.Scripts;
import org.hearth.transparency.AccessLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons and households. Every name is kept as written, in Latin, and under {@link Scripts#nameKey}, so that
 * Məmmədov, Mammadov and Мамедов, or Արմեն, Армен and Armen, are found by each other. Finding people is an access
 * to their data: each person found by a member of staff is recorded in the access log with the search's purpose.
 */
@Service
public class Registry {

	/** The one way households and persons are written, by registration and by import alike. */
	static final String INSERT_HOUSEHOLD = "INSERT INTO registry.household (id, origin, address, source, created_at) "
			+ "VALUES (?, ?, ?, ?, ?)";
	static final String INSERT_PERSON = """
			INSERT INTO registry.person (id, household_id, head, given_name, family_name, patronymic, latin_given,
			  latin_family, given_key, family_key, birth_date, birth_place, birth_place_key, displaced_year, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** The most persons one search returns. */
	public static final int SEARCH_LIMIT = 50;

	private final JdbcClient jdbc;
	private final AccessLog accessLog;
	private final Clock clock;

	Registry(JdbcClient jdbc, AccessLog accessLog, Clock clock) {
		this.jdbc = jdbc;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** A person to register, names as the person writes them, in any script. */
	public record NewPerson(String givenName, String familyName, @Nullable String patronymic,
			@Nullable LocalDate birthDate, @Nullable String birthPlace, @Nullable Integer displacedYear) {
	}

	/** A household with its head first. */
	public record NewHousehold(@Nullable String origin, @Nullable String address, String source,
			List<NewPerson> members) {
	}

	public record Person(UUID id, UUID household, boolean head, String givenName, String familyName,
			@Nullable String patronymic, String latinGiven, String latinFamily, @Nullable LocalDate birthDate,
			@Nullable String birthPlace, @Nullable Integer displacedYear) {
	}

	/**
	 * Why staff search the registry or open its records, recorded with every person found or opened. The names are
	 * those of the applications' purposes, whose texts the access log shows; a registry purpose of its own comes with
	 * its texts.
	 */
	public enum SearchPurpose {
		REVIEW, QUALITY_CHECK,
		/** To hand out aid to a household: a distribution list printed or a household found on the tablet. */
		DISTRIBUTION
	}

	/**
	 * A household as other modules count it: its settlement of origin (a gazetteer id) and its members not merged
	 * into another record, head first.
	 */
	public record Household(UUID id, @Nullable String origin, List<Person> members) {
	}

	/** A household on a list: its head, and how many members it has not merged away. */
	public record Listed(UUID household, Person head, int members) {
	}

	/** A household on a list without names: its id and how many members it has not merged away. */
	public record Sized(UUID household, int members) {
	}

	/** A person found, with how many of the words searched for their names matched. */
	public record Match(Person person, int matchedWords) {
	}

	/** Registers a household and its members; the first member is the head. Returns the household's id. */
	@Transactional
	public UUID register(NewHousehold household) {
		if (household.members().isEmpty()) {
			throw new RuleViolationException("registry.error.no-members");
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql(INSERT_HOUSEHOLD)
				.param(id).param(household.origin()).param(household.address()).param(household.source()).param(now)
				.update();
		boolean head = true;
		for (NewPerson member : household.members()) {
			insert(id, head, member, now);
			head = false;
		}
		return id;
	}

	private void insert(UUID household, boolean head, NewPerson person, Timestamp now) {
		String given = person.givenName().strip();
		String family = person.familyName().strip();
		if (given.isEmpty() || family.isEmpty()) {
			throw new RuleViolationException("registry.error.name-required");
		}
		Integer year = person.displacedYear();
		if (year != null && (year < 1988 || year > 1994)) {
			throw new RuleViolationException("registry.error.displaced-year");
		}
		jdbc.sql(INSERT_PERSON)
				.param(UUID.randomUUID()).param(household).param(head).param(given).param(family)
				.param(person.patronymic()).param(Scripts.toLatin(given)).param(Scripts.toLatin(family))
				.param(Scripts.nameKey(given)).param(Scripts.nameKey(family))
				.param(person.birthDate() == null ? null : Date.valueOf(person.birthDate()))
				.param(person.birthPlace())
				.param(person.birthPlace() == null ? null : Scripts.searchKey(person.birthPlace()))
				.param(year == null ? null : year.shortValue()).param(now).update();
	}

	/** The members of a household, head first. */
	public List<Person> household(UUID household) {
		return jdbc.sql("SELECT * FROM registry.person WHERE household_id = ? ORDER BY head DESC, created_at, id")
				.param(household).query(Registry::person).list();
	}

	/**
	 * A person another module holds a reference to, such as the ancestor a caseworker linked to a registration.
	 * A record merged into another gives the one it was merged into. Not a search: the access was recorded when the
	 * person was found.
	 */
	public Optional<Person> person(UUID id) {
		return jdbc.sql("""
				WITH RECURSIVE chain (id, merged_into, depth) AS (
				  SELECT id, merged_into, 0 FROM registry.person WHERE id = ?
				  UNION ALL
				  SELECT p.id, p.merged_into, c.depth + 1 FROM registry.person p JOIN chain c ON p.id = c.merged_into
				  WHERE c.depth < 20)
				SELECT p.* FROM chain c JOIN registry.person p ON p.id = c.id
				WHERE c.merged_into IS NULL""").param(id).query(Registry::person).optional();
	}

	/**
	 * Persons whose given or family name matches any word of {@code query}, in any script; those matching more words
	 * first. A record merged into another is not found: the one it was merged into is. Each person found is recorded in the access log under the staff member, with {@code purpose}.
	 */
	@Transactional
	public List<Match> search(CurrentUser staff, String query, SearchPurpose purpose) {
		return search(staff, query, purpose, null);
	}

	/**
	 * As {@link #search(CurrentUser, String, SearchPurpose)}, among the persons of households whose settlement of
	 * origin is {@code origin} only: nobody else is found, nor recorded as found.
	 */
	@Transactional
	public List<Match> search(CurrentUser staff, String query, SearchPurpose purpose, @Nullable String origin) {
		Set<String> keys = new LinkedHashSet<>();
		for (String word : query.strip().split("[\\s,]+")) {
			String key = word.isBlank() ? "" : Scripts.nameKey(word);
			if (!key.isEmpty()) {
				keys.add(key);
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		String[] wanted = keys.toArray(String[]::new);
		List<Match> found = jdbc.sql("""
				SELECT p.*, (CASE WHEN p.given_key = ANY(:keys) THEN 1 ELSE 0 END)
				  + (CASE WHEN p.family_key = ANY(:keys) THEN 1 ELSE 0 END) AS matched
				FROM registry.person p
				WHERE (p.given_key = ANY(:keys) OR p.family_key = ANY(:keys)) AND p.merged_into IS NULL
				  AND (CAST(:origin AS text) IS NULL
				    OR p.household_id IN (SELECT h.id FROM registry.household h WHERE h.origin = :origin))
				ORDER BY matched DESC, p.latin_family, p.latin_given, p.id LIMIT :limit""")
				.param("keys", wanted).param("origin", origin).param("limit", SEARCH_LIMIT)
				.query((rs, row) -> new Match(person(rs, row), rs.getInt("matched"))).list();
		for (Match match : found) {
			record(staff, match.person().id(), purpose, AccessLog.Action.SEARCH);
		}
		return found;
	}

	/** The members of a household, head first, as a member of staff opens it: each is recorded in the access log. */
	@Transactional
	public List<Person> household(CurrentUser staff, UUID household, SearchPurpose purpose) {
		List<Person> members = household(household);
		for (Person member : members) {
			record(staff, member.id(), purpose, AccessLog.Action.OPEN);
		}
		return members;
	}

	/** One person, merged or not, as a member of staff opens the record: recorded in the access log. */
	@Transactional
	public Optional<Person> person(CurrentUser staff, UUID id, SearchPurpose purpose) {
		Optional<Person> person = jdbc.sql("SELECT * FROM registry.person WHERE id = ?").param(id)
				.query(Registry::person).optional();
		person.ifPresent(found -> record(staff, found.id(), purpose, AccessLog.Action.OPEN));
		return person;
	}

	/**
	 * A household with its members not merged away, for counting and checking: nothing is shown, so nothing is
	 * recorded. Empty for an unknown id.
	 */
	public Optional<Household> findHousehold(UUID id) {
		return jdbc.sql("SELECT origin FROM registry.household WHERE id = ?").param(id)
				.query((rs, row) -> Optional.ofNullable(rs.getString("origin"))).optional()
				.map(origin -> new Household(id, origin.orElse(null), jdbc.sql("""
						SELECT * FROM registry.person WHERE household_id = ? AND merged_into IS NULL
						ORDER BY head DESC, created_at, id""").param(id).query(Registry::person).list()));
	}

	/** The same household as a member of staff opens it: each member shown is recorded in the access log. */
	@Transactional
	public Optional<Household> findHousehold(CurrentUser staff, UUID id, SearchPurpose purpose) {
		Optional<Household> household = findHousehold(id);
		household.ifPresent(found -> found.members()
				.forEach(member -> record(staff, member.id(), purpose, AccessLog.Action.OPEN)));
		return household;
	}

	/**
	 * The household the registry says this one is, after merges. A household is its head (or, without a head, its
	 * first member): when that person was merged into a person of another household, directly or through a chain of
	 * merges, the household is that other one, and so on until a household whose head stays in it. Empty for an
	 * unknown id. Households are never merged as such: this is what merging their people means for them.
	 */
	public Optional<UUID> canonicalHousehold(UUID household) {
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry.household WHERE id = ?)").param(household)
				.query(Boolean.class).single()) {
			return Optional.empty();
		}
		List<UUID> path = new java.util.ArrayList<>(List.of(household));
		UUID current = household;
		for (int step = 0; step < MERGE_DEPTH; step++) {
			UUID next = jdbc.sql("""
					WITH RECURSIVE chain (id, merged_into, depth) AS (
					  SELECT id, merged_into, 0 FROM (SELECT id, merged_into FROM registry.person WHERE household_id = ?
					    ORDER BY head DESC, created_at, id LIMIT 1) first
					  UNION ALL
					  SELECT p.id, p.merged_into, c.depth + 1 FROM registry.person p JOIN chain c ON p.id = c.merged_into
					  WHERE c.depth < 20)
					SELECT p.household_id FROM chain c JOIN registry.person p ON p.id = c.id
					WHERE c.merged_into IS NULL""").param(current).query(UUID.class).optional().orElse(current);
			if (next.equals(current)) {
				return Optional.of(current);
			}
			int seen = path.indexOf(next);
			if (seen >= 0) {
				// Merges that go round in a circle: the circle's smallest id, whichever household it is entered from.
				return path.subList(seen, path.size()).stream().min(java.util.Comparator.naturalOrder());
			}
			path.add(next);
			current = next;
		}
		return Optional.of(current);
	}

	/**
	 * Every household the registry counts as the same as this one: its canonical household (see
	 * {@link #canonicalHousehold}) and all the households whose canonical household that is. Empty for an unknown id.
	 */
	public Set<UUID> sameHousehold(UUID household) {
		Optional<UUID> canonical = canonicalHousehold(household);
		if (canonical.isEmpty()) {
			return Set.of();
		}
		Set<UUID> same = new LinkedHashSet<>(List.of(canonical.get()));
		for (int step = 0; step < MERGE_DEPTH; step++) {
			// Households whose head ends, through merges, at a person of one of these households.
			List<UUID> found = jdbc.sql("""
					WITH RECURSIVE merged (id, depth) AS (
					  SELECT id, 0 FROM registry.person WHERE household_id = ANY(CAST(? AS uuid[]))
					    AND merged_into IS NULL
					  UNION ALL
					  SELECT p.id, m.depth + 1 FROM registry.person p JOIN merged m ON p.merged_into = m.id
					  WHERE m.depth < 20)
					SELECT DISTINCT h.id FROM merged m JOIN registry.person p ON p.id = m.id
					JOIN registry.household h ON h.id = p.household_id
					WHERE p.id = (SELECT f.id FROM registry.person f WHERE f.household_id = h.id
					  ORDER BY f.head DESC, f.created_at, f.id LIMIT 1)""")
					.param(same.stream().map(UUID::toString).toArray(String[]::new)).query(UUID.class).list();
			if (!same.addAll(found)) {
				break;
			}
		}
		same.removeIf(h -> !h.equals(canonical.get()) && !canonicalHousehold(h).equals(canonical));
		return same;
	}

	/** How many households of a settlement of origin are their own canonical household: those a list shows. */
	public int countHouseholds(String origin) {
		return jdbc.sql("""
				SELECT count(*) FROM registry.household h JOIN registry.person p ON p.household_id = h.id AND p.head
				WHERE h.origin = ? AND p.merged_into IS NULL""").param(origin).query(Integer.class).single();
	}

	/**
	 * The households of a settlement of origin whose head was not merged away, by the head's name in Latin, from
	 * {@code offset}: a list to print. Each head shown is recorded in the access log as found, with {@code purpose}.
	 */
	@Transactional
	public List<Listed> households(CurrentUser staff, String origin, int offset, int limit, SearchPurpose purpose) {
		List<Listed> listed = jdbc.sql(LISTED).param("origin", origin).param("offset", offset).param("limit", limit)
				.query((rs, row) -> new Listed(rs.getObject("household_id", UUID.class), person(rs, row),
						rs.getInt("members")))
				.list();
		for (Listed household : listed) {
			record(staff, household.head().id(), purpose, AccessLog.Action.SEARCH);
		}
		return listed;
	}

	/** The same households in the same order, without names: nothing personal is shown, nothing recorded. */
	public List<Sized> householdSizes(String origin, int offset, int limit) {
		return jdbc.sql(LISTED).param("origin", origin).param("offset", offset).param("limit", limit)
				.query((rs, row) -> new Sized(rs.getObject("household_id", UUID.class), rs.getInt("members"))).list();
	}

	private static final String LISTED = """
			SELECT p.*, (SELECT count(*) FROM registry.person m WHERE m.household_id = h.id AND m.merged_into IS NULL)
			  AS members
			FROM registry.household h JOIN registry.person p ON p.household_id = h.id AND p.head
			WHERE h.origin = :origin AND p.merged_into IS NULL
			ORDER BY p.latin_family, p.latin_given, h.id OFFSET :offset LIMIT :limit""";

	/** How many merges are followed at most: far more than any real chain. */
	static final int MERGE_DEPTH = 20;

	private void record(CurrentUser staff, UUID person, SearchPurpose purpose, AccessLog.Action action) {
		accessLog.record("person", person, staff.uuid(), staffRole(staff),
				staff.office().map(OfficeId::code).orElse(null), purpose.name(), action);
	}

	/** The role under which a member of staff is recorded: the first of their staff roles by name. */
	static String staffRole(CurrentUser staff) {
		return staff.roles().stream().filter(org.hearth.identity.Role::isStaff).map(Enum::name).sorted().findFirst()
				.orElse("STAFF");
	}

	private static Person person(ResultSet rs, int row) throws SQLException {
		Date birth = rs.getDate("birth_date");
		Integer year = rs.getObject("displaced_year", Integer.class);
		return new Person(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getBoolean("head"), rs.getString("given_name"), rs.getString("family_name"),
				rs.getString("patronymic"), rs.getString("latin_given"), rs.getString("latin_family"),
				birth == null ? null : birth.toLocalDate(), rs.getString("birth_place"),
				year);
	}
}
