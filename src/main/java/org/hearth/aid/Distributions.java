package org.hearth.aid;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.registry.Duplicates;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Distribution rounds to the registry's households. A round hands one item out of one warehouse to the households
 * whose settlement of origin is the round's, each entitled to a quantity per household plus a quantity per member.
 * A household receives a round at most once, and so does every household the registry counts as the same one after
 * merges (the database holds one row per round and household and one per round and canonical household); a
 * household with an undecided likely duplicate among those who already received is handed out to only with a note.
 * The stock leaves the warehouse in the same transaction, and each handing-out enters the transparency log with
 * ids and quantities only.
 */
@Service
public class Distributions {

	/** Households on one printed sheet: what fits on a page with room to sign. */
	public static final int SHEET_SIZE = 20;

	/** A round further back or ahead than this is almost certainly a typing error in the year. */
	static final int ROUND_YEARS = 5;

	/** The longest note kept with a flagged handing-out, as the database allows. */
	public static final int NOTE_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final StockLedger ledger;
	private final Gazetteer gazetteer;
	private final Registry registry;
	private final Duplicates duplicates;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	Distributions(JdbcClient jdbc, Catalogue catalogue, StockLedger ledger, Gazetteer gazetteer, Registry registry,
			Duplicates duplicates, ApplicationEventPublisher events, DisplayZone zone, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.ledger = ledger;
		this.gazetteer = gazetteer;
		this.registry = registry;
		this.duplicates = duplicates;
		this.events = events;
		this.zone = zone;
		this.clock = clock;
	}

	/** How the household confirmed it received: a signature on a printed list, or on the tablet. */
	public enum Method {
		SIGNED_LIST, TABLET
	}

	public enum RoundStatus {
		OPEN, CLOSED
	}

	/** A round as a coordinator sets it up; quantities in the item's unit. */
	public record NewRound(String name, String item, UUID warehouse, String settlement, BigDecimal perHousehold,
			BigDecimal perMember, LocalDate opensOn, LocalDate closesOn) {
	}

	public record Round(UUID id, String name, String item, UUID warehouse, String settlement,
			BigDecimal perHousehold, BigDecimal perMember, LocalDate opensOn, LocalDate closesOn, RoundStatus status,
			Instant createdAt, @Nullable Instant closedAt) {

		/** What a household of {@code members} receives: per household, plus per member for each member. */
		public BigDecimal entitlement(int members) {
			return plain(perHousehold.add(perMember.multiply(BigDecimal.valueOf(members))));
		}

		public boolean isOpen() {
			return status == RoundStatus.OPEN;
		}
	}

	/** A handing-out as recorded: the household as chosen and the one it is after merges, never a name. */
	public record Distribution(UUID id, UUID round, UUID household, UUID canonical, int members, BigDecimal quantity,
			LocalDate handedOn, Method method, @Nullable UUID possibleDuplicateOf, @Nullable String flagNote,
			Instant recordedAt) {

		public boolean flagged() {
			return possibleDuplicateOf != null;
		}
	}

	/** What a round has handed out so far. */
	public record Totals(int households, BigDecimal quantity, int flagged) {
	}

	/**
	 * Where a household stands in a round: the household it is after merges, its members and entitlement, the
	 * handing-out it (or a household counted as the same) already received, or the household of the round that
	 * received and that the registry holds a likely duplicate of.
	 *
	 * @param origin the settlement of origin of the canonical household
	 */
	public record Standing(UUID household, UUID canonical, @Nullable String origin, int members,
			BigDecimal entitlement, @Nullable Distribution received, @Nullable UUID possibleDuplicateOf) {

		public boolean flagged() {
			return received == null && possibleDuplicateOf != null;
		}

		/** Whether the household was chosen under a record the registry merged into another household. */
		public boolean merged() {
			return !household.equals(canonical);
		}
	}

	/** One handing-out to record; {@code flagNote} only needed when the household is flagged. */
	public record HandOut(UUID household, LocalDate handedOn, Method method, @Nullable String flagNote) {
	}

	/** Why one line of several was refused, in words a page turns into the reader's language. */
	public record LineRefusal(UUID household, String messageKey, List<Object> arguments) {
	}

	/** Some lines of a signed list were refused: none of them was recorded. */
	public static final class LinesRefused extends RuleViolationException {

		private final List<LineRefusal> lines;

		LinesRefused(List<LineRefusal> lines) {
			super("aid.distribution.error.lines-refused", lines.size());
			this.lines = List.copyOf(lines);
		}

		public List<LineRefusal> lines() {
			return lines;
		}
	}

