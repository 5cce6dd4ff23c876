package org.hearth.statistics.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hearth.platform.Figures;
import org.hearth.platform.Suppression;
import org.hearth.shared.Csv;
import org.hearth.statistics.Releases;
import org.hearth.statistics.StatTable;
import org.hearth.statistics.TableSpec;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data shows what suppression published and nothing more: for random tables of counts, every CSV and JSON
 * cell is the published figure, so no count from 1 to threshold − 1 is ever written as a number.
 */
class OpenDataPropertiesTest {

	@Property(tries = 200)
	void csvAndJsonHoldOnlyThePublishedFigures(@ForAll("counts") long[][] counts,
			@ForAll @IntRange(min = 5, max = 12) int threshold) {
		Suppression suppression = new Suppression(threshold);
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		OpenData openData = new OpenData(new Figures(messages, suppression), messages);
		TableSpec spec = TableSpec.get(TableSpec.INCIDENTS);
		Suppression.Published published = suppression.publish(new Suppression.Table(counts.length,
				spec.columns().size(), counts, Suppression.Totals.ALL));
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			keys.add("k" + i);
		}
		StatTable table = StatTable.of(spec.id(), keys, Map.of("en", keys), published);
		Releases.Release release = new Releases.Release(LocalDate.of(2031, 1, 6), Instant.EPOCH, threshold,
				Instant.EPOCH, "TEST", List.of(table));

		List<Csv.Record> csv = Csv.parse(openData.csv(release, table, Locale.ENGLISH));
		Map<String, Object> json = openData.json(release, table, Locale.ENGLISH);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
		for (int i = 0; i < counts.length; i++) {
			List<String> fields = csv.get(2 + i).fields();
			@SuppressWarnings("unchecked")
			List<Object> values = (List<Object>) rows.get(i).get("values");
			for (int j = 0; j < counts[i].length; j++) {
				Suppression.Figure figure = published.cell(i, j);
				String expected = figure.isCount() ? Long.toString(figure.count())
						: figure.shown() == Suppression.Shown.SMALL ? "<" + threshold : "x";
				assertThat(fields.get(2 + j)).isEqualTo(expected);
				assertThat(String.valueOf(values.get(j))).isEqualTo(expected);
				if (counts[i][j] >= 1 && counts[i][j] < threshold) {
					assertThat(expected).isNotEqualTo(Long.toString(counts[i][j]));
				}
			}
		}
	}

	@Provide
	Arbitrary<long[][]> counts() {
		Arbitrary<Long> count = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, Arbitraries.just(0L)),
				net.jqwik.api.Tuple.of(40, Arbitraries.longs().between(1, 9)),
				net.jqwik.api.Tuple.of(30, Arbitraries.longs().between(10, 300)));
		return count.array(long[].class).ofSize(4).array(long[][].class).ofMinSize(1).ofMaxSize(8);
	}
}
