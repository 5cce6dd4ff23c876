package org.hearth.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.dialogue.Claims;
import org.hearth.dialogue.Commitment;
import org.hearth.dialogue.CommitmentStatus;
import org.hearth.dialogue.Commitments;
import org.hearth.dialogue.DialogueFixtures;
import org.hearth.dialogue.Tracker;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.MonitoringFixtures;
import org.hearth.monitoring.Verification;
import org.hearth.transparency.Proofs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The observer's starting page over the real dialogue and monitoring data: what waits for this observer's sign-off
 * and goes once they have given it, the figures the modules count, the log's size; only observers open it.
 */
@HearthTest
class ObserverWorkspaceTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DialogueFixtures dialogue;

	@Autowired
	MonitoringFixtures monitoring;

	@Autowired
	Claims claims;

	@Autowired
	Commitments commitments;

	@Autowired
	Tracker tracker;

	@Autowired
	Incidents incidents;

	@Autowired
	Proofs log;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	String page(CurrentUser user, String language) throws Exception {
		return mvc.perform(get("/observer").header("Accept-Language", language).with(WebSession.signedIn(user)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aClaimWaitsForTheObserverUntilTheyHaveGivenTheirFinding() throws Exception {
		CurrentUser observer = dialogue.newObserver();
		Commitment proposed = dialogue.commitment();
		Commitment commitment = commitments.changeStatus(dialogue.secretariat(), proposed.id(), proposed.version(),
				CommitmentStatus.AGREED, "Agreed at the meeting.");
		UUID claim = claims.claims(commitment.id()).get(0).id();
		String listed = "#claim-" + claim;
		int waiting = tracker.toCheck(observer).size();

		String before = page(observer, "en");
		assertThat(before).contains(listed).contains(HtmlUtils.htmlEscape(commitment.text().in(Locale.ENGLISH)))
				.contains(text("observer.claims-count", "en", waiting));

		claims.verify(observer, claim, null);
		String after = page(observer, "en");
		assertThat(after).doesNotContain(listed).contains(text("observer.claims-count", "en", waiting - 1));
		// Another observer has not given theirs: the claim still waits for them.
		assertThat(page(dialogue.newObserver(), "en")).contains(listed);
	}

	@Test
	void unverifiedIncidentsTheFiguresAndTheLogAreThoseTheModulesCount() throws Exception {
		monitoring.incident("Shots heard at night near the school");
		CurrentUser observer = dialogue.newObserver();
		String html = page(observer, "en");
		Incidents.Summary summary = incidents.summary(null);
		long unverified = summary.byStatus().get(Verification.UNVERIFIED);
		assertThat(html).contains(text("observer.incidents-count", "en", unverified))
				.contains(text("observer.log-size", "en", log.size()));
		List<Incidents.Incident> listed = incidents.incidents(
				new Incidents.Filter(null, Verification.UNVERIFIED, null, null, null, null), ObserverController.SHOWN);
		assertThat(listed).hasSize(ObserverController.SHOWN);
		for (Incidents.Incident incident : listed) {
			// Listed by kind, date and place, never by what the description says.
			assertThat(html).contains("/monitoring/incidents/" + incident.id())
					.doesNotContain(HtmlUtils.htmlEscape(incident.description()));
		}
		tracker.countsByStatus().forEach((status, count) -> assertThat(html)
				.contains(text("dialogue.status." + status.name(), "en")));
	}

	@Test
	void itSpeaksEveryLanguage() throws Exception {
		CurrentUser observer = dialogue.newObserver();
		for (String language : List.of("hy", "az", "ru", "en")) {
			assertThat(page(observer, language)).contains(text("observer.title", language))
					.contains(text("observer.log", language)).contains("lang=\"" + language + "\"");
		}
	}

	@Test
	void onlyObserversOpenIt() throws Exception {
		for (Set<Role> roles : List.of(Set.of(Role.DIALOGUE_SECRETARIAT), Set.of(Role.AID_COORDINATOR),
				Set.of(Role.CASEWORKER))) {
			mvc.perform(get("/observer").with(WebSession.signedIn(users.newStaff(roles, "KHA"))))
					.andExpect(status().isForbidden());
		}
		mvc.perform(get("/observer").with(WebSession.signedIn(users.newApplicant("hy"))))
				.andExpect(status().isForbidden());
		mvc.perform(get("/observer")).andExpect(status().is3xxRedirection());
	}
}
