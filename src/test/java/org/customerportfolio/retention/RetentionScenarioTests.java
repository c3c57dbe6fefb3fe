package org.customerportfolio.retention;

import java.math.BigDecimal;

import org.customerportfolio.retention.RetentionScenario.Assumptions;
import org.customerportfolio.retention.RetentionScenario.Outcome;
import org.customerportfolio.retention.RetentionScenario.Year;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The retention scenario over two years, worked out by hand: 100 customers, 80 % kept, 10
 * new a year, 1,000 revenue and 200 margin each, keeping one costs 50 and winning one 20
 * times that.
 */
class RetentionScenarioTests {

	private final Outcome outcome = RetentionScenario.run(new Assumptions(100, 0.8, 0.05, 10, new BigDecimal("1000"),
			new BigDecimal("200"), 20, new BigDecimal("50"), 2));

	@Test
	void carriesTheCustomersForwardAtTodaysAndTheImprovedRetention() {
		// year 1: 100 × 0.8 + 10 = 90 and 100 × 0.85 + 10 = 95
		// year 2: 90 × 0.8 + 10 = 82 and 95 × 0.85 + 10 = 90.75
		assertThat(this.outcome.years())
			.extracting(Year::customers, Year::improvedCustomers, Year::lost, Year::improvedLost)
			.containsExactly(tuple(90.0, 95.0, 20.0, 15.0), tuple(82.0, 90.75, 18.0, 14.25));
	}

	@Test
	void addsUpRevenueAndMarginAndTheLift() {
		assertThat(this.outcome.revenue()).isEqualByComparingTo("172000");
		assertThat(this.outcome.improvedRevenue()).isEqualByComparingTo("185750");
		assertThat(this.outcome.extraRevenue()).isEqualByComparingTo("13750");
		assertThat(this.outcome.margin()).isEqualByComparingTo("34400");
		assertThat(this.outcome.improvedMargin()).isEqualByComparingTo("37150");
		// 2,750 / 34,400
		assertThat(this.outcome.marginLift()).isEqualTo(0.0799);
	}

	@Test
	void pricesReplacingTheLostCustomersAtTheAcquisitionCostRatio() {
		// winning one costs 20 × 50 = 1,000; lost 20 + 18 against 15 + 14.25
		assertThat(this.outcome.acquisitionCostPerCustomer()).isEqualByComparingTo("1000");
		assertThat(this.outcome.replacementCost()).isEqualByComparingTo("38000");
		assertThat(this.outcome.improvedReplacementCost()).isEqualByComparingTo("29250");
		assertThat(this.outcome.replacementSaved()).isEqualByComparingTo("8750");
	}

	@Test
	void leavesMarginOutWhenNoMarginsAreKnown() {
		Outcome outcome = RetentionScenario
			.run(new Assumptions(100, 0.8, 0.05, 10, new BigDecimal("1000"), null, 20, new BigDecimal("50"), 5));

		assertThat(outcome.years()).hasSize(5);
		assertThat(outcome.margin()).isNull();
		assertThat(outcome.extraMargin()).isNull();
		assertThat(outcome.marginLift()).isNull();
	}

	@Test
	void neverKeepsMoreThanEveryCustomer() {
		Outcome outcome = RetentionScenario
			.run(new Assumptions(10, 0.98, 0.05, 0, BigDecimal.TEN, null, 20, BigDecimal.ONE, 1));

		assertThat(outcome.years().get(0).improvedCustomers()).isEqualTo(10.0);
	}

}
