package org.hearth.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The household's pages: its home and score, and answering an offer, in its language; nobody else's offer. */
@HearthTest
class HomeOfferPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HousingFixtures fixtures;

	@Autowired
	Offers offers;

	@Autowired
	Rounds rounds;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	private static final Locale HY = Locale.forLanguageTag("hy");

	@Test
	void theHouseholdSeesItsScoreAndAnswersItsOfferInItsLanguage() throws Exception {
		UUID area = fixtures.area("sefibeyli", AreaStatus.RELEASED);
		fixtures.readyUnit(area, 2, false);
		CurrentUser applicant = users.newApplicant("hy");
		UUID household = fixtures.household(applicant, 2, List.of("single-parent"), false, List.of("sefibeyli"),
				LocalDate.now().minusYears(1).minusDays(1));
		rounds.start(fixtures.officer(), List.of("sefibeyli"));
		UUID offer = offers.ofHousehold(household).get(0).id();

		String home = mvc.perform(get("/great-return/home").with(WebSession.signedIn(applicant))
				.header("Accept-Language", "hy")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(home).contains(messages.getMessage("housing.points.single-parent", null, HY))
				.contains("/great-return/offers/" + offer);

		// Another reason without a word of explanation: told so in Armenian, the choice kept.
		String page = mvc.perform(post("/great-return/offers/" + offer + "/decline").param("reason", "other")
				.param("comment", "").with(WebSession.signedIn(applicant)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(messages.getMessage("housing.error.decline-comment-required", null, HY))
				.containsPattern("value=\"other\"[^>]*checked");
		assertThat(offers.find(offer).status()).isEqualTo(OfferStatus.OPEN);

		mvc.perform(post("/great-return/offers/" + offer + "/accept").with(WebSession.signedIn(applicant)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(offers.find(offer).status()).isEqualTo(OfferStatus.ACCEPTED);
	}

	@Test
	void anotherHouseholdsOfferIsNotFound() throws Exception {
		UUID area = fixtures.area("sefibeyli", AreaStatus.RELEASED);
		UUID unit = fixtures.readyUnit(area, 1, false);
		UUID household = fixtures.household(users.newApplicant("en"), 1, List.of(), false, List.of("sefibeyli"),
				LocalDate.now());
		UUID offer = offers.offer(fixtures.officer(), unit, household).id();
		CurrentUser stranger = users.newApplicant("en");

		mvc.perform(get("/great-return/offers/" + offer).with(WebSession.signedIn(stranger)))
				.andExpect(status().isNotFound());
		mvc.perform(post("/great-return/offers/" + offer + "/accept").with(WebSession.signedIn(stranger)).with(csrf()))
				.andExpect(status().isNotFound());
		assertThat(offers.find(offer).status()).isEqualTo(OfferStatus.OPEN);
	}
}
