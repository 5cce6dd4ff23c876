package org.hearth.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.springframework.stereotype.Component;

/**
 * Warehouses, facilities and stock for tests, through the module's own services. All test classes share one
 * database: every warehouse and facility made here is new, so that counts and stock a test reads are its own.
 */
@Component
public class AidFixtures {

	private final StockLedger ledger;
	private final Facilities facilities;
	private final TestUsers users;
	private CurrentUser coordinator;

	AidFixtures(StockLedger ledger, Facilities facilities, TestUsers users) {
		this.ledger = ledger;
		this.facilities = facilities;
		this.users = users;
	}

	/** One aid coordinator for the whole run. */
	public CurrentUser coordinator() {
		if (coordinator == null) {
			coordinator = newCoordinator();
		}
		return coordinator;
	}

	/** Another aid coordinator: the second pair of eyes. */
	public CurrentUser newCoordinator() {
		return users.newStaff(Set.of(Role.AID_COORDINATOR), "KHA");
	}

	public UUID warehouse(String settlement) {
		String code = "T" + UUID.randomUUID().toString().substring(0, 8);
		return ledger.addWarehouse(coordinator(), code, "Test warehouse " + code, settlement).id();
	}

	/** A new warehouse holding {@code quantity} of {@code item}, received a week ago. */
	public UUID warehouseWith(String item, String quantity) {
		UUID warehouse = warehouse("xankendi");
		ledger.receive(coordinator(), warehouse, item, new BigDecimal(quantity), "test donor",
				LocalDate.now().minusDays(7));
		return warehouse;
	}

	public UUID facility(FacilityKind kind, String settlement) {
		return facilities.add(coordinator(), new Facilities.Details(kind, "Test " + kind + " " + UUID.randomUUID(),
				settlement, 100, null, FacilityStatus.OPEN, null)).id();
	}
}
