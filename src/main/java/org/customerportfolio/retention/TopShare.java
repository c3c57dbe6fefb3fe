package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The share of revenue that the largest customers bring: the top {@code fraction} of the
 * customers with revenue (rounded up to whole customers, at least one) over the revenue
 * of all of them.
 */
public final class TopShare {

	private TopShare() {
	}

	/** The share as a fraction, and how many customers are the top. */
	public record Share(int customers, int top, @Nullable Double share) {
	}

	public static Share of(List<BigDecimal> revenues, double fraction) {
		List<BigDecimal> positive = revenues.stream()
			.filter((revenue) -> revenue.signum() > 0)
			.sorted(Comparator.reverseOrder())
			.toList();
		if (positive.isEmpty()) {
			return new Share(0, 0, null);
		}
		int top = Math.max(1, (int) Math.ceil(positive.size() * fraction - 1e-9));
		BigDecimal total = positive.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal topTotal = positive.subList(0, top).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Share(positive.size(), top, topTotal.divide(total, 4, RoundingMode.HALF_UP).doubleValue());
	}

}
