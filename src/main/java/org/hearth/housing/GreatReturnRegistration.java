package org.hearth.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A Great Return registration as its answers give it: the one place that knows the question ids of
 * {@code services/great-return.yaml}. The form engine validated the answers on submission; anything that still
 * cannot be read is absent here rather than an error.
 *
 * @param basis {@link #DISPLACED} or {@link #DESCENDANT}
 * @param displacedYear the year the head was displaced, when the basis is displaced
 * @param ancestorRelationship parent or grandparent
 * @param origin the settlement of origin, a gazetteer id
 * @param alternatives up to three other settlements the household would live in, in order, as answered
 * @param needs declared needs, those of {@link HousingProperties#NEEDS} only, in that order
 * @param stepFree whether someone in the household needs step-free access
 * @param rooms the preferred number of rooms
 */
public record GreatReturnRegistration(@Nullable Name head, @Nullable LocalDate birthDate, @Nullable String birthPlace,
		@Nullable String basis, @Nullable Integer displacedYear, @Nullable Name ancestorName,
		@Nullable LocalDate ancestorBirthDate, @Nullable String ancestorRelationship,
		@Nullable Integer ancestorDisplacedYear, @Nullable String origin, @Nullable String currentCountry,
		@Nullable String currentAddress, List<Member> members, List<String> needs, boolean stepFree,
		List<String> alternatives, @Nullable Integer rooms) {

	/** The service's code, as in its definition file. */
	public static final String SERVICE = "great-return";
	public static final String DISPLACED = "displaced";
	public static final String DESCENDANT = "descendant";
	/** The years of displacement the programme is for, both included. */
	public static final int FIRST_YEAR = 1988;
	public static final int LAST_YEAR = 1994;
	/** The age the head of household must have reached on the day of registration. */
	public static final int ADULT_AGE = 18;

	public GreatReturnRegistration {
		members = List.copyOf(members);
		needs = List.copyOf(needs);
		alternatives = List.copyOf(alternatives);
	}

	public static boolean inWindow(@Nullable Integer year) {
		return year != null && year >= FIRST_YEAR && year <= LAST_YEAR;
	}

	public boolean isDescendant() {
		return DESCENDANT.equals(basis);
	}

	public boolean isDisplaced() {
		return DISPLACED.equals(basis);
	}

	/** The settlements the household would live in: origin first, then the alternatives, each once, at most four. */
	public List<String> preferences() {
		Set<String> ordered = new LinkedHashSet<>();
		if (origin != null) {
			ordered.add(origin);
		}
		ordered.addAll(alternatives);
		return ordered.stream().limit(4).toList();
	}

	/** A name as written, in any script, and its Latin spelling as the applicant confirmed it. */
	public record Name(String written, String latin) {

		/** Given names: every word but the last, or the only word. */
		public String given() {
			String[] words = words();
			return words.length == 1 ? words[0] : String.join(" ", Arrays.copyOf(words, words.length - 1));
		}

		/** The family name: the last word, or the only word when there is one. */
		public String family() {
			String[] words = words();
			return words[words.length - 1];
		}

		private String[] words() {
			return written.strip().split("\\s+");
		}
	}

	/** A member of the household other than its head. */
	public record Member(@Nullable Name name, @Nullable LocalDate birthDate, @Nullable String relationship) {
	}

	public static GreatReturnRegistration of(Map<String, Object> answers) {
		List<Member> members = new ArrayList<>();
		if ("yes".equals(answers.get("hasHousehold")) && answers.get("household") instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> member) {
					members.add(new Member(name(member.get("name")), date(member.get("birthDate")),
							text(member.get("relationship"))));
				}
			}
		}
		List<String> declared = answers.get("needs") instanceof List<?> list
				? list.stream().map(String::valueOf).toList() : List.of();
		List<String> needs = HousingProperties.NEEDS.stream().filter(declared::contains).toList();
		List<String> alternatives = new ArrayList<>();
		for (String id : List.of("alternative1", "alternative2", "alternative3")) {
			String settlement = text(answers.get(id));
			if (settlement != null) {
				alternatives.add(settlement);
			}
		}
		return new GreatReturnRegistration(name(answers.get("name")), date(answers.get("birthDate")),
				text(answers.get("birthPlace")), text(answers.get("displacementBasis")),
				whole(answers.get("displacedYear")), name(answers.get("ancestorName")),
				date(answers.get("ancestorBirthDate")), text(answers.get("ancestorRelationship")),
				whole(answers.get("ancestorDisplacedYear")), text(answers.get("origin")),
				text(answers.get("currentCountry")), text(answers.get("currentAddress")), members, needs,
				"yes".equals(answers.get("stepFree")), alternatives, whole(answers.get("rooms")));
	}

	private static @Nullable String text(@Nullable Object value) {
		return value instanceof String s && !s.isBlank() ? s.strip() : null;
	}

	private static @Nullable Name name(@Nullable Object value) {
		if (value instanceof Map<?, ?> map && map.get("written") instanceof String written && !written.isBlank()) {
			return new Name(written.strip(), map.get("latin") instanceof String latin ? latin.strip() : "");
		}
		return null;
	}

	private static @Nullable LocalDate date(@Nullable Object value) {
		try {
			return value instanceof String s ? LocalDate.parse(s) : null;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** A number answer as the form engine accepts it, down to a whole number. */
	private static @Nullable Integer whole(@Nullable Object value) {
		if (!(value instanceof String s)) {
			return null;
		}
		try {
			return new BigDecimal(s.replace(',', '.').replace(" ", "")).intValue();
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
