package org.hearth.identity;

import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id takes 19 MiB of memory per hash, by design. Left unbounded, a burst of sign-ins — anyone can send them —
 * would exhaust the heap; so at most {@code permits} hashes are computed at once and the rest wait their turn.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;
	private final Semaphore permits;

	BoundedPasswordEncoder(PasswordEncoder delegate, int permits) {
		this.delegate = delegate;
		this.permits = new Semaphore(permits, true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		permits.acquireUninterruptibly();
		try {
			return delegate.encode(rawPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		permits.acquireUninterruptibly();
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}
}
