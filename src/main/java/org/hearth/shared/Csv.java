package org.hearth.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comma-separated values as RFC 4180 defines them: a field may be quoted, a quoted field may hold commas, line
 * breaks and doubled quotes. Strict where a lenient parser would guess: a stray quote or a row whose width differs
 * from the header's is an error naming its line, so that a bad edit of the data stops the migration instead of
 * loading a shifted column.
 */
public final class Csv {

	private Csv() {
	}

	/** One data row, by header name; {@code line} is where it starts in the file, for error messages. */
	public record Row(int line, Map<String, String> fields) {

		public Row {
			fields = Map.copyOf(fields);
		}

		public String get(String column) {
			String value = fields.get(column);
			if (value == null) {
				throw new IllegalArgumentException("no column " + column);
			}
			return value;
		}
	}

	/** The rows of {@code text} keyed by its header, which must hold exactly {@code columns}, in that order. */
	public static List<Row> read(String text, List<String> columns) {
		List<Record> records = parse(text);
		if (records.isEmpty() || !records.get(0).fields().equals(columns)) {
			throw new IllegalArgumentException("header must be " + String.join(",", columns) + ", is "
					+ (records.isEmpty() ? "missing" : String.join(",", records.get(0).fields())));
		}
		List<Row> rows = new ArrayList<>();
		for (Record record : records.subList(1, records.size())) {
			if (record.fields().size() != columns.size()) {
				throw new IllegalArgumentException("line " + record.line() + ": " + record.fields().size()
						+ " fields, the header has " + columns.size());
			}
			var fields = new LinkedHashMap<String, String>();
			for (int i = 0; i < columns.size(); i++) {
				fields.put(columns.get(i), record.fields().get(i));
			}
			rows.add(new Row(record.line(), fields));
		}
		return rows;
	}

	public record Record(int line, List<String> fields) {

		public Record {
			fields = List.copyOf(fields);
		}
	}

	/**
	 * All records of {@code text}, header included. Lines end in LF or CRLF; a byte order mark is ignored, and so
	 * are empty lines (a one-column file with empty values is not something Hearth reads).
	 */
	public static List<Record> parse(String text) {
		List<Record> records = new ArrayList<>();
		try {
			parse(new java.io.StringReader(text), records::add);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return records;
	}

	/** Each record of {@code in} in turn, as {@link #parse(String)} reads them, holding one record at a time. */
	public static void parse(java.io.Reader in, java.util.function.Consumer<Record> each) throws java.io.IOException {
		var reader = in instanceof java.io.BufferedReader buffered ? buffered : new java.io.BufferedReader(in, 1 << 16);
		List<String> fields = new ArrayList<>();
		var field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		boolean empty = true; // nothing of the current record read yet
		boolean quoted = false; // the current field began with a quote and it has not closed yet
		boolean closed = false; // the current field was quoted and has closed: only a separator may follow
		int next = reader.read();
		if (next == '\uFEFF') {
			next = reader.read();
		}
		while (next != -1) {
			char c = (char) next;
			next = reader.read();
			if (quoted) {
				if (c == '"') {
					if (next == '"') {
						field.append('"');
						next = reader.read();
					}
					else {
						quoted = false;
						closed = true;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			if (c == '\n' || c == '\r' && next == '\n') {
				if (!empty) {
					fields.add(field.toString());
					each.accept(new Record(recordLine, fields));
				}
				if (c == '\r') {
					next = reader.read();
				}
				fields = new ArrayList<>();
				field.setLength(0);
				closed = false;
				empty = true;
				recordLine = ++line;
				continue;
			}
			empty = false;
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				closed = false;
			}
			else if (closed) {
				throw new IllegalArgumentException("line " + line + ": text after a closing quote");
			}
			else if (c == '"') {
				if (field.length() > 0) {
					throw new IllegalArgumentException("line " + line + ": quote inside an unquoted field");
				}
				quoted = true;
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("line " + recordLine + ": quoted field not closed at end of file");
		}
		if (!empty) {
			fields.add(field.toString());
			each.accept(new Record(recordLine, fields));
		}
	}

	/**
	 * One line of a CSV file to be opened in a spreadsheet: RFC 4180 quoting where needed, CRLF at the end. A text
	 * that a spreadsheet would run as a formula (it begins with =, +, @, a tab, a carriage return, or - before
	 * something that is not a number) gets a leading apostrophe, so that a facility named by a hostile hand cannot
	 * make an observer's spreadsheet fetch or compute anything; plain numbers are written as they are.
	 */
	public static String line(List<String> fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(quoted(defused(fields.get(i))));
		}
		return line.append("\r\n").toString();
	}

	private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

	static String defused(String field) {
		if (field.isEmpty() || NUMBER.matcher(field).matches()) {
			return field;
		}
		char first = field.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + field : field;
	}

	static String quoted(String field) {
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}
}
