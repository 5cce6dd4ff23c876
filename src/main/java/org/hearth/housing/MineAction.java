package org.hearth.housing;

import java.io.IOException;
import java.io.Reader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.Csv;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mine-action areas and their status. When an area stops being released, the offers of its units are suspended in
 * the same transaction, before the status changes (the database refuses the change otherwise).
 */
@Service
public class MineAction {

	public static final List<String> COLUMNS = List.of("reference", "settlement", "sector", "status", "certificate",
			"released_on");

	private final JdbcClient jdbc;
	private final Gazetteer gazetteer;
	private final Offers offers;
	private final ApplicationEventPublisher events;
	private final DisplayZone zone;
	private final Clock clock;

	MineAction(JdbcClient jdbc, Gazetteer gazetteer, Offers offers, ApplicationEventPublisher events, DisplayZone zone,
			Clock clock) {
		this.zone = zone;
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.offers = offers;
		this.events = events;
		this.clock = clock;
	}

	public record Area(UUID id, String reference, String settlement, String sector, AreaStatus status,
			@Nullable String certificate, @Nullable LocalDate releasedOn, Instant updatedAt) {

		public boolean released() {
			return status == AreaStatus.RELEASED;
		}
	}

	/** A status as the mine-action database states it; a release needs its certificate and date. */
	public record AreaRecord(String reference, String settlement, String sector, AreaStatus status,
			@Nullable String certificate, @Nullable LocalDate releasedOn) {
	}

	public record HistoryEntry(AreaStatus status, @Nullable String certificate, @Nullable LocalDate releasedOn,
			String source, Instant at) {
	}

	public List<Area> areas(@Nullable String settlement) {
		return jdbc.sql("SELECT * FROM housing.area WHERE (:s::text IS NULL OR settlement = :s) ORDER BY settlement, reference")
				.param("s", settlement).query(MineAction::area).list();
	}

	public Area area(UUID id) {
		return jdbc.sql("SELECT * FROM housing.area WHERE id = ?").param(id).query(MineAction::area).optional()
				.orElseThrow(() -> new NotFoundException());
	}

	public Optional<Area> byReference(String reference) {
		return jdbc.sql("SELECT * FROM housing.area WHERE reference = ?").param(reference).query(MineAction::area)
				.optional();
	}

	public List<HistoryEntry> history(UUID area) {
		return jdbc.sql("""
				SELECT status, certificate, released_on, source, changed_at FROM housing.area_history
				WHERE area_id = ? ORDER BY id""").param(area)
				.query((rs, n) -> new HistoryEntry(AreaStatus.valueOf(rs.getString(1)), rs.getString(2),
						rs.getObject(3, LocalDate.class), rs.getString(4), rs.getTimestamp(5).toInstant()))
				.list();
	}

	/**
	 * What recording a status did.
	 *
	 * @param changed whether anything changed
	 * @param suspendedOffers offers of the area's units suspended because it stopped being released
	 */
	public record Recorded(boolean changed, int suspendedOffers) {
	}

	/**
	 * Creates the area or records its new status. A release in the future, a release without certificate, or an
	 * unknown settlement is refused.
	 */
	@Transactional
	public Recorded record(CurrentUser staff, AreaRecord record, String source) {
		check(record).ifPresent(key -> {
			throw new RuleViolationException(key);
		});
		return apply(staff, record, source);
	}

