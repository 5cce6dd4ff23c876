package org.hearth.aid;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.Languages;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The field hospital's roster: its members (a name as written, a role, the languages they work in; never contact
 * details or ethnicity), the minimum of each role every shift needs, and who works which shift. Coverage compares
 * each shift with those minimums and with the languages every shift must speak ({@code hearth.aid.shift-languages}),
 * so that gaps are seen before the shift, not during it.
 * <p>
 * The rules of an assignment: a member at most once per shift; never an inactive member; never in the past; and at
 * least one shift off between two shifts, so nobody works the night and then the next day, or the day and then the
 * same night. Every assignment of one member is made under a lock of that member's row, so the rules hold when
 * coordinators assign at the same moment. Members are never deleted; every change is appended to
 * {@code aid.roster_change}.
 */
@Service
public class Roster {

	/** The kinds of facility that keep their roster here: the field hospital the two communities staff jointly. */
	public static final Set<FacilityKind> ROSTERED = Collections.unmodifiableSet(EnumSet.of(FacilityKind.FIELD_HOSPITAL));

	/** How many days ahead shifts may be planned; further is almost certainly a typing error in the date. */
	public static final int DAYS_AHEAD = 366;

	/** The largest minimum of one role per shift. */
	public static final int MAX_MINIMUM = 50;

	/** The longest name, in characters. */
	public static final int NAME_LENGTH = 200;

	private static final Comparator<Member> BY_ROLE_AND_NAME = Comparator.comparing(Member::role)
			.thenComparing(Member::name);

	private final JdbcClient jdbc;
	private final Facilities facilities;
	private final List<String> shiftLanguages;
	private final DisplayZone zone;
	private final Clock clock;

	Roster(JdbcClient jdbc, Facilities facilities, AidProperties properties, DisplayZone zone, Clock clock) {
		List<String> languages = properties.shiftLanguages().stream().map(String::strip).distinct().toList();
		List<String> unknown = languages.stream().filter(l -> !Languages.CODES.contains(l)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("hearth.aid.shift-languages: " + unknown + " not among "
					+ Languages.CODES + "; nobody on a roster could speak it");
		}
		this.jdbc = jdbc;
		this.facilities = facilities;
		this.shiftLanguages = languages;
		this.zone = zone;
		this.clock = clock;
	}

	/** One shift: the day or the night shift of a day. */
	public record Slot(LocalDate day, Shift shift) implements Comparable<Slot> {

		/** The shift that ends as this one starts. */
		public Slot previous() {
			return shift == Shift.NIGHT ? new Slot(day, Shift.DAY) : new Slot(day.minusDays(1), Shift.NIGHT);
		}

		/** The shift that starts as this one ends. */
		public Slot next() {
			return shift == Shift.DAY ? new Slot(day, Shift.NIGHT) : new Slot(day.plusDays(1), Shift.DAY);
		}

		@Override
		public int compareTo(Slot other) {
			int byDay = day.compareTo(other.day);
			return byDay != 0 ? byDay : shift.compareTo(other.shift);
		}
	}

	/**
	 * A member of a facility's roster.
	 *
	 * @param languages the language codes they work in, in Hearth's order (hy, az, ru, en)
	 */
	public record Member(UUID id, UUID facility, String name, StaffRole role, List<String> languages,
			boolean active) {

		public boolean speaks(String language) {
			return languages.contains(language);
		}
	}

	/** A new member as a coordinator enters them: name as written, role, language codes. */
	public record NewMember(String name, StaffRole role, Collection<String> languages) {
	}

	/** How many of a role a shift has against the minimum the facility's coverage rules set (0 when none). */
	public record RoleCount(StaffRole role, int assigned, int minimum) {

		public boolean isShort() {
			return assigned < minimum;
		}

		public int missing() {
			return Math.max(0, minimum - assigned);
		}
	}

	/** How many on a shift speak a language every shift needs. */
	public record LanguageCount(String language, int speakers) {

