package org.hearth.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hearth.HearthTest;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationManagement.Submission;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.platform.DemoMailbox;
import org.hearth.services.Answers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A whole journey with recognisable made-up personal data — registration, confirmation, a failed and a good
 * sign-in, an application with name, address and phone, a caseworker opening it, the e-mails — and not one of the
 * values in the log.
 */
@HearthTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingTest {

	private static final Pattern CONFIRM_LINK = Pattern.compile("/account/confirm\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	DemoMailbox.Mailbox mailbox;

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	private LogLevel configured;

	/** INFO for Hearth's own loggers whatever the test profile says; the configured level again afterwards. */
	@BeforeEach
	void logHearthAtInfo() {
		configured = logging.getLoggerConfiguration("org.hearth").getConfiguredLevel();
		logging.setLogLevel("org.hearth", LogLevel.INFO);
	}

	@AfterEach
	void restoreLogLevel() {
		logging.setLogLevel("org.hearth", configured);
	}

	@Test
	void noPersonalDataReachesTheLog(CapturedOutput output) throws Exception {
		assertThat(LoggerFactory.getLogger("org.hearth.identity").isInfoEnabled()).as("INFO for org.hearth").isTrue();
		String canary = letters(14);
		String name = "Canaryname-" + canary;
		String email = "canary-" + canary.toLowerCase(Locale.ROOT) + "@test.hearth";
		String phone = "+374 77 " + digits(6);
		String address = "Canarystreet " + canary + " 7, Yerevan";
		String password = "Canary-Secret-" + canary;

		// Registration through the form, once refused (the passwords differ), once accepted.
		var visitor = new WebSession(mvc);
		String csrf = visitor.csrfFrom("/register");
		assertThat(visitor.post("/register", csrf, "email", email, "password", password, "repeatPassword", "other")
				.getResponse().getStatus()).isEqualTo(200);
		assertThat(visitor.post("/register", csrf, "email", email, "password", password, "repeatPassword", password)
				.getResponse().getRedirectedUrl()).isEqualTo("/register/check-email");
		Matcher link = CONFIRM_LINK.matcher(mailbox.to(email).get(0).body());
		assertThat(link.find()).isTrue();
		assertThat(visitor.get("/account/confirm?token=" + link.group(1)).getResponse().getStatus()).isEqualTo(200);

		// A failed sign-in in the browser and in the API, then a good one.
		assertThat(new WebSession(mvc).signIn(email, "wrong-" + password).getResponse().getRedirectedUrl())
				.isEqualTo("/login");
		assertThat(mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\",\"password\":\"wrong-" + password + "\"}")
				.with(WebSession.from(WebSession.uniqueAddress()))).andReturn().getResponse().getStatus()).isEqualTo(401);
		var applicant = new WebSession(mvc);
		assertThat(applicant.signIn(email, password).getResponse().getRedirectedUrl()).isEqualTo("/applications");

		// The application, filled in and submitted.
		CurrentUser user = users.demo(email);
		Application draft = applications.start(user, "residency", null);
		Answers answers = Answers.of(answers(name, phone, address, email));
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		answers.addFile("identityDocument", applications.storeUpload(draft, "identityDocument",
				new ByteArrayInputStream(pdf), pdf.length, "passport-" + canary + ".pdf"));
		applications.saveAnswers(user, draft.id(), answers);
		assertThat(applications.submit(user, draft.id(), Locale.ENGLISH, null)).isInstanceOf(Submission.Submitted.class);
		assertThat(applicant.get("/applications/" + draft.id()).getResponse().getContentAsString()).contains(name)
				.contains(address);

		// A caseworker opens the case and reads it.
		var caseworker = new WebSession(mvc);
		caseworker.signIn("caseworker@hearth.demo", TestUsers.PASSWORD);
		String open = caseworker.csrfFrom("/cases/" + draft.id());
		caseworker.post("/cases/" + draft.id() + "/open", open, "purpose", "REVIEW");
		assertThat(caseworker.get("/cases/" + draft.id()).getResponse().getContentAsString()).contains(name);

		// The submission e-mail goes out after commit, on another thread: let it, so that its logging is captured.
		await().until(() -> mailbox.to(email).size() >= 2);

		assertThat(output.getAll()).as("the capture works and INFO is on").contains("Sent e-mail 'confirm-email'");
		assertThat(output.getAll()).doesNotContainIgnoringCase(canary).doesNotContainIgnoringCase(email)
				.doesNotContain(phone).doesNotContain(phone.replace(" ", "")).doesNotContain(password);
	}

	private static Map<String, Object> answers(String name, String phone, String address, String email) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("name", Map.of("written", name, "latin", name));
		answers.put("birthDate", "1980-05-01");
		answers.put("birthCountry", "AZ");
		answers.put("birthPlace", "Stepanakert");
		answers.put("currentCountry", "AM");
		answers.put("currentAddress", address);
		answers.put("previousSettlement", "xankendi");
		answers.put("hasHousehold", "no");
		answers.put("phone", phone);
		answers.put("contactEmail", email);
		answers.put("identityDocumentType", "passport");
		answers.put("consent", List.of("true-and-complete"));
		return answers;
	}

	private static String letters(int count) {
		var random = ThreadLocalRandom.current();
		var text = new StringBuilder("Q");
		for (int i = 1; i < count; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	private static String digits(int count) {
		var random = ThreadLocalRandom.current();
		var text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(random.nextInt(10));
		}
		return text.toString();
	}
}
