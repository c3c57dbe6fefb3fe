package org.customerportfolio.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as its owner sees it in the list: never the secret.
 */
public record ApiTokenView(@Nullable Long id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant revokedAt, TokenScope scope) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