		public boolean covered() {
			return speakers > 0;
		}
	}

	/**
	 * Who works a shift and how that covers it.
	 *
	 * @param staff the members on the shift, by role and name
	 * @param roles every role in order, with its count and minimum
	 * @param languages every language each shift needs, with how many on the shift speak it
	 */
	public record ShiftCoverage(Slot slot, List<Member> staff, List<RoleCount> roles, List<LanguageCount> languages) {

		public List<RoleCount> shortRoles() {
			return roles.stream().filter(RoleCount::isShort).toList();
		}

		public List<String> missingLanguages() {
			return languages.stream().filter(l -> !l.covered()).map(LanguageCount::language).toList();
		}

		public boolean hasGaps() {
			return !shortRoles().isEmpty() || !missingLanguages().isEmpty();
		}

		public RoleCount count(StaffRole role) {
			return roles.get(role.ordinal());
		}

		public ShiftGap gap() {
			return new ShiftGap(slot.day(), slot.shift(), shortRoles(), missingLanguages());
		}
	}

	/** A shift short of staff: the roles below their minimum and the needed languages nobody on it speaks. No names. */
	public record ShiftGap(LocalDate day, Shift shift, List<RoleCount> shortRoles, List<String> missingLanguages) {
	}

	/** A member taken off the roster, and how many planned shifts (after today) they were taken off. */
	public record Deactivated(Member member, int shiftsLeft) {
	}

	/**
	 * Whom a coordinator can put on a shift: active members not on it who have the shifts before and after free;
	 * and the active members who cannot because they work one of those (resting).
	 */
	public record Candidates(List<Member> available, List<Member> resting) {
	}

	/** The facilities that keep a roster, by settlement and name: what a dashboard lists. */
	public List<Facilities.Facility> fieldHospitals() {
		return facilities.facilities(null, null).stream().filter(f -> ROSTERED.contains(f.kind())).toList();
	}

	/** A facility that keeps a roster; any other, or an unknown id, is not found. */
	public Facilities.Facility facility(UUID id) {
		Facilities.Facility facility = facilities.facility(id);
		if (!ROSTERED.contains(facility.kind())) {
			throw new NotFoundException();
		}
		return facility;
	}

	/** The languages every shift needs someone speaking, as configured. */
	public List<String> shiftLanguages() {
		return shiftLanguages;
	}

	/** Today in the region's time zone: shifts before it are in the past. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	/** The facility's members, active first, then by role and name. */
	public List<Member> members(UUID facility) {
		facility(facility);
		return jdbc.sql("SELECT * FROM aid.roster_member WHERE facility = ?").param(facility).query(Roster::member)
				.list().stream()
				.sorted(Comparator.comparing((Member m) -> !m.active()).thenComparing(BY_ROLE_AND_NAME)).toList();
	}

