package org.customerportfolio.account;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * A user as other modules and pages see them: who they are, never their secrets.
 */
public record UserSummary(long id, String username, @Nullable String fullName, Role role, Language language,
		boolean enabled) {

	/** The full name where one is known, else the username. */
	public String displayName() {
		return (this.fullName != null) ? this.fullName : this.username;
	}

}
