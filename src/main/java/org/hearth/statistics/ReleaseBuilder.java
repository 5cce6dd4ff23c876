package org.hearth.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.format.DateTimeFormatter;

import org.hearth.aid.Catalogue;
import org.hearth.aid.Overview;
import org.hearth.applications.ApplicationFigures;
import org.hearth.applications.Status;
import org.hearth.dialogue.CommitmentStatus;
import org.hearth.dialogue.Tracker;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.hearth.housing.ProgrammeFigures;
import org.hearth.monitoring.IncidentKind;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.Verification;
import org.hearth.platform.Dates;
import org.hearth.platform.DisplayZone;
import org.hearth.platform.Suppression;
import org.hearth.platform.Suppression.Table;
import org.hearth.platform.Suppression.Totals;
import org.hearth.shared.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds a release's tables from what the other modules count, each through {@link Suppression} before anything is
 * kept. Runs once per release, not per request: the pages and downloads read the stored release.
 */
@Component
class ReleaseBuilder {

	/** Weeks of applications and decisions a release covers, ending with the last complete week. */
	static final int WEEKS = 26;

	/** Months of incidents a release covers, ending with the last complete month. */
	static final int MONTHS = 24;

	/** Days of aid needs a release covers, ending with the cutoff. */
	static final int AID_DAYS = 90;

	static final String RESIDENCY = "residency";

	private final ApplicationFigures applications;
	private final ProgrammeFigures programme;
	private final Overview aid;
	private final Catalogue catalogue;
	private final Tracker commitments;
	private final Incidents incidents;
	private final Gazetteer gazetteer;
	private final Suppression suppression;
	private final MessageSource messages;
	private final Dates dates;
	private final ZoneId zone;

	ReleaseBuilder(ApplicationFigures applications, ProgrammeFigures programme, Overview aid, Catalogue catalogue,
			Tracker commitments, Incidents incidents, Gazetteer gazetteer, Suppression suppression,
			MessageSource messages, Dates dates, DisplayZone zone) {
		this.applications = applications;
		this.programme = programme;
		this.aid = aid;
		this.catalogue = catalogue;
		this.commitments = commitments;
		this.incidents = incidents;
		this.gazetteer = gazetteer;
		this.suppression = suppression;
		this.messages = messages;
		this.dates = dates;
		this.zone = zone.zone();
	}

	/** The start of the week of {@code day}: what a release made that day counts up to. */
	Instant cutoff(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
	}

	List<StatTable> build(LocalDate day) {
		Instant cutoff = cutoff(day);
		LocalDate lastWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		List<LocalDate> weeks = new ArrayList<>();
		for (int i = WEEKS - 1; i >= 0; i--) {
			weeks.add(lastWeek.minusWeeks(i));
		}
		Instant from = weeks.get(0).atStartOfDay(zone).toInstant();
		List<StatTable> tables = new ArrayList<>();
		tables.add(applicationsByWeek(weeks, from, cutoff));
		tables.addAll(decisionsByWeek(weeks, from, cutoff));
		tables.add(greatReturn());
		tables.add(aid(cutoff));
		tables.add(commitmentsByStatus());
		tables.add(commitmentsByScore());
		tables.addAll(incidents(cutoff));
		return tables;
	}

	private StatTable applicationsByWeek(List<LocalDate> weeks, Instant from, Instant cutoff) {
		List<TableSpec.Column> columns = TableSpec.get(TableSpec.APPLICATIONS).columns();
		Map<LocalDate, Map<Status, Long>> counted = new HashMap<>();
		for (ApplicationFigures.WeekStatus w : applications.submittedByWeek(RESIDENCY, from, cutoff, zone)) {
			counted.computeIfAbsent(w.week(), k -> new HashMap<>()).merge(w.status(), w.count(), Long::sum);
		}
		long[][] counts = new long[weeks.size()][columns.size()];
		for (int i = 0; i < weeks.size(); i++) {
			Map<Status, Long> week = counted.getOrDefault(weeks.get(i), Map.of());
			for (int j = 0; j < columns.size(); j++) {
				counts[i][j] = week.getOrDefault(Status.valueOf(columns.get(j).key()), 0L);
			}
		}
		return counts(TableSpec.APPLICATIONS, keys(weeks), weekLabels(weeks, this::week), counts, Totals.ALL);
	}

