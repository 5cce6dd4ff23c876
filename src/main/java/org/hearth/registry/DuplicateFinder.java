package org.hearth.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Likely duplicates among persons, by blocking and similarity. Comparing every pair of 600,000 people is out of
 * reach, so only pairs that share a block are compared; the blocks are chosen so that a person entered twice, in
 * another script, with a typo in one name or with day and month swapped, still shares at least one of them with
 * the first entry. Each pair is then scored on its names (Jaro-Winkler over {@code Scripts.nameKey}), birth date and
 * birth place, and the reasons are kept so that a caseworker can see why two records were paired.
 */
public final class DuplicateFinder {

	/** The score from which a pair is proposed; chosen on generated data (docs/benchmarks.md). */
	public static final double THRESHOLD = 0.86;

	/**
	 * A name borne by at least this many persons, or one in 2,000 of them if more, is a name and not a typo: in a
	 * large registry the same slip of the pen on a frequent name recurs dozens of times.
	 */
	static final int COMMON_NAME = 20;
	static final int COMMON_NAME_SHARE = 2_000;

	/** A pair without a birth date is proposed only if neither name is shared by more persons than this. */
	static final int MAX_NAMESAKES = 5;

	/** Larger blocks are too common a key to say anything (a frequent name in a frequent year): skipped. */
	static final int MAX_BLOCK = 2_000;

	/** What is compared of a person: keys, not names as written. */
	public record Candidate(UUID id, String givenKey, String familyKey, @Nullable LocalDate birthDate,
			@Nullable String birthPlaceKey) {
	}

	/** Why a pair was proposed, in codes a page turns into words. */
	public enum Reason {
		SAME_NAMES, SIMILAR_NAMES, SAME_BIRTH_DATE, DAY_AND_MONTH_SWAPPED, SAME_BIRTH_YEAR, NO_BIRTH_DATE,
		SAME_BIRTH_PLACE
	}

	/** A likely duplicate: {@code first} sorts before {@code second} as text (and so in PostgreSQL). */
	public record Pair(UUID first, UUID second, double score, Set<Reason> reasons) {
	}

	private DuplicateFinder() {
	}

