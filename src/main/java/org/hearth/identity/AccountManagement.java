package org.hearth.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hearth.platform.Mailer;
import org.hearth.shared.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration with e-mail confirmation, the second factor of staff, and API tokens. Whether an address is
 * already registered is never revealed: both cases answer alike, and the owner of the address learns by e-mail.
 */
@Service
public class AccountManagement {

	static final Duration CONFIRMATION_LIFETIME = Duration.ofHours(48);
	static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final AccountRepository accounts;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final Secrets secrets;
	private final Mailer mailer;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final LoginThrottle throttle;
	private final AuthenticationManager authentication;
	private final ApiTokens tokens;
	private final SecurityEvents events;
	private final boolean staffMfaRequired;

	AccountManagement(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, Secrets secrets,
			Mailer mailer, JdbcClient jdbc, TransactionTemplate transactions, Clock clock, LoginThrottle throttle,
			AuthenticationManager authentication, ApiTokens tokens, SecurityEvents events,
			@org.springframework.beans.factory.annotation.Value("${hearth.security.staff-mfa-required}") boolean staffMfaRequired) {
		this.events = events;
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.secrets = secrets;
		this.mailer = mailer;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.throttle = throttle;
		this.authentication = authentication;
		this.tokens = tokens;
		this.staffMfaRequired = staffMfaRequired;
	}

	/** Field → message keys of what is wrong with a registration; empty when it can go ahead. */
	public Map<String, List<String>> checkRegistration(String email, String password, String repeated) {
		var problems = new java.util.LinkedHashMap<String, List<String>>();
		if (!isPlausibleEmail(email)) {
			problems.put("email", List.of("identity.register.error.email"));
		}
		List<String> passwordProblems = policy.check(password, email);
		if (!passwordProblems.isEmpty()) {
			problems.put("password", passwordProblems);
		}
		else if (!password.equals(repeated)) {
			problems.put("repeatPassword", List.of("identity.register.error.repeat"));
		}
		return problems;
	}

	/**
	 * Registers an applicant and sends the confirmation link; if the address is taken, tells its owner instead.
	 * Call {@link #checkRegistration} first.
	 *
	 * @return whether the e-mail went out (the page then says so, or offers to resend)
	 */
	public boolean register(String email, String password, Locale language) {
		String code = Languages.supported(language).orElse(Languages.DEFAULT).getLanguage();
		Account account = Account.registerApplicant(email, encoder.encode(password), code, clock.instant());
		Optional<String> token;
		try {
			token = transactions.execute(status -> {
				accounts.insert(account);
				return Optional.of(newConfirmationToken(account.id()));
			});
		}
		catch (DuplicateKeyException alreadyRegistered) {
			token = Optional.empty();
		}
		try {
			if (token.isPresent()) {
				mailer.send(account.email(), language, "confirm-email", Map.of("token", token.get()));
			}
			else {
				accounts.findByEmail(email).ifPresent(existing -> mailer.send(existing.email(),
						Locale.forLanguageTag(existing.language()), "already-registered", Map.of()));
			}
			return true;
		}
		catch (MailException e) {
			log.warn("Confirmation e-mail could not be sent: {}", e.getClass().getSimpleName());
			return false;
		}
	}

	/** Sends a fresh link to a registered, unconfirmed address; silently nothing for any other address. */
	public void resendConfirmation(String email) {
		accounts.findByEmail(email).filter(a -> a.status() == Account.Status.PENDING).ifPresent(account -> {
			String token = transactions.execute(status -> newConfirmationToken(account.id()));
			mailer.send(account.email(), Locale.forLanguageTag(account.language()), "confirm-email",
					Map.of("token", token));
		});
	}

