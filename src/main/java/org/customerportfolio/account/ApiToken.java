package org.customerportfolio.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal API token: only its SHA-256 hash is kept, the secret is shown once when it
 * is created. Its scope limits it to reading or lets it write.
 */
@Table("api_token")
class ApiToken {

	@Id
	private @Nullable Long id;

	private final long userId;

	private final String name;

	private final String tokenHash;

	private final String hint;

	private final Instant createdAt;

	private @Nullable Instant lastUsedAt;

	private @Nullable Instant revokedAt;

	private final TokenScope scope;

	@PersistenceCreator
	ApiToken(@Nullable Long id, long userId, String name, String tokenHash, String hint, Instant createdAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt, TokenScope scope) {
		this.id = id;
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.hint = hint;
		this.createdAt = createdAt;
		this.lastUsedAt = lastUsedAt;
		this.revokedAt = revokedAt;
		this.scope = scope;
	}

	static ApiToken issue(long userId, String name, String tokenHash, String hint, Instant now, TokenScope scope) {
		return new ApiToken(null, userId, name, tokenHash, hint, now, null, null, scope);
	}

	void used(Instant now) {
		this.lastUsedAt = now;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	boolean isActive() {
		return this.revokedAt == null;
	}

	long userId() {
		return this.userId;
	}

	TokenScope scope() {
		return this.scope;
	}

	ApiTokenView view() {
		return new ApiTokenView(this.id, this.name, this.hint, this.createdAt, this.lastUsedAt, this.revokedAt,
				this.scope);
	}

}
