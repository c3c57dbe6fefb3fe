package org.customerportfolio.customer;

import org.jspecify.annotations.Nullable;

/**
 * Who on our side, and in what role: a user of the application, or a colleague named
 * without an account.
 */
public record TeamMemberDetails(@Nullable Long userId, @Nullable String colleagueName, TeamRole role) {
}
