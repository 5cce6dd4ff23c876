package org.hearth.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.hearth.registry.TestWorkbook.Dated;
import org.hearth.registry.TestWorkbook.Raw;
import org.hearth.shared.Csv;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A workbook's first sheet read as the records of a CSV file: each cell as the spreadsheet shows it. */
class XlsxTest {

	private static List<Csv.Record> records(byte[] workbook) throws IOException {
		return records(workbook, 1L << 30);
	}

	private static List<Csv.Record> records(byte[] workbook, long maxUnpacked) throws IOException {
		List<Csv.Record> records = new ArrayList<>();
		Xlsx.firstSheet(workbook, maxUnpacked).forEach(records::add);
		return records;
	}

	@Test
	void cellsReadAsTheSpreadsheetShowsThem() throws IOException {
		byte[] workbook = new TestWorkbook()
				.row(1, "a", "b", "c")
				.row(2, LocalDate.of(1970, 2, 3), new Dated(LocalDate.of(1975, 4, 23), TestWorkbook.CUSTOM_DATE),
						"1968-02-14")
				.row(3, 1992, new BigDecimal("1992.0"), new Raw("<c r=\"REF\"><v>1.5E3</v></c>"))
				.row(4, new BigDecimal("1992.5"), 17, 0)
				// A formula's last value: text, a number, a date, a boolean; one never computed is empty.
				.row(5, new Raw("<c r=\"REF\" t=\"str\"><f>\"Yerevan, \"&amp;\"Arabkir\"</f><v>Yerevan, Arabkir</v></c>"),
						new Raw("<c r=\"REF\"><f>1990+2</f><v>1992</v></c>"),
						new Raw("<c r=\"REF\" s=\"1\"><f>DATE(1970,2,3)</f><v>25602</v></c>"))
				.row(6, new Raw("<c r=\"REF\" t=\"b\"><v>1</v></c>"), new Raw("<c r=\"REF\" t=\"e\"><v>#N/A</v></c>"),
						new Raw("<c r=\"REF\"><f>A1</f></c>"))
				.row(7, new Raw("<c r=\"REF\" t=\"inlineStr\"><is><t>Դավիթ</t></is></c>"),
						new Raw("<c r=\"REF\" t=\"s\"><v>0</v></c>"), "Ağdam")
				.bytes();

		assertThat(records(workbook)).containsExactly(
				new Csv.Record(1, List.of("a", "b", "c")),
				new Csv.Record(2, List.of("1970-02-03", "1975-04-23", "1968-02-14")),
				new Csv.Record(3, List.of("1992", "1992", "1500")),
				new Csv.Record(4, List.of("1992.5", "17", "0")),
				new Csv.Record(5, List.of("Yerevan, Arabkir", "1992", "1970-02-03")),
				new Csv.Record(6, List.of("TRUE", "#N/A", "")),
				new Csv.Record(7, List.of("Դավիթ", "a", "Ağdam")));
	}

	@Test
	void blankRowsArePassedOverAndEachRowHasTheHeadersWidth() throws IOException {
		byte[] workbook = new TestWorkbook()
				// A header followed by cells formatted but empty, as a formatted column leaves them.
				.row(1, "a", "b", "c", new Raw("<c r=\"REF\" s=\"1\"/>"), new Raw("<c r=\"REF\" s=\"1\"/>"))
				.row(2, "x")
				.row(3, new Raw("<c r=\"REF\" s=\"1\"/>"), " ")
				.row(5, null, "y", null, null, new Raw("<c r=\"REF\" s=\"1\"/>"))
				.row(6, "x", "y", "z", null, "beyond")
				.bytes();

		assertThat(records(workbook)).containsExactly(
				new Csv.Record(1, List.of("a", "b", "c")),
				new Csv.Record(2, List.of("x", "", "")),
				new Csv.Record(5, List.of("", "y", "")),
				new Csv.Record(6, List.of("x", "y", "z", "", "beyond")));
	}

	@Test
	void aSerialNumberIsTheDateExcelShows() {
		assertThat(Xlsx.date(BigDecimal.valueOf(1), false)).isEqualTo("1900-01-01");
		assertThat(Xlsx.date(BigDecimal.valueOf(59), false)).isEqualTo("1900-02-28");
		// Excel's 29 February 1900, which never was: shown as Excel shows it, so that the birth date rule refuses it.
		assertThat(Xlsx.date(BigDecimal.valueOf(60), false)).isEqualTo("1900-02-29");
		assertThat(Xlsx.date(BigDecimal.valueOf(61), false)).isEqualTo("1900-03-01");
		assertThat(Xlsx.date(new BigDecimal("25602.75"), false)).as("the time of day dropped").isEqualTo("1970-02-03");
		assertThat(Xlsx.date(BigDecimal.valueOf(TestWorkbook.serial(LocalDate.of(2024, 2, 29))), false))
				.isEqualTo("2024-02-29");
		assertThat(Xlsx.date(BigDecimal.valueOf(24140), true)).isEqualTo("1970-02-03");
		assertThat(Xlsx.date(BigDecimal.valueOf(0), false)).isNull();
		assertThat(Xlsx.date(BigDecimal.valueOf(-1), false)).isNull();
		assertThat(Xlsx.date(BigDecimal.valueOf(2_958_466), false)).isNull();
	}

