package org.customerportfolio.account;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create a user.
 */
public record NewUser(String username, @Nullable String fullName, String password, Role role, Language language) {
}
