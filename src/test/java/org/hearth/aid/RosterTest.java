package org.hearth.aid;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hearth.HearthTest;
import org.hearth.aid.Roster.Slot;
import org.hearth.identity.CurrentUser;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The roster on PostgreSQL: coverage and gaps of each shift, the rules of an assignment (once per shift, never an
 * inactive member, a shift off between two shifts, never in the past), also when twenty coordinators assign at
 * once; deactivation that keeps the past; the rules the database holds itself; and the demo's roster.
 */
@HearthTest
class RosterTest {

	@Autowired
	Roster roster;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	CurrentUser staff;

	UUID hospital;

	LocalDate today;

	@BeforeEach
	void hospital() {
		staff = fixtures.coordinator();
		hospital = fixtures.facility(FacilityKind.FIELD_HOSPITAL, "xocali");
		today = roster.today();
	}

	Roster.Member member(String name, StaffRole role, String... languages) {
		return roster.add(staff, hospital, new Roster.NewMember(name, role, List.of(languages)));
	}

	Map<StaffRole, Integer> minimums(Object... roleAndMinimum) {
		Map<StaffRole, Integer> minimums = new EnumMap<>(StaffRole.class);
		for (int i = 0; i < roleAndMinimum.length; i += 2) {
			minimums.put((StaffRole) roleAndMinimum[i], (Integer) roleAndMinimum[i + 1]);
		}
		return minimums;
	}

	RuleViolationException refusal(Runnable change) {
		return catchThrowableOfType(RuleViolationException.class, change::run);
	}

	@Test
	void eachShiftIsCountedPerRoleAgainstItsMinimumAndItsLanguagesAndOnlyShortShiftsAreGaps() {
		roster.setMinimums(staff, hospital, minimums(StaffRole.DOCTOR, 2, StaffRole.NURSE, 1, StaffRole.INTERPRETER, 1));
		var aram = member("Արամ Պետրոսյան", StaffRole.DOCTOR, "hy", "ru");
		var leyla = member("Leyla Məmmədova", StaffRole.DOCTOR, "az", "en");
		var nina = member("Нина Кузнецова", StaffRole.NURSE, "ru");
		var davit = member("Դավիթ Ավագյան", StaffRole.INTERPRETER, "hy", "az");
		var tural = member("Tural Nəsirov", StaffRole.PARAMEDIC, "az");
		LocalDate day = today.plusDays(2);
		Slot dayShift = new Slot(day, Shift.DAY);
		Slot night = new Slot(day, Shift.NIGHT);
		// The day: one doctor of two, a nurse, no interpreter, nobody speaking az; a paramedic nobody asked for.
		roster.assign(staff, hospital, dayShift, aram.id());
		roster.assign(staff, hospital, dayShift, nina.id());
		roster.assign(staff, hospital, dayShift, tural.id());
		// Tural speaks az: take him off again, so that az is missing.
		roster.unassign(staff, hospital, dayShift, tural.id());
		// The night: everything the rules ask.
		var irina = member("Ирина Соколова", StaffRole.DOCTOR, "ru");
		var gunay = member("Günay Əliyeva", StaffRole.NURSE, "az", "ru");
		roster.assign(staff, hospital, night, leyla.id());
		roster.assign(staff, hospital, night, irina.id());
		roster.assign(staff, hospital, night, gunay.id());
		roster.assign(staff, hospital, night, davit.id());

		Roster.ShiftCoverage short_ = roster.coverage(hospital, dayShift);
		assertThat(short_.staff()).extracting(Roster.Member::name).containsExactly("Արամ Պետրոսյան", "Нина Кузнецова");
		assertThat(short_.count(StaffRole.DOCTOR)).isEqualTo(new Roster.RoleCount(StaffRole.DOCTOR, 1, 2));
		assertThat(short_.count(StaffRole.NURSE)).isEqualTo(new Roster.RoleCount(StaffRole.NURSE, 1, 1));
		assertThat(short_.count(StaffRole.PARAMEDIC)).isEqualTo(new Roster.RoleCount(StaffRole.PARAMEDIC, 0, 0));
		assertThat(short_.shortRoles()).containsExactly(new Roster.RoleCount(StaffRole.DOCTOR, 1, 2),
				new Roster.RoleCount(StaffRole.INTERPRETER, 0, 1));
		assertThat(short_.languages()).containsExactly(new Roster.LanguageCount("hy", 1),
				new Roster.LanguageCount("az", 0));
		assertThat(short_.missingLanguages()).containsExactly("az");
		assertThat(short_.hasGaps()).isTrue();

		Roster.ShiftCoverage full = roster.coverage(hospital, night);
		assertThat(full.shortRoles()).isEmpty();
		assertThat(full.missingLanguages()).isEmpty();
		assertThat(full.languages()).containsExactly(new Roster.LanguageCount("hy", 1),
				new Roster.LanguageCount("az", 3));
		assertThat(full.hasGaps()).isFalse();

		// Over the whole day only the day shift is a gap, with what it lacks; no names.
		assertThat(roster.gaps(hospital, day, 1)).containsExactly(new Roster.ShiftGap(day, Shift.DAY,
				List.of(new Roster.RoleCount(StaffRole.DOCTOR, 1, 2), new Roster.RoleCount(StaffRole.INTERPRETER, 0, 1)),
				List.of("az")));
		// An empty shift lacks everything; fourteen days are twenty-eight shifts, in order.
		List<Roster.ShiftCoverage> fortnight = roster.coverage(hospital, today, 14);
		assertThat(fortnight).hasSize(28);
		assertThat(fortnight.get(0).slot()).isEqualTo(new Slot(today, Shift.DAY));
		assertThat(fortnight.get(27).slot()).isEqualTo(new Slot(today.plusDays(13), Shift.NIGHT));
		assertThat(roster.gaps(hospital, today, 14)).hasSize(27).noneMatch(g -> g.day().equals(day)
				&& g.shift() == Shift.NIGHT);
		assertThat(roster.gaps(hospital, today, 1).get(0).missingLanguages()).containsExactly("hy", "az");
	}