	private List<StatTable> decisionsByWeek(List<LocalDate> weeks, Instant from, Instant cutoff) {
		Map<LocalDate, ApplicationFigures.WeekDecisions> byWeek = new HashMap<>();
		applications.decidedByWeek(RESIDENCY, from, cutoff, zone).forEach(d -> byWeek.put(d.week(), d));
		long[][] counts = new long[weeks.size()][2];
		List<List<StatTable.Value>> medians = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			ApplicationFigures.WeekDecisions d = byWeek.get(weeks.get(i));
			counts[i][0] = d == null ? 0 : d.approved();
			counts[i][1] = d == null ? 0 : d.refused();
			// A median of a few decisions is close to one person's wait: shown only where the count would be.
			boolean enough = d != null && d.approved() + d.refused() >= suppression.threshold();
			medians.add(List.of(enough ? StatTable.Value.measure(BigDecimal.valueOf(d.medianDays())
					.setScale(1, RoundingMode.HALF_UP)) : d == null ? StatTable.Value.measure(null)
							: StatTable.Value.WITHHELD));
		}
		Map<String, List<String>> labels = weekLabels(weeks, this::week);
		return List.of(counts(TableSpec.DECISIONS, keys(weeks), labels, counts, Totals.ALL),
				new StatTable(TableSpec.DECISION_DAYS, keys(weeks), labels, medians, List.of(), List.of(), null,
						false));
	}

	private StatTable greatReturn() {
		List<ProgrammeFigures.SettlementSteps> rows = programme.bySettlement();
		long[][] counts = new long[rows.size()][];
		for (int i = 0; i < rows.size(); i++) {
			ProgrammeFigures.SettlementSteps s = rows.get(i);
			counts[i] = new long[] { s.admitted(), s.offered(), s.accepted(), s.movedIn() };
		}
		List<String> keys = rows.stream().map(ProgrammeFigures.SettlementSteps::settlement).toList();
		return counts(TableSpec.GREAT_RETURN, keys,
				labels(keys, (k, locale) -> gazetteer.label(new SettlementId(k), locale)), counts,
				new Totals(false, true, false));
	}

	private StatTable aid(Instant cutoff) {
		LocalDate to = cutoff.atZone(zone).toLocalDate().minusDays(1);
		List<String> keys = new ArrayList<>();
		List<List<StatTable.Value>> cells = new ArrayList<>();
		for (Overview.CategoryTotal category : aid.byCategory(aid.needsAgainstDelivered(to.minusDays(AID_DAYS - 1), to,
				null))) {
			for (Overview.ItemTotal item : category.items()) {
				keys.add(item.item());
				cells.add(List.of(StatTable.Value.measure(item.needed()), StatTable.Value.measure(item.delivered()),
						StatTable.Value.measure(BigDecimal.valueOf(item.percent()))));
			}
		}
		Map<String, Catalogue.Item> items = new LinkedHashMap<>();
		catalogue.items().forEach(i -> items.put(i.code(), i));
		return new StatTable(TableSpec.AID, keys, labels(keys, (k, locale) -> items.get(k).name().in(locale) + " ("
				+ messages.getMessage("aid.unit." + items.get(k).unit().name(), null, locale) + ")"), cells,
				List.of(), List.of(), null, false);
	}

	/** Commitments are public one by one in the tracker: counting them singles nobody out, so nothing is withheld. */
	private StatTable commitmentsByStatus() {
		Map<CommitmentStatus, Integer> counts = commitments.countsByStatus();
		List<String> keys = counts.keySet().stream().map(Enum::name).toList();
		return plain(TableSpec.COMMITMENTS, keys,
				labels(keys, (k, l) -> messages.getMessage("dialogue.status." + k, null, l)),
				counts.values().stream().mapToLong(Integer::longValue).toArray());
	}

	private StatTable commitmentsByScore() {
		long[] byScore = new long[4];
		commitments.commitments(Tracker.Filter.all()).forEach(t -> byScore[t.commitment().score()]++);
		List<String> keys = List.of("0", "1", "2", "3");
		return plain(TableSpec.SCORES, keys,
				labels(keys, (k, l) -> messages.getMessage("dialogue.score." + k, null, l)), byScore);
	}

	private List<StatTable> incidents(Instant cutoff) {
		Incidents.Summary all = incidents.summary(null);
		List<IncidentKind> kinds = List.copyOf(all.byKindAndStatus().keySet());
		List<TableSpec.Column> columns = TableSpec.get(TableSpec.INCIDENTS).columns();
		long[][] counts = new long[kinds.size()][columns.size()];
		for (int i = 0; i < kinds.size(); i++) {
			for (int j = 0; j < columns.size(); j++) {
				counts[i][j] = all.byKindAndStatus().get(kinds.get(i))
						.getOrDefault(Verification.valueOf(columns.get(j).key()), 0L);
			}
		}
		List<String> kindKeys = kinds.stream().map(Enum::name).toList();
		StatTable byKind = counts(TableSpec.INCIDENTS, kindKeys,
				labels(kindKeys, (k, l) -> messages.getMessage("monitoring.incident-kind." + k, null, l)), counts,
				Totals.ALL);
		YearMonth last = YearMonth.from(cutoff.atZone(zone)).minusMonths(1);
		Map<YearMonth, Long> byMonth = new HashMap<>();
		for (int year = last.minusMonths(MONTHS - 1).getYear(); year <= last.getYear(); year++) {
			incidents.summary(year).byMonth().forEach(m -> byMonth.put(m.month(), m.count()));
		}
		List<String> months = new ArrayList<>();
		long[] monthCounts = new long[MONTHS];
		for (int i = 0; i < MONTHS; i++) {
			YearMonth month = last.minusMonths(MONTHS - 1 - i);
			months.add(month.toString());
			monthCounts[i] = byMonth.getOrDefault(month, 0L);
		}
		StatTable byMonthTable = StatTable.of(TableSpec.INCIDENT_MONTHS, months,
				labels(months, (k, l) -> month(YearMonth.parse(k), l)),
				suppression.publish(Table.column(monthCounts)));
		return List.of(byKind, byMonthTable);
	}

	private StatTable counts(String id, List<String> keys, Map<String, List<String>> labels, long[][] counts,
			Totals totals) {
		int columns = TableSpec.get(id).columns().size();
		return StatTable.of(id, keys, labels, suppression.publish(new Table(keys.size(), columns, counts, totals)));
	}

	private static StatTable plain(String id, List<String> keys, Map<String, List<String>> labels, long[] counts) {
		List<List<StatTable.Value>> cells = new ArrayList<>();
		long total = 0;
		for (long c : counts) {
			cells.add(List.of(StatTable.Value.of(Suppression.Figure.of(c))));
			total += c;
		}
		return new StatTable(id, keys, labels, cells, List.of(),
				List.of(StatTable.Value.of(Suppression.Figure.of(total))), null, false);
	}

	private static List<String> keys(List<LocalDate> weeks) {
		return weeks.stream().map(LocalDate::toString).toList();
	}

	private Map<String, List<String>> weekLabels(List<LocalDate> weeks, WeekLabel label) {
		Map<String, List<String>> labels = new LinkedHashMap<>();
		for (Locale locale : Languages.SUPPORTED) {
			labels.put(locale.getLanguage(), weeks.stream().map(w -> label.of(w, locale)).toList());
		}
		return labels;
	}

	private Map<String, List<String>> labels(List<String> keys, KeyLabel label) {
		Map<String, List<String>> labels = new LinkedHashMap<>();
		for (Locale locale : Languages.SUPPORTED) {
			labels.put(locale.getLanguage(), keys.stream().map(k -> label.of(k, locale)).toList());
		}
		return labels;
	}

	interface WeekLabel {
		String of(LocalDate week, Locale locale);
	}

	interface KeyLabel {
		String of(String key, Locale locale);
	}

	private String week(LocalDate monday, Locale locale) {
		return messages.getMessage("statistics.week", new Object[] { dates.date(monday, locale) }, locale);
	}

	private static String month(YearMonth month, Locale locale) {
		String text = month.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}
}
