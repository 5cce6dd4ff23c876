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
import org.hearth.shared.ConflictException;
import org.hearth.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same person entered twice, in two scripts, is proposed once; a caseworker merges or dismisses, once. */
@HearthTest
class DuplicatesTest {

	@Autowired
	Registry registry;

	@Autowired
	Duplicates duplicates;

	@Autowired
	TestUsers users;

	@Test
	void aPersonEnteredTwiceIsProposedMergedAndFoundOnce() {
		// A birth date no other test uses, so that only these two records pair up.
		LocalDate born = LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
		UUID azerbaijani = registry.register(new NewHousehold("susa", null, "registration",
				List.of(new NewPerson("Rəşad", "Quliyev", null, born, "Şuşa", 1992))));
		UUID russian = registry.register(new NewHousehold("susa", null, "import:list-7",
				List.of(new NewPerson("Рашад", "Гулиев", null, born, "Шуша", 1992))));
		UUID first = registry.household(azerbaijani).get(0).id();
		UUID second = registry.household(russian).get(0).id();
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "SHU");

		assertThat(duplicates.detect()).isGreaterThanOrEqualTo(1);
		Duplicates.Duplicate pair = duplicates.open(10_000).stream()
				.filter(d -> Set.of(d.first(), d.second()).equals(Set.of(first, second))).findFirst().orElseThrow();
		assertThat(pair.reasons()).contains(DuplicateFinder.Reason.SAME_BIRTH_DATE,
				DuplicateFinder.Reason.SAME_BIRTH_PLACE);
		assertThat(duplicates.detect()).as("a known pair is not proposed again").isZero();

		assertThatThrownBy(() -> duplicates.merge(caseworker, pair.id(), first, " "))
				.isInstanceOf(RuleViolationException.class).extracting("messageKey")
				.isEqualTo("registry.error.explanation-required");
		assertThatThrownBy(() -> duplicates.merge(caseworker, pair.id(), UUID.randomUUID(), "same person"))
				.isInstanceOf(RuleViolationException.class);
		Duplicates.Duplicate merged = duplicates.merge(caseworker, pair.id(), first,
				"Same passport number on both lists.");
		assertThat(merged.status()).isEqualTo(Duplicates.Status.MERGED);
		assertThat(merged.survivor()).isEqualTo(first);
		assertThatThrownBy(() -> duplicates.dismiss(caseworker, pair.id(), "changed my mind"))
				.isInstanceOf(ConflictException.class);

		// Both records remain; a search finds the survivor only, from either spelling.
		assertThat(registry.household(russian)).hasSize(1);
		assertThat(registry.search(caseworker, "Гулиев Рашад", Registry.SearchPurpose.REVIEW))
				.extracting(m -> m.person().id()).contains(first).doesNotContain(second);
		assertThat(duplicates.detect()).as("a merged record is not compared again").isZero();
	}
}
