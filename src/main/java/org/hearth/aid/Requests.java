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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.ConflictException;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What facilities ask for, and its approval: once, or twice by two different coordinators when the request is worth
 * at least the agency's threshold or any line reaches its item's approval quantity. Every change checks the version
 * the page showed and is written to the request's history with who (by role) and when. Goods leave for a request
 * through {@link Shipments}, never more than was approved.
 */
@Service
public class Requests {

	/** The most requests a list shows; the filters narrow it down. */
	public static final int LIMIT = 200;

	/** The pipeline counts the shipments received on this many days up to today. */
	public static final int RECEIVED_DAYS = 30;

	/** A needed-by date further ahead than this is almost certainly a typing error in the year. */
	static final int NEEDED_BY_YEARS = 2;

	private final JdbcClient jdbc;
	private final Catalogue catalogue;
	private final Facilities facilities;
	private final AidProperties properties;
	private final DisplayZone zone;
	private final Clock clock;

	Requests(JdbcClient jdbc, Catalogue catalogue, Facilities facilities, AidProperties properties, DisplayZone zone,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.facilities = facilities;
		this.properties = properties;
		this.zone = zone;
		this.clock = clock;
	}

	private final ApplicationEventPublisher events;

	/** A quantity of an item, in the item's unit. */
	public record Line(String item, BigDecimal quantity) {
	}

	public record NewRequest(UUID facility, @Nullable LocalDate neededBy, @Nullable String note, List<Line> lines) {

		public NewRequest {
			lines = List.copyOf(lines);
		}
	}

	public record Request(UUID id, UUID facility, RequestStatus status, @Nullable LocalDate neededBy,
			@Nullable String note, UUID requestedBy, Instant requestedAt, @Nullable UUID firstApprovedBy,
			@Nullable Instant firstApprovedAt, @Nullable UUID secondApprovedBy, @Nullable Instant secondApprovedAt,
			@Nullable String decidedReason, Instant updatedAt, long version) {
	}

	/**
	 * A line of a request and how far it got: dispatched on any shipment, received on the received ones, and what
	 * may still be dispatched (nothing once the request is rejected, cancelled or closed).
	 */
	public record RequestLine(String item, BigDecimal requested, BigDecimal dispatched, BigDecimal received,
			BigDecimal remaining) {
	}

	/** @param role the role of who made the change, never a name */
	public record HistoryEntry(RequestStatus status, @Nullable String comment, UUID changedBy, String role,
			Instant at) {
	}

	/**
	 * Why a request needs a second approver, or not: its value against the threshold, and the lines at or above
	 * their item's approval quantity.
	 *
	 * @param value the sum of quantity times unit value; items without a value count nothing
	 */
	public record ApprovalRule(BigDecimal value, BigDecimal threshold, String currency, List<LargeLine> largeLines) {

		public ApprovalRule {
			largeLines = List.copyOf(largeLines);
		}

		public boolean byValue() {
			return value.compareTo(threshold) >= 0;
		}

		public boolean needsSecondApprover() {
			return byValue() || !largeLines.isEmpty();
		}
	}

	/** A line whose quantity alone needs a second approver. */
	public record LargeLine(String item, BigDecimal quantity, BigDecimal approvalQuantity) {
	}

	/**
	 * The pipeline from request to receipt, for the dashboard.
	 *
	 * @param awaitingApproval requests waiting for a first or a second approval
	 * @param approvedNotFullyDispatched approved requests of which some quantity is still to be dispatched
	 * @param inTransit shipments dispatched and not yet received
	 * @param receivedRecently shipments received from {@code receivedSince} to today
	 */
	public record Pipeline(int awaitingApproval, int approvedNotFullyDispatched, int inTransit, int receivedRecently,
			LocalDate receivedSince) {
	}

	/** A request not yet finished, with what is still to come of each line. */
	public record OpenRequest(Request request, List<RequestLine> lines) {
	}

	public Request request(UUID id) {
		return jdbc.sql("SELECT * FROM aid.request WHERE id = ?").param(id).query(Requests::request).optional()
				.orElseThrow(NotFoundException::new);
	}

	/** The latest requests first, of one status and one facility if given. */
	public List<Request> requests(@Nullable RequestStatus status, @Nullable UUID facility, int limit) {
		return jdbc.sql("""
				SELECT * FROM aid.request WHERE (:s::text IS NULL OR status = :s) AND (:f::uuid IS NULL OR facility = :f)
				ORDER BY requested_at DESC, id LIMIT :limit""")
				.param("s", status == null ? null : status.name()).param("f", facility).param("limit", limit)
				.query(Requests::request).list();
	}