	/** Confirms the address behind {@code token}; false if it is unknown, used or expired. */
	public boolean confirm(String token) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Instant now = clock.instant();
			Optional<UUID> account = jdbc.sql("""
					UPDATE identity.email_confirmation SET used_at = ?
					WHERE token_hash = ? AND purpose = 'confirm' AND used_at IS NULL AND expires_at > ?
					RETURNING account_id""")
					.param(Timestamp.from(now)).param(secrets.hash("email-confirmation", token))
					.param(Timestamp.from(now)).query(UUID.class).optional();
			return account.flatMap(id -> accounts.findById(new AccountId(id))).map(a -> {
				a.confirmEmail(now);
				accounts.update(a);
				return true;
			}).orElse(false);
		}));
	}

	/** A staff member's second factor: whether one is set up and confirmed. */
	public boolean hasSecondFactor(AccountId id) {
		return accounts.findById(id).map(Account::totpConfirmed).orElse(false);
	}

	/** Starts (or restarts) enrolment: a new secret, shown once, to be confirmed with a first code. */
	public Enrolment startEnrolment(AccountId id) {
		Account account = accounts.findById(id).orElseThrow();
		if (account.totpConfirmed()) {
			throw new IllegalStateException("already enrolled");
		}
		String secret = Totp.newSecret();
		account.enrolSecondFactor(secrets.encrypt(secret));
		accounts.update(account);
		return new Enrolment(secret, Totp.uri("Hearth", account.email(), secret));
	}

	public record Enrolment(String secret, String uri) {
	}

	/**
	 * Checks a code from the authenticator app, confirming the enrolment if it is the first. Failures count towards
	 * the sign-in throttle of the account.
	 *
	 * @return the fully signed-in user, or empty if the code is wrong or attempts are throttled
	 */
	public Optional<CurrentUser> verifySecondFactor(AccountId id, String code, String address) {
		Account account = accounts.findById(id).orElseThrow();
		if (account.totpSecret() == null || throttle.isThrottled(account.email(), address)) {
			events.secondFactor(id, false, address);
			return Optional.empty();
		}
		var step = Totp.matchingStep(secrets.decrypt(account.totpSecret()), code, clock.instant());
		if (step.isEmpty() || !firstUseOf(id, step.getAsLong())) {
			throttle.recordFailure(account.email(), address);
			events.secondFactor(id, false, address);
			return Optional.empty();
		}
		events.secondFactor(id, true, address);
		if (!account.totpConfirmed()) {
			account.confirmSecondFactor();
			accounts.update(account);
		}
		return Optional.of(account.toCurrentUser().withSecondFactor());
	}

	/** False if the code of this step, or of a later one, was already used (also when two requests race). */
	private boolean firstUseOf(AccountId id, long step) {
		return jdbc.sql("""
				INSERT INTO identity.totp_used_step (account_id, step)
				SELECT ?, ? WHERE NOT EXISTS (
				  SELECT 1 FROM identity.totp_used_step WHERE account_id = ? AND step >= ?)
				ON CONFLICT DO NOTHING""").param(id.id()).param(step).param(id.id()).param(step).update() == 1;
	}

	/** Outcome of a request for an API token. */
	public sealed interface TokenOutcome {
		record Issued(String token, Instant expiresAt) implements TokenOutcome {
		}
		record Refused(String messageKey, int status) implements TokenOutcome {
		}
	}

	/** Password (and, for staff outside the demo, the current TOTP code) in exchange for a bearer token. */
	public TokenOutcome issueApiToken(String email, String password, String code, String address) {
		TokenOutcome outcome = tokenFor(email, password, code, address);
		if (outcome instanceof TokenOutcome.Refused refused) {
			events.signInRefused("api", refused.messageKey(), email, address);
		}
		return outcome;
	}

	private TokenOutcome tokenFor(String email, String password, String code, String address) {
		CurrentUser user;
		try {
			var request = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
			request.setDetails(new AddressOnly(address));
			user = (CurrentUser) authentication.authenticate(request).getPrincipal();
		}
		catch (LoginThrottledException e) {
			return new TokenOutcome.Refused("identity.login.error.throttled", 429);
		}
		catch (org.springframework.security.authentication.DisabledException e) {
			return new TokenOutcome.Refused("identity.login.error.not-confirmed", 401);
		}
		catch (AuthenticationException e) {
			return new TokenOutcome.Refused("identity.login.error.bad-credentials", 401);
		}
		if (user.isStaff() && staffMfaRequired) {
			if (code == null || code.isBlank()) {
				return new TokenOutcome.Refused("identity.login.error.second-factor-required", 401);
			}
			if (verifySecondFactor(user.id(), code, address).isEmpty()) {
				return new TokenOutcome.Refused("identity.second-factor.error.code", 401);
			}
		}
		var issued = tokens.issue(user.id());
		events.signedIn("api", user, false, address);
		return new TokenOutcome.Issued(issued.token(), issued.expiresAt());
	}

	public void revokeApiToken(String token) {
		tokens.revoke(token);
	}

	private String newConfirmationToken(AccountId account) {
		return newToken(account, "confirm", CONFIRMATION_LIFETIME);
	}

	private String newToken(AccountId account, String purpose, Duration lifetime) {
		String token = Secrets.randomToken();
		jdbc.sql("""
				INSERT INTO identity.email_confirmation (token_hash, account_id, expires_at, purpose)
				VALUES (?, ?, ?, ?)""")
				.param(secrets.hash("email-confirmation", token)).param(account.id())
				.param(Timestamp.from(clock.instant().plus(lifetime))).param(purpose).update();
		return token;
	}

	// ---- staff accounts ------------------------------------------------------------------------------------------

	/** A staff account as an administrator sees it: no case data, only who may do what where. */
	public record StaffAccount(String email, java.util.Set<Role> roles, @org.jspecify.annotations.Nullable OfficeId office,
			boolean active, String language) {
	}

	public List<StaffAccount> staff() {
		return accounts.findAllStaff().stream().map(a -> new StaffAccount(a.email(), a.roles(), a.office(),
				a.status() == Account.Status.ACTIVE, a.language())).toList();
	}

	/** Field → message keys of what is wrong with an invitation; empty when it can be sent. */
	public Map<String, List<String>> checkInvitation(String email, java.util.Set<Role> roles, @org.jspecify.annotations.Nullable OfficeId office,
			List<OfficeId> offices) {
		var problems = new java.util.LinkedHashMap<String, List<String>>();
		if (!isPlausibleEmail(email)) {
			problems.put("email", List.of("identity.register.error.email"));
		}
		else if (accounts.findByEmail(email).isPresent()) {
			problems.put("email", List.of("identity.admin.error.exists"));
		}
		if (roles.isEmpty() || roles.contains(Role.APPLICANT)) {
			problems.put("roles", List.of("identity.admin.error.roles"));
		}
		boolean needsOffice = roles.contains(Role.CASEWORKER) || roles.contains(Role.SUPERVISOR);
		if (needsOffice && (office == null || !offices.contains(office))) {
			problems.put("office", List.of("identity.admin.error.office"));
		}
		return problems;
	}

	/**
	 * Creates a staff account that cannot sign in yet and e-mails its owner a link to choose a password. Call
	 * {@link #checkInvitation} first.
	 */
	public void inviteStaff(String email, java.util.Set<Role> roles, @org.jspecify.annotations.Nullable OfficeId office,
			Locale language) {
		String code = Languages.supported(language).orElse(Languages.DEFAULT).getLanguage();
		boolean needsOffice = roles.contains(Role.CASEWORKER) || roles.contains(Role.SUPERVISOR);
		Account account = Account.inviteStaff(email, encoder.encode(Secrets.randomToken()), roles,
				needsOffice ? office : null, code, clock.instant());
		String token = transactions.execute(status -> {
			accounts.insert(account);
			return newToken(account.id(), "set-password", INVITATION_LIFETIME);
		});
		mailer.send(account.email(), Locale.forLanguageTag(code), "staff-invitation", Map.of("token", token));
	}

	/** Whether an invitation link still works; the page asks for a password only then. */
	public boolean invitationValid(String token) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM identity.email_confirmation WHERE token_hash = ? AND purpose = 'set-password'
				  AND used_at IS NULL AND expires_at > ?)""").param(secrets.hash("email-confirmation", token))
				.param(Timestamp.from(clock.instant())).query(Boolean.class).single();
	}

	/**
	 * Sets the first password of an invited member of staff.
	 *
	 * @return message keys of what is wrong with the password; empty when it was set
	 */
	public List<String> setFirstPassword(String token, String password, String repeated) {
		return transactions.execute(status -> {
			Instant now = clock.instant();
			Optional<Account> account = jdbc.sql("""
					SELECT account_id FROM identity.email_confirmation WHERE token_hash = ? AND purpose = 'set-password'
					  AND used_at IS NULL AND expires_at > ? FOR UPDATE""")
					.param(secrets.hash("email-confirmation", token)).param(Timestamp.from(now)).query(UUID.class)
					.optional().flatMap(id -> accounts.findById(new AccountId(id)));
			if (account.isEmpty()) {
				return List.of("identity.error.link-used");
			}
			List<String> problems = policy.check(password, account.get().email());
			if (problems.isEmpty() && !password.equals(repeated)) {
				problems = List.of("identity.register.error.repeat");
			}
			if (!problems.isEmpty()) {
				return problems;
			}
			account.get().setFirstPassword(encoder.encode(password), now);
			accounts.update(account.get());
			jdbc.sql("UPDATE identity.email_confirmation SET used_at = ? WHERE token_hash = ?")
					.param(Timestamp.from(now)).param(secrets.hash("email-confirmation", token)).update();
			return List.<String>of();
		});
	}

	/**
	 * The first administrator of a new installation: invited at start-up when {@code HEARTH_ADMIN_EMAIL} is set and no
	 * administrator can sign in yet. If the invitation was not used (or its e-mail never left), a new link is sent.
	 *
	 * @throws MailException when the invitation cannot be sent; the next start tries again
	 */
	public boolean inviteFirstAdministrator(String email) {
		if (email.isBlank() || accounts.anyActiveWithRole(Role.ADMINISTRATOR)) {
			return false;
		}
		Optional<Account> existing = accounts.findByEmail(email);
		if (existing.isEmpty()) {
			inviteStaff(email, java.util.Set.of(Role.ADMINISTRATOR), null, Languages.DEFAULT);
			return true;
		}
		Account account = existing.get();
		if (account.status() != Account.Status.PENDING || !account.roles().contains(Role.ADMINISTRATOR)) {
			return false;
		}
		String token = transactions.execute(status -> newToken(account.id(), "set-password", INVITATION_LIFETIME));
		mailer.send(account.email(), Locale.forLanguageTag(account.language()), "staff-invitation",
				Map.of("token", token));
		return true;
	}


	static boolean isPlausibleEmail(String email) {
		return email != null && email.length() <= 254
				&& email.strip().matches("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
	}

	/** Throttling needs the client address also for API sign-ins, which have no servlet session details. */
	static final class AddressOnly extends WebAuthenticationDetails {

		AddressOnly(String address) {
			super(address, null);
		}
	}
}
