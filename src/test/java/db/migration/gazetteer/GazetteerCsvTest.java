package db.migration.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hearth.shared.Csv;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gazetteer loader's CSV reading, without a database. */
class GazetteerCsvTest {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
		String text = "id,name,note\n"
				+ "a,\"Qırmızı Bazar, Xocavənd\",\"He said \"\"Shushi\"\"\"\n"
				+ "b,\"two\nlines\",\n"
				+ "c,\"\",plain\n";
		assertThat(Csv.parse(text)).containsExactly(
				new Csv.Record(1, List.of("id", "name", "note")),
				new Csv.Record(2, List.of("a", "Qırmızı Bazar, Xocavənd", "He said \"Shushi\"")),
				new Csv.Record(3, List.of("b", "two\nlines", "")),
				new Csv.Record(5, List.of("c", "", "plain")));
	}

	@Test
	void readsCrlfAByteOrderMarkEmptyFieldsAndAMissingFinalLineBreak() {
		assertThat(Csv.parse("\uFEFFa,b,c\r\n,,\r\n\r\n\"x\",\"y,\r\nz\",w"))
				.containsExactly(new Csv.Record(1, List.of("a", "b", "c")), new Csv.Record(2, List.of("", "", "")),
						new Csv.Record(4, List.of("x", "y,\r\nz", "w")));
		assertThat(Csv.parse("")).isEmpty();
		assertThat(Csv.parse("\n\n")).isEmpty();
	}

	@Test
	void keysRowsByTheHeader() {
		List<Csv.Row> rows = Csv.read("id,name\nsusa,\"Şuşa\"\n", List.of("id", "name"));
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(2);
			assertThat(row.get("name")).isEqualTo("Şuşa");
		});
	}

	@Test
	void refusesMalformedInputNamingTheLine() {
		assertThatThrownBy(() -> Csv.parse("a,b\n\"open,b\n")).hasMessage("line 2: quoted field not closed at end of file");
		assertThatThrownBy(() -> Csv.parse("a,b\nx\"y,b\n")).hasMessage("line 2: quote inside an unquoted field");
		assertThatThrownBy(() -> Csv.parse("a,b\n\"x\"y,b\n")).hasMessage("line 2: text after a closing quote");
		assertThatThrownBy(() -> Csv.read("a,b\n1,2\n1,2,3\n", List.of("a", "b")))
				.hasMessage("line 3: 3 fields, the header has 2");
		assertThatThrownBy(() -> Csv.read("a,c\n1,2\n", List.of("a", "b"))).hasMessage("header must be a,b, is a,c");
	}

	@Test
	void splitsOtherNames() {
		assertThat(R__Load_gazetteer.otherNames("Stepanakert;Степанакерт; Խանքենդի ;;Stepanakert"))
				.containsExactly("Stepanakert", "Степанакерт", "Խանքենդի");
		assertThat(R__Load_gazetteer.otherNames("")).isEmpty();
	}

	@Test
	void isARepeatableMigrationWhoseChecksumFollowsTheFiles() {
		var migration = new R__Load_gazetteer();
		assertThat(migration.getVersion()).isNull();
		assertThat(migration.getDescription()).isEqualTo("Load gazetteer");
		assertThat(migration.getChecksum()).isNotNull().isEqualTo(new R__Load_gazetteer().getChecksum());
	}

	@Test
	void theShippedFilesAreConsistent() throws IOException {
		List<Csv.Row> districts = Csv.read(resource(R__Load_gazetteer.DISTRICTS), R__Load_gazetteer.DISTRICT_COLUMNS);
		List<Csv.Row> settlements = Csv.read(resource(R__Load_gazetteer.SETTLEMENTS),
				R__Load_gazetteer.SETTLEMENT_COLUMNS);
		Set<String> codes = districts.stream().map(d -> d.get("code")).collect(Collectors.toSet());
		assertThat(settlements).allSatisfy(s -> {
			assertThat(codes).as("district of %s", s.get("id")).contains(s.get("district"));
			assertThat(s.get("kind")).isIn("city", "town", "village");
		});
		assertThat(settlements).extracting(s -> s.get("id")).doesNotHaveDuplicates();
		assertThat(districts).allSatisfy(d -> assertThat(settlements)
				.as("centre of %s", d.get("code"))
				.anySatisfy(s -> {
					assertThat(s.get("id")).isEqualTo(d.get("centre_id"));
					assertThat(s.get("district")).isEqualTo(d.get("code"));
				}));
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = GazetteerCsvTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
