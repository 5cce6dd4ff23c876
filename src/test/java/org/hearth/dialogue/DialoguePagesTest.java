package org.hearth.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.identity.WebSession.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dialogue's pages over the real domain and PostgreSQL: who may open what, refusals that come back with the
 * message in the reader's language and everything typed (422, 409 for a conflict), uploads of the wrong kind, the
 * observer's verification through the forms, and the public tracker without a name of a participant on it.
 */
@HearthTest
class DialoguePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Autowired
	DialogueFixtures fixtures;

	@Autowired
	Commitments commitments;

	@Autowired
	Claims claims;

	@Autowired
	Meetings meetings;

	@Autowired
	TestUsers users;

	String text(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	String page(String path, CurrentUser user, String language) throws Exception {
		return mvc.perform(get(path).with(signedIn(user)).header("Accept-Language", language))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void applicantsMayNotEnterAndUnknownIdsAreNotFound() throws Exception {
		Commitment c = fixtures.commitment();
		CurrentUser applicant = users.newApplicant("en");
		for (String path : List.of("/dialogue", "/dialogue/meetings", "/dialogue/groups", "/dialogue/parties",
				"/dialogue/commitments/" + c.id(), "/dialogue/commitments/new", "/dialogue/meetings/" + c.meeting())) {
			mvc.perform(get(path).with(signedIn(applicant))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/dialogue/commitments/" + c.id() + "/status").with(signedIn(applicant)).with(csrf())
				.param("version", "0").param("status", "AGREED").param("statement", "x")).andExpect(status().isForbidden());
		mvc.perform(get("/dialogue")).andExpect(status().is3xxRedirection());

		CurrentUser secretariat = fixtures.secretariat();
		for (String path : List.of("/dialogue/commitments/" + UUID.randomUUID(), "/dialogue/commitments/not-an-id",
				"/dialogue/meetings/" + UUID.randomUUID(), "/dialogue/groups/" + UUID.randomUUID(),
				"/dialogue/documents/" + UUID.randomUUID())) {
			mvc.perform(get(path).with(signedIn(secretariat))).andExpect(status().isNotFound());
		}
		for (String path : List.of("/commitments/" + UUID.randomUUID(), "/commitments/not-an-id",
				"/commitments/documents/" + UUID.randomUUID())) {
			mvc.perform(get(path)).andExpect(status().isNotFound());
		}
		mvc.perform(post("/dialogue/commitments/" + UUID.randomUUID() + "/status").with(signedIn(secretariat))
				.with(csrf()).param("version", "0").param("status", "AGREED").param("statement", "x"))
				.andExpect(status().isNotFound());
		// A claim of another commitment is not one of this commitment's.
		Commitment other = fixtures.commitment();
		commitments.changeStatus(secretariat, other.id(), other.version(), CommitmentStatus.AGREED, "Agreed.");
		UUID claim = claims.claims(other.id()).get(0).id();
		mvc.perform(post("/dialogue/commitments/" + c.id() + "/claims/" + claim + "/verify")
				.with(signedIn(fixtures.observer())).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void aForbiddenJumpIsRefusedNamingTheNextStatusesAndAStalePageIsAConflict() throws Exception {
		CurrentUser secretariat = fixtures.secretariat();
		Commitment c = fixtures.commitment();
		String refused = mvc.perform(post("/dialogue/commitments/" + c.id() + "/status").with(signedIn(secretariat))
				.with(csrf()).header("Accept-Language", "ru").param("version", String.valueOf(c.version()))
				.param("status", "FULFILLED").param("statement", "Всё доставлено в Ходжалы"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		String message = text("dialogue.error.status-jump", "ru",
				new DefaultMessageSourceResolvable("dialogue.status.PROPOSED"),
				new DefaultMessageSourceResolvable("dialogue.status.FULFILLED"),
				new DefaultMessageSourceResolvable(new String[] { "dialogue.join.2" }, new Object[] {
						new DefaultMessageSourceResolvable("dialogue.status.AGREED"),
						new DefaultMessageSourceResolvable("dialogue.status.WITHDRAWN") }));
		assertThat(message).contains("Согласовано или Отозвано");
		assertThat(refused).contains(message).contains("Всё доставлено в Ходжалы</textarea>");
		assertThat(commitments.commitment(c.id()).status()).isEqualTo(CommitmentStatus.PROPOSED);

		mvc.perform(post("/dialogue/commitments/" + c.id() + "/status").with(signedIn(secretariat)).with(csrf())
				.param("version", String.valueOf(c.version())).param("status", "AGREED").param("statement", "Agreed."))
				.andExpect(status().is3xxRedirection());
		String stale = mvc.perform(post("/dialogue/commitments/" + c.id() + "/status")
				.with(signedIn(fixtures.newSecretariat())).with(csrf()).header("Accept-Language", "az")
				.param("version", String.valueOf(c.version())).param("status", "WITHDRAWN")
				.param("statement", "Geri götürülür")).andExpect(status().isConflict()).andReturn().getResponse()
				.getContentAsString();
		assertThat(stale).contains(text("dialogue.error.changed-meanwhile", "az")).contains("Geri götürülür");
		assertThat(commitments.commitment(c.id()).status()).isEqualTo(CommitmentStatus.AGREED);

		String score = mvc.perform(post("/dialogue/commitments/" + c.id() + "/score").with(signedIn(secretariat))
				.with(csrf()).header("Accept-Language", "en").param("version", String.valueOf(c.version() + 1))
				.param("score", "7").param("statement", "Far along")).andExpect(status().isUnprocessableContent())
				.andReturn().getResponse().getContentAsString();
		assertThat(score).contains(text("dialogue.error.score-range", "en", 0, 3)).contains("Far along");
	}

	@Test
	void aNewCommitmentOrMeetingRefusedKeepsEverythingTyped() throws Exception {
		CurrentUser secretariat = fixtures.secretariat();
		UUID meeting = fixtures.meeting(LocalDate.of(2023, 10, 1)).id();
		UUID party = fixtures.party("Residents");
		String refused = mvc.perform(post("/dialogue/commitments").with(signedIn(secretariat)).with(csrf())
				.header("Accept-Language", "hy").param("meeting", meeting.toString()).param("party", party.toString())
				.param("text-hy", "Վառելիք դպրոցներին").param("text-az", "Məktəblərə yanacaq").param("text-ru", "")
				.param("text-en", "Fuel for schools").param("dueOn", "2023-12-01"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("dialogue.error.language-missing", "hy",
				new DefaultMessageSourceResolvable("dialogue.field.commitment-text"),
				new DefaultMessageSourceResolvable("dialogue.language.ru")))
				.contains("Վառելիք դպրոցներին</textarea>").contains("Məktəblərə yanacaq</textarea>")
				.contains("Fuel for schools</textarea>").contains("value=\"2023-12-01\"")
				.containsPattern("value=\"" + party + "\" checked=\"checked\"|checked=\"checked\"[^>]*value=\"" + party + "\"")
				.containsPattern("<option value=\"" + meeting + "\" selected=\"selected\"");
		assertThat(commitments.ofMeeting(meeting)).isEmpty();

		String dates = mvc.perform(post("/dialogue/meetings").with(signedIn(secretariat)).with(csrf())
				.header("Accept-Language", "en").param("startsOn", "2023-09-25").param("endsOn", "2023-09-21")
				.param("place", "Yevlakh").param("format", "SHUTTLE").param("agenda", "Humanitarian corridor")
				.param("outcome-hy", "Արդյունք").param("outcome-az", "Nəticə").param("outcome-ru", "Итог")
				.param("outcome-en", "Outcome")).andExpect(status().isUnprocessableContent()).andReturn()
				.getResponse().getContentAsString();
		assertThat(dates).contains(text("dialogue.error.meeting-dates", "en")).contains("value=\"2023-09-25\"")
				.contains("value=\"2023-09-21\"").contains("value=\"Yevlakh\"").contains("Humanitarian corridor</textarea>")
				.contains("Итог</textarea>").containsPattern("<option value=\"SHUTTLE\" selected=\"selected\"");
	}

	@Test
	void anUploadOfTheWrongKindOrTooLargeIsRefusedAndTheFormKept() throws Exception {
		CurrentUser secretariat = fixtures.secretariat();
		UUID meeting = fixtures.meeting(LocalDate.of(2023, 10, 1)).id();
		MockMultipartFile notPdf = new MockMultipartFile("file", "minutes.pdf", "application/pdf",
				"<html>not a pdf</html>".getBytes());
		String refused = mvc.perform(multipart("/dialogue/meetings/" + meeting + "/documents").file(notPdf)
				.with(signedIn(secretariat)).with(csrf()).header("Accept-Language", "az")
				.param("title", "Yevlax görüşünün protokolu").param("kind", "MINUTES").param("sharedWith", "OBSERVERS"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("platform.document.type", "az"))
				.contains("value=\"Yevlax görüşünün protokolu\"")
				.containsPattern("<option value=\"MINUTES\" selected=\"selected\"")
				.containsPattern("<option value=\"OBSERVERS\" selected=\"selected\"");
		assertThat(meetings.documents(meeting, Audience.SECRETARIAT)).isEmpty();

		byte[] large = new byte[10 * 1024 * 1024 + 1];
		large[0] = '%';
		large[1] = 'P';
		large[2] = 'D';
		large[3] = 'F';
		large[4] = '-';
		String tooLarge = mvc.perform(multipart("/dialogue/meetings/" + meeting + "/documents")
				.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", large)).with(signedIn(secretariat))
				.with(csrf()).header("Accept-Language", "en").param("title", "Scan of the minutes").param("kind", "MINUTES")
				.param("sharedWith", "SECRETARIAT")).andExpect(status().isUnprocessableContent()).andReturn()
				.getResponse().getContentAsString();
		assertThat(tooLarge).contains(text("platform.document.too-large", "en", 10L)).contains("value=\"Scan of the minutes\"");

		Commitment c = fixtures.commitment();
		String evidence = mvc.perform(multipart("/dialogue/commitments/" + c.id() + "/evidence")
				.file(new MockMultipartFile("file", "photo.png", "image/png", "GIF89a".getBytes()))
				.with(signedIn(secretariat)).with(csrf()).header("Accept-Language", "ru").param("kind", "DOCUMENT")
				.param("note", "Фото колонны у Ханкенди").param("sharedWith", "PUBLIC"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(evidence).contains(text("platform.document.type", "ru")).contains("Фото колонны у Ханкенди</textarea>")
				.containsPattern("<option value=\"DOCUMENT\" selected=\"selected\"");
		String url = mvc.perform(multipart("/dialogue/commitments/" + c.id() + "/evidence").with(signedIn(secretariat))
				.with(csrf()).header("Accept-Language", "en").param("kind", "URL").param("reference", "http://example.org/x")
				.param("sharedWith", "PUBLIC")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
				.getContentAsString();
		assertThat(url).contains(text("dialogue.error.evidence-url-https", "en")).contains("value=\"http://example.org/x\"");
		assertThat(commitments.evidence(c.id(), Audience.SECRETARIAT)).isEmpty();

		byte[] pdf = "%PDF-1.4\n% minutes\n".getBytes();
		mvc.perform(multipart("/dialogue/meetings/" + meeting + "/documents")
				.file(new MockMultipartFile("file", "joint-statement.pdf", "application/pdf", pdf))
				.with(signedIn(secretariat)).with(csrf()).param("title", "Joint statement").param("kind", "STATEMENT")
				.param("sharedWith", "PUBLIC")).andExpect(status().is3xxRedirection());
		mvc.perform(multipart("/dialogue/meetings/" + meeting + "/documents")
				.file(new MockMultipartFile("file", "minutes.pdf", "application/pdf", pdf))
				.with(signedIn(secretariat)).with(csrf()).param("title", "Minutes").param("kind", "MINUTES")
				.param("sharedWith", "SECRETARIAT")).andExpect(status().is3xxRedirection());
		List<Meetings.MeetingDocument> all = meetings.documents(meeting, Audience.SECRETARIAT);
		assertThat(all).hasSize(2);
		assertThat(meetings.documents(meeting, Audience.OBSERVER)).extracting(Meetings.MeetingDocument::title)
				.containsExactly("Joint statement");
		UUID minutes = all.stream().filter(d -> d.title().equals("Minutes")).findFirst().orElseThrow().document();
		UUID statement = all.stream().filter(d -> d.title().equals("Joint statement")).findFirst().orElseThrow()
				.document();
		mvc.perform(get("/commitments/documents/" + statement)).andExpect(status().isOk());
		mvc.perform(get("/commitments/documents/" + minutes)).andExpect(status().isNotFound());
		mvc.perform(get("/dialogue/documents/" + minutes).with(signedIn(fixtures.observer())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/dialogue/documents/" + minutes).with(signedIn(secretariat))).andExpect(status().isOk());
	}

	@Test
	void anObserverVerifiesAndDisputesThroughTheFormsAndOthersMayNot() throws Exception {
		CurrentUser secretariat = fixtures.secretariat();
		Commitment c = fixtures.commitment();
		commitments.changeStatus(secretariat, c.id(), c.version(), CommitmentStatus.AGREED, "Agreed in Yevlakh.");
		UUID claim = claims.claims(c.id()).get(0).id();
		String base = "/dialogue/commitments/" + c.id() + "/claims/" + claim;
		mvc.perform(post(base + "/verify").with(signedIn(secretariat)).with(csrf())).andExpect(status().isForbidden());

		CurrentUser observer = fixtures.newObserver();
		String page = page("/dialogue/commitments/" + c.id(), observer, "en");
		assertThat(page).contains("action=\"" + base + "/verify\"").contains("action=\"" + base + "/dispute\"")
				.doesNotContain("/status\"");
		String noNote = mvc.perform(post(base + "/dispute").with(signedIn(observer)).with(csrf())
				.header("Accept-Language", "hy").param("note", " ")).andExpect(status().isUnprocessableContent())
				.andReturn().getResponse().getContentAsString();
		assertThat(noNote).contains(text("dialogue.error.dispute-note", "hy"));
		mvc.perform(post(base + "/verify").with(signedIn(observer)).with(csrf()).param("note", "Present at the meeting."))
				.andExpect(status().is3xxRedirection());
		String twice = mvc.perform(post(base + "/dispute").with(signedIn(observer)).with(csrf())
				.header("Accept-Language", "en").param("note", "On second thought")).andExpect(status().isUnprocessableContent())
				.andReturn().getResponse().getContentAsString();
		assertThat(twice).contains(text("dialogue.error.already-found", "en"));
		assertThat(page("/dialogue/commitments/" + c.id(), observer, "en")).contains("data-testid=\"already-found\"")
				.doesNotContain("action=\"" + base + "/verify\"");

		CurrentUser second = fixtures.newObserver();
		mvc.perform(post(base + "/dispute").with(signedIn(second)).with(csrf())
				.param("note", "The minutes of Yevlakh do not record it.")).andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/statements").with(signedIn(secretariat)).with(csrf())
				.param("party", c.parties().get(0).toString()).param("text", "It was agreed orally."))
				.andExpect(status().is3xxRedirection());
		String statementRefused = mvc.perform(post(base + "/statements").with(signedIn(secretariat)).with(csrf())
				.header("Accept-Language", "en").param("party", "").param("text", "Unattributed"))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(statementRefused).contains(text("dialogue.error.choose-party", "en")).contains("Unattributed</textarea>");

		String tracker = mvc.perform(get("/commitments/" + c.id()).header("Accept-Language", "en"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tracker).contains("data-verification=\"DISPUTED\"").contains("The minutes of Yevlakh do not record it.")
				.contains("Present at the meeting.").contains("It was agreed orally.").contains("Agreed in Yevlakh.");
		assertThat(page("/dialogue", observer, "en")).contains("data-testid=\"to-check\"");
	}

	@Test
	void thePublicTrackerSpeaksTwoLanguagesWithoutSigningInAndNamesNoParticipant() throws Exception {
		UUID food = DialogueDemo.id("commitment-food");
		UUID fuel = DialogueDemo.id("commitment-fuel");
		List<String> names = List.of("Rauf Quliyev", "Դավիթ Ավանեսյան", "Marta Keller", "Elvin Məmmədli",
				"Նարինե Հակոբյան", "Sophie Laurent");
		for (String language : List.of("hy", "ru")) {
			String list = mvc.perform(get("/commitments").header("Accept-Language", language)).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
			assertThat(list).contains(text("dialogue.tracker.title", language))
					.contains(text("dialogue.verification.VERIFIED", language))
					.contains(text("dialogue.verification.DISPUTED", language))
					.contains("data-commitment=\"" + food + "\"").contains("data-testid=\"overdue\"");
			String one = mvc.perform(get("/commitments/" + fuel).header("Accept-Language", language))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(one).contains(text("dialogue.status.PARTLY_FULFILLED", language))
					.contains("Two schools in Xocalı reported no delivery of fuel in November")
					.contains("Fuel was delivered to every facility on the list agreed on 21 September.")
					.contains("The schools of Xocalı were left off that list")
					.contains(text("dialogue.tracker.meeting", language)).contains("Yevlax (Yevlakh)");
			for (String name : names) {
				assertThat(list).doesNotContain(name);
				assertThat(one).as(language + " " + name).doesNotContain(name);
			}
		}
		String armenian = mvc.perform(get("/commitments/" + fuel).header("Accept-Language", "hy")).andReturn()
				.getResponse().getContentAsString();
		assertThat(armenian).contains("Վառելիքի մատակարարում դպրոցներին և հիվանդանոցներին։")
				.contains("Պատվիրակությունները համաձայնեցին");
		String filtered = mvc.perform(get("/commitments").param("status", "FULFILLED").header("Accept-Language", "en"))
				.andReturn().getResponse().getContentAsString();
		assertThat(filtered).contains("data-commitment=\"" + food + "\"").doesNotContain("data-commitment=\"" + fuel + "\"");
		mvc.perform(get("/commitments").param("status", "NONSENSE").param("score", "9").param("party", "x"))
				.andExpect(status().isOk());

		// Observers see affiliations and roles, not names; the secretariat sees names.
		UUID yevlakh = DialogueDemo.id("meeting-yevlakh");
		String observed = page("/dialogue/meetings/" + yevlakh, fixtures.observer(), "en");
		assertThat(observed).contains("Head of delegation").contains("ICRC");
		names.forEach(name -> assertThat(observed).doesNotContain(name));
		assertThat(page("/dialogue/meetings/" + yevlakh, fixtures.secretariat(), "en")).contains("Rauf Quliyev");
		String group = page("/dialogue/groups/" + DialogueDemo.id("group-humanitarian"), fixtures.observer(), "ru");
		assertThat(group).contains("Рабочая группа по гуманитарным вопросам").doesNotContain("Sophie Laurent");
	}

	@Test
	void everyPageOfTheDialogueOpensInEveryLanguage() throws Exception {
		UUID fuel = DialogueDemo.id("commitment-fuel");
		for (String language : List.of("hy", "az", "ru", "en")) {
			for (CurrentUser user : List.of(fixtures.secretariat(), fixtures.observer())) {
				for (String path : List.of("/dialogue", "/dialogue/meetings", "/dialogue/groups", "/dialogue/parties",
						"/dialogue/commitments/" + fuel, "/dialogue/meetings/" + DialogueDemo.id("meeting-xocali"),
						"/dialogue/groups/" + DialogueDemo.id("group-humanitarian"))) {
					assertThat(page(path, user, language)).as(path).contains("lang=\"" + language + "\"");
				}
			}
			for (String path : List.of("/dialogue/commitments/new", "/dialogue/meetings/new",
					"/dialogue/meetings/" + DialogueDemo.id("meeting-online") + "/edit")) {
				assertThat(page(path, fixtures.secretariat(), language)).as(path).contains("<form");
			}
		}
	}
}
