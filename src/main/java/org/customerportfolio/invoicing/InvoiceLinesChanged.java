package org.customerportfolio.invoicing;

import java.util.Set;

/**
 * Invoice lines of these customers were added or replaced, and their monthly and yearly
 * totals are current again: whatever is derived from the figures can follow.
 */
public record InvoiceLinesChanged(Set<Long> customerIds) {

	public InvoiceLinesChanged {
		customerIds = Set.copyOf(customerIds);
	}

}
