package org.customerportfolio.customer;

import org.jspecify.annotations.Nullable;

/**
 * A contact as pages and the API show it.
 */
public record ContactView(long id, long version, long customerId, String name, @Nullable String jobTitle,
		@Nullable String email, @Nullable String phone, ContactRole role, @Nullable String notes) {
}