	/** Every pair scoring at least {@link #THRESHOLD}, highest first, then by ids: the same input gives the same list. */
	public static List<Pair> find(List<Candidate> persons) {
		List<Function<Candidate, String>> blockings = List.of(
				p -> p.familyKey() + "|" + p.givenKey(),
				p -> p.birthDate() == null ? null : dayAndMonthEitherWay(p.birthDate()) + "|" + initial(p.familyKey()),
				p -> p.birthDate() == null ? null : dayAndMonthEitherWay(p.birthDate()) + "|" + initial(p.givenKey()),
				p -> p.familyKey() + "|" + year(p), p -> p.givenKey() + "|" + year(p) + "|" + initial(p.familyKey()));
		// Only the pairs above the threshold are kept (a pair met again in another block is scored again): the
		// comparisons themselves run into the tens of millions on a large registry and are not remembered.
		Map<List<UUID>, Pair> found = new HashMap<>();
		Map<String, Integer> namesakes = new HashMap<>();
		Map<String, Integer> frequency = new HashMap<>();
		for (Candidate person : persons) {
			namesakes.merge(person.givenKey() + "|" + person.familyKey(), 1, Integer::sum);
			frequency.merge("g:" + person.givenKey(), 1, Integer::sum);
			frequency.merge("f:" + person.familyKey(), 1, Integer::sum);
		}
		int common = Math.max(COMMON_NAME, persons.size() / COMMON_NAME_SHARE);
		for (Function<Candidate, String> blocking : blockings) {
			Map<String, List<Candidate>> blocks = new HashMap<>();
			for (Candidate person : persons) {
				String key = blocking.apply(person);
				if (key != null) {
					blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(person);
				}
			}
			for (List<Candidate> block : blocks.values()) {
				if (block.size() < 2 || block.size() > MAX_BLOCK) {
					continue;
				}
				for (int i = 0; i < block.size(); i++) {
					for (int j = i + 1; j < block.size(); j++) {
						Candidate a = block.get(i);
						Candidate b = block.get(j);
						if (similarity(a, b, null) >= THRESHOLD && (a.birthDate() != null && b.birthDate() != null
								|| rare(a, namesakes) && rare(b, namesakes)) && !twoCommonNames(a, b, frequency, common)) {
							Pair pair = score(a, b);
							found.putIfAbsent(List.of(pair.first(), pair.second()), pair);
						}
					}
				}
			}
		}
		List<Pair> pairs = new ArrayList<>(found.values());
		pairs.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparing(p -> p.first().toString())
				.thenComparing(p -> p.second().toString()));
		return pairs;
	}

	/**
	 * Without a birth date, a name and a birth place are evidence only if few people share the name: among the
	 * hundreds of namesakes a common name has, nobody could tell which one a date-less record is.
	 */
	private static boolean rare(Candidate person, Map<String, Integer> namesakes) {
		return namesakes.getOrDefault(person.givenKey() + "|" + person.familyKey(), 0) <= MAX_NAMESAKES;
	}

	/**
	 * Two different names that are both common in the registry are two names, however alike (Ani and Anna, Elnur and
	 * Elvin); a typo makes a name nobody else has. So a difference between common names is not taken for a typo.
	 */
	private static boolean twoCommonNames(Candidate a, Candidate b, Map<String, Integer> frequency, int common) {
		return !a.givenKey().equals(b.givenKey()) && frequency.get("g:" + a.givenKey()) >= common
				&& frequency.get("g:" + b.givenKey()) >= common
				|| !a.familyKey().equals(b.familyKey()) && frequency.get("f:" + a.familyKey()) >= common
						&& frequency.get("f:" + b.familyKey()) >= common;
	}

	/** The similarity of two persons, 0 to 1, and what it rests on. */
	static Pair score(Candidate a, Candidate b) {
		Set<Reason> reasons = new HashSet<>();
		double score = similarity(a, b, reasons);
		// In PostgreSQL's order of uuids (unsigned bytes), which the table's first_id < second_id relies on.
		boolean ordered = a.id().toString().compareTo(b.id().toString()) < 0;
		return new Pair(ordered ? a.id() : b.id(), ordered ? b.id() : a.id(), score, Set.copyOf(reasons));
	}

	/** The score, rounded to thousandths; the reasons go into {@code reasons} unless it is null (the fast path). */
	private static double similarity(Candidate a, Candidate b, @Nullable Set<Reason> reasons) {
		double given = jaroWinkler(a.givenKey(), b.givenKey());
		double family = jaroWinkler(a.familyKey(), b.familyKey());
		double names = (given + family) / 2;
		Reason nameReason = names == 1 ? Reason.SAME_NAMES : Reason.SIMILAR_NAMES;
		Reason dateReason = null;
		double date = 0;
		if (a.birthDate() == null || b.birthDate() == null) {
			date = 0.6;
			dateReason = Reason.NO_BIRTH_DATE;
		}
		else if (a.birthDate().equals(b.birthDate())) {
			date = 1;
			dateReason = Reason.SAME_BIRTH_DATE;
		}
		else if (a.birthDate().equals(swapped(b.birthDate()))) {
			date = 0.9;
			dateReason = Reason.DAY_AND_MONTH_SWAPPED;
		}
		else if (a.birthDate().getYear() == b.birthDate().getYear()) {
			date = 0.5;
			dateReason = Reason.SAME_BIRTH_YEAR;
		}
		double place = 0.5;
		boolean samePlace = a.birthPlaceKey() != null && a.birthPlaceKey().equals(b.birthPlaceKey());
		if (samePlace) {
			place = 1;
		}
		else if (a.birthPlaceKey() != null && b.birthPlaceKey() != null) {
			place = 0;
		}
		if (reasons != null) {
			reasons.add(nameReason);
			if (dateReason != null) {
				reasons.add(dateReason);
			}
			if (samePlace) {
				reasons.add(Reason.SAME_BIRTH_PLACE);
			}
		}
		return Math.round((0.6 * names + 0.3 * date + 0.1 * place) * 1000) / 1000.0;
	}

	/** Jaro-Winkler similarity with the usual prefix scale 0.1 over at most 4 characters. */
	static double jaroWinkler(String s, String t) {
		if (s.equals(t)) {
			return 1;
		}
		if (s.isEmpty() || t.isEmpty()) {
			return 0;
		}
		int window = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
		boolean[] sMatched = new boolean[s.length()];
		boolean[] tMatched = new boolean[t.length()];
		int matches = 0;
		for (int i = 0; i < s.length(); i++) {
			for (int j = Math.max(0, i - window); j < Math.min(t.length(), i + window + 1); j++) {
				if (!tMatched[j] && s.charAt(i) == t.charAt(j)) {
					sMatched[i] = true;
					tMatched[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0;
		}
		int transpositions = 0;
		for (int i = 0, j = 0; i < s.length(); i++) {
			if (sMatched[i]) {
				while (!tMatched[j]) {
					j++;
				}
				if (s.charAt(i) != t.charAt(j)) {
					transpositions++;
				}
				j++;
			}
		}
		double m = matches;
		double jaro = (m / s.length() + m / t.length() + (m - transpositions / 2.0) / m) / 3;
		int prefix = 0;
		while (prefix < Math.min(4, Math.min(s.length(), t.length())) && s.charAt(prefix) == t.charAt(prefix)) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1 - jaro);
	}

	/** The date with day and month swapped, where that is a date. */
	private static @Nullable LocalDate swapped(LocalDate date) {
		return date.getDayOfMonth() > 12 ? null : LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
	}

	/** The same key for a date and for its day and month swapped. */
	private static String dayAndMonthEitherWay(LocalDate date) {
		int day = date.getDayOfMonth();
		int month = date.getMonthValue();
		return date.getYear() + "-" + Math.min(day, month) + "-" + Math.max(day, month);
	}

	private static String year(Candidate person) {
		return person.birthDate() == null ? "-" : String.valueOf(person.birthDate().getYear());
	}

	private static String initial(String key) {
		return key.isEmpty() ? "" : key.substring(0, 1);
	}
}
