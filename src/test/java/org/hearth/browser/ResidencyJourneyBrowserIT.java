package org.hearth.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey in a real Chromium, as people do it: an applicant registers and applies in Armenian with
 * JavaScript switched off, a caseworker works the case in English, a supervisor confirms in Russian, the
 * applicant downloads the Armenian letter, and anyone verifies its code. axe-core checks every page on the way.
 */
class ResidencyJourneyBrowserIT extends BrowserJourney {

	@Test
	void applyDecideDownloadAndVerify() throws IOException {
		String email = "armen-" + UUID.randomUUID() + "@example.org";
		Page applicant = newPage("hy", false);

		// Register in Armenian, confirm through the demo mailbox.
		applicant.navigate(url("/"));
		audit(applicant);
		assertThat(applicant.locator("html").getAttribute("lang")).isEqualTo("hy");
		String password = "ծիրանի ծառ բակում 2026";
		registerAndConfirm(applicant, email, password);

		// Sign in and apply.
		signIn(applicant, email, password);
		assertThat(applicant.url()).endsWith("/applications");
		applicant.navigate(url("/services/residency"));
		audit(applicant);
		applicant.click("main a.button");
		audit(applicant);
		applicant.click("main form button[type=submit]");

		assertThat(applicant.url()).contains("/pages/name");
		audit(applicant);
		applicant.fill("#q-name-written", "Արմեն Պետրոսյան");
		continueButton(applicant);
		assertThat(applicant.inputValue("#q-name-latin")).isEqualTo("Armen Petrosyan");
		audit(applicant);
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/birth");
		audit(applicant);
		applicant.fill("#q-birthDate", "1");
		applicant.fill("#q-birthDate-month", "5");
		applicant.fill("#q-birthDate-year", "1980");
		applicant.selectOption("#q-birthCountry", new SelectOption().setValue("AZ"));
		applicant.fill("#q-birthPlace", "Ստեփանակերտ");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/current");
		audit(applicant);
		applicant.selectOption("#q-currentCountry", new SelectOption().setValue("AM"));
		applicant.fill("#q-currentAddress", "Երևան, Աբովյան 1");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/previous");
		applicant.fill("#q-previousSettlement", "Ստեփանակերտ");
		applicant.click("button[name=action][value='search:previousSettlement']");
		audit(applicant);
		applicant.check("input[name='q.previousSettlement'][value=xankendi]");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/household");
		audit(applicant);
		applicant.check("#q-hasHousehold-no");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/contact");
		audit(applicant);
		applicant.fill("#q-phone", "+374 10 123456");
		continueButton(applicant);

		assertThat(applicant.url()).contains("/pages/documents");
		audit(applicant);
		applicant.check("#q-identityDocumentType");
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
		assertThat(applicant.locator("main").textContent()).contains("Արմեն Պետրոսյան").contains("passport");
		applicant.click("main form[action$='/submit'] button");
		assertThat(applicant.url()).endsWith("/submitted");
		audit(applicant);
		String reference = applicant.locator("[data-testid=reference]").textContent().strip();
		assertThat(reference).matches("RES-\\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		String applicationUrl = applicant.url().replace("/submitted", "");

		// The caseworker, in English, asks for more information.
		Page caseworker = newPage("en", true);
		signIn(caseworker, "caseworker@hearth.demo");
		assertThat(caseworker.url()).endsWith("/cases");
		audit(caseworker);
		caseworker.click("a:text('" + reference + "')");
		audit(caseworker);
		caseworker.check("#purpose");
		caseworker.click("main form button[type=submit]");
		audit(caseworker);
		assertThat(caseworker.locator("main").textContent()).contains("Armen Petrosyan");
		caseworker.click("form[action$='/assign'] button");
		caseworker.fill("#message", "Please tell us which street you lived on.");
		caseworker.click("form[action$='/information'] button");
		assertThat(caseworker.locator("[data-testid=status]").textContent()).contains("Waiting");

		// The applicant answers, still without JavaScript.
		applicant.navigate(applicationUrl);
		audit(applicant);
		assertThat(applicant.locator("[data-testid=request-message]").textContent()).contains("which street");
		applicant.fill("#response", "Աշոտ Երկաթի փողոց 12");
		applicant.click("#respond form button[type=submit]");

		// The caseworker recommends approval.
		caseworker.reload();
		assertThat(caseworker.locator("[data-testid=response]").textContent()).contains("Աշոտ Երկաթի");
		caseworker.check("#outcome");
		caseworker.check("#reason-identity-established");
		caseworker.check("#reason-residence-established");
		caseworker.fill("#explanation", "Identity and previous residence confirmed.");
		caseworker.click("form[action$='/recommendation'] button");
		audit(caseworker);

		// The supervisor, in Russian, confirms.
		Page supervisor = newPage("ru", true);
		signIn(supervisor, "supervisor@hearth.demo");
		supervisor.navigate(url("/cases?status=AWAITING_DECISION"));
		audit(supervisor);
		supervisor.click("a:text('" + reference + "')");
		supervisor.check("input[name=purpose][value=DECISION]");
		supervisor.click("main form button[type=submit]");
		audit(supervisor);
		supervisor.click("button[name=verdict][value=confirm]");
		assertThat(supervisor.locator("[data-testid=permit]").count()).as(supervisor.locator("main").innerText())
				.isEqualTo(1);
		assertThat(supervisor.locator("[data-testid=permit]").textContent()).matches("RP-\\d{4}-\\d{6}");
		audit(supervisor);

		// The applicant reads the decision and downloads the Armenian letter.
		applicant.navigate(applicationUrl);
		audit(applicant);
		String code = applicant.locator("[data-testid=verification-code]").textContent().strip();
		Download download = applicant.waitForDownload(() -> applicant.click("[data-testid=letter]"));
		String letter = new PDFTextStripper().getText(Loader.loadPDF(Files.readAllBytes(download.path())));
		assertThat(letter).contains("Արմեն Պետրոսյան").contains(reference).contains(code)
				.contains("Կացության թույլտվություն");

		// Who opened the file: the office and the purpose, in Armenian, never the member of staff.
		String access = applicant.locator("main").textContent();
		assertThat(access).contains("Ստեփանակերտի (Խանքենդիի) գրասենյակ").doesNotContain("caseworker@hearth.demo");

		// The receipt of the submission, sealed by a checkpoint by now, and its PDF.
		String receipt = applicant.locator("[data-testid=receipt]").textContent();
		assertThat(receipt).startsWith("hearth/receipt/v1\nleaf ");
		Download receiptPdf = applicant.waitForDownload(() -> applicant.click("#receipt a[href$='receipt.pdf']"));
		assertThat(new PDFTextStripper().getText(Loader.loadPDF(Files.readAllBytes(receiptPdf.path()))))
				.contains(receipt.lines().skip(1).findFirst().orElseThrow());

		// Anyone can check the receipt, here in Azerbaijani, and see the public log.
		Page observer = newPage("az", true);
		observer.navigate(url("/transparency"));
		audit(observer);
		observer.navigate(url("/transparency/check"));
		audit(observer);
		observer.fill("#receipt", receipt);
		observer.click("main form button[type=submit]");
		audit(observer);
		assertThat(observer.locator("[data-testid=check-result]").textContent()).contains("Jurnalda var");

		// The data protection officer sees who it was.
		Page dpo = newPage("en", true);
		signIn(dpo, "dpo@hearth.demo");
		dpo.navigate(url("/access-log?staff=caseworker@hearth.demo"));
		audit(dpo);
		assertThat(dpo.locator("main table").textContent()).contains("caseworker@hearth.demo")
				.contains("To review the application");

		// Anyone can check the code.
		Page visitor = newPage("en", true);
		visitor.navigate(url("/verify"));
		audit(visitor);
		visitor.fill("#code", code.toLowerCase());
		visitor.click("main form button[type=submit]");
		audit(visitor);
		assertThat(visitor.locator("[data-testid=verify-result]").textContent()).contains("genuine");
		assertThat(visitor.locator("[data-testid=initials]").textContent()).isEqualTo("A. P.");
		assertThat(visitor.locator("main").textContent()).doesNotContain("Armen").doesNotContain("Petrosyan");

		assertThat(accessibility).isEmpty();
	}
}
