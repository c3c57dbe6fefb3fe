package org.customerportfolio.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as the security context holds them (and as the session stores them).
 */
public final class PortfolioUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final @Nullable String fullName;

	private final Role role;

	private final Language language;

	private @Nullable String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	PortfolioUser(long id, String username, @Nullable String fullName, Role role, Language language,
			@Nullable String passwordHash, boolean enabled, boolean locked) {
		this.id = id;
		this.username = username;
		this.fullName = fullName;
		this.role = role;
		this.language = language;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return (this.fullName != null) ? this.fullName : this.username;
	}

	public Role role() {
		return this.role;
	}

	public Language language() {
		return this.language;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public boolean canEdit() {
		return this.role == Role.ADMIN || this.role == Role.EDITOR;
	}

	PortfolioUser withLanguage(Language language) {
		return new PortfolioUser(this.id, this.username, this.fullName, this.role, language, null, this.enabled,
				this.locked);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof PortfolioUser user) && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return this.username;
	}

}
