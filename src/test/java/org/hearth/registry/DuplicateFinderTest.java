package org.hearth.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.ibm.icu.text.Transliterator;
import org.hearth.registry.DuplicateFinder.Candidate;
import org.hearth.registry.DuplicateFinder.Pair;
import org.hearth.registry.DuplicateFinder.Reason;
import org.hearth.shared.Scripts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates on a generated registry: Azerbaijani and Armenian names, of which one in ten is entered a second time
 * in another script or romanisation, with a typo or with day and month swapped. The finder must find at least 95 %
 * of them (recall) with at least 90 % of what it proposes being true (precision).
 */
class DuplicateFinderTest {

	static final long SEED = 20261128;

	static final String[] AZ_GIVEN = { "Əli", "Vüqar", "Aytən", "Leyla", "Rəşad", "Elnur", "Günel", "Nigar", "Orxan",
			"Tural", "Səbinə", "Kamran", "Fərid", "Nərmin", "Zaur", "İlham", "Rauf", "Samirə", "Elvin", "Şahin" };
	static final String[] AZ_FAMILY = { "Məmmədov", "Əliyev", "Həsənov", "Quliyev", "İsmayılov", "Abbasov",
			"Rəhimov", "Cəfərov", "Nəsirov", "Babayev", "Kərimov", "Orucov", "Rzayev", "Sadıqov", "Hüseynov" };
	static final String[] HY_GIVEN = { "Արմեն", "Աննա", "Դավիթ", "Նարեկ", "Տիգրան", "Մարիամ", "Լիլիթ", "Հայկ", "Անի",
			"Սարգիս", "Արամ", "Գայանե", "Վահե", "Կարեն", "Էդգար" };
	static final String[] HY_FAMILY = { "Պետրոսյան", "Հովհաննիսյան", "Սարգսյան", "Գրիգորյան", "Հարությունյան",
			"Խաչատրյան", "Մկրտչյան", "Ավետիսյան", "Վարդանյան", "Ղազարյան", "Կարապետյան", "Ստեփանյան", "Աբրահամյան" };
	static final String[] PLACES = { "Şuşa", "Xankəndi", "Ağdam", "Füzuli", "Laçın", "Kəlbəcər", "Xocalı" };

	static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Any-Latin; Latin-Cyrillic");

	@Test
	void findsTransliteratedAndMistypedDuplicatesWithHighPrecisionAndRecall() {
		Random random = new Random(SEED);
		List<Candidate> persons = new ArrayList<>();
		Set<Set<UUID>> truth = new HashSet<>();
		for (int i = 0; i < 6_000; i++) {
			boolean armenian = random.nextBoolean();
			String given = pick(random, armenian ? HY_GIVEN : AZ_GIVEN);
			String family = pick(random, armenian ? HY_FAMILY : AZ_FAMILY);
			LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(90 * 365));
			String place = pick(random, PLACES);
			Candidate original = candidate(given, family, born, place);
			persons.add(original);
			if (random.nextInt(10) == 0) {
				Candidate copy = candidate(variant(given, random), variant(family, random),
						dateVariant(born, random), random.nextInt(5) == 0 ? null : place);
				persons.add(copy);
				truth.add(Set.of(original.id(), copy.id()));
			}
		}

		List<Pair> found = DuplicateFinder.find(persons);
		long correct = found.stream().filter(p -> truth.contains(Set.of(p.first(), p.second()))).count();
		double precision = found.isEmpty() ? 0 : (double) correct / found.size();
		double recall = (double) correct / truth.size();
		String what = String.format("seed %d: %d persons, %d true pairs, %d proposed, %d correct: precision %.3f, "
				+ "recall %.3f", SEED, persons.size(), truth.size(), found.size(), correct, precision, recall);
		System.out.println(what);
		assertThat(recall).as(what).isGreaterThanOrEqualTo(0.95);
		assertThat(precision).as(what).isGreaterThanOrEqualTo(0.90);
		assertThat(found).as("the same input gives the same list").isEqualTo(DuplicateFinder.find(persons));
	}

	@Test
	void explainsWhyAPairWasProposed() {
		Candidate a = candidate("Əli", "Məmmədov", LocalDate.of(1960, 3, 4), "Şuşa");
		Candidate b = candidate("Али", "Мамедов", LocalDate.of(1960, 4, 3), "Шуша");
		Pair pair = DuplicateFinder.score(a, b);
		assertThat(pair.reasons()).containsExactlyInAnyOrder(Reason.SAME_NAMES, Reason.DAY_AND_MONTH_SWAPPED,
				Reason.SAME_BIRTH_PLACE);
		assertThat(pair.score()).isGreaterThanOrEqualTo(DuplicateFinder.THRESHOLD);
		// Same names, but born in different years in different places: two people.
		Candidate c = candidate("Əli", "Məmmədov", LocalDate.of(1971, 5, 20), "Ağdam");
		assertThat(DuplicateFinder.score(a, c).score()).isLessThan(DuplicateFinder.THRESHOLD);
		assertThat(DuplicateFinder.jaroWinkler("martha", "marhta")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
	}

	@Test
	void withoutABirthDateOnlyARareNameIsEvidence() {
		List<Candidate> persons = new ArrayList<>();
		Candidate rare = candidate("Zərifə", "Nəbiyeva", LocalDate.of(1950, 6, 1), "Laçın");
		Candidate rareAgain = candidate("Зарифа", "Набиева", null, "Лачин");
		persons.add(rare);
		persons.add(rareAgain);
		for (int i = 0; i <= DuplicateFinder.MAX_NAMESAKES; i++) {
			persons.add(candidate("Əli", "Məmmədov", LocalDate.of(1940 + i, 1, 1), "Şuşa"));
		}
		Candidate common = candidate("Али", "Мамедов", null, "Шуша");
		persons.add(common);

		assertThat(DuplicateFinder.find(persons)).singleElement()
				.satisfies(pair -> assertThat(Set.of(pair.first(), pair.second())).containsExactlyInAnyOrder(rare.id(),
						rareAgain.id()))
				.satisfies(pair -> assertThat(pair.reasons()).contains(Reason.NO_BIRTH_DATE));
	}

	private static Candidate candidate(String given, String family, LocalDate born, String place) {
		return new Candidate(UUID.randomUUID(), Scripts.nameKey(given), Scripts.nameKey(family), born,
				place == null ? null : Scripts.searchKey(place));
	}

	/** The same name as another clerk might enter it: another script or romanisation, sometimes a typo. */
	private static String variant(String name, Random random) {
		String written = switch (random.nextInt(3)) {
			case 0 -> name;
			case 1 -> Scripts.toLatin(name).replace("ə", "a").replace("Ə", "A");
			default -> TO_CYRILLIC.transliterate(Scripts.toLatin(name));
		};
		if (random.nextInt(3) == 0) {
			String latin = Scripts.toLatin(written);
			int at = 1 + random.nextInt(Math.max(1, latin.length() - 2));
			written = switch (random.nextInt(3)) {
				case 0 -> latin.substring(0, at) + latin.substring(at + 1);
				case 1 -> latin.substring(0, at) + (char) ('a' + random.nextInt(26)) + latin.substring(at + 1);
				default -> at + 1 < latin.length()
						? latin.substring(0, at) + latin.charAt(at + 1) + latin.charAt(at) + latin.substring(at + 2)
						: latin;
			};
		}
		return written;
	}

	private static LocalDate dateVariant(LocalDate born, Random random) {
		if (random.nextInt(20) < 3 && born.getDayOfMonth() <= 12) {
			return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
		}
		return born;
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}
}
