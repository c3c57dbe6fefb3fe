package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * The simple customer lifetime value of the source text: the yearly margin of a customer
 * times r / (1 + i − r), with r the yearly retention rate and i the discount rate. It is
 * the present value of a margin that recurs for as long as the customer stays, each year
 * with probability r.
 */
public final class LifetimeValue {

	private LifetimeValue() {
	}

	/**
	 * The lifetime value, or nothing when it has no finite value (r = 1 and i = 0: a
	 * customer who never leaves, valued at no discount).
	 * @param margin the yearly margin of one customer
	 * @param retention r as a fraction, 0–1
	 * @param discount i as a fraction, 0 or more
	 */
	public static @Nullable BigDecimal of(BigDecimal margin, double retention, double discount) {
		if (retention < 0 || retention > 1 || discount < 0) {
			throw new IllegalArgumentException("retention 0–1 and a discount rate of 0 or more");
		}
		double denominator = 1 + discount - retention;
		if (denominator <= 0) {
			return null;
		}
		return margin.multiply(BigDecimal.valueOf(retention / denominator)).setScale(2, RoundingMode.HALF_UP);
	}

	/** The multiple of the yearly margin: r / (1 + i − r). */
	public static @Nullable Double multiple(double retention, double discount) {
		double denominator = 1 + discount - retention;
		return (denominator <= 0) ? null : Retention.round(retention / denominator);
	}

}
