package db.migration.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.hearth.shared.Csv;
import org.jspecify.annotations.Nullable;

/**
 * Loads the gazetteer from {@code gazetteer/districts.csv} and {@code gazetteer/settlements.csv}. Repeatable, with
 * a checksum over the two files: Flyway runs it again whenever either changes, so editing the CSV is the whole
 * procedure for correcting a name.
 *
 * <p>Rows are upserted, never deleted. Applications, households and offers keep settlement ids, so a settlement that
 * disappears from the CSV stays in the table (and keeps being found); retiring one takes a deliberate versioned
 * migration that first deals with what refers to it. The same holds for districts.
 */
public class R__Load_gazetteer extends BaseJavaMigration {

	static final String DISTRICTS = "gazetteer/districts.csv";
	static final String SETTLEMENTS = "gazetteer/settlements.csv";

	static final List<String> DISTRICT_COLUMNS = List.of("code", "name_az", "name_hy", "name_ru", "name_en",
			"centre_id");
	static final List<String> SETTLEMENT_COLUMNS = List.of("id", "district", "kind", "name_az", "name_hy", "name_ru",
			"name_en", "other_names", "lat", "lon");

	/** Part of the checksum: raise it when the loading itself changes, so that installed databases reload. */
	private static final int LOADER_VERSION = 1;

	@Override
	public Integer getChecksum() {
		var crc = new CRC32();
		crc.update(LOADER_VERSION);
		crc.update(resource(DISTRICTS));
		crc.update(resource(SETTLEMENTS));
		return (int) crc.getValue();
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		List<Csv.Row> districts = rows(DISTRICTS, DISTRICT_COLUMNS);
		List<Csv.Row> settlements = rows(SETTLEMENTS, SETTLEMENT_COLUMNS);
		checkUniqueIds(DISTRICTS, districts, "code");
		checkUniqueIds(SETTLEMENTS, settlements, "id");
		// district.centre is checked at commit, after the settlements it names are in.
		try (var upsert = connection.prepareStatement("""
				INSERT INTO gazetteer.district (code, names, centre)
				VALUES (?, jsonb_build_object('hy', ?::text, 'az', ?::text, 'ru', ?::text, 'en', ?::text), ?)
				ON CONFLICT (code) DO UPDATE SET names = excluded.names, centre = excluded.centre""")) {
			for (Csv.Row row : districts) {
				int i = 1;
				upsert.setString(i++, required(DISTRICTS, row, "code"));
				i = names(DISTRICTS, row, upsert, i);
				upsert.setString(i, required(DISTRICTS, row, "centre_id"));
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
		try (var upsert = connection.prepareStatement("""
				INSERT INTO gazetteer.settlement (id, district, kind, names, other_names, lat, lon)
				VALUES (?, ?, ?, jsonb_build_object('hy', ?::text, 'az', ?::text, 'ru', ?::text, 'en', ?::text), ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET district = excluded.district, kind = excluded.kind,
				  names = excluded.names, other_names = excluded.other_names, lat = excluded.lat, lon = excluded.lon""")) {
			for (Csv.Row row : settlements) {
				int i = 1;
				upsert.setString(i++, required(SETTLEMENTS, row, "id"));
				upsert.setString(i++, required(SETTLEMENTS, row, "district"));
				upsert.setString(i++, required(SETTLEMENTS, row, "kind"));
				i = names(SETTLEMENTS, row, upsert, i);
				upsert.setArray(i++, connection.createArrayOf("text", otherNames(row.get("other_names"))));
				setCoordinate(upsert, i++, coordinate(row, "lat"));
				setCoordinate(upsert, i, coordinate(row, "lon"));
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
	}

	/** The entries of an {@code other_names} field: {@code ;}-separated, blanks and repeats dropped. */
	static String[] otherNames(String field) {
		return Arrays.stream(field.split(";")).map(String::strip).filter(name -> !name.isEmpty()).distinct()
				.toArray(String[]::new);
	}

	private static int names(String file, Csv.Row row, PreparedStatement statement, int index) throws SQLException {
		for (String language : List.of("hy", "az", "ru", "en")) {
			statement.setString(index++, required(file, row, "name_" + language));
		}
		return index;
	}

	private static String required(String file, Csv.Row row, String column) {
		String value = row.get(column).strip();
		if (value.isEmpty()) {
			throw new IllegalArgumentException(file + ": line " + row.line() + ": " + column + " is empty");
		}
		return value;
	}

	private static @Nullable BigDecimal coordinate(Csv.Row row, String column) {
		String value = row.get(column).strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(SETTLEMENTS + ": line " + row.line() + ": " + column + " is not a number: "
					+ value);
		}
	}

	private static void setCoordinate(PreparedStatement statement, int index, @Nullable BigDecimal value)
			throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.NUMERIC);
		}
		else {
			statement.setBigDecimal(index, value);
		}
	}

	private static void checkUniqueIds(String file, List<Csv.Row> rows, String column) {
		Set<String> seen = new HashSet<>();
		for (Csv.Row row : rows) {
			if (!seen.add(row.get(column).strip())) {
				throw new IllegalArgumentException(file + ": line " + row.line() + ": " + column + " "
						+ row.get(column) + " appears twice");
			}
		}
	}

	private static List<Csv.Row> rows(String name, List<String> columns) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(resource(name))).toString();
			return Csv.read(text, columns);
		}
		catch (CharacterCodingException e) {
			throw new IllegalArgumentException(name + " is not UTF-8", e);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
		}
	}

	private static byte[] resource(String name) {
		try (InputStream in = R__Load_gazetteer.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is not on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
