package org.hearth.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or the address: refused without checking the password. */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("throttled");
	}
}
