package org.hearth.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX workbooks written part by part as Excel lays them out — text in the shared strings, dates as serial numbers
 * under a date format, a formula with its last value — without a spreadsheet library, so that a test can also
 * write what no library would: a DOCTYPE in a sheet, sizes that lie.
 */
final class TestWorkbook {

	/** Cell styles of {@link #STYLES}: 0 general, 1 Excel's built-in short date (14), 2 a date format of one's own. */
	static final int DATE = 1;
	static final int CUSTOM_DATE = 2;

	/** A cell's XML as written, for what {@link #row} does not write itself (formulas, booleans, errors). */
	record Raw(String xml) {
	}

	/** A date cell in the given style. */
	record Dated(LocalDate date, int style) {
	}

	private final List<String> rows = new ArrayList<>();
	private final List<String> strings = new ArrayList<>();
	private String sheetPrologue = "";
	private boolean date1904;

	/** Row {@code number} (1-based, as Excel shows it); a null value leaves its cell out. */
	TestWorkbook row(int number, Object... values) {
		var row = new StringBuilder("<row r=\"").append(number).append("\">");
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			String ref = column(i) + number;
			if (value == null) {
				continue;
			}
			if (value instanceof Raw raw) {
				row.append(raw.xml().replace("REF", ref));
			}
			else if (value instanceof String text) {
				strings.add(text);
				row.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(strings.size() - 1).append("</v></c>");
			}
			else if (value instanceof LocalDate date) {
				row.append(number(ref, DATE, serial(date)));
			}
			else if (value instanceof Dated dated) {
				row.append(number(ref, dated.style(), serial(dated.date())));
			}
			else if (value instanceof Number n) {
				row.append(number(ref, 0, new BigDecimal(n.toString()).toPlainString()));
			}
			else {
				throw new IllegalArgumentException(String.valueOf(value));
			}
		}
		rows.add(row.append("</row>").toString());
		return this;
	}

	/** Rows 1, 2, 3, … from the rows of a CSV text, each field a text cell (the header too). */
	static TestWorkbook ofTexts(List<List<String>> rows) {
		var workbook = new TestWorkbook();
		for (int i = 0; i < rows.size(); i++) {
			workbook.row(i + 1, rows.get(i).stream().map(v -> v.isEmpty() ? null : v).toArray());
		}
		return workbook;
	}

	/** Dates counted from 1904, as in workbooks from old Macs: the serial numbers {@link #row} writes stay as they are. */
	TestWorkbook date1904() {
		this.date1904 = true;
		return this;
	}

	/** Text put before the sheet's root element, after the XML declaration. */
	TestWorkbook sheetPrologue(String prologue) {
		this.sheetPrologue = prologue;
		return this;
	}

	static String column(int index) {
		String name = "";
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			name = (char) ('A' + (i - 1) % 26) + name;
		}
		return name;
	}

	/** Excel's serial day number of a date after February 1900: days since 30 December 1899. */
	static long serial(LocalDate date) {
		return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date);
	}

	private static String number(String ref, int style, Object value) {
		return "<c r=\"" + ref + "\"" + (style == 0 ? "" : " s=\"" + style + "\"") + "><v>" + value + "</v></c>";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** The part of the first sheet, the list. */
	static final String LIST = "xl/worksheets/sheet2.xml";

	static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	static final String STYLES = HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
			+ "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd\\.mm\\.yyyy\"/></numFmts>"
			+ "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
			+ "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
			+ "<borders count=\"1\"><border/></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
			+ "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
			+ "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
			+ "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
			+ "</cellXfs></styleSheet>";

	/** The workbook's parts by name, in the order Excel writes them; a test may change one before zipping. */
	Map<String, String> parts() {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", HEAD
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
				+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
				+ "</Types>");
		parts.put("_rels/.rels", HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
				+ "</Relationships>");
		// Two sheets, the list first: the second one, a note someone left, must not be read. The tabs were moved:
		// the first sheet is the workbook's second part, as Excel leaves it.
		parts.put("xl/workbook.xml", HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
				+ (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets><sheet name=\"Siyahı\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/>"
				+ "</sheets></workbook>");
		parts.put("xl/_rels/workbook.xml.rels", HEAD
				+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
				+ "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
				+ "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/>"
				+ "<Relationship Id=\"rId4\" Type=\"" + RELATIONSHIPS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
				+ "</Relationships>");
		parts.put("xl/worksheets/sheet1.xml", HEAD + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not a list</t></is></c></row>"
				+ "</sheetData></worksheet>");
		parts.put("xl/styles.xml", STYLES);
		var sst = new StringBuilder(HEAD + "<sst xmlns=\"" + MAIN + "\" count=\"" + strings.size() + "\" uniqueCount=\""
				+ strings.size() + "\">");
		for (String text : strings) {
			sst.append("<si><t xml:space=\"preserve\">").append(escape(text)).append("</t></si>");
		}
		parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
		// The list last: a test may pad it, or hide it from whatever reads the local headers one after the other.
		parts.put(LIST, HEAD + sheetPrologue + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS
				+ "\"><sheetData>" + String.join("", rows) + "</sheetData></worksheet>");
		return parts;
	}

	byte[] bytes() {
		return zip(parts());
	}

	static byte[] zip(Map<String, String> parts) {
		return zip(parts, 0);
	}

	/**
	 * A zip bomb: the workbook with {@code padding} spaces in its list's sheet data, where XML allows them. The
	 * spaces deflate to a thousandth of their size.
	 */
	byte[] bomb(long padding) {
		return zip(parts(), padding);
	}

	private static byte[] zip(Map<String, String> parts, long padding) {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_SPEED);
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				String text = part.getValue();
				int end = part.getKey().equals(LIST) ? text.indexOf("</sheetData>") : text.length();
				zip.write(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
				if (end < text.length()) {
					byte[] spaces = new byte[1 << 20];
					Arrays.fill(spaces, (byte) ' ');
					for (long left = padding; left > 0; left -= spaces.length) {
						zip.write(spaces, 0, (int) Math.min(left, spaces.length));
					}
				}
				zip.write(text.substring(end).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** {@code zip} with every size above {@code above} in its central directory and data descriptors set to 1,000. */
	static byte[] lyingAboutSizes(byte[] zip, long above) {
		byte[] lying = zip.clone();
		ByteBuffer bytes = ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN);
		for (int at = 0; at + 28 <= lying.length; at++) {
			if (bytes.getInt(at) == 0x02014b50 && Integer.toUnsignedLong(bytes.getInt(at + 24)) > above) {
				bytes.putInt(at + 24, 1_000);
			}
			if (bytes.getInt(at) == 0x08074b50 && Integer.toUnsignedLong(bytes.getInt(at + 12)) > above) {
				bytes.putInt(at + 12, 1_000);
			}
		}
		return lying;
	}

	/**
	 * {@code zip} with four bytes of junk before its last entry's local header and the central directory's offsets
	 * moved to match: whatever reads the local headers one after the other stops at the junk and never sees the
	 * entry, while the central directory, by which a workbook is opened, still lists it.
	 */
	static byte[] hidingLastEntry(byte[] zip) {
		ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		int end = zip.length - 22;
		while (in.getInt(end) != 0x06054b50) {
			end--;
		}
		int directory = in.getInt(end + 16);
		int last = -1;
		int lastHeader = -1;
		for (int at = directory; at < end; at += 46 + in.getShort(at + 28) + in.getShort(at + 30) + in.getShort(at + 32)) {
			if (in.getInt(at + 42) > last) {
				last = in.getInt(at + 42);
				lastHeader = at;
			}
		}
		ByteBuffer out = ByteBuffer.allocate(zip.length + 4).order(ByteOrder.LITTLE_ENDIAN);
		out.put(zip, 0, last).put("JUNK".getBytes(StandardCharsets.US_ASCII)).put(zip, last, zip.length - last);
		out.putInt(lastHeader + 4 + 42, last + 4);
		out.putInt(end + 4 + 16, directory + 4);
		return out.array();
	}
}