	/** The request's lines by item, with what was dispatched and received of each and what remains. */
	public List<RequestLine> lines(UUID request) {
		RequestStatus status = request(request).status();
		return jdbc.sql("""
				SELECT l.item, l.quantity, coalesce(sum(sl.dispatched), 0) AS dispatched,
				  coalesce(sum(sl.received), 0) AS received
				FROM aid.request_line l
				LEFT JOIN aid.shipment s ON s.request = l.request
				LEFT JOIN aid.shipment_line sl ON sl.shipment = s.id AND sl.item = l.item
				WHERE l.request = ? GROUP BY l.item, l.quantity ORDER BY l.item""")
				.param(request).query((rs, n) -> {
					BigDecimal requested = rs.getBigDecimal("quantity").stripTrailingZeros();
					BigDecimal dispatched = rs.getBigDecimal("dispatched").stripTrailingZeros();
					BigDecimal remaining = status.finished() ? BigDecimal.ZERO
							: requested.subtract(dispatched).max(BigDecimal.ZERO);
					return new RequestLine(rs.getString("item"), plain(requested), plain(dispatched),
							plain(rs.getBigDecimal("received").stripTrailingZeros()), plain(remaining));
				}).list();
	}

	/** The request's history, oldest first. */
	public List<HistoryEntry> history(UUID request) {
		return jdbc.sql("SELECT * FROM aid.request_history WHERE request = ? ORDER BY id").param(request)
				.query((rs, n) -> new HistoryEntry(RequestStatus.valueOf(rs.getString("status")),
						rs.getString("comment"), rs.getObject("changed_by", UUID.class), rs.getString("role"),
						rs.getTimestamp("changed_at").toInstant()))
				.list();
	}

	/** Whether the request needs a second approver, and why, under today's settings and item values. */
	public ApprovalRule rule(UUID request) {
		return rule(jdbc.sql("SELECT item, quantity FROM aid.request_line WHERE request = ? ORDER BY item")
				.param(request).query((rs, n) -> new Line(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()))
				.list());
	}

	ApprovalRule rule(List<Line> lines) {
		BigDecimal value = BigDecimal.ZERO;
		List<LargeLine> large = new ArrayList<>();
		for (Line line : lines) {
			Catalogue.Item item = catalogue.require(line.item());
			if (item.unitValue() != null) {
				value = value.add(line.quantity().multiply(item.unitValue()));
			}
			if (item.approvalQuantity() != null && line.quantity().compareTo(item.approvalQuantity()) >= 0) {
				large.add(new LargeLine(line.item(), line.quantity(), item.approvalQuantity().stripTrailingZeros()));
			}
		}
		return new ApprovalRule(value.setScale(2, java.math.RoundingMode.HALF_UP), properties.secondApprovalValue(),
				properties.currency(), large);
	}

