package org.hearth.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.hearth.shared.Csv;
import org.jspecify.annotations.Nullable;

/**
 * The first worksheet of an XLSX workbook as the records a CSV file of it would give: one per row that is not
 * blank, numbered as the spreadsheet numbers its rows, so that the import's report points at the row the person
 * sees. A cell reads as it shows — text as written, a whole number without ".0", a date as YYYY-MM-DD, a formula as
 * its last computed value — and a row has the header's width unless something is written beyond it.
 */
public final class Xlsx {

	/** Number formats 14–22 and 45–47 are Excel's built-in dates and times, 27–36 and 50–58 the East Asian ones. */
	private static final Set<Integer> BUILT_IN_DATES = Stream.of(IntStream.rangeClosed(14, 22),
			IntStream.rangeClosed(27, 36), IntStream.rangeClosed(45, 47), IntStream.rangeClosed(50, 58))
			.flatMapToInt(range -> range).boxed().collect(Collectors.toUnmodifiableSet());

	/** The last day Excel can show, 9999-12-31; a larger "date" is left as the number it is. */
	private static final long LAST_SERIAL = 2_958_465;

	private Xlsx() {
	}

	/** Not a readable workbook: no XLSX at all (another kind of ZIP archive), or a damaged one. */
	public static final class Unreadable extends RuntimeException {

		Unreadable(Throwable cause) {
			super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
		}
	}

	/** Unpacked, the archive is larger than allowed: a few megabytes can inflate to all the server's memory. */
	public static final class TooLarge extends RuntimeException {

		TooLarge() {
			super(null, null, false, false);
		}
	}

	/** Whether {@code content} starts as a ZIP archive does, which every XLSX workbook is and no CSV text is. */
	public static boolean isZip(byte[] content) {
		return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	/**
	 * The rows of the first worksheet of {@code content}, read when the import asks for them. The archive is
	 * unpacked once beforehand to count what it really holds.
	 *
	 * @throws TooLarge if the entries unpack to more than {@code maxUnpacked} bytes
	 * @throws Unreadable if it is not a ZIP archive that can be unpacked; a ZIP that is no workbook is found out
	 *         only when the records are read, which then throws {@code Unreadable} too
	 */
	public static RegistryImport.Records firstSheet(byte[] content, long maxUnpacked) {
		boolean date1904;
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			checkUnpackedSize(zip, maxUnpacked);
			date1904 = date1904(zip);
		}
		catch (TooLarge tooLarge) {
			throw tooLarge;
		}
		catch (IOException | XMLStreamException | RuntimeException damaged) {
			throw new Unreadable(damaged);
		}
		return each -> read(content, date1904, each);
	}

