package org.hearth.aid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo field hospital's roster: thirteen members of both communities and others (one no longer active), the
 * minimums of one doctor, two nurses and an interpreter per shift, and the next fourteen days planned through the
 * roster's own rules, with three shifts left short on purpose: a night without an interpreter, a day with one
 * nurse, and a night on which nobody speaks Azerbaijani. Written once: a field hospital that already has members is
 * left alone.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class AidRosterDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AidRosterDemo.class);

	static final UUID FIELD_HOSPITAL = AidDemo.id("field-hospital");

	static final int DAYS = 14;

	record DemoMember(String name, StaffRole role, List<String> languages) {
	}

	static final List<DemoMember> MEMBERS = List.of(
			new DemoMember("Արամ Պետրոսյան", StaffRole.DOCTOR, List.of("hy", "ru")),
			new DemoMember("Leyla Məmmədova", StaffRole.DOCTOR, List.of("az", "ru", "en")),
			new DemoMember("Ирина Соколова", StaffRole.DOCTOR, List.of("ru", "en")),
			new DemoMember("Անի Սարգսյան", StaffRole.NURSE, List.of("hy", "ru")),
			new DemoMember("Günay Əliyeva", StaffRole.NURSE, List.of("az", "ru")),
			new DemoMember("Нина Кузнецова", StaffRole.NURSE, List.of("ru")),
			new DemoMember("Մարիամ Հովհաննիսյան", StaffRole.NURSE, List.of("hy")),
			new DemoMember("Səbinə Hüseynova", StaffRole.NURSE, List.of("az", "en")),
			new DemoMember("Դավիթ Ավագյան", StaffRole.INTERPRETER, List.of("hy", "az", "ru")),
			new DemoMember("Rəşad Quliyev", StaffRole.INTERPRETER, List.of("az", "hy", "ru")),
			new DemoMember("Tural Nəsirov", StaffRole.PARAMEDIC, List.of("az", "ru")),
			new DemoMember("Ольга Петрова", StaffRole.PHARMACIST, List.of("ru", "en")),
			new DemoMember("Կարեն Մանուկյան", StaffRole.SUPPORT, List.of("hy", "ru")));

	/** The member who has left: on the roster, inactive. */
	static final String LEFT = "Կարեն Մանուկյան";

	private final Roster roster;
	private final JdbcClient jdbc;

	AidRosterDemo(Roster roster, JdbcClient jdbc) {
		this.roster = roster;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT count(*) FROM aid.facility WHERE id = ?").param(FIELD_HOSPITAL).query(Integer.class)
				.single() == 0
				|| jdbc.sql("SELECT count(*) FROM aid.roster_member WHERE facility = ?").param(FIELD_HOSPITAL)
						.query(Integer.class).single() > 0) {
			return;
		}
		List<Roster.Member> members = new ArrayList<>();
		for (DemoMember m : MEMBERS) {
			Roster.Member added = roster.add(AidDemo.DEMO_WRITER, FIELD_HOSPITAL,
					new Roster.NewMember(m.name(), m.role(), m.languages()));
			if (m.name().equals(LEFT)) {
				roster.deactivate(AidDemo.DEMO_WRITER, added.id());
			}
			else {
				members.add(added);
			}
		}
		Map<StaffRole, Integer> minimums = new EnumMap<>(StaffRole.class);
		minimums.put(StaffRole.DOCTOR, 1);
		minimums.put(StaffRole.NURSE, 2);
		minimums.put(StaffRole.INTERPRETER, 1);
		roster.setMinimums(AidDemo.DEMO_WRITER, FIELD_HOSPITAL, minimums);

		LocalDate today = roster.today();
		Map<UUID, Integer> worked = new HashMap<>();
		Set<UUID> previous = Set.of();
		int assignments = 0;
		for (int d = 0; d < DAYS; d++) {
			for (Shift shift : Shift.values()) {
				Roster.Slot slot = new Roster.Slot(today.plusDays(d), shift);
				Map<StaffRole, Integer> wanted = new EnumMap<>(minimums);
				Predicate<Roster.Member> allowed = m -> true;
				if (d == 3 && shift == Shift.NIGHT) {
					wanted.put(StaffRole.INTERPRETER, 0);
				}
				if (d == 8 && shift == Shift.DAY) {
					wanted.put(StaffRole.NURSE, 1);
				}
				if (d == 11 && shift == Shift.NIGHT) {
					wanted.put(StaffRole.INTERPRETER, 0);
					allowed = m -> !m.speaks("az");
				}
				wanted.put(shift == Shift.DAY ? StaffRole.PHARMACIST : StaffRole.PARAMEDIC, 1);
				Set<UUID> on = new LinkedHashSet<>();
				for (var want : wanted.entrySet()) {
					Set<UUID> resting = previous;
					Predicate<Roster.Member> filter = allowed;
					members.stream().filter(m -> m.role() == want.getKey() && !resting.contains(m.id()))
							.filter(filter)
							.sorted(Comparator.comparing((Roster.Member m) -> worked.getOrDefault(m.id(), 0)))
							.limit(want.getValue()).forEach(m -> on.add(m.id()));
				}
				for (UUID member : on) {
					roster.assign(AidDemo.DEMO_WRITER, FIELD_HOSPITAL, slot, member);
					worked.merge(member, 1, Integer::sum);
					assignments++;
				}
				previous = on;
			}
		}
		log.warn("Created the demo field hospital's roster: {} members, {} assignments over {} days.", MEMBERS.size(),
				assignments, DAYS);
	}
}
