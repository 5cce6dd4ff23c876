package org.hearth.identity;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A member of staff who gave the right password but not yet the second factor. Holds no role, is no
 * {@link CurrentUser}: the only pages open to it are those of the second step.
 */
final class PendingSecondFactor extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountId account;

	PendingSecondFactor(AccountId account) {
		super(List.of(new SimpleGrantedAuthority(CurrentUser.MFA_PENDING)));
		this.account = account;
		setAuthenticated(true);
	}

	AccountId account() {
		return account;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return account;
	}
}
