package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A scenario on the company's own figures, not a forecast: how many customers, how much
 * revenue and margin the next years bring at today's retention and at a few points more,
 * and what replacing the customers lost each year costs when winning a customer costs a
 * chosen multiple of keeping one. Each year starts from the customers of the year before:
 * customers(t) = customers(t−1) × r + new customers per year.
 */
public final class RetentionScenario {

	private RetentionScenario() {
	}

	/**
	 * What the scenario starts from. Rates and the improvement are fractions (0.919,
	 * 0.05); money per customer per year.
	 */
	public record Assumptions(int customers, double retention, double improvement, double newPerYear,
			BigDecimal revenuePerCustomer, @Nullable BigDecimal marginPerCustomer, double acquisitionCostRatio,
			BigDecimal keepingCostPerCustomer, int years) {
	}

	/** One year of the scenario, at today's retention and at the improved one. */
	public record Year(int year, double customers, double improvedCustomers, BigDecimal revenue,
			BigDecimal improvedRevenue, @Nullable BigDecimal margin, @Nullable BigDecimal improvedMargin, double lost,
			double improvedLost, BigDecimal replacementCost, BigDecimal improvedReplacementCost) {
	}

	/** The years and their totals. */
	public record Outcome(Assumptions assumptions, List<Year> years, BigDecimal revenue, BigDecimal improvedRevenue,
			@Nullable BigDecimal margin, @Nullable BigDecimal improvedMargin, @Nullable Double marginLift,
			BigDecimal acquisitionCostPerCustomer, BigDecimal replacementCost, BigDecimal improvedReplacementCost) {

		public BigDecimal extraRevenue() {
			return this.improvedRevenue.subtract(this.revenue);
		}

		public @Nullable BigDecimal extraMargin() {
			return (this.margin != null && this.improvedMargin != null) ? this.improvedMargin.subtract(this.margin)
					: null;
		}

		public BigDecimal replacementSaved() {
			return this.replacementCost.subtract(this.improvedReplacementCost);
		}

	}

	public static Outcome run(Assumptions assumptions) {
		double r = assumptions.retention();
		double improved = Math.min(1, r + assumptions.improvement());
		BigDecimal acquisition = assumptions.keepingCostPerCustomer()
			.multiply(BigDecimal.valueOf(assumptions.acquisitionCostRatio()));
		double customers = assumptions.customers();
		double improvedCustomers = assumptions.customers();
		List<Year> years = new ArrayList<>();
		BigDecimal revenue = BigDecimal.ZERO;
		BigDecimal improvedRevenue = BigDecimal.ZERO;
		BigDecimal margin = BigDecimal.ZERO;
		BigDecimal improvedMargin = BigDecimal.ZERO;
		BigDecimal replacement = BigDecimal.ZERO;
		BigDecimal improvedReplacement = BigDecimal.ZERO;
		BigDecimal marginPer = assumptions.marginPerCustomer();
		for (int year = 1; year <= assumptions.years(); year++) {
			double lost = customers * (1 - r);
			double improvedLost = improvedCustomers * (1 - improved);
			customers = customers * r + assumptions.newPerYear();
			improvedCustomers = improvedCustomers * improved + assumptions.newPerYear();
			BigDecimal yearRevenue = times(assumptions.revenuePerCustomer(), customers);
			BigDecimal yearImprovedRevenue = times(assumptions.revenuePerCustomer(), improvedCustomers);
			BigDecimal yearMargin = (marginPer != null) ? times(marginPer, customers) : null;
			BigDecimal yearImprovedMargin = (marginPer != null) ? times(marginPer, improvedCustomers) : null;
			BigDecimal cost = times(acquisition, lost);
			BigDecimal improvedCost = times(acquisition, improvedLost);
			years.add(new Year(year, round(customers), round(improvedCustomers), yearRevenue, yearImprovedRevenue,
					yearMargin, yearImprovedMargin, round(lost), round(improvedLost), cost, improvedCost));
			revenue = revenue.add(yearRevenue);
			improvedRevenue = improvedRevenue.add(yearImprovedRevenue);
			if (yearMargin != null) {
				margin = margin.add(yearMargin);
				improvedMargin = improvedMargin.add(yearImprovedMargin);
			}
			replacement = replacement.add(cost);
			improvedReplacement = improvedReplacement.add(improvedCost);
		}
		boolean margins = marginPer != null;
		Double lift = (margins && margin.signum() != 0)
				? Retention.round(improvedMargin.subtract(margin).doubleValue() / margin.abs().doubleValue()) : null;
		return new Outcome(assumptions, years, revenue, improvedRevenue, margins ? margin : null,
				margins ? improvedMargin : null, lift, acquisition.setScale(2, RoundingMode.HALF_UP), replacement,
				improvedReplacement);
	}

	private static BigDecimal times(BigDecimal amount, double factor) {
		return amount.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
