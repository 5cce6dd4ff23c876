package org.hearth.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.springframework.stereotype.Component;

/**
 * Areas, units and admitted households for tests, through the module's own services. A round takes every waiting
 * household that prefers its settlements, and all test classes share one database: each test class works in
 * settlements of its own (demo data: susa, xocali, hadrut).
 */
@Component
public class HousingFixtures {

	private final MineAction mineAction;
	private final HousingStock stock;
	private final Programme programme;
	private final TestUsers users;
	private CurrentUser officer;

	HousingFixtures(MineAction mineAction, HousingStock stock, Programme programme, TestUsers users) {
		this.mineAction = mineAction;
		this.stock = stock;
		this.programme = programme;
		this.users = users;
	}

	public CurrentUser officer() {
		if (officer == null) {
			officer = users.newStaff(java.util.Set.of(Role.HOUSING_OFFICER), "KHA");
		}
		return officer;
	}

	/** A new area of the settlement, released with a certificate unless {@code status} says otherwise. */
	public UUID area(String settlement, AreaStatus status) {
		String reference = "T-" + UUID.randomUUID().toString().substring(0, 12);
		boolean released = status == AreaStatus.RELEASED;
		mineAction.record(officer(), new MineAction.AreaRecord(reference, settlement, "sector " + reference, status,
				released ? "CERT-" + reference : null, released ? LocalDate.of(2025, 3, 1) : null), "test");
		return mineAction.byReference(reference).orElseThrow().id();
	}

	/** Moves an existing area to a new status, as the mine-action database would state it. */
	public void setArea(UUID area, AreaStatus status) {
		MineAction.Area a = mineAction.area(area);
		boolean released = status == AreaStatus.RELEASED;
		mineAction.record(officer(), new MineAction.AreaRecord(a.reference(), a.settlement(), a.sector(), status,
				released ? "CERT-" + a.reference() + "-2" : null, released ? LocalDate.of(2025, 6, 1) : null), "test");
	}

	/** A unit built and ready in the area. */
	public UUID readyUnit(UUID area, int rooms, boolean stepFree) {
		MineAction.Area a = mineAction.area(area);
		UUID id = stock.addUnit(officer(), new HousingStock.NewUnit(a.settlement(), area, "Street " + rooms,
				rooms, BigDecimal.valueOf(20L * rooms + 15), stepFree));
		stock.setStatus(officer(), id, UnitStatus.UNDER_CONSTRUCTION, 0);
		stock.setStatus(officer(), id, UnitStatus.READY, 1);
		return id;
	}

	/** An admitted household of the applicant. */
	public UUID household(CurrentUser applicant, int size, List<String> needs, boolean stepFree,
			List<String> preferences, LocalDate registeredOn) {
		return programme.enrol(new Programme.Enrolment(UUID.randomUUID(), applicant.id(), null, size, needs, stepFree,
				preferences, null, registeredOn));
	}
}
