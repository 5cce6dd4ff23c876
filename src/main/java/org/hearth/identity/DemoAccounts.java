package org.hearth.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo profile's accounts, one per role, all with the password {@value #PASSWORD}. Marked as demo in the
 * database, so that the prod profile refuses to start on a database that still holds them.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "hearth-demo-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	record Demo(String email, Set<Role> roles, String office, String language) {
	}

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("applicant@hearth.demo", Set.of(Role.APPLICANT), null, "hy"),
			new Demo("applicant.ru@hearth.demo", Set.of(Role.APPLICANT), null, "ru"),
			new Demo("caseworker@hearth.demo", Set.of(Role.CASEWORKER), "KHA", "en"),
			new Demo("caseworker2@hearth.demo", Set.of(Role.CASEWORKER), "KHA", "az"),
			new Demo("supervisor@hearth.demo", Set.of(Role.SUPERVISOR), "KHA", "ru"),
			new Demo("supervisor2@hearth.demo", Set.of(Role.SUPERVISOR), "KHA", "en"),
			new Demo("caseworker.shusha@hearth.demo", Set.of(Role.CASEWORKER), "SHU", "az"),
			new Demo("supervisor.shusha@hearth.demo", Set.of(Role.SUPERVISOR), "SHU", "az"),
			new Demo("housing@hearth.demo", Set.of(Role.HOUSING_OFFICER), "KHA", "en"),
			new Demo("aid@hearth.demo", Set.of(Role.AID_COORDINATOR), null, "ru"),
			new Demo("aid2@hearth.demo", Set.of(Role.AID_COORDINATOR), null, "az"),
			new Demo("dialogue@hearth.demo", Set.of(Role.DIALOGUE_SECRETARIAT), null, "hy"),
			new Demo("observer@hearth.demo", Set.of(Role.OBSERVER), null, "en"),
			new Demo("observer2@hearth.demo", Set.of(Role.OBSERVER), null, "ru"),
			new Demo("statistician@hearth.demo", Set.of(Role.STATISTICIAN), null, "az"),
			new Demo("dpo@hearth.demo", Set.of(Role.DATA_PROTECTION_OFFICER), null, "en"),
			new Demo("admin@hearth.demo", Set.of(Role.ADMINISTRATOR), null, "en"));

	private final AccountRepository accounts;
	private final PasswordEncoder encoder;
	private final Clock clock;

	DemoAccounts(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = 0;
		for (Demo demo : ACCOUNTS) {
			if (accounts.findByEmail(demo.email()).isEmpty()) {
				var now = clock.instant();
				accounts.insert(new Account(AccountId.random(), demo.email(), encoder.encode(PASSWORD),
						Account.Status.ACTIVE, demo.roles(), demo.office() == null ? null : new OfficeId(demo.office()),
						demo.language(), null, false, true, now, now));
				created++;
			}
		}
		if (created > 0) {
			log.warn("Created {} demo accounts (password in the README). Demo profile: not for real data.", created);
		}
	}
}