	@Test
	void aWorkbookFromAnOldMacCountsItsDatesFrom1904() throws IOException {
		byte[] workbook = new TestWorkbook().date1904().row(1, "a").row(2, new Raw("<c r=\"REF\" s=\"1\"><v>24140</v></c>"))
				.bytes();
		assertThat(records(workbook)).last().isEqualTo(new Csv.Record(2, List.of("1970-02-03")));
	}

	@Test
	void aDateFormatIsToldFromANumberFormat() {
		for (int builtIn : List.of(14, 15, 16, 17, 22, 45, 47)) {
			assertThat(Xlsx.isDateFormat(builtIn, null)).as("built-in %d", builtIn).isTrue();
		}
		for (String format : List.of("dd\\.mm\\.yyyy", "yyyy-mm-dd", "[$-419]d mmmm yyyy", "DD/MM/YYYY", "m/d/yy h:mm",
				"[h]:mm:ss")) {
			assertThat(Xlsx.isDateFormat(164, format)).as(format).isTrue();
		}
		for (int builtIn : List.of(0, 1, 2, 3, 4, 9, 10, 11, 12, 48, 49)) {
			assertThat(Xlsx.isDateFormat(builtIn, null)).as("built-in %d", builtIn).isFalse();
		}
		for (String format : List.of("General", "0", "0.00", "#,##0", "0.00E+00", "@", "[Red]0", "0 \"days\"",
				"#,##0 [$₼-42C]", "0\\d", "_(* #,##0_)")) {
			assertThat(Xlsx.isDateFormat(164, format)).as(format).isFalse();
		}
	}

	@Test
	void aZipThatIsNoWorkbookCannotBeRead() {
		byte[] document = TestWorkbook.zip(Map.of("[Content_Types].xml", TestWorkbook.HEAD
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
				+ "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
				+ ".wordprocessingml.document.main+xml\"/></Types>", "word/document.xml", "<w:document/>"));
		byte[] archive = TestWorkbook.zip(Map.of("list.csv", "household,given_name\n"));
		byte[] workbook = new TestWorkbook().row(1, "a").bytes();
		byte[] truncated = java.util.Arrays.copyOf(workbook, workbook.length / 2);
		for (byte[] zip : List.of(document, archive, truncated)) {
			assertThat(Xlsx.isZip(zip)).isTrue();
			assertThatThrownBy(() -> records(zip)).isInstanceOf(Xlsx.Unreadable.class);
		}
		assertThat(Xlsx.isZip("household,given_name\n".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(Xlsx.isZip(new byte[] { 'P', 'K' })).isFalse();
	}

	/**
	 * A zip bomb whose headers lie about its size, and one whose bomb sits where reading the local headers one after
	 * the other never gets to, while the central directory — what a workbook is opened by — lists it.
	 */
	@Test
	void whatAnArchiveUnpacksToIsCountedNotWhatItsHeadersSay() throws IOException {
		long limit = 8L << 20;
		var workbook = new TestWorkbook().row(1, "a");
		byte[] bomb = workbook.bomb(limit);
		assertThatThrownBy(() -> Xlsx.firstSheet(bomb, limit)).isInstanceOf(Xlsx.TooLarge.class);
		assertThat(records(workbook.bomb(limit - 100_000), limit)).as("below the limit the same workbook is read")
				.containsExactly(new Csv.Record(1, List.of("a")));

		byte[] lying = TestWorkbook.lyingAboutSizes(bomb, limit);
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(lying)).get()) {
			assertThat(Collections.list(zip.getEntries()).stream().mapToLong(ZipArchiveEntry::getSize).sum())
					.as("the sizes the central directory gives").isLessThan(100_000);
		}
		assertThatThrownBy(() -> Xlsx.firstSheet(lying, limit)).isInstanceOf(Xlsx.TooLarge.class);

		byte[] hidden = TestWorkbook.hidingLastEntry(bomb);
		long seen = 0;
		try (var in = new ZipInputStream(new ByteArrayInputStream(hidden))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				seen += in.transferTo(OutputStream.nullOutputStream());
			}
		}
		assertThat(seen).as("the local headers in a row show a small archive").isLessThan(100_000);
		assertThatThrownBy(() -> Xlsx.firstSheet(hidden, limit)).isInstanceOf(Xlsx.TooLarge.class);
		assertThat(records(TestWorkbook.hidingLastEntry(workbook.bytes()))).as("a hidden sheet is read all the same")
				.containsExactly(new Csv.Record(1, List.of("a")));
	}
}
