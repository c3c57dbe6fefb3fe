package org.customerportfolio.customer;

import org.jspecify.annotations.Nullable;

/**
 * A team member as pages and the API show it, with the person's name resolved.
 */
public record TeamMemberView(long id, long version, long customerId, @Nullable Long userId,
		@Nullable String colleagueName, String displayName, TeamRole role) {
}
