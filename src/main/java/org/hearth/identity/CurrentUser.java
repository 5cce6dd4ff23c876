package org.hearth.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as every module sees them: account, roles, office. Carries no name; e-mail only to sign
 * in. Staff whose second factor is still outstanding hold no role authorities until they give it.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The only authority of a staff member between password and second factor. */
	public static final String MFA_PENDING = "MFA_PENDING";

	private final AccountId id;
	private final String email;
	private @Nullable String passwordHash;
	private final Set<Role> roles;
	private final @Nullable OfficeId office;
	private final String language;
	private final boolean active;
	private final boolean secondFactorDone;

	CurrentUser(AccountId id, String email, @Nullable String passwordHash, Set<Role> roles,
			@Nullable OfficeId office, String language, boolean active, boolean secondFactorDone) {
		this.id = id;
		this.email = email;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		this.office = office;
		this.language = language;
		this.active = active;
		this.secondFactorDone = secondFactorDone;
	}

	/** The signed-in person of this request, if any and fully signed in. */
	public static Optional<CurrentUser> get() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Optional<CurrentUser> from(@Nullable Authentication authentication) {
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** The signed-in person; for handlers that Spring Security already guards. */
	public static CurrentUser require() {
		return get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
	}

	public CurrentUser withSecondFactor() {
		return new CurrentUser(id, email, null, roles, office, language, active, true);
	}

	public AccountId id() {
		return id;
	}

	public UUID uuid() {
		return id.id();
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isStaff() {
		return roles.stream().anyMatch(Role::isStaff);
	}

	public Optional<OfficeId> office() {
		return Optional.ofNullable(office);
	}

	public String language() {
		return language;
	}

	public boolean secondFactorDone() {
		return secondFactorDone;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser user && user.id.equals(id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "CurrentUser[" + id + " " + roles + "]";
	}
}
