package org.customerportfolio.account;

import java.time.Duration;
import java.time.Instant;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Someone who logs in: a role, a language, and a hashed password that locks for a while
 * after repeated failures.
 */
@Table("app_user")
class UserAccount {

	static final int FAILURES_BEFORE_LOCK = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	@Id
	private @Nullable Long id;

	@Version
	private @Nullable Long version;

	private final String username;

	private @Nullable String fullName;

	private String passwordHash;

	private Role role;

	private Language language;

	private boolean enabled;

	private int failedLogins;

	private @Nullable Instant lockedUntil;

	private final Instant createdAt;

	@PersistenceCreator
	UserAccount(@Nullable Long id, @Nullable Long version, String username, @Nullable String fullName,
			String passwordHash, Role role, Language language, boolean enabled, int failedLogins,
			@Nullable Instant lockedUntil, Instant createdAt) {
		this.id = id;
		this.version = version;
		this.username = username;
		this.fullName = fullName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.language = language;
		this.enabled = enabled;
		this.failedLogins = failedLogins;
		this.lockedUntil = lockedUntil;
		this.createdAt = createdAt;
	}

	static UserAccount create(String username, @Nullable String fullName, String passwordHash, Role role,
			Language language, Instant now) {
		return new UserAccount(null, null, normalise(username), blankToNull(fullName), passwordHash, role, language,
				true, 0, null, now);
	}

	static String normalise(String username) {
		return username.trim().toLowerCase(java.util.Locale.ROOT);
	}

	void loginSucceeded() {
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

	boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		loginSucceeded();
	}

	void changeRole(Role role) {
		this.role = role;
	}

	void changeLanguage(Language language) {
		this.language = language;
	}

	void rename(@Nullable String fullName) {
		this.fullName = blankToNull(fullName);
	}

	void enable() {
		this.enabled = true;
		loginSucceeded();
	}

	void disable() {
		this.enabled = false;
	}

	UserSummary summary() {
		return new UserSummary(id(), this.username, this.fullName, this.role, this.language, this.enabled);
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("User not saved yet");
		}
		return this.id;
	}

	String username() {
		return this.username;
	}

	@Nullable String fullName() {
		return this.fullName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	Language language() {
		return this.language;
	}

	boolean enabled() {
		return this.enabled;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
