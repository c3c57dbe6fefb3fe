package org.customerportfolio.customer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer as pages and the API show it.
 */
public record CustomerView(long id, long version, String name, @Nullable String externalRef,
		@Nullable String businessType, @Nullable String registrationNumber, @Nullable String vatNumber,
		@Nullable String country, @Nullable String city, @Nullable String website, CustomerStatus status,
		List<String> tags, @Nullable String notes, @Nullable Long accountManagerId, @Nullable String accountManagerName,
		boolean archived, Instant createdAt, Instant updatedAt) {
}
