package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A twelve-month revenue projection suited to short, seasonal B2B series: seasonal naive
 * scaled by trend. Each of the next twelve months is the same month last year times the
 * trend, the last twelve months' revenue against the twelve before (bounded between ½ and
 * 2, so one lumpy year does not run away). Its error is back-tested: the same method, run
 * as if it were a year ago, against what then happened.
 */
public final class Projection {

	static final BigDecimal MIN_TREND = new BigDecimal("0.5");

	static final BigDecimal MAX_TREND = new BigDecimal("2");

	private Projection() {
	}

	/**
	 * The projection, its trend, and its back-tested error: WAPE, the sum of absolute
	 * monthly errors over the sum of actual revenue, in percent. No projection with less
	 * than twelve months of history; no back-test with less than thirty-six.
	 */
	public record Forecast(@Nullable BigDecimal nextTwelveMonths, List<BigDecimal> months, @Nullable BigDecimal trend,
			@Nullable BigDecimal backtestErrorPercent, int historyMonths) {

		public Forecast {
			months = List.copyOf(months);
		}

		public boolean available() {
			return this.nextTwelveMonths != null;
		}

	}

	/**
	 * Projects the twelve months after {@code current} from the monthly revenue up to and
	 * including it.
	 */
	public static Forecast forecast(Map<YearMonth, BigDecimal> monthly, YearMonth current) {
		YearMonth first = monthly.keySet().stream().min(YearMonth::compareTo).orElse(null);
		int history = (first == null) ? 0 : (int) (first.until(current, java.time.temporal.ChronoUnit.MONTHS) + 1);
		if (history < 12) {
			return new Forecast(null, List.of(), null, null, Math.max(history, 0));
		}
		List<BigDecimal> months = new ArrayList<>();
		BigDecimal trend = trend(monthly, current, history);
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 1; i <= 12; i++) {
			BigDecimal value = monthly.getOrDefault(current.plusMonths(i).minusYears(1), BigDecimal.ZERO)
				.multiply(trend)
				.setScale(2, RoundingMode.HALF_UP);
			months.add(value);
			total = total.add(value);
		}
		BigDecimal error = null;
		if (history >= 36) {
			YearMonth then = current.minusMonths(12);
			BigDecimal pastTrend = trend(monthly, then, history - 12);
			BigDecimal absolute = BigDecimal.ZERO;
			BigDecimal actual = BigDecimal.ZERO;
			for (int i = 1; i <= 12; i++) {
				BigDecimal projected = monthly.getOrDefault(then.plusMonths(i).minusYears(1), BigDecimal.ZERO)
					.multiply(pastTrend);
				BigDecimal happened = monthly.getOrDefault(then.plusMonths(i), BigDecimal.ZERO);
				absolute = absolute.add(projected.subtract(happened).abs());
				actual = actual.add(happened.abs());
			}
			error = (actual.signum() > 0)
					? absolute.multiply(BigDecimal.valueOf(100)).divide(actual, 1, RoundingMode.HALF_UP) : null;
		}
		return new Forecast(total.setScale(2, RoundingMode.HALF_UP), months, trend.setScale(3, RoundingMode.HALF_UP),
				error, history);
	}

	private static BigDecimal trend(Map<YearMonth, BigDecimal> monthly, YearMonth current, int history) {
		if (history < 24) {
			return BigDecimal.ONE;
		}
		BigDecimal last = BigDecimal.ZERO;
		BigDecimal before = BigDecimal.ZERO;
		for (int i = 0; i < 12; i++) {
			last = last.add(monthly.getOrDefault(current.minusMonths(i), BigDecimal.ZERO));
			before = before.add(monthly.getOrDefault(current.minusMonths(12 + i), BigDecimal.ZERO));
		}
		if (before.signum() <= 0 || last.signum() < 0) {
			return BigDecimal.ONE;
		}
		BigDecimal trend = last.divide(before, 6, RoundingMode.HALF_UP);
		return trend.max(MIN_TREND).min(MAX_TREND);
	}

}
