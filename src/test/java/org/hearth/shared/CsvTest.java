package org.hearth.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV written for spreadsheets: quoted as RFC 4180 says, and nothing a spreadsheet would run as a formula. */
class CsvTest {

	@Test
	void quotesWhatNeedsItAndReadsBackTheSame() {
		String line = Csv.line(List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", "1250.5", "-3"));
		assertThat(line).isEqualTo("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",1250.5,-3\r\n");
		assertThat(Csv.parse(line).get(0).fields())
				.containsExactly("plain", "with, comma", "with \"quotes\"", "two\nlines", "1250.5", "-3");
	}

	@Test
	void aTextThatASpreadsheetWouldRunAsAFormulaIsDefused() {
		assertThat(Csv.line(List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab")))
				.isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tTab\r\n");
		assertThat(Csv.line(List.of("School No. 1", "-12.5"))).isEqualTo("School No. 1,-12.5\r\n");
	}
}