	@Test
	void theMinimumsAreKeptPerRoleAndOnlyAChangeIsRecorded() {
		assertThat(roster.minimums(hospital)).containsEntry(StaffRole.DOCTOR, 0).hasSize(6);
		roster.setMinimums(staff, hospital, minimums(StaffRole.DOCTOR, 2, StaffRole.NURSE, 4));
		roster.setMinimums(staff, hospital, minimums(StaffRole.DOCTOR, 2, StaffRole.INTERPRETER, 1));
		assertThat(roster.minimums(hospital)).containsEntry(StaffRole.DOCTOR, 2).containsEntry(StaffRole.NURSE, 4)
				.containsEntry(StaffRole.INTERPRETER, 1).containsEntry(StaffRole.SUPPORT, 0);
		assertThat(changes("MINIMUM_SET")).isEqualTo(3);

		assertThat(refusal(() -> roster.setMinimums(staff, hospital, minimums(StaffRole.NURSE, 51))).messageKey())
				.isEqualTo("aid.error.roster-minimum");
		assertThat(refusal(() -> roster.setMinimums(staff, hospital, minimums(StaffRole.NURSE, -1))).messageKey())
				.isEqualTo("aid.error.roster-minimum");
		assertThat(roster.minimums(hospital)).containsEntry(StaffRole.NURSE, 4);
	}

