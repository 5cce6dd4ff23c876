package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses sign-in attempts once an account or a client address has failed {@value #LIMIT} times within
 * {@link #WINDOW}. Counted in PostgreSQL so that every instance sees the same count; the keys are keyed hashes, so
 * the table holds neither e-mail addresses nor IP addresses.
 */
@Component
class LoginThrottle {

	static final int LIMIT = 10;
	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Secrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	boolean isThrottled(String account, String address) {
		Instant since = clock.instant().minus(WINDOW);
		return failuresSince(accountKey(account), since) >= LIMIT || failuresSince(addressKey(address), since) >= LIMIT;
	}

	/** In its own transaction: a failed attempt counts even when the surrounding work rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String account, String address) {
		Timestamp now = Timestamp.from(clock.instant());
		for (byte[] key : new byte[][] { accountKey(account), addressKey(address) }) {
			jdbc.sql("INSERT INTO identity.login_failure (key_hash, failed_at) VALUES (?, ?)").param(key).param(now)
					.update();
		}
		// Old rows are of no use to anyone: keep the table small.
		jdbc.sql("DELETE FROM identity.login_failure WHERE failed_at < ?")
				.param(Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(2)))).update();
	}

	private int failuresSince(byte[] key, Instant since) {
		return jdbc.sql("SELECT count(*) FROM identity.login_failure WHERE key_hash = ? AND failed_at > ?")
				.param(key).param(Timestamp.from(since)).query(Integer.class).single();
	}

	private byte[] accountKey(String account) {
		return secrets.hash("login-account", account.strip().toLowerCase(Locale.ROOT));
	}

	private byte[] addressKey(String address) {
		return secrets.hash("login-address", address);
	}
}
