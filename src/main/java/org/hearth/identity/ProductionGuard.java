package org.hearth.identity;

import java.util.ArrayList;
import java.util.List;

import org.hearth.platform.DatabaseProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the prod profile Hearth refuses to start while anything of the demo is on: demo accounts (in the
 * configuration or still in the database), the demo mailbox, the demo secret, staff without a second factor, the
 * example name of the transparency log, a generated log key, or the embedded database. Each reason is named, so an
 * operator knows what to change.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

	static final String DEMO_SECRET = "demo-secret-not-for-production-use-0123456789";
	static final String EXAMPLE_ORIGIN = "hearth.example/";

	private final Environment environment;
	private final DatabaseProperties database;
	private final AccountRepository accounts;

	ProductionGuard(Environment environment, DatabaseProperties database, AccountRepository accounts) {
		this.environment = environment;
		this.database = database;
		this.accounts = accounts;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = new ArrayList<>();
		if (environment.matchesProfiles("demo")) {
			problems.add("the demo profile is active too");
		}
		if (environment.getProperty("hearth.demo.enabled", Boolean.class, false)) {
			problems.add("hearth.demo.enabled is true (demo accounts and data)");
		}
		if (environment.getProperty("hearth.mail.demo-mailbox", Boolean.class, false)) {
			problems.add("hearth.mail.demo-mailbox is true: set HEARTH_SMTP_HOST and friends");
		}
		String secret = environment.getProperty("hearth.security.secret", "");
		if (secret.equals(DEMO_SECRET) || secret.length() < Secrets.MIN_SECRET_LENGTH) {
			problems.add("HEARTH_SECRET is unset, too short or the demo default");
		}
		if (!environment.getProperty("hearth.security.staff-mfa-required", Boolean.class, true)) {
			problems.add("hearth.security.staff-mfa-required is false");
		}
		if (environment.getProperty("hearth.transparency.origin", "").startsWith(EXAMPLE_ORIGIN)) {
			problems.add("HEARTH_TRANSPARENCY_ORIGIN is unset: the log needs a name of its own (docs/transparency.md)");
		}
		if (environment.getProperty("hearth.transparency.generate-key", Boolean.class, false)) {
			problems.add("hearth.transparency.generate-key is true: create the log's signing key once, on purpose");
		}
		if (database.embedded()) {
			problems.add("no HEARTH_DB_URL: the embedded database is for evaluation only");
		}
		if (problems.isEmpty() && accounts.anyDemoAccount()) {
			problems.add("the database still holds demo accounts");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start with the prod profile: " + String.join("; ", problems));
		}
	}
}