	/** Records a facility's request; it waits for approval. */
	@Transactional
	public Request create(CurrentUser staff, NewRequest request) {
		openFacility(request.facility());
		List<Line> lines = checkLines(request.lines());
		LocalDate today = today();
		if (request.neededBy() != null) {
			if (request.neededBy().isBefore(today)) {
				throw new RuleViolationException("aid.error.needed-by-past");
			}
			if (request.neededBy().isAfter(today.plusYears(NEEDED_BY_YEARS))) {
				throw new RuleViolationException("aid.error.needed-by-far", NEEDED_BY_YEARS);
			}
		}
		String note = optionalText(request.note(), "aid.error.note-too-long");
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO aid.request (id, facility, status, needed_by, note, requested_by, requested_at, updated_at,
				  version) VALUES (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, 0)""")
				.params(id, request.facility(), request.neededBy() == null ? null : Date.valueOf(request.neededBy()),
						note, staff.uuid(), Timestamp.from(now), Timestamp.from(now))
				.update();
		for (Line line : lines) {
			jdbc.sql("INSERT INTO aid.request_line (request, item, quantity) VALUES (?, ?, ?)")
					.params(id, line.item(), line.quantity()).update();
		}
		history(id, RequestStatus.REQUESTED, null, staff, now);
		return request(id);
	}

	/**
	 * Approves the request as the page showed it at {@code version}: outright, or as the first of two approvals when
	 * {@link #rule(UUID)} says so; the second must be someone else's.
	 */
	@Transactional
	public Request approve(CurrentUser staff, UUID id, long version, @Nullable String comment) {
		String text = optionalText(comment, "aid.error.comment-too-long");
		Request current = lock(id, version);
		RequestStatus next = current.status().approvedBy(staff.uuid(), current.firstApprovedBy(),
				rule(id).needsSecondApprover());
		Instant now = clock.instant();
		if (current.status() == RequestStatus.REQUESTED) {
			update(id, version, next, now, "first_approved_by = ?, first_approved_at = ?", staff.uuid(),
					Timestamp.from(now));
		}
		else {
			update(id, version, next, now, "second_approved_by = ?, second_approved_at = ?", staff.uuid(),
					Timestamp.from(now));
		}
		history(id, next, text, staff, now);
		return request(id);
	}

	/** Rejects a request waiting for approval; the reason is required and stays in the history. */
	@Transactional
	public Request reject(CurrentUser staff, UUID id, long version, String reason) {
		String why = reason.strip();
		if (why.isEmpty()) {
			throw new RuleViolationException("aid.error.reject-reason");
		}
		if (why.length() > 1000) {
			throw new RuleViolationException("aid.error.reason-too-long");
		}
		Request current = lock(id, version);
		RequestStatus next = current.status().rejected();
		Instant now = clock.instant();
		update(id, version, next, now, "decided_reason = ?", why);
		history(id, next, why, staff, now);
		return request(id);
	}

	/** Withdraws a request that nothing was dispatched for yet. */
	@Transactional
	public Request cancel(CurrentUser staff, UUID id, long version, @Nullable String comment) {
		String text = optionalText(comment, "aid.error.comment-too-long");
		Request current = lock(id, version);
		RequestStatus next = current.status().cancelled(anythingDispatched(id));
		Instant now = clock.instant();
		update(id, version, next, now, "decided_reason = ?", text);
		history(id, next, text, staff, now);
		return request(id);
	}

	/** The facility needs no more: what was approved and not yet dispatched is dropped. */
	@Transactional
	public Request close(CurrentUser staff, UUID id, long version, @Nullable String comment) {
		String text = optionalText(comment, "aid.error.comment-too-long");
		Request current = lock(id, version);
		RequestStatus next = current.status().closed();
		Instant now = clock.instant();
		update(id, version, next, now, "decided_reason = ?", text);
		history(id, next, text, staff, now);
		return request(id);
	}

	/** Counts from request to receipt, for the dashboard. */
	public Pipeline pipeline() {
		LocalDate since = today().minusDays(RECEIVED_DAYS - 1);
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM aid.request WHERE status IN ('REQUESTED', 'AWAITING_SECOND_APPROVAL')),
				  (SELECT count(*) FROM aid.request r WHERE r.status = 'APPROVED' AND EXISTS (
				     SELECT 1 FROM aid.request_line l WHERE l.request = r.id AND l.quantity > (
				       SELECT coalesce(sum(sl.dispatched), 0) FROM aid.shipment s
				       JOIN aid.shipment_line sl ON sl.shipment = s.id WHERE s.request = r.id AND sl.item = l.item))),
				  (SELECT count(*) FROM aid.shipment WHERE status = 'IN_TRANSIT'),
				  (SELECT count(*) FROM aid.shipment WHERE status = 'RECEIVED' AND received_on >= ?)""")
				.param(Date.valueOf(since))
				.query((rs, n) -> new Pipeline(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), since))
				.single();
	}

	/**
	 * The facility's requests still waiting for approval or for goods, oldest first, each with what remains of its
	 * lines; a request fully dispatched is not open any more.
	 */
	public List<OpenRequest> open(UUID facility) {
		List<OpenRequest> open = new ArrayList<>();
		for (Request r : jdbc.sql("""
				SELECT * FROM aid.request WHERE facility = ?
				  AND status IN ('REQUESTED', 'AWAITING_SECOND_APPROVAL', 'APPROVED') ORDER BY requested_at, id""")
				.param(facility).query(Requests::request).list()) {
			List<RequestLine> lines = lines(r.id());
			if (lines.stream().anyMatch(l -> l.remaining().signum() > 0)) {
				open.add(new OpenRequest(r, lines));
			}
		}
		return open;
	}

	/** Whether any shipment left for the request, in transit or received. */
	public boolean anythingDispatched(UUID request) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM aid.shipment WHERE request = ?)").param(request)
				.query(Boolean.class).single();
	}

	/** Locks the request for the change and checks it is still as the page showed it. */
	Request lock(UUID id, long version) {
		Request current = locked(id);
		if (current.version() != version) {
			throw new ConflictException("aid.error.changed-meanwhile");
		}
		return current;
	}

	/** Sets the status and the columns of {@code set} to {@code values}, if the request is still at {@code version}. */
	/** The request, locked until the transaction ends: changes to it and dispatches for it wait for each other. */
	Request locked(UUID id) {
		return jdbc.sql("SELECT * FROM aid.request WHERE id = ? FOR UPDATE").param(id).query(Requests::request)
				.optional().orElseThrow(NotFoundException::new);
	}

	private void update(UUID id, long version, RequestStatus next, Instant now, String set,
			@Nullable Object... values) {
		List<@Nullable Object> params = new ArrayList<>();
		params.add(next.name());
		params.addAll(java.util.Arrays.asList(values));
		params.add(Timestamp.from(now));
		params.add(id);
		params.add(version);
		int changed = jdbc.sql("UPDATE aid.request SET status = ?, " + set
				+ ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?").params(params).update();
		if (changed == 0) {
			throw new ConflictException("aid.error.changed-meanwhile");
		}
	}

	private void history(UUID request, RequestStatus status, @Nullable String comment, CurrentUser staff,
			Instant at) {
		jdbc.sql("""
				INSERT INTO aid.request_history (request, status, comment, changed_by, role, changed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(request, status.name(), comment, staff.uuid(), roleOf(staff), Timestamp.from(at)).update();
		// Every decision on a request enters the public log too: what was asked for and what was decided, no names.
		String lines = String.join(";", jdbc.sql("SELECT item || ':' || quantity FROM aid.request_line WHERE request = ? ORDER BY item")
				.param(request).query(String.class).list());
		events.publishEvent(AidChanged.by(staff, "request", request, status.name().toLowerCase(java.util.Locale.ROOT), at,
				request.toString(), status.name(), lines, at.toString()));
	}

	/** The facility, which must exist and not be closed: goods are neither asked for nor sent to a closed one. */
	Facilities.Facility openFacility(UUID id) {
		Facilities.Facility facility;
		try {
			facility = facilities.facility(id);
		}
		catch (NotFoundException unknown) {
			throw new RuleViolationException("aid.error.choose-facility");
		}
		if (facility.status() == FacilityStatus.CLOSED) {
			throw new RuleViolationException("aid.error.facility-closed");
		}
		return facility;
	}

	/** At least one line, each item once, each quantity positive and exact in its item's unit. */
	List<Line> checkLines(List<Line> lines) {
		if (lines.isEmpty()) {
			throw new RuleViolationException("aid.error.no-lines");
		}
		Set<String> seen = new HashSet<>();
		for (Line line : lines) {
			MeasureUnit unit = catalogue.require(line.item()).unit();
			requireExact(line.quantity(), unit);
			if (!seen.add(line.item())) {
				throw new RuleViolationException("aid.error.item-twice");
			}
		}
		return lines;
	}

	/** A positive quantity with no more decimals than its unit allows, below the largest the database holds. */
	static void requireExact(BigDecimal quantity, MeasureUnit unit) {
		StockLedger.requirePositive(quantity);
		if (quantity.stripTrailingZeros().scale() > unit.scale()) {
			throw new RuleViolationException("aid.error.quantity-precision", Quantities.unitName(unit), unit.scale());
		}
		if (quantity.compareTo(Quantities.MAXIMUM) > 0) {
			throw new RuleViolationException("aid.error.quantity-too-large");
		}
	}

	static @Nullable String optionalText(@Nullable String text, String tooLong) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > 1000) {
			throw new RuleViolationException(tooLong);
		}
		return stripped;
	}

	/** The role a change is recorded under: the aid coordinator's when the person has it. */
	static String roleOf(CurrentUser staff) {
		return staff.has(Role.AID_COORDINATOR) ? Role.AID_COORDINATOR.name()
				: staff.roles().stream().filter(Role::isStaff).map(Enum::name).sorted().findFirst().orElse("SYSTEM");
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	/** 1E+3 as 1000: quantities are shown and exported as plain decimals. */
	static BigDecimal plain(BigDecimal quantity) {
		BigDecimal stripped = quantity.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static Request request(ResultSet rs, int n) throws SQLException {
		Timestamp first = rs.getTimestamp("first_approved_at");
		Timestamp second = rs.getTimestamp("second_approved_at");
		return new Request(rs.getObject("id", UUID.class), rs.getObject("facility", UUID.class),
				RequestStatus.valueOf(rs.getString("status")), rs.getObject("needed_by", LocalDate.class),
				rs.getString("note"), rs.getObject("requested_by", UUID.class),
				rs.getTimestamp("requested_at").toInstant(), rs.getObject("first_approved_by", UUID.class),
				first == null ? null : first.toInstant(), rs.getObject("second_approved_by", UUID.class),
				second == null ? null : second.toInstant(), rs.getString("decided_reason"),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}
}
