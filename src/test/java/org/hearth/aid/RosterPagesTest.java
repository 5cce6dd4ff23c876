package org.hearth.aid;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.hearth.aid.Roster.Slot;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.platform.Dates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.identity.WebSession.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster's pages over the real domain and database, in more than one language: the coverage grid with its gaps
 * marked in words for screen readers and listed, refusals that come back with 422 beside their form and keep what
 * was typed, assigning and unassigning from a shift's page, and nothing for anyone but an aid coordinator.
 */
@HearthTest
class RosterPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Roster roster;

	@Autowired
	AidFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	@Autowired
	Dates dates;

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	CurrentUser coordinator;

	UUID hospital;

	LocalDate today;

	@BeforeEach
	void hospital() {
		coordinator = fixtures.coordinator();
		hospital = fixtures.facility(FacilityKind.FIELD_HOSPITAL, "xocali");
		today = roster.today();
	}

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	static String row(String html, String slot) {
		Matcher m = Pattern.compile("(?s)<tr[^>]*data-slot=\"" + Pattern.quote(slot) + "\".*?</tr>").matcher(html);
		assertThat(m.find()).as("row " + slot).isTrue();
		return m.group();
	}

	static String cell(String row, String attribute) {
		Matcher m = Pattern.compile("(?s)<td[^>]*" + attribute + ".*?</td>").matcher(row);
		assertThat(m.find()).as("cell " + attribute).isTrue();
		return m.group();
	}

	String page(String path, String language, Object... params) throws Exception {
		var request = get(path).with(signedIn(coordinator)).header("Accept-Language", language);
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param((String) params[i], params[i + 1].toString());
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theCoverageInRussianMarksEachGapInWordsListsItAndLeadsToTheNextFortnight() throws Exception {
		roster.setMinimums(coordinator, hospital, Map.of(StaffRole.DOCTOR, 2, StaffRole.INTERPRETER, 1));
		var aram = roster.add(coordinator, hospital, new Roster.NewMember("Արամ Պետրոսյան", StaffRole.DOCTOR,
				List.of("hy", "ru")));
		var leyla = roster.add(coordinator, hospital, new Roster.NewMember("Leyla Məmmədova", StaffRole.DOCTOR,
				List.of("az")));
		var davit = roster.add(coordinator, hospital, new Roster.NewMember("Դավիթ Ավագյան", StaffRole.INTERPRETER,
				List.of("hy", "az")));
		LocalDate day = today.plusDays(1);
		roster.assign(coordinator, hospital, new Slot(day, Shift.DAY), aram.id());
		for (var m : List.of(aram, leyla, davit)) {
			roster.assign(coordinator, hospital, new Slot(day.plusDays(1), Shift.NIGHT), m.id());
		}

		String html = page("/aid/roster", "ru", "facility", hospital);
		String shortRow = row(html, day + "-DAY");
		assertThat(shortRow).contains("data-gaps=\"true\"").contains("Արամ Պետրոսյան");
		String doctors = cell(shortRow, "data-role=\"DOCTOR\"");
		assertThat(doctors).contains("data-gap=\"role\"").contains(text("aid.roster.gap", "ru"))
				.contains(text("aid.roster.count", "ru", 1, 2)).contains("aria-hidden=\"true\">⚠");
		assertThat(cell(shortRow, "data-role=\"INTERPRETER\"")).contains("data-gap=\"role\"");
		assertThat(shortRow).containsPattern("data-language=\"az\">\\s*<strong[^>]*data-gap=\"language\"");
		assertThat(shortRow).containsPattern("data-language=\"hy\">\\s*<span class=\"tag approved\"");

		String fullRow = row(html, day.plusDays(1) + "-NIGHT");
		assertThat(fullRow).contains("data-gaps=\"false\"").doesNotContain("data-gap=");
		assertThat(cell(fullRow, "data-role=\"DOCTOR\"")).contains(text("aid.roster.covered", "ru"))
				.contains(text("aid.roster.count", "ru", 2, 2));

		// The summary lists the 27 short shifts of the 28, the short day among them with what it lacks.
		assertThat(html).contains(text("aid.roster.gaps.next", "ru", 14))
				.contains(text("aid.roster.gaps.count", "ru", 27, 28));
		Matcher gap = Pattern.compile("(?s)<li data-testid=\"gap\" data-slot=\"" + day + "-DAY\">.*?</ul>").matcher(html);
		assertThat(gap.find()).isTrue();
		assertThat(gap.group()).contains(text("aid.roster.gaps.role", "ru", text("aid.roster.roles.DOCTOR", "ru"), 1, 2))
				.contains(text("aid.roster.gaps.language", "ru", "Azərbaycanca"));
		assertThat(html).doesNotContain("data-testid=\"gap\" data-slot=\"" + day.plusDays(1) + "-NIGHT\"");
		assertThat(html).contains("<table class=\"stacked roster\"").contains("data-label=\"" + text("aid.roster.col.shift", "ru"));

		// Plain links to the fortnights before and after; the next one starts fourteen days on.
		assertThat(html).contains("href=\"/aid/roster?facility=" + hospital + "&amp;from=" + today.plusDays(14) + "\"")
				.contains("href=\"/aid/roster?facility=" + hospital + "&amp;from=" + today.minusDays(14) + "\"");
		String next = page("/aid/roster", "ru", "facility", hospital, "from", today.plusDays(14));
		assertThat(next).contains(text("aid.roster.gaps.between", "ru", dates.date(today.plusDays(14), RUSSIAN),
				dates.date(today.plusDays(27), RUSSIAN)))
				.contains("data-slot=\"" + today.plusDays(27) + "-NIGHT\"")
				.doesNotContain("data-slot=\"" + day + "-DAY\"");

		// The list of field hospitals leads here.
		assertThat(page("/aid/roster", "en")).contains("href=\"/aid/roster?facility=" + hospital + "\"");
	}

	@Test
	void aRefusedNewMemberComesBackIn422InRussianWithWhatWasTyped() throws Exception {
		MvcResult refused = mvc.perform(post("/aid/roster/members").param("facility", hospital.toString())
				.param("name", "Մարիամ Հովհաննիսյան").param("role", "NURSE").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "ru")).andExpect(status().is(422)).andReturn();
		String html = refused.getResponse().getContentAsString();
		assertThat(html).contains(text("aid.error.roster-languages", "ru"));
		assertThat(html).contains("value=\"Մարիամ Հովհաննիսյան\"");
		assertThat(html).containsPattern("value=\"NURSE\"\\s+selected");
		assertThat(html).containsPattern("(?s)id=\"add\".*data-testid=\"refusal\"");
		assertThat(roster.members(hospital)).isEmpty();

		// The languages ticked stay ticked when the name is what is wrong.
		String again = mvc.perform(post("/aid/roster/members").param("facility", hospital.toString()).param("name", " ")
				.param("role", "INTERPRETER").param("languages", "hy", "az").with(signedIn(coordinator)).with(csrf())
				.header("Accept-Language", "ru")).andExpect(status().is(422)).andReturn().getResponse()
				.getContentAsString();
		assertThat(again).contains(text("aid.error.roster-name", "ru", 200));
		assertThat(again).containsPattern("id=\"language-hy\" value=\"hy\" checked")
				.containsPattern("id=\"language-az\" value=\"az\" checked")
				.doesNotContainPattern("id=\"language-ru\" value=\"ru\" checked");

		MvcResult added = mvc.perform(post("/aid/roster/members").param("facility", hospital.toString())
				.param("name", "Մարիամ Հովհաննիսյան").param("role", "NURSE").param("languages", "hy")
				.with(signedIn(coordinator)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/aid/roster/members?facility=" + hospital);
		Roster.Member mariam = roster.members(hospital).get(0);
		assertThat(mariam.name()).isEqualTo("Մարիամ Հովհաննիսյան");

		String members = page("/aid/roster/members", "ru", "facility", hospital);
		assertThat(members).contains("data-member=\"" + mariam.id() + "\"")
				.contains(text("aid.roster.members.privacy", "ru"))
				.contains("action=\"/aid/roster/members/" + mariam.id() + "/deactivate\"");
		mvc.perform(post("/aid/roster/members/" + mariam.id() + "/deactivate").with(signedIn(coordinator))
				.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(roster.member(mariam.id()).active()).isFalse();
		String twice = mvc.perform(post("/aid/roster/members/" + mariam.id() + "/deactivate")
				.with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "ru"))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(twice).contains(text("aid.error.roster-already-inactive", "ru", "Մարիամ Հովհաննիսյան"))
				.contains("action=\"/aid/roster/members/" + mariam.id() + "/reactivate\"");
	}

	@Test
	void aMinimumThatIsNotANumberComesBackIn422InArmenianWithWhatWasTypedAndAGoodOneIsSaved() throws Exception {
		String html = mvc.perform(post("/aid/roster/minimums").param("facility", hospital.toString())
				.param("min-DOCTOR", "2").param("min-NURSE", "չորս").param("min-INTERPRETER", "1")
				.with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains(text("aid.error.roster-minimum", "hy", 50));
		assertThat(html).contains("name=\"min-NURSE\"").containsPattern("id=\"min-NURSE\"[^>]*value=\"չորս\"")
				.containsPattern("id=\"min-DOCTOR\"[^>]*value=\"2\"");
		assertThat(html).contains(text("aid.roster.gaps.next", "hy", 14));
		assertThat(roster.minimums(hospital)).containsEntry(StaffRole.NURSE, 0).containsEntry(StaffRole.DOCTOR, 0);

		MvcResult saved = mvc.perform(post("/aid/roster/minimums").param("facility", hospital.toString())
				.param("from", today.toString()).param("min-DOCTOR", "2").param("min-NURSE", " 4 ")
				.param("min-INTERPRETER", "1").with(signedIn(coordinator)).with(csrf()))
				.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl())
				.isEqualTo("/aid/roster?facility=" + hospital + "&from=" + today + "#minimums");
		assertThat(roster.minimums(hospital)).containsEntry(StaffRole.DOCTOR, 2).containsEntry(StaffRole.NURSE, 4)
				.containsEntry(StaffRole.INTERPRETER, 1).containsEntry(StaffRole.SUPPORT, 0);
		String grid = page("/aid/roster", "hy", "facility", hospital);
		assertThat(grid).contains(text("aid.roster.roles.NURSE", "hy")).contains(text("aid.roster.count", "hy", 0, 4));
	}

	@Test
	void aShiftIsStaffedFromItsPageAndRefusalsComeBackIn422InArmenian() throws Exception {
		var nina = roster.add(coordinator, hospital, new Roster.NewMember("Нина Кузнецова", StaffRole.NURSE,
				List.of("ru")));
		var gunay = roster.add(coordinator, hospital, new Roster.NewMember("Günay Əliyeva", StaffRole.NURSE,
				List.of("az", "ru")));
		LocalDate day = today.plusDays(3);
		String shiftUrl = "/aid/roster/shift?facility=" + hospital + "&day=" + day + "&shift=NIGHT";

		String page = page("/aid/roster/shift", "hy", "facility", hospital, "day", day, "shift", "NIGHT");
		assertThat(page).contains("action=\"/aid/roster/assign\"").contains("value=\"" + nina.id() + "\"")
				.contains(text("aid.roster.shift.nobody", "hy"));

		// Nobody chosen: the form says so.
		String none = mvc.perform(post("/aid/roster/assign").param("facility", hospital.toString())
				.param("day", day.toString()).param("shift", "NIGHT").param("member", "")
				.with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(none).contains(text("aid.error.roster-choose-member", "hy"));

		MvcResult assigned = mvc.perform(post("/aid/roster/assign").param("facility", hospital.toString())
				.param("day", day.toString()).param("shift", "NIGHT").param("member", nina.id().toString())
				.with(signedIn(coordinator)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(assigned.getResponse().getRedirectedUrl()).isEqualTo(shiftUrl);

		// Twice, and the next day back to back: refused, in Armenian, beside the form.
		String twice = mvc.perform(post("/aid/roster/assign").param("facility", hospital.toString())
				.param("day", day.toString()).param("shift", "NIGHT").param("member", nina.id().toString())
				.with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(twice).contains(text("aid.error.roster-already-assigned", "hy", "Нина Кузнецова"));
		assertThat(twice).containsPattern("(?s)id=\"assign\".*data-testid=\"refusal\"");
		String rest = mvc.perform(post("/aid/roster/assign").param("facility", hospital.toString())
				.param("day", day.plusDays(1).toString()).param("shift", "DAY").param("member", nina.id().toString())
				.with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(rest).contains(text("aid.error.roster-rest", "hy", "Нина Кузнецова"));
		// On that day's page Nina is among those resting, not among those offered.
		assertThat(rest).containsPattern("(?s)data-testid=\"resting\">.*Нина Кузнецова")
				.doesNotContain("<option value=\"" + nina.id() + "\"")
				.contains("<option value=\"" + gunay.id() + "\"");

		String staffed = page("/aid/roster/shift", "hy", "facility", hospital, "day", day, "shift", "NIGHT");
		assertThat(staffed).contains("data-member=\"" + nina.id() + "\"").contains("action=\"/aid/roster/unassign\"");
		mvc.perform(post("/aid/roster/unassign").param("facility", hospital.toString()).param("day", day.toString())
				.param("shift", "NIGHT").param("member", nina.id().toString()).with(signedIn(coordinator))
				.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(roster.coverage(hospital, new Slot(day, Shift.NIGHT)).staff()).isEmpty();

		// A past shift: read-only on its page, refused when posted anyway.
		LocalDate past = today.minusDays(2);
		String pastPage = page("/aid/roster/shift", "hy", "facility", hospital, "day", past, "shift", "DAY");
		assertThat(pastPage).contains(text("aid.roster.past", "hy")).doesNotContain("action=\"/aid/roster/assign\"");
		String refused = mvc.perform(post("/aid/roster/assign").param("facility", hospital.toString())
				.param("day", past.toString()).param("shift", "DAY").param("member", gunay.id().toString())
				.with(signedIn(coordinator)).with(csrf()).header("Accept-Language", "hy"))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("aid.error.roster-past", "hy"));
	}

	@Test
	void unknownIdsAreNotFoundAndOtherFacilitiesHaveNoRoster() throws Exception {
		mvc.perform(get("/aid/roster").param("facility", UUID.randomUUID().toString()).with(signedIn(coordinator)))
				.andExpect(status().isNotFound());
		UUID school = fixtures.facility(FacilityKind.SCHOOL, "xocali");
		mvc.perform(get("/aid/roster").param("facility", school.toString()).with(signedIn(coordinator)))
				.andExpect(status().isNotFound());
		mvc.perform(get("/aid/roster/members").param("facility", school.toString()).with(signedIn(coordinator)))
				.andExpect(status().isNotFound());
		mvc.perform(post("/aid/roster/members/" + UUID.randomUUID() + "/deactivate").with(signedIn(coordinator))
				.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/aid/roster/assign").param("facility", hospital.toString())
				.param("day", today.plusDays(1).toString()).param("shift", "DAY")
				.param("member", UUID.randomUUID().toString()).with(signedIn(coordinator)).with(csrf()))
				.andExpect(status().isNotFound());
	}

	@Test
	void onlyAnAidCoordinatorSeesOrChangesTheRoster() throws Exception {
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		CurrentUser observer = users.newStaff(Set.of(Role.OBSERVER), "KHA");
		for (CurrentUser other : List.of(caseworker, observer)) {
			mvc.perform(get("/aid/roster").param("facility", hospital.toString()).with(signedIn(other)))
					.andExpect(status().isForbidden());
			mvc.perform(get("/aid/roster/members").param("facility", hospital.toString()).with(signedIn(other)))
					.andExpect(status().isForbidden());
			mvc.perform(post("/aid/roster/members").param("facility", hospital.toString()).param("name", "X")
					.param("role", "NURSE").param("languages", "ru").with(signedIn(other)).with(csrf()))
					.andExpect(status().isForbidden());
		}
		assertThat(roster.members(hospital)).isEmpty();
		// Without a CSRF token even a coordinator changes nothing.
		mvc.perform(post("/aid/roster/members").param("facility", hospital.toString()).param("name", "X")
				.param("role", "NURSE").param("languages", "ru").with(signedIn(coordinator)))
				.andExpect(status().isForbidden());
		assertThat(roster.members(hospital)).isEmpty();
		// Signed out: to the sign-in page.
		MvcResult anonymous = new WebSession(mvc).get("/aid/roster?facility=" + hospital);
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
		assertThat(anonymous.getResponse().getRedirectedUrl()).contains("/login");
	}
}
