package org.hearth.housing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hearth.identity.AccountId;
import org.hearth.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The households admitted to the Great Return: an approved registration each. */
@Service
public class Programme {

	private final JdbcClient jdbc;
	private final Clock clock;

	Programme(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param needs verified needs, from {@link HousingProperties#NEEDS}
	 * @param preferences settlement of origin first, then up to three alternatives
	 */
	public record Enrolment(UUID application, AccountId account, @Nullable UUID registryHousehold, int size,
			List<String> needs, boolean needsStepFree, List<String> preferences, @Nullable Integer preferredRooms,
			LocalDate registeredOn) {

		public Enrolment {
			needs = List.copyOf(needs);
			preferences = List.copyOf(preferences);
		}
	}

	public record Household(UUID id, UUID application, AccountId account, @Nullable UUID registryHousehold, int size,
			List<String> needs, boolean needsStepFree, List<String> preferences, @Nullable Integer preferredRooms,
			LocalDate registeredOn, HouseholdStatus status) {

		public String origin() {
			return preferences.get(0);
		}
	}

	/** Admits the household of an approved registration, once: admitting it again returns the same household. */
	@Transactional
	public UUID enrol(Enrolment enrolment) {
		Optional<Household> existing = byApplication(enrolment.application());
		if (existing.isPresent()) {
			return existing.get().id();
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO housing.household (id, application_id, account, registry_household, size, needs,
				  needs_step_free, preferences, preferred_rooms, registered_on, status, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, 0)""")
				.params(id, enrolment.application(), enrolment.account().id(), enrolment.registryHousehold(),
						enrolment.size(), enrolment.needs().toArray(String[]::new), enrolment.needsStepFree(),
						enrolment.preferences().toArray(String[]::new), enrolment.preferredRooms(),
						Date.valueOf(enrolment.registeredOn()), Timestamp.from(clock.instant()))
				.update();
		return id;
	}

	public Household household(UUID id) {
		return jdbc.sql("SELECT * FROM housing.household WHERE id = ?").param(id).query(Programme::row).optional()
				.orElseThrow(() -> new NotFoundException());
	}

	public Optional<Household> byApplication(UUID application) {
		return jdbc.sql("SELECT * FROM housing.household WHERE application_id = ?").param(application)
				.query(Programme::row).optional();
	}

	/** The account's households, newest first: an applicant normally has one. */
	public List<Household> of(AccountId account) {
		return jdbc.sql("SELECT * FROM housing.household WHERE account = ? ORDER BY registered_on DESC, id")
				.param(account.id()).query(Programme::row).list();
	}

	/** Households waiting for a home that name the settlement among their preferences, longest registered first. */
	public List<Household> waiting(String settlement, int limit) {
		return jdbc.sql("""
				SELECT * FROM housing.household WHERE status = 'WAITING' AND ? = ANY (preferences)
				ORDER BY registered_on, id LIMIT ?""").params(settlement, limit).query(Programme::row).list();
	}

	void move(UUID household, HouseholdStatus status) {
		jdbc.sql("UPDATE housing.household SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?")
				.params(status.name(), Timestamp.from(clock.instant()), household).update();
	}

	static Household row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Integer rooms = rs.getObject("preferred_rooms") == null ? null : rs.getInt("preferred_rooms");
		return new Household(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				new AccountId(rs.getObject("account", UUID.class)), rs.getObject("registry_household", UUID.class),
				rs.getInt("size"), Arrays.asList((String[]) rs.getArray("needs").getArray()),
				rs.getBoolean("needs_step_free"), Arrays.asList((String[]) rs.getArray("preferences").getArray()),
				rooms, rs.getObject("registered_on", LocalDate.class), HouseholdStatus.valueOf(rs.getString("status")));
	}
}
