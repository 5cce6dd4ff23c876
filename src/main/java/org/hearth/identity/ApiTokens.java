package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for {@code /api/v1}. The API accepts no cookies, so a page on another site can never act with a
 * person's rights, and CSRF does not arise there. Only a keyed hash of each token is stored.
 */
@Component
class ApiTokens {

	static final Duration LIFETIME = Duration.ofHours(12);

	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final AccountRepository accounts;
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Secrets secrets, AccountRepository accounts, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.accounts = accounts;
		this.clock = clock;
	}

	record Issued(String token, Instant expiresAt) {
	}

	Issued issue(AccountId account) {
		String token = Secrets.randomToken();
		Instant now = clock.instant();
		Instant expires = now.plus(LIFETIME);
		jdbc.sql("INSERT INTO identity.api_token (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
				.param(secrets.hash("api-token", token)).param(account.id()).param(Timestamp.from(now))
				.param(Timestamp.from(expires)).update();
		return new Issued(token, expires);
	}

	/** The token's holder, fully signed in (the token was only issued after every factor). */
	Optional<CurrentUser> authenticate(String token) {
		// One query per API request: the token and its account together.
		return jdbc.sql("""
				SELECT a.* FROM identity.api_token t JOIN identity.account a ON a.id = t.account_id
				WHERE t.token_hash = ? AND t.expires_at > ? AND a.status = 'ACTIVE'""")
				.param(secrets.hash("api-token", token)).param(Timestamp.from(clock.instant()))
				.query(AccountRepository::map).optional()
				.map(a -> a.toCurrentUser().withSecondFactor());
	}

	void revoke(String token) {
		jdbc.sql("DELETE FROM identity.api_token WHERE token_hash = ?").param(secrets.hash("api-token", token))
				.update();
	}
}