	@Test
	void aMemberNeedsANameAndLanguagesOfTheFourAndOnlyAFieldHospitalKeepsARoster() {
		var member = member("  Մարիամ Հովհաննիսյան ", StaffRole.NURSE, "en", "hy");
		assertThat(member.name()).isEqualTo("Մարիամ Հովհաննիսյան");
		assertThat(member.languages()).containsExactly("hy", "en");
		assertThat(member.active()).isTrue();
		assertThat(roster.members(hospital)).containsExactly(member);

		assertThat(refusal(() -> member(" ", StaffRole.NURSE, "hy")).messageKey()).isEqualTo("aid.error.roster-name");
		assertThat(refusal(() -> member("x".repeat(201), StaffRole.NURSE, "hy")).messageKey())
				.isEqualTo("aid.error.roster-name");
		assertThat(refusal(() -> member("Name", StaffRole.NURSE)).messageKey()).isEqualTo("aid.error.roster-languages");
		assertThat(refusal(() -> member("Name", StaffRole.NURSE, "hy", "tr")).messageKey())
				.isEqualTo("aid.error.roster-languages");

		UUID school = fixtures.facility(FacilityKind.SCHOOL, "xocali");
		assertThat(catchThrowable(() -> roster.add(staff, school, new Roster.NewMember("A", StaffRole.NURSE,
				List.of("hy"))))).isInstanceOf(NotFoundException.class);
		assertThat(catchThrowable(() -> roster.coverage(school, today, 14))).isInstanceOf(NotFoundException.class);
		assertThat(catchThrowable(() -> roster.members(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
		assertThat(roster.fieldHospitals()).extracting(Facilities.Facility::id).contains(hospital)
				.doesNotContain(school);
	}

	@Test
	void anAssignmentIsRefusedTwiceForAnInactiveMemberBackToBackInThePastAndTooFarAhead() {
		var aram = member("Արամ Պետրոսյան", StaffRole.DOCTOR, "hy");
		LocalDate day = today.plusDays(3);
		roster.assign(staff, hospital, new Slot(day, Shift.NIGHT), aram.id());

		assertThat(refusal(() -> roster.assign(staff, hospital, new Slot(day, Shift.NIGHT), aram.id())).messageKey())
				.isEqualTo("aid.error.roster-already-assigned");
		// The night of a day and the next day back to back; the day and then the same night likewise.
		RuleViolationException rest = refusal(() -> roster.assign(staff, hospital, new Slot(day.plusDays(1), Shift.DAY),
				aram.id()));
		assertThat(rest.messageKey()).isEqualTo("aid.error.roster-rest");
		assertThat(rest.arguments()).containsExactly("Արամ Պետրոսյան");
		assertThat(refusal(() -> roster.assign(staff, hospital, new Slot(day, Shift.DAY), aram.id())).messageKey())
				.isEqualTo("aid.error.roster-rest");
		// A shift off in between is enough: the night before, the next night, the day after the next.
		roster.assign(staff, hospital, new Slot(day.minusDays(1), Shift.DAY), aram.id());
		roster.assign(staff, hospital, new Slot(day.plusDays(1), Shift.NIGHT), aram.id());
		assertThat(refusal(() -> roster.assign(staff, hospital, new Slot(day.minusDays(1), Shift.NIGHT), aram.id()))
				.messageKey()).isEqualTo("aid.error.roster-rest");

		assertThat(refusal(() -> roster.assign(staff, hospital, new Slot(today.minusDays(1), Shift.NIGHT), aram.id()))
				.messageKey()).isEqualTo("aid.error.roster-past");
		assertThat(refusal(() -> roster.assign(staff, hospital,
				new Slot(today.plusDays(Roster.DAYS_AHEAD + 1), Shift.DAY), aram.id())).messageKey())
				.isEqualTo("aid.error.roster-too-far");
		// Today is not the past.
		roster.assign(staff, hospital, new Slot(today, Shift.DAY), aram.id());

		var leyla = member("Leyla Məmmədova", StaffRole.DOCTOR, "az");
		roster.deactivate(staff, leyla.id());
		RuleViolationException inactive = refusal(() -> roster.assign(staff, hospital, new Slot(day, Shift.DAY),
				leyla.id()));
		assertThat(inactive.messageKey()).isEqualTo("aid.error.roster-inactive");
		assertThat(inactive.arguments()).containsExactly("Leyla Məmmədova");

		// A member of another field hospital is not found here.
		UUID other = fixtures.facility(FacilityKind.FIELD_HOSPITAL, "susa");
		var elsewhere = roster.add(staff, other, new Roster.NewMember("Нина", StaffRole.NURSE, List.of("ru")));
		assertThat(catchThrowable(() -> roster.assign(staff, hospital, new Slot(day, Shift.DAY), elsewhere.id())))
				.isInstanceOf(NotFoundException.class);
		assertThat(catchThrowable(() -> roster.assign(staff, hospital, new Slot(day, Shift.DAY), UUID.randomUUID())))
				.isInstanceOf(NotFoundException.class);

		assertThat(jdbc.sql("SELECT count(*) FROM aid.shift_assignment WHERE member = ?").param(aram.id())
				.query(Integer.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM aid.shift_assignment WHERE member = ?").param(leyla.id())
				.query(Integer.class).single()).isZero();
	}

	@Test
	void twentyCoordinatorsAssigningTheSameMemberToTheSameShiftAtOnceMakeOneAssignmentAndNineteenRefusals()
			throws Exception {
		var nurse = member("Günay Əliyeva", StaffRole.NURSE, "az", "ru");
		Slot slot = new Slot(today.plusDays(5), Shift.NIGHT);
		List<CurrentUser> coordinators = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			coordinators.add(i % 2 == 0 ? staff : fixtures.newCoordinator());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (CurrentUser coordinator : coordinators) {
				Callable<String> assign = () -> {
					start.await();
					try {
						roster.assign(coordinator, hospital, slot, nurse.id());
						return "assigned";
					}
					catch (RuleViolationException refused) {
						return refused.messageKey();
					}
				};
				outcomes.add(pool.submit(assign));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).filteredOn("assigned"::equals).hasSize(1);
			assertThat(results).filteredOn("aid.error.roster-already-assigned"::equals).hasSize(19);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM aid.shift_assignment WHERE member = ? AND day = ? AND shift = ?")
				.params(nurse.id(), Date.valueOf(slot.day()), slot.shift().name()).query(Integer.class).single())
				.isEqualTo(1);
		assertThat(changes("ASSIGNED")).isEqualTo(1);
	}

	@Test
	void deactivationKeepsPastAndTodaysShiftsTakesTheMemberOffLaterOnesAndIsRecorded() {
		var ani = member("Անի Սարգսյան", StaffRole.NURSE, "hy", "ru");
		// A shift worked last week, as the roster recorded it then.
		jdbc.sql("""
				INSERT INTO aid.shift_assignment (facility, day, shift, member, assigned_by, assigned_at)
				VALUES (?, ?, 'DAY', ?, ?, ?)""")
				.params(hospital, Date.valueOf(today.minusDays(7)), ani.id(), staff.uuid(),
						Timestamp.from(Instant.now()))
				.update();
		roster.assign(staff, hospital, new Slot(today, Shift.NIGHT), ani.id());
		roster.assign(staff, hospital, new Slot(today.plusDays(2), Shift.DAY), ani.id());
		roster.assign(staff, hospital, new Slot(today.plusDays(4), Shift.DAY), ani.id());

		Roster.Deactivated done = roster.deactivate(staff, ani.id());
		assertThat(done.shiftsLeft()).isEqualTo(2);
		assertThat(done.member().active()).isFalse();
		assertThat(jdbc.sql("SELECT day FROM aid.shift_assignment WHERE member = ? ORDER BY day").param(ani.id())
				.query(LocalDate.class).list()).containsExactly(today.minusDays(7), today);
		assertThat(roster.members(hospital)).containsExactly(done.member());
		assertThat(refusal(() -> roster.deactivate(staff, ani.id())).messageKey())
				.isEqualTo("aid.error.roster-already-inactive");
		// Today's night is still theirs, counted, and can be taken off by hand.
		assertThat(roster.coverage(hospital, new Slot(today, Shift.NIGHT)).staff()).extracting(Roster.Member::id)
				.containsExactly(ani.id());
		roster.unassign(staff, hospital, new Slot(today, Shift.NIGHT), ani.id());
		assertThat(refusal(() -> roster.unassign(staff, hospital, new Slot(today, Shift.NIGHT), ani.id()))
				.messageKey()).isEqualTo("aid.error.roster-not-assigned");
		assertThat(refusal(() -> roster.unassign(staff, hospital, new Slot(today.minusDays(7), Shift.DAY), ani.id()))
				.messageKey()).isEqualTo("aid.error.roster-past");

		assertThat(roster.reactivate(staff, ani.id()).active()).isTrue();
		assertThat(refusal(() -> roster.reactivate(staff, ani.id())).messageKey())
				.isEqualTo("aid.error.roster-already-active");
		assertThat(jdbc.sql("SELECT change FROM aid.roster_change WHERE member = ? ORDER BY id").param(ani.id())
				.query(String.class).list()).containsExactly("MEMBER_ADDED", "ASSIGNED", "ASSIGNED", "ASSIGNED",
						"UNASSIGNED", "UNASSIGNED", "MEMBER_DEACTIVATED", "UNASSIGNED", "MEMBER_REACTIVATED");
		// Members are never deleted, and the record of changes is only appended to.
		assertThat(catchThrowable(() -> jdbc.sql("DELETE FROM aid.roster_change WHERE member = ?").param(ani.id())
				.update())).isInstanceOf(DataAccessException.class);
	}

	@Test
	void theDatabaseRefusesUnknownLanguagesRolesAndAnAssignmentToAnotherFacilitysShift() {
		var nurse = member("Нина Кузнецова", StaffRole.NURSE, "ru");
		assertThat(catchThrowable(() -> jdbc.sql("UPDATE aid.roster_member SET languages = '{ru,tr}' WHERE id = ?")
				.param(nurse.id()).update())).isInstanceOf(DataAccessException.class);
		assertThat(catchThrowable(() -> jdbc.sql("UPDATE aid.roster_member SET languages = '{}' WHERE id = ?")
				.param(nurse.id()).update())).isInstanceOf(DataAccessException.class);
		assertThat(catchThrowable(() -> jdbc.sql(
				"INSERT INTO aid.coverage_rule (facility, role, minimum) VALUES (?, 'SURGEON', 1)").param(hospital)
				.update())).isInstanceOf(DataAccessException.class);
		UUID other = fixtures.facility(FacilityKind.FIELD_HOSPITAL, "susa");
		assertThat(catchThrowable(() -> jdbc.sql("""
				INSERT INTO aid.shift_assignment (facility, day, shift, member, assigned_by, assigned_at)
				VALUES (?, ?, 'DAY', ?, ?, now())""").params(other, Date.valueOf(today.plusDays(1)), nurse.id(),
				staff.uuid()).update())).isInstanceOf(DataAccessException.class);
	}

	@Test
	void theDemoFieldHospitalHasMembersOfEveryCommunityMinimumsAPlannedFortnightWithAFewGapsAndNoShiftsBackToBack() {
		UUID demo = AidRosterDemo.FIELD_HOSPITAL;
		List<Roster.Member> members = roster.members(demo);
		assertThat(members).hasSize(AidRosterDemo.MEMBERS.size());
		assertThat(members).filteredOn(m -> !m.active()).extracting(Roster.Member::name)
				.containsExactly(AidRosterDemo.LEFT);
		assertThat(members).extracting(Roster.Member::name).anyMatch(n -> n.matches(".*\\p{IsArmenian}.*"))
				.anyMatch(n -> n.matches(".*\\p{IsCyrillic}.*")).anyMatch(n -> n.contains("ə"));
		assertThat(roster.minimums(demo)).containsEntry(StaffRole.DOCTOR, 1).containsEntry(StaffRole.NURSE, 2)
				.containsEntry(StaffRole.INTERPRETER, 1);

		// Planned from the day the demo was written; in a test run, that is today.
		LocalDate first = jdbc.sql("SELECT min(day) FROM aid.shift_assignment WHERE facility = ?").param(demo)
				.query(LocalDate.class).single();
		List<Roster.ShiftCoverage> fortnight = roster.coverage(demo, first, AidRosterDemo.DAYS);
		assertThat(fortnight).allMatch(c -> !c.staff().isEmpty());
		List<Roster.ShiftGap> gaps = roster.gaps(demo, first, AidRosterDemo.DAYS);
		assertThat(gaps).hasSizeBetween(2, 5);
		assertThat(gaps).anyMatch(g -> g.missingLanguages().contains("az"));
		assertThat(gaps).anyMatch(g -> g.shortRoles().stream().anyMatch(r -> r.role() == StaffRole.NURSE));
		for (int i = 1; i < fortnight.size(); i++) {
			Set<UUID> before = new java.util.HashSet<>(fortnight.get(i - 1).staff().stream().map(Roster.Member::id)
					.toList());
			assertThat(fortnight.get(i).staff()).as(fortnight.get(i).slot().toString())
					.noneMatch(m -> before.contains(m.id()));
		}
	}

	@Test
	void aSlotKnowsTheShiftsBeforeAndAfterIt() {
		LocalDate day = LocalDate.of(2026, 3, 31);
		assertThat(new Slot(day, Shift.DAY).previous()).isEqualTo(new Slot(day.minusDays(1), Shift.NIGHT));
		assertThat(new Slot(day, Shift.DAY).next()).isEqualTo(new Slot(day, Shift.NIGHT));
		assertThat(new Slot(day, Shift.NIGHT).previous()).isEqualTo(new Slot(day, Shift.DAY));
		assertThat(new Slot(day, Shift.NIGHT).next()).isEqualTo(new Slot(LocalDate.of(2026, 4, 1), Shift.DAY));
	}

	int changes(String change) {
		return jdbc.sql("SELECT count(*) FROM aid.roster_change WHERE facility = ? AND change = ?")
				.params(hospital, change).query(Integer.class).single();
	}
}
