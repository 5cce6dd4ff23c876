package org.hearth.identity;

import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The security log (logger {@code org.hearth.security}), one line per event an operator alerts on: sign-ins and their
 * refusals, second factors, API tokens, refused requests. It holds no name, e-mail address or client address in
 * clear: an account is its id once known, otherwise a keyed hash of what was typed; a client is a keyed hash of its
 * address, so that many attempts from one place stand out without the log saying where that is.
 */
@Component
class SecurityEvents {

	private static final Logger log = LoggerFactory.getLogger("org.hearth.security");

	private final Secrets secrets;

	SecurityEvents(Secrets secrets) {
		this.secrets = secrets;
	}

	/** {@code channel}: {@code form} or {@code api}. A staff member's password alone is {@code password-accepted}. */
	void signedIn(String channel, CurrentUser user, boolean secondFactorPending, String address) {
		log.info("event=sign-in outcome={} channel={} account={} roles={} client={}",
				secondFactorPending ? "password-accepted" : "success", channel, user.id().id(), user.roles(),
				client(address));
	}

	/** {@code reason}: the message key the person was shown, e.g. identity.login.error.bad-credentials. */
	void signInRefused(String channel, String reason, String typedEmail, String address) {
		log.warn("event=sign-in outcome=refused channel={} reason={} account-hash={} client={}", channel, reason,
				keyed("account", typedEmail.strip().toLowerCase(Locale.ROOT)), client(address));
	}

	void secondFactor(AccountId account, boolean accepted, String address) {
		if (accepted) {
			log.info("event=second-factor outcome=success account={} client={}", account.id(), client(address));
		}
		else {
			log.warn("event=second-factor outcome=refused account={} client={}", account.id(), client(address));
		}
	}

	/** A request refused for want of a role or a permission (403); the path as mapped, never with its values. */
	void refused(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String who = CurrentUser.get().map(user -> user.id().id().toString()).orElse("anonymous");
		log.warn("event=access outcome=refused method={} path={} account={} client={}", request.getMethod(),
				pattern == null ? "(unmapped)" : pattern, who, client(request.getRemoteAddr()));
	}

	private String client(String address) {
		return keyed("client", String.valueOf(address));
	}

	private String keyed(String purpose, String value) {
		// Twelve hex digits tell attempts apart; the keyed hash cannot be reversed without HEARTH_SECRET.
		return HexFormat.of().formatHex(secrets.hash("security-log-" + purpose, value), 0, 6);
	}
}
