package org.hearth.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks and monitoring as the secretariat, an observer and the public meet them in a real Chromium: the secretariat
 * writes down a commitment in four languages (a due date before its meeting refused, everything typed kept) and
 * claims it agreed; the observer finds the claim waiting on their workspace and verifies it; the public tracker
 * shows it verified. The secretariat records an incident with a witness's contact (a point outside the region
 * refused first); the observer verifies it without ever seeing the witness; the public summary counts it. axe-core
 * checks every page on the way.
 */
class DialogueMonitoringJourneyBrowserIT extends BrowserJourney {

	static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	@Autowired
	MessageSource messages;

	String text(String key, String language) {
		return messages.getMessage(key, null, Locale.forLanguageTag(language));
	}

	@Test
	void aCommitmentClaimedByTheSecretariatIsVerifiedByAnObserverAndShownVerifiedToThePublic() {
		String mark = Long.toString(System.nanoTime() % 1_000_000, 36);
		Page secretariat = newPage("hy", false);
		signIn(secretariat, "dialogue@hearth.demo");
		assertThat(secretariat.url()).endsWith("/dialogue");
		audit(secretariat);

		secretariat.navigate(url("/dialogue/commitments/new"));
		audit(secretariat);
		secretariat.selectOption("#meeting", new SelectOption().setIndex(1));
		secretariat.fill("#text-hy", "Վառելիքի առաքում դպրոցներին " + mark);
		secretariat.fill("#text-az", "Məktəblərə yanacaq çatdırılması " + mark);
		secretariat.fill("#text-ru", "Поставки топлива в школы " + mark);
		secretariat.fill("#text-en", "Deliveries of fuel to schools " + mark);
		secretariat.locator("input[name=party]").first().check();
		secretariat.fill("#dueOn", "2000-01-01");
		secretariat.click("main form button[type=submit]");
		audit(secretariat);
		assertThat(secretariat.locator("[data-testid=refusal]").textContent())
				.contains(text("dialogue.error.due-before-meeting", "hy"));
		assertThat(secretariat.inputValue("#text-az")).isEqualTo("Məktəblərə yanacaq çatdırılması " + mark);
		secretariat.fill("#dueOn", LocalDate.now(BAKU).plusMonths(3).toString());
		secretariat.click("main form button[type=submit]");
		audit(secretariat);
		String commitment = secretariat.url();
		assertThat(commitment).contains("/dialogue/commitments/");
		secretariat.selectOption("#status", new SelectOption().setValue("AGREED"));
		secretariat.fill("#status-statement", "Համաձայնեցված է հանդիպմանը");
		secretariat.click("#status-form button[type=submit]");
		audit(secretariat);
		// The secretariat's own claim: no form to verify it, only a note that observers do.
		assertThat(secretariat.locator("#claims form[action$='/verify']").count()).isZero();

		Page observer = newPage("ru", true);
		signIn(observer, "observer2@hearth.demo");
		assertThat(observer.url()).endsWith("/observer");
		audit(observer);
		observer.click("[data-testid=claims] a:has-text('" + mark + "')");
		audit(observer);
		observer.locator("#claims form[action$='/verify'] textarea").first().fill("Подтверждено протоколом");
		observer.locator("#claims form[action$='/verify'] button").first().click();
		audit(observer);
		assertThat(observer.locator("#claims [data-testid=verification]").first().getAttribute("data-verification"))
				.isEqualTo("VERIFIED");
		observer.navigate(url("/observer"));
		assertThat(observer.locator("[data-testid=claims] a:has-text('" + mark + "')").count()).isZero();

		Page visitor = newPage("az", false);
		visitor.navigate(url("/commitments"));
		audit(visitor);
		visitor.click("main a:has-text('" + mark + "')");
		audit(visitor);
		assertThat(visitor.locator("[data-testid=commitment-text]").textContent())
				.isEqualTo("Məktəblərə yanacaq çatdırılması " + mark);
		assertThat(visitor.locator("[data-testid=verification]").first().getAttribute("data-verification"))
				.isEqualTo("VERIFIED");

		assertThat(accessibility).isEmpty();
	}

	@Test
	void anIncidentWithAWitnessIsVerifiedWithoutTheObserverSeeingTheWitnessAndCountedInPublic() {
		String witness = "Վկա Զյքսյան " + Long.toString(System.nanoTime() % 1_000_000, 36);
		String occurred = LocalDateTime.now(BAKU).minusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
		Page secretariat = newPage("hy", false);
		signIn(secretariat, "dialogue@hearth.demo");
		secretariat.navigate(url("/monitoring/incidents/new"));
		audit(secretariat);
		secretariat.selectOption("#kind", new SelectOption().setValue("CEASEFIRE_VIOLATION"));
		secretariat.fill("#occurredAt", occurred);
		secretariat.selectOption("#settlement", new SelectOption().setValue("xocali"));
		secretariat.fill("#latitude", "10.5");
		secretariat.fill("#longitude", "10.5");
		secretariat.fill("#description", "Կրակոցներ գիշերը դպրոցի մոտ");
		secretariat.fill("#confidential", witness + ", +374 00 000 000");
		secretariat.selectOption("#sourceKind", new SelectOption().setIndex(1));
		secretariat.click("main form button[type=submit]");
		audit(secretariat);
		assertThat(secretariat.locator("[data-testid=refusal]").textContent()).contains("տարածաշրջանից դուրս");
		assertThat(secretariat.inputValue("#description")).isEqualTo("Կրակոցներ գիշերը դպրոցի մոտ");
		assertThat(secretariat.inputValue("#confidential")).startsWith(witness);
		secretariat.fill("#latitude", "39.93");
		secretariat.fill("#longitude", "46.79");
		secretariat.click("main form button[type=submit]");
		audit(secretariat);
		String incident = secretariat.url();
		assertThat(incident).contains("/monitoring/incidents/");
		assertThat(secretariat.locator("[data-testid=confidential-note]").textContent()).contains(witness);

		Page observer = newPage("en", false);
		signIn(observer, "observer@hearth.demo");
		observer.navigate(incident);
		audit(observer);
		assertThat(observer.content()).doesNotContain(witness).doesNotContain("+374 00");
		assertThat(observer.locator("#confidential").count()).isZero();
		observer.check("#to-VERIFIED");
		observer.fill("#note", "Patrol confirmed the impacts");
		observer.click("#verification form button[type=submit]");
		audit(observer);
		assertThat(observer.locator("main dl [data-testid=verification]").textContent().strip())
				.isEqualTo(text("monitoring.verification.VERIFIED", "en"));

		Page visitor = newPage("ru", false);
		visitor.navigate(url("/incidents"));
		audit(visitor);
		assertThat(visitor.content()).doesNotContain("Կրակոցներ").doesNotContain(witness);
		assertThat(visitor.locator("[data-testid=by-status]").textContent())
				.contains(text("monitoring.verification.VERIFIED", "ru"));
		visitor.navigate(url("/heritage"));
		audit(visitor);
		assertThat(visitor.locator("[data-testid=sites] tbody tr").count()).isPositive();

		assertThat(accessibility).isEmpty();
	}
}