	/**
	 * Inflates every entry and counts the bytes that come out: the sizes in an archive's headers are what its
	 * author wrote there. The entries are those of the central directory, read with the library fastexcel reads
	 * them with, so that an entry reachable only from there, or one whose data overlaps another's, is counted as
	 * fastexcel would unpack it; java.util.zip.ZipInputStream reads the local headers in a row and would miss them.
	 */
	private static void checkUnpackedSize(ZipFile zip, long maxUnpacked) throws IOException {
		long unpacked = 0;
		byte[] buffer = new byte[1 << 16];
		for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
			// Stored or deflated, as every spreadsheet program writes a workbook. commons-compress would try the other
			// methods an archive may name too, and for Zstandard or XZ it needs libraries Hearth does not ship: a
			// NoClassDefFoundError, which no catch for exceptions stops, and the upload would end in a 500.
			if (entry.getMethod() != ZipArchiveEntry.STORED && entry.getMethod() != ZipArchiveEntry.DEFLATED) {
				throw new IOException("entry " + entry.getName() + " is compressed with method " + entry.getMethod());
			}
			try (InputStream in = zip.getInputStream(entry)) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					unpacked += n;
					if (unpacked > maxUnpacked) {
						throw new TooLarge();
					}
				}
			}
		}
	}

	/**
	 * Whether the workbook counts its days from 1904. fastexcel 0.19 reads its {@code date1904} with
	 * Boolean.parseBoolean, so the "1" Excel writes there reads as false, and every date would be four years and a
	 * day early — and still pass the birth date rule. The workbook part is found as fastexcel finds it.
	 */
	private static boolean date1904(ZipFile zip) throws IOException, XMLStreamException {
		String workbook = "xl/workbook.xml";
		ZipArchiveEntry types = zip.getEntry("[Content_Types].xml");
		if (types != null) {
			for (var override : elements(zip, types, "Override")) {
				String type = String.valueOf(override.get("ContentType"));
				if (type.endsWith(".sheet.main+xml") || type.endsWith(".sheet.macroEnabled.main+xml")) {
					workbook = String.valueOf(override.get("PartName")).replaceFirst("^/", "");
				}
			}
		}
		ZipArchiveEntry part = zip.getEntry(workbook);
		if (part == null) {
			return false; // fastexcel will say so
		}
		return elements(zip, part, "workbookPr").stream()
				.anyMatch(properties -> Set.of("1", "true").contains(properties.get("date1904")));
	}

	/** The attributes of each element named {@code name} in the entry's XML, DTDs and external entities refused. */
	private static List<Map<String, String>> elements(ZipFile zip, ZipArchiveEntry entry, String name)
			throws IOException, XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		List<Map<String, String>> found = new ArrayList<>();
		try (InputStream in = zip.getInputStream(entry)) {
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(name)) {
					Map<String, String> attributes = new HashMap<>();
					for (int i = 0; i < xml.getAttributeCount(); i++) {
						attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
					}
					found.add(attributes);
				}
			}
			xml.close();
		}
		return found;
	}

	private static void read(byte[] content, boolean date1904, Consumer<Csv.Record> each) {
		// Whatever fastexcel throws, the workbook cannot be read; what the consumer throws (the file refused, say)
		// passes through unchanged, hence the workbook's calls guarded one by one rather than the whole loop.
		ReadableWorkbook workbook;
		try {
			// With cell formats: a date is a number that only its format tells from a number.
			workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
		}
		catch (IOException | RuntimeException unreadable) {
			throw new Unreadable(unreadable);
		}
		try (workbook; Stream<Row> stream = guarded(() -> workbook.getFirstSheet().openStream())) {
			Iterator<Row> rows = stream.iterator();
			int width = -1;
			while (guarded(rows::hasNext)) {
				Row row = guarded(rows::next);
				List<String> fields = new ArrayList<>(row.getCellCount());
				int written = 0;
				for (int i = 0; i < row.getCellCount(); i++) {
					String value = text(row.getCell(i), date1904);
					fields.add(value);
					if (!value.isBlank()) {
						written = i + 1;
					}
				}
				if (written == 0) {
					continue;
				}
				// Cells that are formatted but empty end many a row: what counts is what is written.
				if (width < 0) {
					width = written;
				}
				fields = new ArrayList<>(fields.subList(0, Math.min(fields.size(), Math.max(written, width))));
				while (fields.size() < width) {
					fields.add("");
				}
				each.accept(new Csv.Record(row.getRowNum(), fields));
			}
		}
		catch (IOException unreadable) {
			throw new Unreadable(unreadable);
		}
	}

	private interface Step<T> {

		T get() throws IOException;
	}

	private static <T> T guarded(Step<T> step) {
		try {
			return step.get();
		}
		catch (IOException | RuntimeException unreadable) {
			throw new Unreadable(unreadable);
		}
	}

	/** What the cell shows, as far as the registry's columns are concerned. */
	static String text(@Nullable Cell cell, boolean date1904) {
		if (cell == null) {
			return "";
		}
		Object value = cell.getValue();
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
				String date = date(number, date1904);
				if (date != null) {
					return date;
				}
			}
			return number.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		return value.toString();
	}

	/**
	 * A serial day number as the date Excel shows for it: days since 1899-12-31 (or since 1904-01-01 in a workbook
	 * made on an old Mac), the time of day dropped. Excel counts a 29 February 1900 that never was, and so does
	 * this, to show what the user sees; the birth date rule then refuses it.
	 */
	static @Nullable String date(BigDecimal serial, boolean date1904) {
		if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(LAST_SERIAL)) > 0) {
			return null;
		}
		long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
		if (date1904) {
			return LocalDate.of(1904, 1, 1).plusDays(days).toString();
		}
		if (days == 0) {
			return null;
		}
		if (days == 60) {
			return "1900-02-29";
		}
		return LocalDate.of(1899, 12, days < 60 ? 31 : 30).plusDays(days).toString();
	}

	/**
	 * Whether a number format shows a date or time: one of Excel's built-in ones, or a format of one's own that has
	 * a day, month, year, hour or second in it once its quoted text, escaped characters and bracketed parts (a
	 * colour, a locale) are left aside.
	 */
	static boolean isDateFormat(@Nullable Integer id, @Nullable String format) {
		if (id != null && BUILT_IN_DATES.contains(id)) {
			return true;
		}
		if (format == null) {
			return false;
		}
		String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^]]*]", "")
				.replaceAll("_.|\\*.", "");
		return bare.matches("(?i).*[dmyhs].*");
	}
}
