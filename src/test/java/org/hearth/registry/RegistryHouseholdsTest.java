package org.hearth.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.transparency.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other modules read of households: which household a merged one is, every household counted as one, the
 * households of a settlement of origin as a list (recorded), a search within them, and the open pairs of persons.
 */
@HearthTest
class RegistryHouseholdsTest {

	/** Letters written alike in Latin and Cyrillic and under every key: they keep this test's names apart. */
	private static final String LATIN = "bdflmnprt";
	private static final String CYRILLIC = "бдфлмнпрт";

	/** A settlement of origin no other test gives its households. */
	private static final String ORIGIN = "xirmancig";

	@Autowired
	Registry registry;

	@Autowired
	Duplicates duplicates;

	@Autowired
	AccessLog accessLog;

	@Autowired
	TestUsers users;

	private static String suffix() {
		var random = new java.util.Random();
		var suffix = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			suffix.append(LATIN.charAt(random.nextInt(LATIN.length())));
		}
		return suffix.toString();
	}

	private static String cyrillic(String latin) {
		var out = new StringBuilder();
		for (char c : latin.toCharArray()) {
			out.append(CYRILLIC.charAt(LATIN.indexOf(c)));
		}
		return out.toString();
	}

	private static LocalDate unusedBirthDate() {
		return LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
	}

	private Duplicates.Duplicate pair(UUID one, UUID other) {
		duplicates.detect();
		return duplicates.open(10_000).stream().filter(d -> Set.of(d.first(), d.second()).equals(Set.of(one, other)))
				.findFirst().orElseThrow();
	}

	@Test
	void aHouseholdWhoseHeadWasMergedIsTheOtherHouseholdWhicheverWayItIsAsked() {
		String suffix = suffix();
		LocalDate born = unusedBirthDate();
		UUID azerbaijani = registry.register(new NewHousehold(ORIGIN, null, "registration", List.of(
				new NewPerson("Elşən", "Məmmədov" + suffix, null, born, "Xankəndi", 1992),
				new NewPerson("Aytən", "Məmmədov" + suffix, null, null, null, null))));
		UUID russian = registry.register(new NewHousehold(ORIGIN, null, "import:list-3", List.of(
				new NewPerson("Эльшан", "Мамедов" + cyrillic(suffix), null, born, "Ханкенди", 1992),
				new NewPerson("Тимур", "Мамедов" + cyrillic(suffix), null, null, null, null))));
		UUID head = registry.household(azerbaijani).get(0).id();
		UUID other = registry.household(russian).get(0).id();
		assertThat(registry.canonicalHousehold(russian)).contains(russian);
		assertThat(registry.sameHousehold(russian)).containsExactly(russian);

		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		duplicates.merge(caseworker, pair(head, other).id(), head, "Same passport on both lists.");

		assertThat(registry.canonicalHousehold(russian)).contains(azerbaijani);
		assertThat(registry.canonicalHousehold(azerbaijani)).contains(azerbaijani);
		assertThat(registry.sameHousehold(russian)).containsExactlyInAnyOrder(azerbaijani, russian);
		assertThat(registry.sameHousehold(azerbaijani)).containsExactlyInAnyOrder(azerbaijani, russian);
		// The merged head is no longer a member; the member who was not merged still is.
		assertThat(registry.findHousehold(russian).orElseThrow().members()).extracting(Registry.Person::givenName)
				.containsExactly("Тимур");
		assertThat(registry.findHousehold(azerbaijani).orElseThrow().members()).hasSize(2);
		assertThat(registry.findHousehold(azerbaijani).orElseThrow().origin()).isEqualTo(ORIGIN);

		// A third record of the same head, merged into the Russian one after that was merged: the chain is followed.
		UUID third = registry.register(new NewHousehold(ORIGIN, null, "import:list-4",
				List.of(new NewPerson("Elshan", "Mammadov" + suffix, null, born, null, 1992))));
		UUID thirdHead = registry.household(third).get(0).id();
		jdbcMerge(thirdHead, other);
		assertThat(registry.canonicalHousehold(third)).contains(azerbaijani);
		assertThat(registry.sameHousehold(third)).containsExactlyInAnyOrder(azerbaijani, russian, third);

		assertThat(registry.canonicalHousehold(UUID.randomUUID())).isEmpty();
		assertThat(registry.sameHousehold(UUID.randomUUID())).isEmpty();
		assertThat(registry.findHousehold(UUID.randomUUID())).isEmpty();
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** A merge as an older decision left it: the merged record points to one that was merged itself later. */
	private void jdbcMerge(UUID merged, UUID into) {
		jdbc.sql("UPDATE registry.person SET merged_into = ? WHERE id = ?").params(into, merged).update();
	}

	@Test
	void theHouseholdsOfASettlementAreListedByNameAndEachHeadShownIsRecorded() {
		String suffix = suffix();
		String origin = "agdam-xocavend";
		UUID first = registry.register(new NewHousehold(origin, null, "registration", List.of(
				new NewPerson("Armen", "Aabramyan" + suffix, null, null, null, null),
				new NewPerson("Ani", "Aabramyan" + suffix, null, null, null, null))));
		UUID second = registry.register(new NewHousehold(origin, null, "registration",
				List.of(new NewPerson("Արմեն", "Աաբրահամյան" + suffix, null, null, null, null))));
		UUID elsewhere = registry.register(new NewHousehold("susa", null, "registration",
				List.of(new NewPerson("Armen", "Aabramyan" + suffix, null, null, null, null))));
		CurrentUser aid = users.newStaff(Set.of(Role.AID_COORDINATOR), "KHA");

		int count = registry.countHouseholds(origin);
		assertThat(count).isGreaterThanOrEqualTo(2);
		List<Registry.Listed> listed = registry.households(aid, origin, 0, count, SearchPurpose.DISTRIBUTION);
		assertThat(listed).extracting(Registry.Listed::household).contains(first, second).doesNotContain(elsewhere);
		Registry.Listed shown = listed.stream().filter(l -> l.household().equals(first)).findFirst().orElseThrow();
		assertThat(shown.members()).isEqualTo(2);
		assertThat(shown.head().givenName()).isEqualTo("Armen");
		assertThat(accessLog.of("person", shown.head().id())).singleElement().satisfies(access -> {
			assertThat(access.purpose()).isEqualTo("DISTRIBUTION");
			assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
			assertThat(access.role()).isEqualTo("AID_COORDINATOR");
		});
		assertThat(registry.householdSizes(origin, 0, count)).extracting(Registry.Sized::household)
				.containsExactlyElementsOf(listed.stream().map(Registry.Listed::household).toList());

		// A search within the settlement finds its households only, and records only those it found.
		List<Registry.Match> found = registry.search(aid, "Aabramyan" + suffix, SearchPurpose.DISTRIBUTION, origin);
		assertThat(found).extracting(m -> m.person().household()).contains(first, second).doesNotContain(elsewhere);
		UUID elsewhereHead = registry.household(elsewhere).get(0).id();
		assertThat(accessLog.of("person", elsewhereHead)).isEmpty();
		assertThat(registry.search(aid, "Aabramyan" + suffix, SearchPurpose.REVIEW)).extracting(
				m -> m.person().household()).contains(elsewhere);

		// Opening the household for a distribution records each member shown.
		Registry.Household opened = registry.findHousehold(aid, first, SearchPurpose.DISTRIBUTION).orElseThrow();
		assertThat(opened.members()).hasSize(2).allSatisfy(member -> assertThat(accessLog.of("person", member.id()))
				.anySatisfy(access -> assertThat(access.action()).isEqualTo(AccessLog.Action.OPEN)));
	}

	@Test
	void theOpenPairsOfPersonsAreThoseNotDecidedAndLeadingOutside() {
		String suffix = suffix();
		LocalDate born = unusedBirthDate();
		UUID one = registry.register(new NewHousehold(ORIGIN, null, "registration",
				List.of(new NewPerson("Rəşad", "Quliyev" + suffix, null, born, "Şuşa", 1992))));
		UUID two = registry.register(new NewHousehold(ORIGIN, null, "registration",
				List.of(new NewPerson("Рашад", "Гулиев" + cyrillic(suffix), null, born, "Шуша", 1992))));
		UUID a = registry.household(one).get(0).id();
		UUID b = registry.household(two).get(0).id();
		Duplicates.Duplicate pair = pair(a, b);

		assertThat(duplicates.openPairsTouching(List.of(a))).singleElement().satisfies(open -> {
			assertThat(open.id()).isEqualTo(pair.id());
			assertThat(open.person()).isEqualTo(a);
			assertThat(open.other()).isEqualTo(b);
			assertThat(open.otherHousehold()).isEqualTo(two);
		});
		assertThat(duplicates.openPairsTouching(List.of(b))).extracting(Duplicates.OpenPair::otherHousehold)
				.containsExactly(one);
		assertThat(duplicates.openPairsTouching(List.of(a, b))).as("a pair inside the persons asked about").isEmpty();
		assertThat(duplicates.openPairsTouching(List.of())).isEmpty();

		duplicates.dismiss(users.newStaff(Set.of(Role.CASEWORKER), "KHA"), pair.id(), "Different fathers.");
		assertThat(duplicates.openPairsTouching(List.of(a))).isEmpty();
	}
}
