package org.customerportfolio.customer;

import org.jspecify.annotations.Nullable;

/**
 * What a user fills in about a contact.
 */
public record ContactDetails(String name, @Nullable String jobTitle, @Nullable String email, @Nullable String phone,
		ContactRole role, @Nullable String notes) {
}