	/** A line of a distribution list: the head is there only on a list that shows names, whose access is recorded. */
	public record SheetLine(int line, UUID household, Registry.@Nullable Person head, int members, Standing standing) {
	}

	/** One sheet of a round's list: number from 1, of {@code sheets}, over {@code households} in all. */
	public record Sheet(int number, int sheets, int households, List<SheetLine> lines) {
	}

	public List<Round> rounds() {
		return jdbc.sql("SELECT * FROM aid.distribution_round ORDER BY opens_on DESC, created_at DESC")
				.query(Distributions::round).list();
	}

	public Round round(UUID id) {
		return jdbc.sql("SELECT * FROM aid.distribution_round WHERE id = ?").param(id).query(Distributions::round)
				.optional().orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Round create(CurrentUser staff, NewRound round) {
		String name = round.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new RuleViolationException("aid.distribution.error.name");
		}
		MeasureUnit unit = catalogue.require(round.item()).unit();
		try {
			ledger.warehouse(round.warehouse());
		}
		catch (NotFoundException unknown) {
			throw new RuleViolationException("aid.distribution.error.warehouse");
		}
		if (gazetteer.find(round.settlement()).isEmpty()) {
			throw new RuleViolationException("aid.error.unknown-settlement");
		}
		BigDecimal perHousehold = share(round.perHousehold(), unit);
		BigDecimal perMember = share(round.perMember(), unit);
		if (perHousehold.signum() == 0 && perMember.signum() == 0) {
			throw new RuleViolationException("aid.distribution.error.entitlement-zero");
		}
		if (round.closesOn().isBefore(round.opensOn())) {
			throw new RuleViolationException("aid.error.dates-out-of-order");
		}
		LocalDate today = today();
		if (round.opensOn().isBefore(today.minusYears(ROUND_YEARS))
				|| round.closesOn().isAfter(today.plusYears(ROUND_YEARS))) {
			throw new RuleViolationException("aid.distribution.error.round-period", ROUND_YEARS);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO aid.distribution_round (id, name, item, warehouse, settlement, per_household, per_member,
				  opens_on, closes_on, status, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
				.params(id, name, round.item(), round.warehouse(), round.settlement(), perHousehold, perMember,
						Date.valueOf(round.opensOn()), Date.valueOf(round.closesOn()), staff.uuid(),
						Timestamp.from(clock.instant()))
				.update();
		return round(id);
	}

	private static BigDecimal share(BigDecimal quantity, MeasureUnit unit) {
		if (quantity.signum() < 0) {
			throw new RuleViolationException("aid.error.quantity-negative");
		}
		BigDecimal plain = plain(quantity);
		if (plain.scale() > unit.scale()) {
			throw new RuleViolationException("aid.error.quantity-precision", Quantities.unitName(unit), unit.scale());
		}
		if (plain.compareTo(Quantities.MAXIMUM) > 0) {
			throw new RuleViolationException("aid.error.quantity-too-large");
		}
		return plain;
	}

	/** No more handing-out in this round; what was handed out stays. */
	@Transactional
	public Round close(CurrentUser staff, UUID id) {
		round(id);
		int closed = jdbc.sql("""
				UPDATE aid.distribution_round SET status = 'CLOSED', closed_by = ?, closed_at = ?
				WHERE id = ? AND status = 'OPEN'""").params(staff.uuid(), Timestamp.from(clock.instant()), id).update();
		if (closed == 0) {
			throw new RuleViolationException("aid.distribution.error.closed");
		}
		return round(id);
	}

	public Totals totals(UUID round) {
		return jdbc.sql("""
				SELECT count(*), coalesce(sum(quantity), 0), count(*) FILTER (WHERE possible_duplicate_of IS NOT NULL)
				FROM aid.distribution WHERE round = ?""").param(round)
				.query((rs, n) -> new Totals(rs.getInt(1), plain(rs.getBigDecimal(2)), rs.getInt(3))).single();
	}

	/** The round's handing-outs, latest recorded first, at most {@code limit}. */
	public List<Distribution> distributions(UUID round, int limit) {
		return jdbc.sql("SELECT * FROM aid.distribution WHERE round = ? ORDER BY recorded_at DESC, id LIMIT ?")
				.params(round, limit).query(Distributions::distribution).list();
	}

	public Optional<Distribution> distribution(UUID id) {
		return jdbc.sql("SELECT * FROM aid.distribution WHERE id = ?").param(id).query(Distributions::distribution)
				.optional();
	}

	/** Where a household of the registry stands in a round; an unknown round or household is a 404. */
	public Standing standing(UUID round, UUID household) {
		return assess(round(round), household, Map.of()).standing();
	}

	/**
	 * Records that a household received its entitlement, and takes it from the round's warehouse. Refused, with
	 * nothing written, when the round is closed, the date is in the future or outside the round, the household is of
	 * another settlement or already received (itself or as a household the registry counts as the same), it is
	 * flagged and no note explains why it is handed out anyway, or the warehouse does not hold enough.
	 */
	@Transactional
	public Distribution handOut(CurrentUser staff, UUID round, HandOut line) {
		Round open = lockOpen(round);
		Accepted accepted = accept(open, line, Map.of());
		return write(staff, open, List.of(accepted)).get(0);
	}

	/**
	 * Records the lines of a signed list in one go: all of them, or, if any line is refused, none, with every
	 * refused line and its reason in {@link LinesRefused}.
	 */
	@Transactional
	public List<Distribution> handOutAll(CurrentUser staff, UUID round, List<HandOut> lines) {
		Round open = lockOpen(round);
		List<Accepted> accepted = acceptAll(open, lines);
		return write(staff, open, accepted);
	}

	/** The refusals {@link #handOutAll} would give these lines now, writing nothing. */
	public List<LineRefusal> check(UUID round, List<HandOut> lines) {
		try {
			Round open = round(round);
			if (!open.isOpen()) {
				throw new RuleViolationException("aid.distribution.error.closed");
			}
			acceptAll(open, lines);
			return List.of();
		}
		catch (LinesRefused refused) {
			return refused.lines();
		}
	}

	/**
	 * One sheet of the round's list without names (household, members, entitlement and standing): to record a
	 * signed sheet. Nothing personal is shown, so nothing is recorded.
	 */
	public Sheet sheet(UUID round, int number) {
		Round r = round(round);
		int households = registry.countHouseholds(r.settlement());
		int sheets = sheets(households);
		requireSheet(number, sheets);
		List<SheetLine> lines = new ArrayList<>();
		int line = (number - 1) * SHEET_SIZE;
		for (Registry.Sized sized : registry.householdSizes(r.settlement(), (number - 1) * SHEET_SIZE, SHEET_SIZE)) {
			lines.add(new SheetLine(++line, sized.household(), null, sized.members(),
					assess(r, sized.household(), Map.of()).standing()));
		}
		return new Sheet(number, sheets, households, lines);
	}

	/**
	 * One sheet of the round's list to print and sign, with each head's name: every household shown is recorded in
	 * the access log (its head, found for a distribution).
	 */
	@Transactional
	public Sheet printSheet(CurrentUser staff, UUID round, int number) {
		Round r = round(round);
		int households = registry.countHouseholds(r.settlement());
		int sheets = sheets(households);
		requireSheet(number, sheets);
		List<SheetLine> lines = new ArrayList<>();
		int line = (number - 1) * SHEET_SIZE;
		for (Registry.Listed listed : registry.households(staff, r.settlement(), (number - 1) * SHEET_SIZE,
				SHEET_SIZE, SearchPurpose.DISTRIBUTION)) {
			lines.add(new SheetLine(++line, listed.household(), listed.head(), listed.members(),
					assess(r, listed.household(), Map.of()).standing()));
		}
		return new Sheet(number, sheets, households, lines);
	}

	private static int sheets(int households) {
		return Math.max(1, (households + SHEET_SIZE - 1) / SHEET_SIZE);
	}

	private static void requireSheet(int number, int sheets) {
		if (number < 1 || number > sheets) {
			throw new NotFoundException();
		}
	}

	/** A household's short reference on lists and pages: the start of its registry id, never a name. */
	public static String reference(UUID household) {
		return household.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** A line that passed every check, with what the check found. */
	private record Accepted(HandOut line, Assessed assessed) {
	}

	/** A standing, with every household counted as this one. */
	private record Assessed(Standing standing, Set<UUID> same) {
	}

	private List<Accepted> acceptAll(Round round, List<HandOut> lines) {
		if (lines.isEmpty()) {
			throw new RuleViolationException("aid.distribution.error.none-ticked");
		}
		List<LineRefusal> refused = new ArrayList<>();
		List<Accepted> accepted = new ArrayList<>();
		Map<UUID, Set<UUID>> batch = new LinkedHashMap<>();
		for (HandOut line : lines) {
			try {
				Accepted ok = accept(round, line, batch);
				accepted.add(ok);
				batch.put(line.household(), ok.assessed().same());
			}
			catch (UserFacingException refusal) {
				refused.add(new LineRefusal(line.household(), refusal.messageKey(), List.of(refusal.arguments())));
			}
		}
		if (!refused.isEmpty()) {
			throw new LinesRefused(refused);
		}
		return accepted;
	}

	/**
	 * Every check of one line, against what was recorded and against the lines before it in the same list
	 * ({@code batch}: each earlier line's household and the households counted as it).
	 */
	private Accepted accept(Round round, HandOut line, Map<UUID, Set<UUID>> batch) {
		if (line.handedOn().isAfter(today())) {
			throw new RuleViolationException("aid.error.date-in-future");
		}
		if (line.handedOn().isBefore(round.opensOn()) || line.handedOn().isAfter(round.closesOn())) {
			throw new RuleViolationException("aid.distribution.error.date-outside-round", round.opensOn().toString(),
					round.closesOn().toString());
		}
		Assessed assessed;
		try {
			assessed = assess(round, line.household(), batch);
		}
		catch (NotFoundException unknown) {
			throw new RuleViolationException("aid.distribution.error.unknown-household");
		}
		Standing standing = assessed.standing();
		if (!round.settlement().equals(standing.origin())) {
			throw new RuleViolationException("aid.distribution.error.other-settlement", reference(standing.canonical()));
		}
		if (standing.received() != null) {
			throw new RuleViolationException("aid.distribution.error.already-received",
					reference(standing.received().household()), standing.received().handedOn().toString());
		}
		for (Map.Entry<UUID, Set<UUID>> earlier : batch.entrySet()) {
			if (earlier.getValue().contains(standing.canonical())) {
				throw new RuleViolationException("aid.distribution.error.twice-in-list", reference(earlier.getKey()));
			}
		}
		if (standing.members() < 1) {
			throw new RuleViolationException("aid.distribution.error.no-members");
		}
		String note = line.flagNote() == null ? "" : line.flagNote().strip();
		if (standing.flagged() && note.isEmpty()) {
			throw new RuleViolationException("aid.distribution.error.note-required",
					reference(standing.possibleDuplicateOf()));
		}
		if (note.length() > NOTE_LIMIT) {
			throw new RuleViolationException("aid.error.note-too-long");
		}
		return new Accepted(new HandOut(line.household(), line.handedOn(), line.method(),
				standing.flagged() ? note : null), assessed);
	}

	/**
	 * Where a household stands. {@code batch} holds lines accepted before it in the same list, which count as
	 * received for the likely-duplicate check.
	 */
	private Assessed assess(Round round, UUID household, Map<UUID, Set<UUID>> batch) {
		Registry.Household chosen = registry.findHousehold(household).orElseThrow(NotFoundException::new);
		UUID canonical = registry.canonicalHousehold(household).orElse(household);
		Set<UUID> same = new LinkedHashSet<>(registry.sameHousehold(household));
		same.add(household);
		Registry.Household counted = canonical.equals(household) ? chosen
				: registry.findHousehold(canonical).orElse(chosen);
		int members = counted.members().size();
		Distribution received = receivedBy(round.id(), same);
		UUID possibleDuplicateOf = null;
		if (received == null) {
			Set<UUID> persons = new LinkedHashSet<>();
			for (UUID member : same) {
				Registry.Household h = member.equals(counted.id()) ? counted
						: member.equals(household) ? chosen : registry.findHousehold(member).orElse(null);
				if (h != null) {
					h.members().forEach(p -> persons.add(p.id()));
				}
			}
			for (Duplicates.OpenPair pair : duplicates.openPairsTouching(persons)) {
				if (same.contains(pair.otherHousehold())) {
					continue;
				}
				Set<UUID> other = new LinkedHashSet<>(registry.sameHousehold(pair.otherHousehold()));
				other.add(pair.otherHousehold());
				Distribution theirs = receivedBy(round.id(), other);
				if (theirs != null) {
					possibleDuplicateOf = theirs.household();
					break;
				}
				Optional<UUID> listed = batch.entrySet().stream()
						.filter(e -> e.getValue().stream().anyMatch(other::contains)).map(Map.Entry::getKey)
						.findFirst();
				if (listed.isPresent()) {
					possibleDuplicateOf = listed.get();
					break;
				}
			}
		}
		return new Assessed(new Standing(household, canonical, counted.origin(), members,
				round.entitlement(members), received, possibleDuplicateOf), same);
	}

	/** The handing-out of this round to one of these households, or to a household counted as one of them. */
	private @Nullable Distribution receivedBy(UUID round, Set<UUID> households) {
		String[] ids = households.stream().map(UUID::toString).toArray(String[]::new);
		return jdbc.sql("""
				SELECT * FROM aid.distribution WHERE round = :round
				  AND (household = ANY(CAST(:ids AS uuid[])) OR canonical = ANY(CAST(:ids AS uuid[])))
				ORDER BY recorded_at, id LIMIT 1""").param("round", round).param("ids", ids)
				.query(Distributions::distribution).optional().orElse(null);
	}

	/** The round, locked against closing until this transaction ends; a closed round takes nothing more. */
	private Round lockOpen(UUID id) {
		Round round = jdbc.sql("SELECT * FROM aid.distribution_round WHERE id = ? FOR SHARE").param(id)
				.query(Distributions::round).optional().orElseThrow(NotFoundException::new);
		if (!round.isOpen()) {
			throw new RuleViolationException("aid.distribution.error.closed");
		}
		return round;
	}

	/**
	 * Writes the accepted lines: the rows first, in one order for every writer (so that two lists sharing a
	 * household never wait for each other), then the stock taken for each, then the log entries.
	 */
	private List<Distribution> write(CurrentUser staff, Round round, List<Accepted> accepted) {
		MeasureUnit unit = catalogue.require(round.item()).unit();
		BigDecimal total = accepted.stream().map(a -> a.assessed().standing().entitlement())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal onHand = ledger.onHand(round.warehouse(), round.item());
		if (onHand.compareTo(total) < 0) {
			throw new RuleViolationException("aid.distribution.error.stock", Quantities.amount(onHand, unit),
					Quantities.amount(plain(total), unit));
		}
		// As the database keeps it, so that what is returned equals what is read back.
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		List<Accepted> ordered = new ArrayList<>(accepted);
		ordered.sort(Comparator.comparing((Accepted a) -> a.assessed().standing().canonical())
				.thenComparing(a -> a.line().household()));
		Map<UUID, Distribution> written = new LinkedHashMap<>();
		for (Accepted a : ordered) {
			Standing s = a.assessed().standing();
			HandOut line = a.line();
			var d = new Distribution(UUID.randomUUID(), round.id(), line.household(), s.canonical(), s.members(),
					s.entitlement(), line.handedOn(), line.method(), s.flagged() ? s.possibleDuplicateOf() : null,
					line.flagNote(), now);
			try {
				jdbc.sql("""
						INSERT INTO aid.distribution (id, round, household, canonical, members, quantity, handed_on,
						  method, possible_duplicate_of, flag_note, recorded_by, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
						.params(d.id(), d.round(), d.household(), d.canonical(), d.members(), d.quantity(),
								Date.valueOf(d.handedOn()), d.method().name(), d.possibleDuplicateOf(), d.flagNote(),
								staff.uuid(), Timestamp.from(now))
						.update();
			}
			catch (DuplicateKeyException meanwhile) {
				// Someone recorded this household, or one counted as it, a moment ago: the database has one row.
				throw new RuleViolationException("aid.distribution.error.received-meanwhile",
						reference(line.household()));
			}
			written.put(line.household(), d);
		}
		for (Distribution d : written.values()) {
			ledger.take(staff, round.warehouse(), List.of(new StockLedger.Line(round.item(), d.quantity())),
					StockLedger.Purpose.distribution(d.id()), d.handedOn());
		}
		for (Distribution d : written.values()) {
			events.publishEvent(AidChanged.by(staff, "distribution", d.id(), "handed-out", now, d.round().toString(),
					d.canonical().toString(), d.quantity().toPlainString(), d.handedOn().toString()));
		}
		return accepted.stream().map(a -> written.get(a.line().household())).toList();
	}

	/** Today where the aid is handed out: late in the UTC evening it is already tomorrow in the region. */
	LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	private static BigDecimal plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static Round round(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Round(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("item"),
				rs.getObject("warehouse", UUID.class), rs.getString("settlement"),
				plain(rs.getBigDecimal("per_household")), plain(rs.getBigDecimal("per_member")),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				RoundStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				closed == null ? null : closed.toInstant());
	}

	private static Distribution distribution(ResultSet rs, int n) throws SQLException {
		return new Distribution(rs.getObject("id", UUID.class), rs.getObject("round", UUID.class),
				rs.getObject("household", UUID.class), rs.getObject("canonical", UUID.class), rs.getInt("members"),
				plain(rs.getBigDecimal("quantity")), rs.getObject("handed_on", LocalDate.class),
				Method.valueOf(rs.getString("method")), rs.getObject("possible_duplicate_of", UUID.class),
				rs.getString("flag_note"), rs.getTimestamp("recorded_at").toInstant());
	}
}
