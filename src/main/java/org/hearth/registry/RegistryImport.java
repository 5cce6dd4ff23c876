package org.hearth.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hearth.shared.Csv;
import org.hearth.shared.Scripts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Bulk import of an existing list of displaced persons (CSV in UTF-8, or the first sheet of an XLSX workbook through
 * {@link Xlsx}; header {@link #COLUMNS}; the rows of a household together, its head first). Every row is checked; a
 * household with any bad row is left out whole, so that no household is ever half imported, and the report names
 * each row left out and why. The rest goes in in one transaction. A file that cannot be read as a whole — wrong
 * header, broken quoting, a household's rows apart — goes in not at all.
 */
@Service
public class RegistryImport {

	public static final List<String> COLUMNS = List.of("household", "given_name", "family_name", "patronymic",
			"birth_date", "birth_place", "displaced_year", "origin", "address");

	private final JdbcTemplate jdbc;
	private final Clock clock;

	RegistryImport(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A row left out: its line in the file, and why, as a message key with arguments. */
	public record Problem(int line, String messageKey, List<Object> arguments) {
	}

	public record Report(int households, int persons, List<Problem> problems) {

		public boolean complete() {
			return problems.isEmpty();
		}
	}

	private record Row(int line, String household, String given, String family, @Nullable String patronymic,
			@Nullable LocalDate birthDate, @Nullable String birthPlace, @Nullable Integer displacedYear,
			@Nullable String origin, @Nullable String address) {
	}

	/**
	 * The rows of a list in file order, the header first, each with the line its reader shows it at (a CSV file's
	 * line, a sheet's row number), so that one set of rules checks every format alike.
	 */
	@FunctionalInterface
	public interface Records {

		void forEach(Consumer<Csv.Record> each) throws IOException;
	}

	/** A CSV file's records, read one at a time. */
	public static Records csv(Reader csv) {
		return each -> Csv.parse(csv, each);
	}

	/**
	 * Imports a file once: the same content sent again — a reloaded report page, a double click, the list uploaded
	 * a second time — is refused, since each household would otherwise be in the registry twice.
	 *
	 * @param digest hex SHA-256 of the file's bytes, recorded in the households' source
	 */
	@Transactional
	public Report importOnce(Records records, String digest, String name) {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, "registry.import:" + digest);
		Integer before = jdbc.queryForObject(
				"SELECT count(*) FROM registry.household WHERE source LIKE ? ESCAPE '!'", Integer.class,
				"import:" + digest.replaceAll("[!%_]", "!$0") + "%");
		if (before != null && before > 0) {
			return new Report(0, 0, List.of(new Problem(0, "registry.import.already-imported", List.of(before))));
		}
		return importRecords(records, "import:" + digest + name);
	}

	@Transactional
	public Report importCsv(Reader csv, String source) {
		return importRecords(csv(csv), source);
	}

	@Transactional
	public Report importRecords(Records records, String source) {
		List<Problem> problems = new ArrayList<>();
		List<Row> group = new ArrayList<>();
		List<Problem> groupProblems = new ArrayList<>();
		Set<String> finished = new HashSet<>();
		Batch batch = new Batch(source);
		boolean[] header = { true };
		try {
			records.forEach(record -> {
				if (header[0]) {
					header[0] = false;
					if (!record.fields().equals(COLUMNS)) {
						throw new Refused(new Problem(record.line(), "registry.import.header",
								List.of(String.join(",", COLUMNS))));
					}
					return;
				}
				// A row of the wrong width still names its household (a note in an extra column, a missing one):
				// the household is left out with it, never imported without that row.
				String household = record.fields().isEmpty() ? "" : record.fields().get(0).strip();
				if (!group.isEmpty() && !group.get(0).household().equals(household)) {
					flush(group, groupProblems, problems, finished, batch);
				}
				if (finished.contains(household)) {
					// Part of it may be written already: the whole file goes back.
					throw new Refused(new Problem(record.line(), "registry.import.household-split", List.of(household)));
				}
				if (record.fields().size() != COLUMNS.size()) {
					groupProblems.add(new Problem(record.line(), "registry.import.width", List.of(COLUMNS.size())));
					group.add(new Row(-record.line(), household, "", "", null, null, null, null, null, null));
					return;
				}
				row(record, household, group, groupProblems);
			});
		}
		catch (Refused refused) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Report(0, 0, List.of(refused.problem));
		}
		catch (IllegalArgumentException malformed) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Report(0, 0, List.of(new Problem(0, "registry.import.malformed",
					List.of(String.valueOf(malformed.getMessage())))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		flush(group, groupProblems, problems, finished, batch);
		if (header[0]) {
			return new Report(0, 0, List.of(new Problem(1, "registry.import.header", List.of(String.join(",", COLUMNS)))));
		}
		batch.write();
		problems.sort(java.util.Comparator.comparingInt(Problem::line));
		return new Report(batch.householdCount, batch.personCount, problems);
	}

	private void row(Csv.Record record, String household, List<Row> group, List<Problem> groupProblems) {
		Function<Integer, @Nullable String> field = i -> {
			String value = record.fields().get(i).strip();
			return value.isEmpty() ? null : value;
		};
		int line = record.line();
		int before = groupProblems.size();
		if (household.isEmpty()) {
			groupProblems.add(new Problem(line, "registry.import.household-required", List.of()));
		}
		String given = field.apply(1);
		String family = field.apply(2);
		if (given == null || family == null || given.length() > 200 || family.length() > 200) {
			groupProblems.add(new Problem(line, "registry.import.name-required", List.of()));
		}
		LocalDate born = null;
		String birth = field.apply(4);
		if (birth != null) {
			try {
				born = LocalDate.parse(birth);
				if (born.isAfter(LocalDate.now(clock)) || born.getYear() < 1890) {
					groupProblems.add(new Problem(line, "registry.import.birth-date", List.of(birth)));
				}
			}
			catch (DateTimeParseException e) {
				groupProblems.add(new Problem(line, "registry.import.birth-date", List.of(birth)));
			}
		}
		Integer year = null;
		String displaced = field.apply(6);
		if (displaced != null) {
			try {
				year = Integer.valueOf(displaced);
			}
			catch (NumberFormatException e) {
				year = -1;
			}
			if (year < 1988 || year > 1994) {
				groupProblems.add(new Problem(line, "registry.import.displaced-year", List.of(displaced)));
			}
		}
		if (groupProblems.size() == before) {
			group.add(new Row(line, household, given, family, field.apply(3), born, field.apply(5), year,
					field.apply(7), field.apply(8)));
		}
		else {
			// Keep the household's name for flush, so that its good rows are reported as left out with it.
			group.add(new Row(-line, household, "", "", null, null, null, null, null, null));
		}
	}

	/** Ends a household: into the batch if every row is good, otherwise into the report whole. */
	private static void flush(List<Row> group, List<Problem> groupProblems, List<Problem> problems, Set<String> finished,
			Batch batch) {
		if (group.isEmpty()) {
			problems.addAll(groupProblems);
			groupProblems.clear();
			return;
		}
		finished.add(group.get(0).household());
		if (groupProblems.isEmpty()) {
			batch.add(group);
		}
		else {
			problems.addAll(groupProblems);
			for (Row row : group) {
				if (row.line() > 0) {
					problems.add(new Problem(row.line(), "registry.import.household-left-out",
							List.of(row.household())));
				}
			}
		}
		group.clear();
		groupProblems.clear();
	}

	/** Not even the header fits: nothing is read further. */
	private static final class Refused extends RuntimeException {

		final Problem problem;

		Refused(Problem problem) {
			super(null, null, false, false);
			this.problem = problem;
		}
	}

	/** Households and persons written in batches; names repeat a lot, so their keys are computed once each. */
	private final class Batch {

		final String source;
		final Timestamp now = Timestamp.from(clock.instant());
		final List<Object[]> households = new ArrayList<>();
		final List<Object[]> persons = new ArrayList<>();
		final Map<String, String> latin = new HashMap<>();
		final Map<String, String> nameKeys = new HashMap<>();
		final Map<String, String> placeKeys = new HashMap<>();
		int householdCount;
		int personCount;

		Batch(String source) {
			this.source = source;
		}

		void add(List<Row> group) {
			UUID household = UUID.randomUUID();
			Row head = group.get(0);
			households.add(new Object[] { household, head.origin(), head.address(), source, now });
			boolean first = true;
			for (Row row : group) {
				persons.add(new Object[] { UUID.randomUUID(), household, first, row.given(), row.family(),
						row.patronymic(), latin.computeIfAbsent(row.given(), Scripts::toLatin),
						latin.computeIfAbsent(row.family(), Scripts::toLatin),
						nameKeys.computeIfAbsent(row.given(), Scripts::nameKey),
						nameKeys.computeIfAbsent(row.family(), Scripts::nameKey),
						row.birthDate() == null ? null : Date.valueOf(row.birthDate()), row.birthPlace(),
						row.birthPlace() == null ? null : placeKeys.computeIfAbsent(row.birthPlace(), Scripts::searchKey),
						row.displacedYear() == null ? null : row.displacedYear().shortValue(), now });
				first = false;
			}
			householdCount++;
			personCount += group.size();
			if (persons.size() >= 5_000) {
				write();
			}
		}

		void write() {
			jdbc.batchUpdate(Registry.INSERT_HOUSEHOLD, households);
			jdbc.batchUpdate(Registry.INSERT_PERSON, persons);
			households.clear();
			persons.clear();
		}
	}
}