	public Member member(UUID id) {
		return jdbc.sql("SELECT * FROM aid.roster_member WHERE id = ?").param(id).query(Roster::member).optional()
				.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Member add(CurrentUser staff, UUID facility, NewMember member) {
		return add(staff.uuid(), facility, member);
	}

	@Transactional
	Member add(UUID by, UUID facility, NewMember member) {
		facility(facility);
		String name = member.name().strip();
		if (name.isEmpty() || name.codePointCount(0, name.length()) > NAME_LENGTH) {
			throw new RuleViolationException("aid.error.roster-name", NAME_LENGTH);
		}
		List<String> languages = Languages.CODES.stream().filter(member.languages()::contains).toList();
		if (languages.isEmpty() || !languages.containsAll(member.languages())) {
			throw new RuleViolationException("aid.error.roster-languages");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO aid.roster_member (id, facility, name, role, languages, active, created_at)
				VALUES (?, ?, ?, ?, ?::text[], true, ?)""")
				.params(id, facility, name, member.role().name(), languages.toArray(String[]::new),
						Timestamp.from(clock.instant()))
				.update();
		log(facility, "MEMBER_ADDED", id, null, null, null, by);
		return member(id);
	}

	/**
	 * Takes a member off the roster: they can no longer be assigned, and come off every shift after today. Their
	 * past shifts, and today's, stay as worked.
	 */
	@Transactional
	public Deactivated deactivate(CurrentUser staff, UUID member) {
		return deactivate(staff.uuid(), member);
	}

	@Transactional
	Deactivated deactivate(UUID by, UUID member) {
		Member m = lock(member);
		if (!m.active()) {
			throw new RuleViolationException("aid.error.roster-already-inactive", m.name());
		}
		jdbc.sql("UPDATE aid.roster_member SET active = false WHERE id = ?").param(member).update();
		List<Slot> removed = jdbc.sql("""
				DELETE FROM aid.shift_assignment WHERE member = ? AND day > ? RETURNING day, shift""")
				.params(member, Date.valueOf(today()))
				.query((rs, n) -> new Slot(rs.getObject("day", LocalDate.class), Shift.valueOf(rs.getString("shift"))))
				.list();
		for (Slot slot : removed.stream().sorted().toList()) {
			log(m.facility(), "UNASSIGNED", member, slot, null, null, by);
		}
		log(m.facility(), "MEMBER_DEACTIVATED", member, null, null, null, by);
		return new Deactivated(member(member), removed.size());
	}

	@Transactional
	public Member reactivate(CurrentUser staff, UUID member) {
		Member m = lock(member);
		if (m.active()) {
			throw new RuleViolationException("aid.error.roster-already-active", m.name());
		}
		jdbc.sql("UPDATE aid.roster_member SET active = true WHERE id = ?").param(member).update();
		log(m.facility(), "MEMBER_REACTIVATED", member, null, null, null, staff.uuid());
		return member(member);
	}

	/** The minimum of every role per shift, 0 for a role no rule names. */
	public Map<StaffRole, Integer> minimums(UUID facility) {
		Map<StaffRole, Integer> minimums = new EnumMap<>(StaffRole.class);
		for (StaffRole role : StaffRole.values()) {
			minimums.put(role, 0);
		}
		jdbc.sql("SELECT role, minimum FROM aid.coverage_rule WHERE facility = ?").param(facility)
				.query((rs, n) -> minimums.put(StaffRole.valueOf(rs.getString(1)), rs.getInt(2))).list();
		return minimums;
	}

	/** Sets the minimum per shift of the roles given; the others keep theirs. Only a changed minimum is recorded. */
	@Transactional
	public Map<StaffRole, Integer> setMinimums(CurrentUser staff, UUID facility, Map<StaffRole, Integer> minimums) {
		return setMinimums(staff.uuid(), facility, minimums);
	}

	@Transactional
	Map<StaffRole, Integer> setMinimums(UUID by, UUID facility, Map<StaffRole, Integer> minimums) {
		facility(facility);
		for (int minimum : minimums.values()) {
			if (minimum < 0 || minimum > MAX_MINIMUM) {
				throw new RuleViolationException("aid.error.roster-minimum", MAX_MINIMUM);
			}
		}
		for (StaffRole role : StaffRole.values()) {
			Integer minimum = minimums.get(role);
			if (minimum == null) {
				continue;
			}
			List<String> changed = jdbc.sql("""
					INSERT INTO aid.coverage_rule (facility, role, minimum) VALUES (?, ?, ?)
					ON CONFLICT (facility, role) DO UPDATE SET minimum = EXCLUDED.minimum
					  WHERE aid.coverage_rule.minimum <> EXCLUDED.minimum
					RETURNING role""")
					.params(facility, role.name(), minimum).query(String.class).list();
			if (!changed.isEmpty()) {
				log(facility, "MINIMUM_SET", null, null, role, minimum, by);
			}
		}
		return minimums(facility);
	}

	/**
	 * Puts a member on a shift of their facility. Refused: a shift in the past or more than {@link #DAYS_AHEAD} days
	 * ahead, an inactive member, a member already on the shift, a member on the shift just before or just after.
	 */
	@Transactional
	public void assign(CurrentUser staff, UUID facility, Slot slot, UUID member) {
		assign(staff.uuid(), facility, slot, member);
	}

	@Transactional
	void assign(UUID by, UUID facility, Slot slot, UUID member) {
		facility(facility);
		Member m = lock(member);
		if (!m.facility().equals(facility)) {
			throw new NotFoundException();
		}
		LocalDate today = today();
		if (slot.day().isBefore(today)) {
			throw new RuleViolationException("aid.error.roster-past");
		}
		if (slot.day().isAfter(today.plusDays(DAYS_AHEAD))) {
			throw new RuleViolationException("aid.error.roster-too-far", DAYS_AHEAD);
		}
		if (!m.active()) {
			throw new RuleViolationException("aid.error.roster-inactive", m.name());
		}
		if (works(member, slot)) {
			throw new RuleViolationException("aid.error.roster-already-assigned", m.name());
		}
		if (works(member, slot.previous()) || works(member, slot.next())) {
			throw new RuleViolationException("aid.error.roster-rest", m.name());
		}
		int inserted = jdbc.sql("""
				INSERT INTO aid.shift_assignment (facility, day, shift, member, assigned_by, assigned_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(facility, Date.valueOf(slot.day()), slot.shift().name(), member, by,
						Timestamp.from(clock.instant()))
				.update();
		if (inserted == 0) {
			throw new RuleViolationException("aid.error.roster-already-assigned", m.name());
		}
		log(facility, "ASSIGNED", member, slot, null, null, by);
	}

	/** Takes a member off a shift that is not in the past. */
	@Transactional
	public void unassign(CurrentUser staff, UUID facility, Slot slot, UUID member) {
		facility(facility);
		Member m = lock(member);
		if (!m.facility().equals(facility)) {
			throw new NotFoundException();
		}
		if (slot.day().isBefore(today())) {
			throw new RuleViolationException("aid.error.roster-past");
		}
		int deleted = jdbc.sql("""
				DELETE FROM aid.shift_assignment WHERE facility = ? AND day = ? AND shift = ? AND member = ?""")
				.params(facility, Date.valueOf(slot.day()), slot.shift().name(), member).update();
		if (deleted == 0) {
			throw new RuleViolationException("aid.error.roster-not-assigned", m.name());
		}
		log(facility, "UNASSIGNED", member, slot, null, null, staff.uuid());
	}

	/** Every shift of {@code days} days from {@code from}, day shift then night shift, with its coverage. */
	public List<ShiftCoverage> coverage(UUID facility, LocalDate from, int days) {
		facility(facility);
		if (days < 1 || days > DAYS_AHEAD) {
			throw new IllegalArgumentException("days: 1 to " + DAYS_AHEAD);
		}
		Map<StaffRole, Integer> minimums = minimums(facility);
		Map<Slot, List<Member>> staff = new HashMap<>();
		jdbc.sql("""
				SELECT a.day, a.shift, m.* FROM aid.shift_assignment a JOIN aid.roster_member m ON m.id = a.member
				WHERE a.facility = ? AND a.day >= ? AND a.day < ?""")
				.params(facility, Date.valueOf(from), Date.valueOf(from.plusDays(days)))
				.query((rs, n) -> staff.computeIfAbsent(
						new Slot(rs.getObject("day", LocalDate.class), Shift.valueOf(rs.getString("shift"))),
						s -> new ArrayList<>()).add(member(rs, n)))
				.list();
		List<ShiftCoverage> coverage = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			for (Shift shift : Shift.values()) {
				Slot slot = new Slot(from.plusDays(d), shift);
				coverage.add(cover(slot, staff.getOrDefault(slot, List.of()), minimums, shiftLanguages));
			}
		}
		return coverage;
	}

	public ShiftCoverage coverage(UUID facility, Slot slot) {
		return coverage(facility, slot.day(), 1).get(slot.shift().ordinal());
	}

	/** The shifts of {@code days} days from {@code from} that are short of a role or a language, in order. */
	public List<ShiftGap> gaps(UUID facility, LocalDate from, int days) {
		return coverage(facility, from, days).stream().filter(ShiftCoverage::hasGaps).map(ShiftCoverage::gap).toList();
	}

	/** Whom a coordinator can put on the shift, and who must rest from the shift before or after. */
	public Candidates candidates(UUID facility, Slot slot) {
		List<ShiftCoverage> around = coverage(facility, slot.day().minusDays(1), 3);
		Set<UUID> on = ids(around.get(2 + slot.shift().ordinal()));
		Set<UUID> beside = new java.util.HashSet<>(ids(around.get(1 + slot.shift().ordinal())));
		beside.addAll(ids(around.get(3 + slot.shift().ordinal())));
		List<Member> active = members(facility).stream().filter(Member::active).filter(m -> !on.contains(m.id()))
				.toList();
		return new Candidates(active.stream().filter(m -> !beside.contains(m.id())).toList(),
				active.stream().filter(m -> beside.contains(m.id())).toList());
	}

	/** How the members on a shift cover it: each role against its minimum, each needed language. */
	static ShiftCoverage cover(Slot slot, List<Member> staff, Map<StaffRole, Integer> minimums,
			List<String> languages) {
		List<Member> sorted = staff.stream().sorted(BY_ROLE_AND_NAME).toList();
		List<RoleCount> roles = Arrays.stream(StaffRole.values())
				.map(role -> new RoleCount(role, (int) sorted.stream().filter(m -> m.role() == role).count(),
						minimums.getOrDefault(role, 0)))
				.toList();
		List<LanguageCount> spoken = languages.stream()
				.map(l -> new LanguageCount(l, (int) sorted.stream().filter(m -> m.speaks(l)).count())).toList();
		return new ShiftCoverage(slot, sorted, roles, spoken);
	}

	private static Set<UUID> ids(ShiftCoverage coverage) {
		return coverage.staff().stream().map(Member::id).collect(java.util.stream.Collectors.toSet());
	}

	/** The member's row, locked for the transaction: one member's changes and assignments happen one at a time. */
	private Member lock(UUID member) {
		return jdbc.sql("SELECT * FROM aid.roster_member WHERE id = ? FOR UPDATE").param(member)
				.query(Roster::member).optional().orElseThrow(NotFoundException::new);
	}

	private boolean works(UUID member, Slot slot) {
		return jdbc.sql("SELECT count(*) FROM aid.shift_assignment WHERE member = ? AND day = ? AND shift = ?")
				.params(member, Date.valueOf(slot.day()), slot.shift().name()).query(Integer.class).single() > 0;
	}

	private void log(UUID facility, String change, @Nullable UUID member, @Nullable Slot slot,
			@Nullable StaffRole role, @Nullable Integer minimum, UUID by) {
		jdbc.sql("""
				INSERT INTO aid.roster_change (facility, change, member, day, shift, role, minimum, changed_by,
				  changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(facility, change, member, slot == null ? null : Date.valueOf(slot.day()),
						slot == null ? null : slot.shift().name(), role == null ? null : role.name(), minimum, by,
						Timestamp.from(clock.instant()))
				.update();
	}

	private static Member member(ResultSet rs, int n) throws SQLException {
		String[] languages = (String[]) rs.getArray("languages").getArray();
		return new Member(rs.getObject("id", UUID.class), rs.getObject("facility", UUID.class), rs.getString("name"),
				StaffRole.valueOf(rs.getString("role")), List.of(languages), rs.getBoolean("active"));
	}
}
