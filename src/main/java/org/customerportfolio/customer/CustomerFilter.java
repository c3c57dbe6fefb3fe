package org.customerportfolio.customer;

import org.jspecify.annotations.Nullable;

/**
 * What to look for in the customer list: text in name, reference or city, and exact
 * filters. Archived customers are listed only when asked for, and then only they.
 */
public record CustomerFilter(@Nullable String text, @Nullable String businessType, @Nullable CustomerStatus status,
		@Nullable Long accountManagerId, @Nullable String tag, boolean archived) {

	public static CustomerFilter none() {
		return new CustomerFilter(null, null, null, null, null, false);
	}

}