	private Recorded apply(CurrentUser staff, AreaRecord record, String source) {
		Instant now = clock.instant();
		Optional<Area> existing = jdbc.sql("SELECT * FROM housing.area WHERE reference = ? FOR UPDATE")
				.param(record.reference()).query(MineAction::area).optional();
		String certificate = record.status() == AreaStatus.RELEASED ? record.certificate() : null;
		LocalDate releasedOn = record.status() == AreaStatus.RELEASED ? record.releasedOn() : null;
		UUID id;
		int suspended = 0;
		if (existing.isEmpty()) {
			id = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO housing.area (id, reference, settlement, sector, status, certificate, released_on,
					  updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
					.params(id, record.reference(), record.settlement(), record.sector(), record.status().name(),
							certificate, releasedOn == null ? null : Date.valueOf(releasedOn), Timestamp.from(now))
					.update();
		}
		else {
			Area area = existing.get();
			id = area.id();
			boolean same = area.status() == record.status() && area.settlement().equals(record.settlement())
					&& area.sector().equals(record.sector()) && java.util.Objects.equals(area.certificate(), certificate)
					&& java.util.Objects.equals(area.releasedOn(), releasedOn);
			if (same) {
				return new Recorded(false, 0);
			}
			if (area.released() && record.status() != AreaStatus.RELEASED) {
				suspended = offers.suspendInArea(id, record.status(), staff);
			}
			jdbc.sql("""
					UPDATE housing.area SET settlement = ?, sector = ?, status = ?, certificate = ?, released_on = ?,
					  updated_at = ?, version = version + 1 WHERE id = ?""")
					.params(record.settlement(), record.sector(), record.status().name(), certificate,
							releasedOn == null ? null : Date.valueOf(releasedOn), Timestamp.from(now), id)
					.update();
		}
		jdbc.sql("""
				INSERT INTO housing.area_history (area_id, status, certificate, released_on, source, changed_by,
				  changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, record.status().name(), certificate, releasedOn == null ? null : Date.valueOf(releasedOn),
						source, staff.uuid(), Timestamp.from(now))
				.update();
		events.publishEvent(HousingChanged.by(staff, "mine-action-area", id, record.status().name().toLowerCase(
				java.util.Locale.ROOT), now, Digests.sha256(String.join("\n", record.reference(), record.settlement(),
						record.status().name(), String.valueOf(certificate), String.valueOf(releasedOn)))));
		return new Recorded(true, suspended);
	}

	/** The message key of what is wrong with a record, if anything. */
	Optional<String> check(AreaRecord record) {
		if (record.reference().isBlank() || record.reference().length() > 60) {
			return Optional.of("housing.import.reference");
		}
		if (gazetteer.find(record.settlement()).isEmpty()) {
			return Optional.of("housing.error.unknown-settlement");
		}
		if (record.sector().isBlank() || record.sector().length() > 200) {
			return Optional.of("housing.import.sector");
		}
		if (record.status() == AreaStatus.RELEASED) {
			if (record.certificate() == null || record.certificate().isBlank() || record.releasedOn() == null) {
				return Optional.of("housing.error.release-needs-certificate");
			}
			if (record.certificate().length() > 100) {
				return Optional.of("housing.import.certificate");
			}
			// Today where the certificates are signed, not in UTC: late in the evening UTC it is tomorrow in Baku.
			if (record.releasedOn().isAfter(LocalDate.now(clock.withZone(zone.zone())))) {
				return Optional.of("housing.error.release-in-future");
			}
		}
		return Optional.empty();
	}

	/** A row of an import left out, with the message key saying why and its arguments. */
	public record Problem(int line, String messageKey, List<Object> arguments) {
	}

	/**
	 * @param suspendedOffers offers suspended because an area in the file stopped being released
	 */
	public record ImportReport(int changed, int unchanged, int suspendedOffers, List<Problem> problems) {

		public boolean complete() {
			return problems.isEmpty();
		}
	}

	/**
	 * Imports a CSV export of the mine-action database (columns {@link #COLUMNS}). All or nothing: one bad row and
	 * no row is taken, since a status from half a file is worse than yesterday's whole file. The report lists every
	 * bad row.
	 */
	@Transactional
	public ImportReport importCsv(CurrentUser staff, Reader csv, String source) {
		List<Csv.Record> records = new ArrayList<>();
		try {
			Csv.parse(csv, records::add);
		}
		catch (IOException | IllegalArgumentException e) {
			return new ImportReport(0, 0, 0, List.of(new Problem(0, "housing.import.unreadable", List.of())));
		}
		if (records.isEmpty() || !records.get(0).fields().equals(COLUMNS)) {
			return new ImportReport(0, 0, 0,
					List.of(new Problem(1, "housing.import.header", List.of(String.join(",", COLUMNS)))));
		}
		List<Problem> problems = new ArrayList<>();
		List<AreaRecord> good = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Csv.Record row : records.subList(1, records.size())) {
			List<String> f = row.fields();
			if (f.size() != COLUMNS.size()) {
				problems.add(new Problem(row.line(), "housing.import.columns", List.of(COLUMNS.size(), f.size())));
				continue;
			}
			AreaStatus status;
			try {
				status = AreaStatus.valueOf(f.get(3).strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_')
						.replace('-', '_'));
			}
			catch (IllegalArgumentException e) {
				problems.add(new Problem(row.line(), "housing.import.status", List.of(f.get(3))));
				continue;
			}
			LocalDate releasedOn = null;
			if (!f.get(5).isBlank()) {
				try {
					releasedOn = LocalDate.parse(f.get(5).strip());
				}
				catch (DateTimeParseException e) {
					problems.add(new Problem(row.line(), "housing.import.date", List.of(f.get(5))));
					continue;
				}
			}
			AreaRecord record = new AreaRecord(f.get(0).strip(), f.get(1).strip(), f.get(2).strip(), status,
					f.get(4).isBlank() ? null : f.get(4).strip(), releasedOn);
			Optional<String> wrong = check(record);
			if (wrong.isPresent()) {
				problems.add(new Problem(row.line(), wrong.get(), List.of(f.get(1))));
			}
			else if (!seen.add(record.reference())) {
				problems.add(new Problem(row.line(), "housing.import.repeated", List.of(record.reference())));
			}
			else {
				good.add(record);
			}
		}
		if (!problems.isEmpty()) {
			return new ImportReport(0, 0, 0, problems);
		}
		int changed = 0;
		int suspended = 0;
		for (AreaRecord record : good) {
			Recorded recorded = apply(staff, record, source);
			if (recorded.changed()) {
				changed++;
			}
			suspended += recorded.suspendedOffers();
		}
		return new ImportReport(changed, good.size() - changed, suspended, List.of());
	}

	private static Area area(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Area(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("settlement"),
				rs.getString("sector"), AreaStatus.valueOf(rs.getString("status")), rs.getString("certificate"),
				rs.getObject("released_on", LocalDate.class), rs.getTimestamp("updated_at").toInstant());
	}
}
