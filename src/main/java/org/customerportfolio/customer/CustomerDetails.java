package org.customerportfolio.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Everything about a customer that a user fills in, as one value: what a form or an API
 * request carries.
 */
public record CustomerDetails(String name, @Nullable String externalRef, @Nullable String businessType,
		@Nullable String registrationNumber, @Nullable String vatNumber, @Nullable String country,
		@Nullable String city, @Nullable String website, CustomerStatus status, List<String> tags,
		@Nullable String notes, @Nullable Long accountManagerId) {

	public CustomerDetails {
		tags = List.copyOf(tags);
	}

	/**
	 * The values as the audit log records them, field by field, with the account manager
	 * as a name.
	 */
	Map<String, String> auditSnapshot(LongFunction<String> userName) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", this.name);
		values.put("externalRef", Objects.toString(this.externalRef, ""));
		values.put("businessType", Objects.toString(this.businessType, ""));
		values.put("registrationNumber", Objects.toString(this.registrationNumber, ""));
		values.put("vatNumber", Objects.toString(this.vatNumber, ""));
		values.put("country", Objects.toString(this.country, ""));
		values.put("city", Objects.toString(this.city, ""));
		values.put("website", Objects.toString(this.website, ""));
		values.put("status", this.status.name());
		values.put("tags", String.join(", ", this.tags.stream().sorted().toList()));
		values.put("notes", Objects.toString(this.notes, ""));
		values.put("accountManager", (this.accountManagerId != null) ? userName.apply(this.accountManagerId) : "");
		return values;
	}

}
