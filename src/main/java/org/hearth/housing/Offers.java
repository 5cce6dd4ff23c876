package org.hearth.housing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hearth.housing.HousingStock.Unit;
import org.hearth.housing.Programme.Household;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.transparency.TransparencyLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers of a unit to a household, from the offer to the keys. Every change locks the offer's unit first, then
 * checks the unit's area under a shared lock: an offer or acceptance and a change of the area's status cannot pass
 * each other, and the database's partial unique indexes allow one live offer per unit and per household whatever
 * the code does.
 */
@Service
public class Offers {

	/** Why a household declines, as the form offers it. */
	public static final List<String> DECLINE_REASONS = List.of("too-small", "too-far", "not-accessible", "condition",
			"personal", "other");

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final TransparencyLog log;
	private final Units units;
	private final Programme programme;
	private final HousingProperties policy;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	Offers(JdbcClient jdbc, JdbcTemplate batch, TransparencyLog log, Units units, Programme programme,
			HousingProperties policy, ApplicationEventPublisher events, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.log = log;
		this.units = units;
		this.programme = programme;
		this.policy = policy;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * @param suspendedReason why the offer was suspended: the area's status at the time, e.g. CONFIRMED_HAZARD
	 */
	public record Offer(UUID id, @Nullable UUID round, UUID household, UUID unit, OfferStatus status,
			Instant offeredAt, LocalDate deadline, @Nullable Instant respondedAt, @Nullable String declineReason,
			@Nullable String declineComment, @Nullable String suspendedReason, @Nullable LocalDate keysHandedOn,
			@Nullable LocalDate movedInOn, long version) {
	}

	public record HistoryEntry(OfferStatus status, @Nullable String note, String role, Instant at) {
	}

	/** An offer with what the tracking page shows beside it. */
	public record Tracked(Offer offer, Unit unit, Household household) {
	}

	/** A housing officer offers a unit by hand, outside a round. */
	@Transactional
	public Offer offer(CurrentUser staff, UUID unit, UUID household) {
		return make(staff, null, unit, household);
	}

	/** A unit to offer to a household. */
	record Pairing(UUID unit, UUID household) {
	}

	/**
	 * Offers a ready unit in a released area to a waiting household. Two attempts at one unit or one household:
	 * the second waits for the first's lock and then finds the unit or household taken.
	 */
	Offer make(@Nullable CurrentUser staff, @Nullable UUID round, UUID unitId, UUID householdId) {
		return find(makeAll(staff, round, List.of(new Pairing(unitId, householdId))).get(0));
	}

	/**
	 * Makes several offers at once, as a round does: the units and households are locked and checked together, the
	 * rows written in batches and the log entries appended in one go. All or none: one unit not ready, not in a
	 * released area, or one household no longer waiting, and nothing is offered. Returns the offers' ids in the
	 * order of {@code pairings}.
	 */
	List<UUID> makeAll(@Nullable CurrentUser staff, @Nullable UUID round, List<Pairing> pairings) {
		if (pairings.isEmpty()) {
			return List.of();
		}
		UUID[] unitIds = pairings.stream().map(Pairing::unit).sorted().toArray(UUID[]::new);
		UUID[] householdIds = pairings.stream().map(Pairing::household).sorted().toArray(UUID[]::new);
		// Locks in id order, so that two batches never wait for each other in a circle.
		Map<UUID, Unit> locked = new HashMap<>();
		jdbc.sql("SELECT * FROM housing.unit WHERE id = ANY (?) ORDER BY id FOR UPDATE").param(unitIds)
				.query(Units::row).list().forEach(u -> locked.put(u.id(), u));
		Set<UUID> released = new HashSet<>(jdbc.sql("""
				SELECT u.id FROM housing.unit u JOIN housing.area a ON a.id = u.area_id
				WHERE u.id = ANY (?) AND a.status = 'RELEASED' ORDER BY a.id FOR SHARE OF a""")
				.param(unitIds).query(UUID.class).list());
		Map<UUID, HouseholdStatus> waiting = new HashMap<>();
		jdbc.sql("SELECT id, status FROM housing.household WHERE id = ANY (?) ORDER BY id FOR UPDATE")
				.param(householdIds)
				.query(rs -> {
					waiting.put(rs.getObject(1, UUID.class), HouseholdStatus.valueOf(rs.getString(2)));
				});
		if (unitIds.length != new HashSet<>(List.of(unitIds)).size()
				|| householdIds.length != new HashSet<>(List.of(householdIds)).size()) {
			throw new IllegalArgumentException("a unit or household appears twice in one batch of offers");
		}
		for (Pairing p : pairings) {
			Unit unit = locked.get(p.unit());
			if (unit == null) {
				throw new NotFoundException();
			}
			if (!released.contains(p.unit())) {
				throw new RuleViolationException("housing.error.area-not-released");
			}
			if (unit.status() != UnitStatus.READY) {
				throw new ConflictException("housing.error.unit-not-ready");
			}
			HouseholdStatus status = waiting.get(p.household());
			if (status == null) {
				throw new NotFoundException();
			}
			if (status != HouseholdStatus.WAITING) {
				throw new ConflictException("housing.error.household-not-waiting");
			}
		}
		Instant now = clock.instant();
		Timestamp at = Timestamp.from(now);
		LocalDate deadline = today().plusDays(policy.offerDays());
		String role = HousingChanged.roleOf(staff);
		List<UUID> ids = new ArrayList<>();
		List<Object[]> offerRows = new ArrayList<>();
		List<Object[]> historyRows = new ArrayList<>();
		List<HousingChanged> changes = new ArrayList<>();
		for (Pairing p : pairings) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			offerRows.add(new Object[] {id, round, p.household(), p.unit(), at, Date.valueOf(deadline)});
			historyRows.add(new Object[] {id, role, at});
			changes.add(HousingChanged.by(staff, "offer", id, "offered", now,
					digest(id, p.unit(), p.household(), OfferStatus.OPEN, deadline, null, null)));
		}
		batch.batchUpdate("""
				INSERT INTO housing.offer (id, round_id, household_id, unit_id, status, offered_at, deadline, version)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?, 0)""", offerRows);
		batch.batchUpdate("""
				INSERT INTO housing.offer_history (offer_id, status, note, role, changed_at)
				VALUES (?, 'OPEN', NULL, ?, ?)""", historyRows);
		jdbc.sql("UPDATE housing.unit SET status = 'OFFERED', updated_at = ?, version = version + 1 WHERE id = ANY (?)")
				.params(at, unitIds).update();
		jdbc.sql("""
				UPDATE housing.household SET status = 'OFFERED', updated_at = ?, version = version + 1
				WHERE id = ANY (?)""").params(at, householdIds).update();
		log.appendAll(changes);
		events.publishEvent(new OffersMade(ids));
		return ids;
	}

