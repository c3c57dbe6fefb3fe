package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.customerportfolio.retention.RetentionScenario.Assumptions;
import org.customerportfolio.retention.RetentionScenario.Outcome;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The retention scenario on the company's own figures: its customers, retention, new
 * customers per year, revenue and margin per customer, with what the user changes on top;
 * the choices are checked before anything is computed.
 */
@Service
public class RetentionEconomics {

	static final int YEARS = 5;

	private final RetentionAnalysis retention;

	private final double keepingCostPercent;

	RetentionEconomics(RetentionAnalysis retention,
			@Value("${portfolio.retention.keeping-cost-percent:2}") double keepingCostPercent) {
		this.retention = retention;
		this.keepingCostPercent = keepingCostPercent;
	}

	/**
	 * What the user may change; null takes the company's own figure or the default.
	 * Percentages in percent.
	 */
	public record Choices(@Nullable Double retentionPercent, @Nullable Double improvementPoints,
			@Nullable Double acquisitionCostRatio, @Nullable BigDecimal keepingCost) {

		public static final Choices DEFAULTS = new Choices(null, null, null, null);

	}

	/** The scenario, or nothing when there are no invoiced years to start from. */
	public record Scenario(@Nullable Integer basisYear, @Nullable Outcome outcome, boolean marginsKnown) {
	}

	public Scenario scenario(RetentionFigures figures, Choices choices) {
		List<RuleViolation> problems = new ArrayList<>();
		check(choices.retentionPercent(), 0, 100, "retention", "economics.retention.invalid", problems);
		check(choices.improvementPoints(), 0, 100, "improvement", "economics.improvement.invalid", problems);
		if (choices.acquisitionCostRatio() != null && choices.acquisitionCostRatio() < 0) {
			problems.add(new RuleViolation("costRatio", "economics.costRatio.negative"));
		}
		if (choices.keepingCost() != null && choices.keepingCost().signum() < 0) {
			problems.add(new RuleViolation("keepingCost", "economics.keepingCost.negative"));
		}
		RetentionYear basis = this.retention.basisYear(figures);
		Double measured = figures.meanRetention();
		double r = (choices.retentionPercent() != null) ? choices.retentionPercent() / 100
				: (measured != null) ? measured : 0;
		// five points by default, or as many as there are left below 100 %
		double improvement = (choices.improvementPoints() != null) ? choices.improvementPoints() / 100
				: Math.max(0, Math.min(0.05, 1 - r));
		if (problems.isEmpty() && r + improvement > 1.0000001) {
			problems.add(new RuleViolation("improvement", "economics.retention.aboveHundred"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (basis == null) {
			return new Scenario(null, null, false);
		}
		BigDecimal revenuePer = basis.revenue().divide(BigDecimal.valueOf(basis.active()), 2, RoundingMode.HALF_UP);
		boolean margins = basis.margin() != null && basis.customersWithMargin() > 0;
		BigDecimal marginPer = margins
				? basis.margin().divide(BigDecimal.valueOf(basis.customersWithMargin()), 2, RoundingMode.HALF_UP)
				: null;
		BigDecimal keeping = (choices.keepingCost() != null) ? choices.keepingCost()
				: revenuePer.multiply(BigDecimal.valueOf(this.keepingCostPercent / 100))
					.setScale(2, RoundingMode.HALF_UP);
		double ratio = (choices.acquisitionCostRatio() != null) ? choices.acquisitionCostRatio() : 20;
		Assumptions assumptions = new Assumptions(basis.active(), r, improvement, newPerYear(figures, basis.year()),
				revenuePer, marginPer, ratio, keeping, YEARS);
		return new Scenario(basis.year(), RetentionScenario.run(assumptions), margins);
	}

	/**
	 * The customers won per year (new and returning), averaged over the years after the
	 * first (in which every customer is new) up to the basis year.
	 */
	static double newPerYear(RetentionFigures figures, int basisYear) {
		int total = 0;
		int years = 0;
		for (RetentionYear year : figures.years()) {
			if (year.retentionRate() != null && year.year() <= basisYear) {
				total += year.newCustomers() + year.returning();
				years++;
			}
		}
		return (years == 0) ? 0 : Retention.round((double) total / years);
	}

	private static void check(@Nullable Double value, double min, double max, String field, String code,
			List<RuleViolation> problems) {
		if (value != null && (value < min || value > max)) {
			problems.add(new RuleViolation(field, code));
		}
	}

}
