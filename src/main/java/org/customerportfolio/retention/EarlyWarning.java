package org.customerportfolio.retention;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One warning on one customer, with the figure that raised it: the revenue change in
 * percent, the points a score dropped, the months since the last evaluation (null when
 * never evaluated), or the share of total revenue in percent.
 */
public record EarlyWarning(long customerId, String customerName, @Nullable Long accountManagerId, WarningKind kind,
		@Nullable BigDecimal value) {
}