	/**
	 * The household accepts. Accepting twice (a double tap, a retry) is the same acceptance; an offer past its
	 * deadline, answered, or in an area no longer released cannot be accepted.
	 */
	@Transactional
	public Offer accept(CurrentUser applicant, UUID id) {
		Offer offer = mine(applicant, id);
		Unit unit = units.lock(offer.unit());
		offer = find(id);
		if (offer.status() == OfferStatus.ACCEPTED) {
			return offer;
		}
		requireOpen(offer);
		if (!units.areaReleased(unit)) {
			throw new RuleViolationException("housing.error.area-not-released");
		}
		Instant now = clock.instant();
		setStatus(offer, OfferStatus.ACCEPTED, now);
		units.move(unit.id(), UnitStatus.ALLOCATED);
		programme.move(offer.household(), HouseholdStatus.ALLOCATED);
		record(applicant, id, OfferStatus.ACCEPTED, null, "accepted", now);
		return find(id);
	}

	@Transactional
	public Offer decline(CurrentUser applicant, UUID id, String reason, @Nullable String comment) {
		if (!DECLINE_REASONS.contains(reason)) {
			throw new RuleViolationException("housing.error.decline-reason");
		}
		String note = comment == null || comment.isBlank() ? null : comment.strip();
		if (note != null && note.length() > 1000) {
			throw new RuleViolationException("housing.error.comment-too-long");
		}
		if ("other".equals(reason) && note == null) {
			throw new RuleViolationException("housing.error.decline-comment-required");
		}
		Offer offer = mine(applicant, id);
		units.lock(offer.unit());
		offer = find(id);
		if (offer.status() == OfferStatus.DECLINED) {
			return offer;
		}
		requireOpen(offer);
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE housing.offer SET status = 'DECLINED', responded_at = ?, decline_reason = ?, decline_comment = ?,
				  version = version + 1 WHERE id = ?""").params(Timestamp.from(now), reason, note, id).update();
		release(offer);
		record(applicant, id, OfferStatus.DECLINED, reason, "declined", now);
		return find(id);
	}

	/** Offers not answered by their deadline expire; their units return to the pool for the next round. */
	@Scheduled(cron = "${hearth.housing.expiry-cron:0 5 * * * *}", zone = "${hearth.time-zone}")
	@Transactional
	public int expireDue() {
		// One instance at a time; another that finds the lock taken leaves the work to it.
		boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('hearth.housing.expiry'))")
				.query(Boolean.class).single();
		if (!mine) {
			return 0;
		}
		List<UUID> due = jdbc.sql("SELECT id FROM housing.offer WHERE status = 'OPEN' AND deadline < ? ORDER BY id")
				.param(Date.valueOf(today())).query(UUID.class).list();
		int expired = 0;
		for (UUID id : due) {
			Offer offer = find(id);
			units.lock(offer.unit());
			offer = find(id);
			if (offer.status() == OfferStatus.OPEN && offer.deadline().isBefore(today())) {
				Instant now = clock.instant();
				setStatus(offer, OfferStatus.EXPIRED, now);
				release(offer);
				record(null, id, OfferStatus.EXPIRED, null, "expired", now);
				expired++;
			}
		}
		return expired;
	}

	/**
	 * The area of these units is no longer released: every open or accepted offer in it is suspended, its unit
	 * returns to ready (and cannot be offered until the area is released again), its household waits again and is
	 * told why. Runs in the transaction that changes the area's status.
	 *
	 * @return how many offers were suspended
	 */
	int suspendInArea(UUID area, AreaStatus status, CurrentUser staff) {
		List<UUID> live = jdbc.sql("""
				SELECT o.id FROM housing.offer o JOIN housing.unit u ON u.id = o.unit_id
				WHERE u.area_id = ? AND o.status IN ('OPEN', 'ACCEPTED') ORDER BY o.id""")
				.param(area).query(UUID.class).list();
		for (UUID id : live) {
			Offer offer = find(id);
			units.lock(offer.unit());
			Instant now = clock.instant();
			jdbc.sql("""
					UPDATE housing.offer SET status = 'SUSPENDED', suspended_reason = ?, version = version + 1
					WHERE id = ?""").params(status.name(), id).update();
			release(offer);
			record(staff, id, OfferStatus.SUSPENDED, status.name(), "suspended", now);
		}
		return live.size();
	}

	/** Offers a suspended unit again to the same household, once its area is released again. */
	@Transactional
	public Offer reinstate(CurrentUser staff, UUID id) {
		Offer offer = find(id);
		Unit unit = units.lock(offer.unit());
		offer = find(id);
		if (offer.status() != OfferStatus.SUSPENDED) {
			throw new RuleViolationException("housing.error.not-suspended");
		}
		if (!units.areaReleased(unit)) {
			throw new RuleViolationException("housing.error.area-not-released");
		}
		if (unit.status() != UnitStatus.READY) {
			throw new ConflictException("housing.error.unit-not-ready");
		}
		if (lockHousehold(offer.household()).status() != HouseholdStatus.WAITING) {
			throw new ConflictException("housing.error.household-not-waiting");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE housing.offer SET status = 'OPEN', deadline = ?, suspended_reason = NULL, version = version + 1
				WHERE id = ?""").params(Date.valueOf(today().plusDays(policy.offerDays())), id).update();
		units.move(unit.id(), UnitStatus.OFFERED);
		programme.move(offer.household(), HouseholdStatus.OFFERED);
		record(staff, id, OfferStatus.OPEN, null, "reinstated", now);
		return find(id);
	}

	/** The keys are handed over, on a date not in the future; the area must still be released. */
	@Transactional
	public Offer handOver(CurrentUser staff, UUID id, LocalDate on) {
		Offer offer = find(id);
		Unit unit = units.lock(offer.unit());
		offer = find(id);
		if (offer.status() != OfferStatus.ACCEPTED) {
			throw new RuleViolationException("housing.error.not-accepted");
		}
		if (on.isAfter(today()) || on.isBefore(LocalDate.ofInstant(offer.offeredAt(), zone.zone()))) {
			throw new RuleViolationException("housing.error.handover-date");
		}
		if (!units.areaReleased(unit)) {
			throw new RuleViolationException("housing.error.area-not-released");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE housing.offer SET status = 'HANDED_OVER', keys_handed_on = ?, version = version + 1
				WHERE id = ?""").params(Date.valueOf(on), id).update();
		record(staff, id, OfferStatus.HANDED_OVER, on.toString(), "keys-handed-over", now);
		return find(id);
	}

	/** The household moved in: the unit is occupied and the household housed. */
	@Transactional
	public Offer movedIn(CurrentUser staff, UUID id, LocalDate on) {
		Offer offer = find(id);
		units.lock(offer.unit());
		offer = find(id);
		if (offer.status() != OfferStatus.HANDED_OVER || offer.movedInOn() != null) {
			throw new RuleViolationException("housing.error.not-handed-over");
		}
		if (on.isAfter(today()) || (offer.keysHandedOn() != null && on.isBefore(offer.keysHandedOn()))) {
			throw new RuleViolationException("housing.error.moved-in-date");
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE housing.offer SET moved_in_on = ?, version = version + 1 WHERE id = ?")
				.params(Date.valueOf(on), id).update();
		units.move(offer.unit(), UnitStatus.OCCUPIED);
		programme.move(offer.household(), HouseholdStatus.MOVED_IN);
		record(staff, id, OfferStatus.HANDED_OVER, on.toString(), "moved-in", now);
		return find(id);
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	public Offer find(UUID id) {
		return jdbc.sql("SELECT * FROM housing.offer WHERE id = ?").param(id).query(Offers::row).optional()
				.orElseThrow(() -> new NotFoundException());
	}

	/** The applicant's own offer; anybody else's is not found. */
	public Offer mine(CurrentUser applicant, UUID id) {
		Offer offer = jdbc.sql("""
				SELECT o.* FROM housing.offer o JOIN housing.household h ON h.id = o.household_id
				WHERE o.id = ? AND h.account = ?""").param(id).param(applicant.uuid()).query(Offers::row).optional()
				.orElseThrow(() -> new NotFoundException());
		return offer;
	}

	public List<Offer> ofHousehold(UUID household) {
		return jdbc.sql("SELECT * FROM housing.offer WHERE household_id = ? ORDER BY offered_at DESC, id")
				.param(household).query(Offers::row).list();
	}

	/** Offers for the tracking page, newest first, optionally of one status and settlement. */
	public List<Tracked> tracking(@Nullable OfferStatus status, @Nullable String settlement, int limit) {
		return jdbc.sql("""
				SELECT o.id FROM housing.offer o JOIN housing.unit u ON u.id = o.unit_id
				WHERE (:status::text IS NULL OR o.status = :status) AND (:settlement::text IS NULL OR u.settlement = :settlement)
				ORDER BY o.offered_at DESC, o.id LIMIT :limit""")
				.param("status", status == null ? null : status.name()).param("settlement", settlement)
				.param("limit", limit).query(UUID.class).list().stream()
				.map(this::find).map(o -> new Tracked(o, units.find(o.unit()), programme.household(o.household())))
				.toList();
	}

	public List<HistoryEntry> history(UUID offer) {
		return jdbc.sql("SELECT status, note, role, changed_at FROM housing.offer_history WHERE offer_id = ? ORDER BY id")
				.param(offer).query((rs, n) -> new HistoryEntry(OfferStatus.valueOf(rs.getString(1)),
						rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
				.list();
	}

	// ---- inside ---------------------------------------------------------------------------------------------------

	private void requireOpen(Offer offer) {
		if (offer.status() != OfferStatus.OPEN) {
			throw new RuleViolationException("housing.error.offer-closed."
					+ offer.status().name().toLowerCase(Locale.ROOT));
		}
		if (offer.deadline().isBefore(today())) {
			throw new RuleViolationException("housing.error.offer-closed.expired");
		}
	}

	/** The unit goes back to the pool and the household waits for the next round. */
	private void release(Offer offer) {
		units.move(offer.unit(), UnitStatus.READY);
		programme.move(offer.household(), HouseholdStatus.WAITING);
	}

	private void setStatus(Offer offer, OfferStatus status, Instant now) {
		jdbc.sql("UPDATE housing.offer SET status = ?, responded_at = ?, version = version + 1 WHERE id = ?")
				.params(status.name(), Timestamp.from(now), offer.id()).update();
	}

	private Household lockHousehold(UUID id) {
		return jdbc.sql("SELECT * FROM housing.household WHERE id = ? FOR UPDATE").param(id).query(Programme::row)
				.optional().orElseThrow(() -> new NotFoundException());
	}

	/** Writes the offer's history and its transparency-log entry; {@code action} names the change in the log. */
	private void record(@Nullable CurrentUser actor, UUID offer, OfferStatus status, @Nullable String note,
			String action, Instant at) {
		String role = HousingChanged.roleOf(actor);
		jdbc.sql("INSERT INTO housing.offer_history (offer_id, status, note, role, changed_at) VALUES (?, ?, ?, ?, ?)")
				.params(offer, status.name(), note, role, Timestamp.from(at)).update();
		Offer now = find(offer);
		log.appendAll(List.of(HousingChanged.by(actor, "offer", offer, action, at, digest(now.id(), now.unit(),
				now.household(), now.status(), now.deadline(), now.keysHandedOn(), now.movedInOn()))));
		events.publishEvent(new OfferChanged(offer, action));
	}

	/** What the log commits to for an offer: its parties, status and dates after the change. */
	private static String digest(UUID id, UUID unit, UUID household, OfferStatus status, LocalDate deadline,
			@Nullable LocalDate keysHandedOn, @Nullable LocalDate movedInOn) {
		return Digests.sha256(String.join("\n", id.toString(), unit.toString(), household.toString(), status.name(),
				String.valueOf(deadline), String.valueOf(keysHandedOn), String.valueOf(movedInOn)));
	}

	/** Published after an offer changed, for the household's e-mail. */
	record OfferChanged(UUID offer, String action) {
	}

	/** Published after a batch of offers was made; each becomes an {@link OfferChanged} for its e-mail. */
	record OffersMade(List<UUID> offers) {
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	static Offer row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp responded = rs.getTimestamp("responded_at");
		return new Offer(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getObject("unit_id", UUID.class),
				OfferStatus.valueOf(rs.getString("status")), rs.getTimestamp("offered_at").toInstant(),
				rs.getObject("deadline", LocalDate.class), responded == null ? null : responded.toInstant(),
				rs.getString("decline_reason"), rs.getString("decline_comment"), rs.getString("suspended_reason"),
				rs.getObject("keys_handed_on", LocalDate.class), rs.getObject("moved_in_on", LocalDate.class),
				rs.getLong("version"));
	}
}
