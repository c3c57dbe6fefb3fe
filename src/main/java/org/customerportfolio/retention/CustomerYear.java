package org.customerportfolio.retention;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What one customer was invoiced in one (fiscal) year: the net revenue and, where costs
 * or margins were imported, the margin.
 */
public record CustomerYear(long customerId, int year, BigDecimal revenue, @Nullable BigDecimal margin) {

	/** Active in a year means a net invoiced amount above zero that year. */
	boolean active() {
		return this.revenue.signum() > 0;
	}

}
