package org.hearth.browser;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aid as a coordinator does it, in a real Chromium without JavaScript: a receipt in the wrong unit refused and then
 * taken, a request for the field hospital over the threshold that a second coordinator must approve, a partial
 * dispatch from that stock, its receipt with a difference and its reason, and the dashboard showing what arrived;
 * the roster and an observer's read of the dashboard. axe-core checks every page on the way.
 */
class AidJourneyBrowserIT extends BrowserJourney {

	/** The demo's field hospital (AidDemo). */
	static final String FIELD_HOSPITAL = java.util.UUID.nameUUIDFromBytes(
			"hearth-demo-aid/field-hospital".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();

	@Test
	void receiveRequestApproveTwiceDispatchAndConfirmDelivery() {
		String today = LocalDate.now(ZoneId.of("Asia/Baku")).toString();
		Page coordinator = newPage("ru", false);
		signIn(coordinator, "aid@hearth.demo");
		coordinator.navigate(url("/aid"));
		audit(coordinator);

		// A new warehouse, and a receipt typed in kilograms of diesel: refused, what was typed kept.
		coordinator.navigate(url("/aid/warehouses"));
		audit(coordinator);
		coordinator.fill("#code", "IT-" + System.nanoTime() % 100000);
		coordinator.fill("#name", "Склад в Ходжалы");
		coordinator.selectOption("#settlement", new SelectOption().setValue("xocali"));
		coordinator.click("#warehouse form button[type=submit]");
		coordinator.click("a:text('Склад в Ходжалы')");
		audit(coordinator);
		String warehouse = coordinator.url();
		coordinator.selectOption("#receipt-item", new SelectOption().setValue("diesel"));
		coordinator.fill("#receipt-quantity", "8000 кг");
		coordinator.fill("#receipt-source", "Колонна МККК");
		coordinator.click("#receipt form button[type=submit]");
		audit(coordinator);
		assertThat(coordinator.locator("#receipt [data-testid=refusal]").textContent()).contains("литрах");
		assertThat(coordinator.inputValue("#receipt-quantity")).isEqualTo("8000 кг");
		coordinator.fill("#receipt-quantity", "8 000 л");
		coordinator.click("#receipt form button[type=submit]");
		assertThat(spaced(coordinator.locator("[data-item=diesel] [data-testid=on-hand]").textContent()))
				.isEqualTo("8 000 л");

		// A request for the field hospital worth more than the threshold: two coordinators approve it.
		coordinator.navigate(url("/aid/requests/new"));
		audit(coordinator);
		coordinator.selectOption("#facility", new SelectOption().setValue(FIELD_HOSPITAL));
		coordinator.selectOption("#item0", new SelectOption().setValue("diesel"));
		coordinator.fill("#quantity0", "6000");
		coordinator.selectOption("#item1", new SelectOption().setValue("satellite-terminal"));
		coordinator.fill("#quantity1", "7");
		coordinator.click("main form button[type=submit]");
		audit(coordinator);
		String request = coordinator.url();
		coordinator.click("form[action$='/approve'] button");
		assertThat(coordinator.locator("[data-testid=request-status]").textContent()).isNotBlank();
		audit(coordinator);

		Page second = newPage("az", false);
		signIn(second, "aid2@hearth.demo");
		second.navigate(request);
		audit(second);
		second.click("form[action$='/approve'] button");
		audit(second);

		// Half the diesel goes out now, from the new warehouse.
		second.selectOption("#warehouse", new SelectOption().setValue(warehouse.substring(warehouse.lastIndexOf('/') + 1)));
		second.fill("#quantity0", "3000");
		second.fill("#quantity1", "");
		second.fill("#carrier", "ICRC");
		second.fill("#vehicle", "10-AB-123");
		second.fill("#dispatchedOn", today);
		second.click("form[action$='/dispatch'] button");
		audit(second);
		assertThat(second.url()).contains("/aid/shipments/");

		// Received: 2950 l, with the reason for the 50 l.
		second.fill("#receivedOn", today);
		second.fill("#signedBy", "Dr. Həsənova");
		second.fill("#received0", "2950");
		second.fill("#discrepancy0", "");
		second.click("form[action$='/receipt'] button");
		audit(second);
		assertThat(second.locator("[data-testid=refusal]").count()).isPositive();
		assertThat(second.inputValue("#signedBy")).isEqualTo("Dr. Həsənova");
		second.fill("#discrepancy0", "Bir çən sızdı");
		second.click("form[action$='/receipt'] button");
		audit(second);
		assertThat(second.locator("[data-testid=shipment-status]").textContent()).isNotBlank();

		coordinator.navigate(warehouse);
		assertThat(spaced(coordinator.locator("[data-item=diesel] [data-testid=on-hand]").textContent()))
				.isEqualTo("5 000 л");

		// The roster of the field hospital, and the dashboard as an observer sees it.
		coordinator.navigate(url("/aid/roster"));
		audit(coordinator);
		coordinator.click("main a[href*='facility=" + FIELD_HOSPITAL + "']");
		audit(coordinator);
		Page observer = newPage("hy", true);
		signIn(observer, "observer@hearth.demo");
		observer.navigate(url("/aid"));
		audit(observer);
		assertThat(observer.locator("[data-testid=category-table]").textContent()).contains("Դիզելային վառելիք");
		assertThat(observer.locator("svg.chart").count()).isGreaterThanOrEqualTo(2);

		assertThat(accessibility).isEmpty();
	}

	/** Numbers as Russian writes them use a no-break or a narrow no-break space between thousands. */
	static String spaced(String text) {
		return text.replaceAll("[\\u00a0\\u202f]", " ").strip();
	}

	@Test
	void aDistributionRoundOnTheTabletAndOnPaper() {
		Page coordinator = newPage("az", false);
		signIn(coordinator, "aid@hearth.demo");
		coordinator.navigate(url("/aid/distributions"));
		audit(coordinator);
		coordinator.click("main table a");
		audit(coordinator);
		String round = coordinator.url();
		coordinator.click("a[href$='/tablet']");
		audit(coordinator);
		// The demo's households are written in three scripts; the search finds one under any of them.
		coordinator.fill("#q", "Мамедов");
		coordinator.click("main form[role=search] button");
		audit(coordinator);
		assertThat(coordinator.locator("[data-testid=found]").count()).isPositive();
		coordinator.click("[data-testid=found] a.button");
		audit(coordinator);
		assertThat(coordinator.locator("[data-testid=entitlement]").textContent()).isNotBlank();
		coordinator.navigate(round);
		coordinator.click("a[href*='/list?sheet=1']");
		audit(coordinator);
		assertThat(accessibility).isEmpty();
	}
}
