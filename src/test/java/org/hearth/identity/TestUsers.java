package org.hearth.identity;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Signed-in users for tests: the demo staff, and fresh applicants that no other test uses. */
@Component
public class TestUsers {

	public static final String PASSWORD = DemoAccounts.PASSWORD;

	private final AccountRepository accounts;
	private final PasswordEncoder encoder;
	private final Clock clock;

	TestUsers(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.clock = clock;
	}

	/** A demo account as fully signed in (second factor done). */
	public CurrentUser demo(String email) {
		return accounts.findByEmail(email).orElseThrow().toCurrentUser().withSecondFactor();
	}

	/** A new, confirmed applicant with the demo password, writing in {@code language}. */
	public CurrentUser newApplicant(String language) {
		return create("applicant-" + UUID.randomUUID() + "@test.hearth", Set.of(Role.APPLICANT), null, language);
	}

	/** A new member of staff of an office. */
	public CurrentUser newStaff(Set<Role> roles, String office) {
		return create("staff-" + UUID.randomUUID() + "@test.hearth", roles, new OfficeId(office), "en");
	}

	public String email(CurrentUser user) {
		return user.getUsername();
	}

	private CurrentUser create(String email, Set<Role> roles, OfficeId office, String language) {
		var now = clock.instant();
		var account = new Account(AccountId.random(), email, encoder.encode(PASSWORD), Account.Status.ACTIVE, roles,
				office, language, null, false, false, now, now);
		accounts.insert(account);
		return account.toCurrentUser().withSecondFactor();
	}
}
