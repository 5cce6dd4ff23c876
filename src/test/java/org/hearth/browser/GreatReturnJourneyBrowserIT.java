package org.hearth.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Great Return as the people in it live it, in a real Chromium: a displaced man registers his household in
 * Russian without JavaScript and reads why he is eligible; a caseworker and a supervisor of the Shusha office decide
 * in Azerbaijani; a housing officer imports the mine-action release of a village, adds a home there, makes it ready
 * and runs a round for it; the household sees its score and place, gets the offer in its account and by e-mail and
 * accepts it; keys and moving in are recorded; anyone downloads the round's input file and finds the published hash.
 * axe-core checks every page on the way.
 */
class GreatReturnJourneyBrowserIT extends BrowserJourney {

	/** Şəfibəyli (Zəngilan district, served by the Shusha office): no demo data uses it, so the round is ours. */
	private static final String VILLAGE = "sefibeyli";

	@Test
	void registerDecideAllocateAcceptAndMoveIn() throws IOException, NoSuchAlgorithmException {
		String email = "ashot-" + UUID.randomUUID() + "@example.org";
		String password = "абрикосовое дерево во дворе 2026";
		Page applicant = newPage("ru", false);
		registerAndConfirm(applicant, email, password);
		signIn(applicant, email, password);

		// Registration for the programme, page by page.
		applicant.navigate(url("/services/great-return"));
		audit(applicant);
		applicant.click("main a.button");
		audit(applicant);
		applicant.click("main form button[type=submit]");

		assertThat(applicant.url()).contains("/pages/head");
		audit(applicant);
		applicant.fill("#q-name-written", "Ашот Саргсян");
		applicant.fill("#q-birthDate", "14");
		applicant.fill("#q-birthDate-month", "2");
		applicant.fill("#q-birthDate-year", "1968");
		applicant.fill("#q-birthPlace", "Шафибейли");
		continueButton(applicant);
		assertThat(applicant.inputValue("#q-name-latin")).isEqualTo("Ashot Sargsyan");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/basis");
		audit(applicant);
		applicant.check("#q-displacementBasis");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/displaced");
		audit(applicant);
		applicant.fill("#q-displacedYear", "1992");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/origin");
		applicant.fill("#q-origin", "Шафибейли");
		applicant.click("button[name=action][value='search:origin']");
		audit(applicant);
		applicant.check("input[name='q.origin'][value=" + VILLAGE + "]");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/current");
		audit(applicant);
		applicant.selectOption("#q-currentCountry", new SelectOption().setValue("RU"));
		applicant.fill("#q-currentAddress", "Краснодар, ул. Красная 5, кв. 12");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/household");
		audit(applicant);
		applicant.check("#q-hasHousehold-no");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/needs");
		audit(applicant);
		applicant.check("#q-needs-elderly");
		applicant.check("#q-stepFree-no");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/preferences");
		audit(applicant);
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/contact");
		audit(applicant);
		applicant.fill("#q-phone", "+7 918 123 45 67");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/documents");
		audit(applicant);
		Path passport = Files.createTempFile("passport", ".pdf");
		Files.writeString(passport, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
		applicant.setInputFiles("#q-identityDocument", passport);
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/declaration");
		audit(applicant);
		applicant.check("#q-consent");
		continueButton(applicant);

		assertThat(applicant.url()).endsWith("/check");
		audit(applicant);
		applicant.click("main form[action$='/submit'] button");
		assertThat(applicant.url()).endsWith("/submitted");
		audit(applicant);
		String reference = applicant.locator("[data-testid=reference]").textContent().strip();
		String applicationUrl = applicant.url().replace("/submitted", "");

		// The written rule, applied to this registration, in Russian.
		applicant.navigate(applicationUrl);
		audit(applicant);
		assertThat(applicant.locator("#eligibility [data-testid=eligibility]").textContent()).isNotBlank();
		assertThat(applicant.locator("#eligibility li[data-met=false]").count()).isZero();
		assertThat(applicant.locator("#eligibility").textContent()).contains("1992");

		// The Shusha office decides, in Azerbaijani: a caseworker recommends, a supervisor confirms.
		Page caseworker = newPage("az", true);
		signIn(caseworker, "caseworker.shusha@hearth.demo");
		caseworker.click("a:text('" + reference + "')");
		audit(caseworker);
		caseworker.check("#purpose");
		caseworker.click("main form button[type=submit]");
		audit(caseworker);
		assertThat(caseworker.locator("main").textContent()).contains("Ashot Sargsyan");
		caseworker.click("form[action$='/assign'] button");
		caseworker.check("#outcome");
		caseworker.check("#reason-eligible-displaced");
		caseworker.check("#reason-documents-verified");
		caseworker.fill("#explanation", "Şəxsiyyət vəsiqəsi yoxlanıldı; 1992-ci ildə məcburi köçkün olub.");
		caseworker.click("form[action$='/recommendation'] button");
		audit(caseworker);

		Page supervisor = newPage("az", true);
		signIn(supervisor, "supervisor.shusha@hearth.demo");
		supervisor.navigate(url("/cases?status=AWAITING_DECISION"));
		supervisor.click("a:text('" + reference + "')");
		supervisor.check("input[name=purpose][value=DECISION]");
		supervisor.click("main form button[type=submit]");
		audit(supervisor);
		supervisor.click("button[name=verdict][value=confirm]");
		audit(supervisor);

		// Admitted: the household waits, with its preferences, and no round yet.
		applicant.navigate(url("/great-return/home"));
		audit(applicant);
		assertThat(applicant.locator("main").textContent()).contains("Шафибейли");
		assertThat(applicant.locator("main a[href*='/great-return/offers/']").count()).isZero();

		// Mine action releases a sector of the village; the officer imports the export, in English.
		Page officer = newPage("en", true);
		signIn(officer, "housing@hearth.demo");
		officer.navigate(url("/housing/areas/import"));
		audit(officer);
		LocalDate releasedOn = LocalDate.now(ZoneId.of("Asia/Baku")).minusDays(3);
		Path export = Files.createTempFile("mine-action", ".csv");
		String area = "IT-SEF-" + UUID.randomUUID().toString().substring(0, 8);
		Files.writeString(export, "reference,settlement,sector,status,certificate,released_on\n"
				+ area + "," + VILLAGE
				+ ",\"Sector 1, school street\",RELEASED,MA-2026-0777," + releasedOn + "\n", StandardCharsets.UTF_8);
		officer.setInputFiles("#file", export);
		officer.click("main form button[type=submit]");
		audit(officer);
		assertThat(officer.locator("[data-testid=problems]").count()).isZero();
		assertThat(officer.locator("[data-testid=changed]").textContent()).contains("1");

		// A one-room home in the released sector, built and made ready.
		officer.navigate(url("/housing/settlements/" + VILLAGE));
		audit(officer);
		officer.selectOption("#unit-area",
				new SelectOption().setLabel(area + ": Sector 1, school street (Released)"));
		officer.fill("#address", "School street 4");
		officer.fill("#rooms", "1");
		officer.fill("#floorArea", "38");
		officer.click("#unit form button[type=submit]");
		audit(officer);
		officer.click("tr:has-text('School street 4') form:has(input[name=status][value=UNDER_CONSTRUCTION]) button");
		officer.click("tr:has-text('School street 4') form:has(input[name=status][value=READY]) button");
		assertThat(officer.locator("tr:has-text('School street 4') [data-testid=unit-status]").textContent())
				.isEqualTo("Ready");

		// A round for the village: the household is matched to the home, with its reasons on the result page.
		officer.navigate(url("/housing/rounds"));
		audit(officer);
		officer.check("#s-" + VILLAGE);
		officer.click("#start form button[type=submit]");
		assertThat(officer.url()).matches(".*/housing/rounds/\\d+");
		audit(officer);
		assertThat(officer.locator("[data-testid=households]").textContent()).isEqualTo("1");
		assertThat(officer.locator("[data-testid=assigned]").textContent()).isEqualTo("1");
		assertThat(officer.locator("[data-testid=matched]").textContent()).contains("School street 4");
		String round = officer.url().substring(officer.url().lastIndexOf('/') + 1);

		// The household: its place and score, the offer in its account and in its mailbox; it accepts.
		applicant.navigate(url("/great-return/home"));
		audit(applicant);
		String home = applicant.locator("main").textContent();
		assertThat(home).contains("1 из 1");
		applicant.navigate(url("/demo/mailbox"));
		assertThat(applicant.locator(".mail:has-text('" + email + "')").count()).as("the offer by e-mail")
				.isGreaterThanOrEqualTo(2);
		applicant.navigate(url("/great-return/home"));
		applicant.click("main a[href*='/great-return/offers/']");
		audit(applicant);
		assertThat(applicant.locator("main").textContent()).contains("School street 4");
		applicant.click("main form[action$='/accept'] button");
		audit(applicant);

		// Keys handed over and moving in, recorded by the officer.
		officer.navigate(url("/housing/offers?settlement=" + VILLAGE));
		audit(officer);
		assertThat(officer.locator("[data-testid=offer-status]").textContent()).isEqualTo("Accepted");
		officer.click("form[action$='/keys'] button");
		officer.click("form[action$='/moved-in'] button");
		audit(officer);
		assertThat(officer.locator("[data-testid=offer-status]").textContent()).isEqualTo("Keys handed over");
		officer.navigate(url("/housing/settlements/" + VILLAGE));
		assertThat(officer.locator("tr:has-text('School street 4') [data-testid=unit-status]").textContent())
				.isEqualTo("Occupied");

		applicant.navigate(url("/great-return/home"));
		assertThat(applicant.locator("main").textContent()).contains("Заселились");

		// Anyone: the round's input file is byte for byte what its published hash says.
		Page visitor = newPage("hy", true);
		visitor.navigate(url("/great-return/rounds"));
		audit(visitor);
		String published = visitor.locator("#round-" + round + " [data-testid=input-hash]").textContent();
		byte[] input = visitor.request().get(url("/great-return/rounds/" + round + "/input.json")).body();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input))).isEqualTo(published);
		assertThat(new String(input, StandardCharsets.UTF_8)).doesNotContain("Ашот").doesNotContain("Sargsyan");

		assertThat(accessibility).isEmpty();
	}
}
