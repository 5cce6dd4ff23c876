package org.hearth.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hearth.registry.RegistryImport.Problem;
import org.hearth.registry.RegistryImport.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any workbook as a list of displaced persons: a report with a line and a message key for each row left out, or one
 * of the two refusals {@link Xlsx} documents (unreadable, unpacks to too much) — never another exception. The
 * fuzzer writes the workbook's parts: rows of cells of any kind, and any one part replaced by text of its own, so
 * that the archive stays sound and the fuzzer works on what fastexcel and Xlsx read from it. Raw bytes of an upload,
 * CSV or ZIP, are fuzzed through the page itself: web/ImportControllerFuzzTest.
 */
class RegistryImportFuzzTest {

	/** Small, so that the fuzzer reaches the refusal too. */
	static final long MAX_UNPACKED = 4L << 20;

	final RegistryImport imports = ImportWithoutDatabase.create();

	@FuzzTest(maxDuration = "60s")
	void anyWorkbookGivesAReportOrARefusal(FuzzedDataProvider data) {
		var workbook = new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray());
		if (data.consumeBoolean()) {
			workbook.date1904();
		}
		int rows = data.consumeInt(0, 5);
		for (int r = 0; r < rows; r++) {
			Object[] cells = new Object[data.consumeInt(0, 11)];
			for (int c = 0; c < cells.length; c++) {
				cells[c] = switch (data.consumeInt(0, 4)) {
					case 0 -> data.consumeString(40);
					case 1 -> data.consumeInt(-100, 3_000_000);
					case 2 -> new TestWorkbook.Dated(java.time.LocalDate.ofEpochDay(data.consumeInt(-30_000, 40_000)),
							data.consumeInt(0, 2));
					case 3 -> new TestWorkbook.Raw("<c r=\"REF\"" + data.consumeString(80) + "</c>");
					default -> null;
				};
			}
			workbook.row(data.consumeInt(2, 1_100_000), cells);
		}
		Map<String, String> parts = workbook.parts();
		if (data.consumeBoolean()) {
			parts.put(data.pickValue(new ArrayList<>(parts.keySet())), data.consumeString(4_000));
		}
		Report report;
		try {
			report = imports.importRecords(Xlsx.firstSheet(zip(parts), MAX_UNPACKED), "import:fuzz");
		}
		catch (Xlsx.TooLarge | Xlsx.Unreadable refused) {
			return;
		}
		assertSound(report);
	}

	/** The parts as they are (TestWorkbook.zip pads the list's sheet data, which a fuzzed part may not have). */
	private static byte[] zip(Map<String, String> parts) {
		var out = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(out)) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A report that the page can show: counts, and problems each with a line and a key of the registry's bundle. */
	static void assertSound(Report report) {
		assertThat(report.households()).isNotNegative();
		assertThat(report.persons()).isGreaterThanOrEqualTo(report.households());
		List<Problem> problems = report.problems();
		for (Problem problem : problems) {
			assertThat(problem.line()).isNotNegative();
			assertThat(problem.messageKey()).startsWith("registry.import.");
		}
		if (problems.stream().anyMatch(p -> p.line() == 0 || p.messageKey().endsWith(".header")
				|| p.messageKey().endsWith(".household-split"))) {
			// A file that cannot be read whole goes in not at all.
			assertThat(report.households()).isZero();
		}
	}
}
