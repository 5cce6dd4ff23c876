package org.hearth.identity;

import java.time.Instant;
import java.util.Set;

import org.hearth.shared.ConflictException;
import org.jspecify.annotations.Nullable;

/** A person's way into Hearth: an applicant who registered, or a member of staff the agency created. */
class Account {

	enum Status {
		/** Registered, e-mail not yet confirmed: cannot sign in. */
		PENDING,
		ACTIVE,
		DISABLED
	}

	private final AccountId id;
	private final String email;
	private String passwordHash;
	private Status status;
	private final Set<Role> roles;
	private final @Nullable OfficeId office;
	private final String language;
	private @Nullable String totpSecret;
	private boolean totpConfirmed;
	private final boolean demo;
	private final Instant createdAt;
	private @Nullable Instant confirmedAt;

	Account(AccountId id, String email, String passwordHash, Status status, Set<Role> roles,
			@Nullable OfficeId office, String language, @Nullable String totpSecret, boolean totpConfirmed,
			boolean demo, Instant createdAt, @Nullable Instant confirmedAt) {
		this.id = id;
		this.email = normalizeEmail(email);
		this.passwordHash = passwordHash;
		this.status = status;
		this.roles = Set.copyOf(roles);
		this.office = office;
		this.language = language;
		this.totpSecret = totpSecret;
		this.totpConfirmed = totpConfirmed;
		this.demo = demo;
		this.createdAt = createdAt;
		this.confirmedAt = confirmedAt;
		if (roles.stream().anyMatch(r -> r == Role.CASEWORKER || r == Role.SUPERVISOR) && office == null) {
			throw new IllegalArgumentException("caseworkers and supervisors belong to an office");
		}
	}

	static Account registerApplicant(String email, String passwordHash, String language, Instant now) {
		return new Account(AccountId.random(), email, passwordHash, Status.PENDING, Set.of(Role.APPLICANT), null,
				language, null, false, false, now, null);
	}

	/** A member of staff invited by an administrator: cannot sign in until they set a password from the link. */
	static Account inviteStaff(String email, String unusablePasswordHash, Set<Role> roles, @Nullable OfficeId office,
			String language, Instant now) {
		if (roles.isEmpty() || roles.stream().anyMatch(r -> !r.isStaff())) {
			throw new IllegalArgumentException("staff roles only");
		}
		return new Account(AccountId.random(), email, unusablePasswordHash, Status.PENDING, roles, office, language,
				null, false, false, now, null);
	}

	/** The invited person chose a password: the address is confirmed by the same act. */
	void setFirstPassword(String hash, Instant now) {
		if (status != Status.PENDING) {
			throw new ConflictException("identity.error.link-used");
		}
		this.passwordHash = hash;
		this.status = Status.ACTIVE;
		this.confirmedAt = now;
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	void confirmEmail(Instant now) {
		if (status == Status.DISABLED) {
			throw new ConflictException("identity.error.account-disabled");
		}
		if (status == Status.PENDING) {
			status = Status.ACTIVE;
			confirmedAt = now;
		}
	}

	void enrolSecondFactor(String encryptedSecret) {
		this.totpSecret = encryptedSecret;
		this.totpConfirmed = false;
	}

	void confirmSecondFactor() {
		if (totpSecret == null) {
			throw new IllegalStateException("no second factor to confirm");
		}
		this.totpConfirmed = true;
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(id, email, passwordHash, roles, office, language, status == Status.ACTIVE, false);
	}

	boolean isStaff() {
		return roles.stream().anyMatch(Role::isStaff);
	}

	AccountId id() {
		return id;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	Status status() {
		return status;
	}

	Set<Role> roles() {
		return roles;
	}

	@Nullable
	OfficeId office() {
		return office;
	}

	String language() {
		return language;
	}

	@Nullable
	String totpSecret() {
		return totpSecret;
	}

	boolean totpConfirmed() {
		return totpConfirmed;
	}

	boolean demo() {
		return demo;
	}

	Instant createdAt() {
		return createdAt;
	}

	@Nullable
	Instant confirmedAt() {
		return confirmedAt;
	}
}
