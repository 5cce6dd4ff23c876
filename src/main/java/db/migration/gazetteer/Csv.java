package db.migration.gazetteer;

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
final class Csv {

	private Csv() {
	}

	/** One data row, by header name; {@code line} is where it starts in the file, for error messages. */
	record Row(int line, Map<String, String> fields) {

		Row {
			fields = Map.copyOf(fields);
		}

		String get(String column) {
			String value = fields.get(column);
			if (value == null) {
				throw new IllegalArgumentException("no column " + column);
			}
			return value;
		}
	}

	/** The rows of {@code text} keyed by its header, which must hold exactly {@code columns}, in that order. */
	static List<Row> read(String text, List<String> columns) {
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

	record Record(int line, List<String> fields) {

		Record {
			fields = List.copyOf(fields);
		}
	}

	/**
	 * All records of {@code text}, header included. Lines end in LF or CRLF; a byte order mark is ignored, and so
	 * are empty lines (a one-column file with empty values is not something Hearth reads).
	 */
	static List<Record> parse(String text) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		var field = new StringBuilder();
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		int line = 1;
		int recordLine = 1;
		int recordStart = i;
		boolean quoted = false; // the current field began with a quote and it has not closed yet
		boolean closed = false; // the current field was quoted and has closed: only a separator may follow
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (quoted) {
				if (c == '"') {
					if (i < text.length() && text.charAt(i) == '"') {
						field.append('"');
						i++;
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
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				closed = false;
			}
			else if (c == '\n' || c == '\r' && i < text.length() && text.charAt(i) == '\n') {
				if (i - 1 > recordStart) {
					fields.add(field.toString());
					records.add(new Record(recordLine, fields));
				}
				i += c == '\r' ? 1 : 0;
				fields = new ArrayList<>();
				field.setLength(0);
				closed = false;
				recordLine = ++line;
				recordStart = i;
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
		if (i > recordStart) {
			fields.add(field.toString());
			records.add(new Record(recordLine, fields));
		}
		return records;
	}
}
