package org.hearth.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.registry.Registry.Match;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.registry.Registry.SearchPurpose;
import org.hearth.shared.RuleViolationException;
import org.hearth.transparency.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A name is found whatever the script it was written or searched in; every person found is an access the data
 * protection officer can see.
 */
@HearthTest
class RegistryTest {

	@Autowired
	Registry registry;

	@Autowired
	AccessLog accessLog;

	@Autowired
	TestUsers users;

	/** Letters written alike in Latin and Cyrillic and under every key: they keep this test's names apart. */
	private static final String LATIN = "bdflmnprt";
	private static final String CYRILLIC = "бдфлмнпрт";

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

	@Test
	void aNameWrittenInOneScriptIsFoundFromAnother() {
		String suffix = suffix();
		String family = "Məmmədov" + suffix;
		UUID household = registry.register(new NewHousehold("susa", "Baku, Nizami 5", "registration", List.of(
				new NewPerson("Əli", family, "Həsən oğlu", LocalDate.of(1960, 3, 1), "Şuşa", 1992),
				new NewPerson("Aytən", family, null, LocalDate.of(1990, 7, 9), "Şuşa", null))));
		UUID armenians = registry.register(new NewHousehold("xankendi", "Yerevan", "registration", List.of(
				new NewPerson("Արմեն", "Պետրոսյան" + suffix, null, null, null, 1988))));
		CurrentUser staff = users.newStaff(Set.of(Role.CASEWORKER), "KHA");

		List<Registry.Person> members = registry.household(household);
		assertThat(members).extracting(Registry.Person::head).containsExactly(true, false);
		assertThat(members.get(0).latinGiven()).isEqualTo("Əli");

		// The passport spelling and the Russian one of the family name, with the given name in Latin.
		String passport = "Mammadov" + suffix;
		List<Match> byPassport = registry.search(staff, "Ali " + passport, SearchPurpose.REVIEW);
		assertThat(byPassport).extracting(m -> m.person().givenName()).containsExactly("Əli", "Aytən");
		assertThat(byPassport).extracting(Match::matchedWords).containsExactly(2, 1);
		String russian = "Мамедов" + cyrillic(suffix);
		assertThat(registry.search(staff, russian, SearchPurpose.REVIEW)).hasSize(2);

		// Armenian written, found in Russian.
		Registry.Person armen = registry.household(armenians).get(0);
		assertThat(armen.latinGiven()).isEqualTo("Armen");
		assertThat(registry.search(staff, "Армен Петросян" + cyrillic(suffix), SearchPurpose.QUALITY_CHECK))
				.first().satisfies(m -> {
					assertThat(m.person().id()).isEqualTo(armen.id());
					assertThat(m.matchedWords()).isEqualTo(2);
				});

		// Every person found is recorded, with the purpose, the office and the role.
		assertThat(accessLog.of("person", members.get(0).id())).hasSize(2).allSatisfy(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
			assertThat(access.office()).isEqualTo("KHA");
			assertThat(access.role()).isEqualTo("CASEWORKER");
			assertThat(access.purpose()).isEqualTo("REVIEW");
		});
		assertThat(registry.search(staff, "  ,  ", SearchPurpose.REVIEW)).isEmpty();
	}

	@Test
	void refusesWhatCannotBeAPerson() {
		assertThatThrownBy(() -> registry.register(new NewHousehold(null, null, "registration", List.of())))
				.isInstanceOf(RuleViolationException.class).extracting("messageKey")
				.isEqualTo("registry.error.no-members");
		assertThatThrownBy(() -> registry.register(new NewHousehold(null, null, "registration",
				List.of(new NewPerson(" ", "Aliyev", null, null, null, null)))))
				.isInstanceOf(RuleViolationException.class).extracting("messageKey")
				.isEqualTo("registry.error.name-required");
		assertThatThrownBy(() -> registry.register(new NewHousehold(null, null, "registration",
				List.of(new NewPerson("Ali", "Aliyev", null, null, null, 2001)))))
				.isInstanceOf(RuleViolationException.class).extracting("messageKey")
				.isEqualTo("registry.error.displaced-year");
	}
}
