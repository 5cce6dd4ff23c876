package org.hearth.statistics;

import java.util.List;
import java.util.Optional;

/**
 * What each published table is: its columns with their HXL hashtags, what its rows are, and whether its counts
 * count people (and pass through small-cell suppression) or things already public one by one. Titles, column
 * labels and what each column means are in the message bundles under {@code statistics.table.<id>} and
 * {@code statistics.column.<id>.<key>}; the data dictionary page shows them.
 *
 * @param rowKind week, month, settlement, status, kind, score, item: the first columns of the CSV, by
 *     {@code statistics.row.<rowKind>}
 * @param rowHxl the hashtag of the row's key
 * @param people whether the counts are of people or of what happened to them: then small-cell suppression applies
 */
public record TableSpec(String id, String rowKind, String rowHxl, List<Column> columns, boolean people,
		boolean measures) {

	/** One column: its key and its HXL hashtag with attributes. */
	public record Column(String key, String hxl) {
	}

	public static final String APPLICATIONS = "residency-applications-by-week";
	public static final String DECISIONS = "residency-decisions-by-week";
	public static final String DECISION_DAYS = "residency-days-to-decision-by-week";
	public static final String GREAT_RETURN = "great-return-by-settlement";
	public static final String AID = "aid-delivered-against-needs";
	public static final String COMMITMENTS = "commitments-by-status";
	public static final String SCORES = "commitments-by-score";
	public static final String INCIDENTS = "incidents-by-kind-and-status";
	public static final String INCIDENT_MONTHS = "incidents-by-month";

	public static final List<TableSpec> ALL = List.of(
			new TableSpec(APPLICATIONS, "week", "#date+week_start",
					List.of(new Column("SUBMITTED", "#affected+applications+submitted"),
							new Column("IN_REVIEW", "#affected+applications+in_review"),
							new Column("AWAITING_APPLICANT", "#affected+applications+awaiting_applicant"),
							new Column("AWAITING_DECISION", "#affected+applications+awaiting_decision"),
							new Column("APPROVED", "#affected+applications+approved"),
							new Column("REFUSED", "#affected+applications+refused"),
							new Column("APPEALED", "#affected+applications+appealed")),
					true, false),
			new TableSpec(DECISIONS, "week", "#date+week_start",
					List.of(new Column("APPROVE", "#affected+permits+approved"),
							new Column("REFUSE", "#affected+decisions+refused")),
					true, false),
			new TableSpec(DECISION_DAYS, "week", "#date+week_start",
					List.of(new Column("median", "#indicator+days_to_decision+median")), true, true),
			new TableSpec(GREAT_RETURN, "settlement", "#loc+code",
					List.of(new Column("admitted", "#affected+households+admitted"),
							new Column("offered", "#reached+households+offered"),
							new Column("accepted", "#reached+households+accepted"),
							new Column("moved-in", "#reached+households+moved_in")),
					true, false),
			new TableSpec(AID, "item", "#item+code",
					List.of(new Column("needed", "#value+needed"), new Column("delivered", "#value+delivered"),
							new Column("percent", "#indicator+delivered+pct")),
					false, true),
			new TableSpec(COMMITMENTS, "status", "#status+code",
					List.of(new Column("count", "#indicator+commitments+num")), false, false),
			new TableSpec(SCORES, "score", "#indicator+score",
					List.of(new Column("count", "#indicator+commitments+num")), false, false),
			new TableSpec(INCIDENTS, "kind", "#event+type",
					List.of(new Column("UNVERIFIED", "#event+incidents+unverified"),
							new Column("VERIFIED", "#event+incidents+verified"),
							new Column("DISPUTED", "#event+incidents+disputed"),
							new Column("UNFOUNDED", "#event+incidents+unfounded")),
					true, false),
			new TableSpec(INCIDENT_MONTHS, "month", "#date+month",
					List.of(new Column("count", "#event+incidents+num")), true, false));

	public static Optional<TableSpec> of(String id) {
		return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	public static TableSpec get(String id) {
		return of(id).orElseThrow();
	}
}
