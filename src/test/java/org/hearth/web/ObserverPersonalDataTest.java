package org.hearth.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.hearth.aid.AidFixtures;
import org.hearth.aid.FacilityKind;
import org.hearth.aid.Roster;
import org.hearth.aid.StaffRole;
import org.hearth.dialogue.Meetings;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.monitoring.Incidents;
import org.hearth.registry.Registry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An observer never sees personal data. People with names nobody else has are put where personal data lives — the
 * registry, the field hospital's roster, a meeting's participants, an incident's personal details — and then every
 * page and API response an
 * observer can reach is walked: each GET mapping without a path variable, and every link found on the way, as the
 * observer's session and with the observer's API token. None may hold those names, or any e-mail address. The same
 * names are first shown to be visible to the staff who work with them, so that a walk that finds nothing means
 * something.
 */
@HearthTest
class ObserverPersonalDataTest {

	/** Most of what an observer sees links to more of it; more than this would be a crawl of the ledger's pages. */
	static final int PAGE_LIMIT = 1000;

	static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)");
	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z0-9.-]+");

	@Autowired
	MockMvc mvc;

	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	@Autowired
	TestUsers users;

	@Autowired
	Registry registry;

	@Autowired
	Roster roster;

	@Autowired
	AidFixtures aid;

	@Autowired
	JsonMapper json;

	@Autowired
	Meetings meetings;

	@Autowired
	Incidents incidents;

	String canary(String what) {
		return "Zyx" + what + "qv" + Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	@Test
	void noPageOrResponseAnObserverCanReachHoldsPersonalData() throws Exception {
		List<String> canaries = new ArrayList<>();
		String registered = canary("Registered");
		canaries.add(registered);
		registry.register(new Registry.NewHousehold("xankendi", "Canary street 1", "test:observer-walk",
				List.of(new Registry.NewPerson(registered, registered, null, LocalDate.of(1961, 3, 2), "Xankəndi", 1991))));
		String doctor = canary("Doctor");
		canaries.add(doctor);
		CurrentUser coordinator = users.newStaff(Set.of(Role.AID_COORDINATOR), "KHA");
		// A field hospital of its own: the demo hospital's roster is counted by its own test.
		UUID fieldHospital = aid.facility(FacilityKind.FIELD_HOSPITAL, "xocali");
		roster.add(coordinator, fieldHospital, new Roster.NewMember(doctor, StaffRole.DOCTOR, List.of("hy", "az")));
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		CurrentUser secretariat = users.demo("dialogue@hearth.demo");
		String participant = canary("Participant");
		canaries.add(participant);
		UUID meeting = meetings.meetings().get(0).id();
		meetings.addParticipant(secretariat, meeting, participant, "Canary delegation", "adviser");
		String witness = canary("Witness");
		canaries.add(witness);
		UUID incident = incidents.incidents(Incidents.Filter.ALL, 1).get(0).id();
		incidents.addConfidential(secretariat, incident, "Witness: " + witness + ", +374 00 000 000");

		// The staff who work with these records see them: the walk below looks where a leak would show.
		assertThat(body(mvc.perform(get("/aid/roster/members").param("facility", fieldHospital.toString())
				.with(WebSession.signedIn(coordinator))).andReturn().getResponse())).contains(doctor);
		assertThat(body(mvc.perform(get("/registry").param("q", registered).with(WebSession.signedIn(caseworker)))
				.andReturn().getResponse())).contains(registered);
		assertThat(body(mvc.perform(get("/dialogue/meetings/" + meeting).with(WebSession.signedIn(secretariat)))
				.andReturn().getResponse())).contains(participant);
		assertThat(body(mvc.perform(get("/monitoring/incidents/" + incident).with(WebSession.signedIn(secretariat)))
				.andReturn().getResponse())).contains(witness);

		CurrentUser observer = users.demo("observer@hearth.demo");
		String token = json.readTree(mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"observer@hearth.demo\", \"password\": \"" + TestUsers.PASSWORD + "\"}"))
				.andReturn().getResponse().getContentAsString()).get("token").asString();

		Deque<String> queue = new ArrayDeque<>(startingPoints());
		Set<String> seen = new LinkedHashSet<>();
		List<String> leaks = new ArrayList<>();
		int answered = 0;
		while (!queue.isEmpty() && seen.size() < PAGE_LIMIT) {
			String path = queue.poll();
			if (excluded(path) || !seen.add(path)) {
				continue;
			}
			MockHttpServletResponse response = path.startsWith("/api/")
					? mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse()
					: mvc.perform(get(path).with(WebSession.signedIn(observer))).andReturn().getResponse();
			if (response.getStatus() != 200) {
				continue;
			}
			answered++;
			String body = body(response);
			for (String name : canaries) {
				if (body.contains(name)) {
					leaks.add(path + " shows " + name);
				}
			}
			Matcher email = EMAIL.matcher(body);
			while (email.find()) {
				leaks.add(path + " shows an e-mail address " + email.group());
			}
			Matcher link = LINK.matcher(body);
			while (link.find()) {
				String next = link.group(1).replace("&amp;", "&");
				if (!seen.contains(next) && !excluded(next)) {
					queue.add(next);
				}
			}
		}
		assertThat(answered).as("pages and responses the observer could read").isGreaterThan(20);
		assertThat(leaks).isEmpty();
	}

	/** Every GET mapping of Hearth without a path variable: pages and API alike. */
	List<String> startingPoints() {
		Set<String> paths = new LinkedHashSet<>(List.of("/"));
		for (RequestMappingHandlerMapping mapping : mappings) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				if (!handler.getBeanType().getPackageName().startsWith("org.hearth")) {
					return;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
					return;
				}
				info.getPatternValues().stream().filter(p -> !p.contains("{") && !p.contains("*")).forEach(paths::add);
			});
		}
		return List.copyOf(paths);
	}

	/** Signing out ends the walk; the demo's mailbox is a stand-in for people's own inboxes, not a page of Hearth. */
	static boolean excluded(String path) {
		return path.startsWith("/logout") || path.startsWith("/demo/") || path.contains("lang=");
	}

	static String body(MockHttpServletResponse response) throws Exception {
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}
}
