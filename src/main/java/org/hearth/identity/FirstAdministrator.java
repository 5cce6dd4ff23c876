package org.hearth.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A new installation has no accounts. With {@code HEARTH_ADMIN_EMAIL} set, the first start invites that address as
 * administrator; the administrator then invites the staff. Later starts change nothing.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountManagement accounts;
	private final String email;

	FirstAdministrator(AccountManagement accounts, @Value("${hearth.admin-email:}") String email) {
		this.accounts = accounts;
		this.email = email;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			if (!email.isBlank() && accounts.inviteFirstAdministrator(email)) {
				log.warn("Invited the first administrator (HEARTH_ADMIN_EMAIL); the link in the e-mail is valid 7 days");
			}
		}
		catch (org.springframework.mail.MailException e) {
			// Hearth still starts: the invitation is sent again at the next start, once mail works.
			log.error("Could not send the first administrator's invitation ({}); check HEARTH_SMTP_*",
					e.getClass().getSimpleName());
		}
	}
}
