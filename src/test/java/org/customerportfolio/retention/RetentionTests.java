package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.util.List;

import org.customerportfolio.retention.Retention.Cohort;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Retention, cohorts and the five-year loss against cases worked out by hand.
 */
class RetentionTests {

	// A buys every year; B skips 2021 and returns; C starts in 2021 and is credited in
	// 2022 (net below zero, so not active); D starts in 2022; E buys in 2020 only.
	private final List<CustomerYear> rows = List.of(row(1, 2020, "100"), row(1, 2021, "50"), row(1, 2022, "10"),
			row(2, 2020, "200"), row(2, 2021, "0"), row(2, 2022, "30"), row(3, 2021, "80"), row(3, 2022, "-5"),
			row(4, 2022, "40"), row(5, 2020, "10"));

	@Test
	void countsActiveNewRetainedReturningAndLostCustomersPerYear() {
		RetentionFigures figures = Retention.of(this.rows);

		assertThat(figures.years())
			.extracting(RetentionYear::year, RetentionYear::active, RetentionYear::newCustomers,
					RetentionYear::retained, RetentionYear::returning, RetentionYear::lost)
			.containsExactly(tuple(2020, 3, 3, 0, 0, 0), tuple(2021, 2, 1, 1, 0, 2), tuple(2022, 3, 1, 1, 1, 1));
	}

	@Test
	void retentionIsRetainedOverActiveTheYearBeforeAndChurnTheRest() {
		RetentionFigures figures = Retention.of(this.rows);

		// 2021: 1 of the 3 active in 2020; 2022: 1 of the 2 active in 2021
		assertThat(figures.years()).extracting(RetentionYear::retentionRate).containsExactly(null, 0.3333, 0.5);
		assertThat(figures.years()).extracting(RetentionYear::churnRate).containsExactly(null, 0.6667, 0.5);
		// all retained over all at risk: (1 + 1) / (3 + 2)
		assertThat(figures.meanRetention()).isEqualTo(0.4);
	}

	@Test
	void sumsTheRevenueOfTheActiveCustomersOnly() {
		RetentionFigures figures = Retention.of(this.rows);

		assertThat(figures.years()).extracting(RetentionYear::revenue)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("310"), new BigDecimal("130"), new BigDecimal("80"));
		assertThat(figures.years()).extracting(RetentionYear::margin).containsOnlyNulls();
	}

	@Test
	void groupsCustomersIntoCohortsByTheirFirstYear() {
		RetentionFigures figures = Retention.of(this.rows);

		assertThat(figures.cohorts()).extracting(Cohort::firstYear, Cohort::size)
			.containsExactly(tuple(2020, 3), tuple(2021, 1), tuple(2022, 1));
		Cohort first = figures.cohorts().get(0);
		assertThat(first.years()).extracting(Retention.CohortCell::active).containsExactly(3, 1, 2);
		assertThat(first.years()).extracting(Retention.CohortCell::share).containsExactly(1.0, 0.3333, 0.6667);
		assertThat(figures.cohorts().get(1).years()).extracting(Retention.CohortCell::share).containsExactly(1.0, 0.0);
	}

	@Test
	void listsTheLostCustomersNewestFirstWithTheirLastYearsRevenue() {
		RetentionFigures figures = Retention.of(this.rows);

		assertThat(figures.lost())
			.extracting(Retention.LostCustomer::customerId, Retention.LostCustomer::lostIn,
					Retention.LostCustomer::lastActiveYear, (lost) -> lost.lastYearRevenue().toPlainString())
			.containsExactly(tuple(3L, 2022, 2021, "80.00"), tuple(2L, 2021, 2020, "200.00"),
					tuple(5L, 2021, 2020, "10.00"));
	}

	@Test
	void estimatesTheFiveYearLossFromTheMeanRetentionWhenTheDataIsShorter() {
		Retention.FiveYearLoss loss = Retention.of(this.rows).fiveYearLoss();

		// 1 − 0.4⁵ = 1 − 0.01024
		assertThat(loss.measured()).isFalse();
		assertThat(loss.meanRetention()).isEqualTo(0.4);
		assertThat(loss.rate()).isEqualTo(0.9898);
	}

	@Test
	void measuresTheFiveYearLossWhereTheDataReachesFiveYearsOn() {
		// X buys 2015–2020, Y in 2015 only, Z in 2015 and 2020: of three, one is gone
		List<CustomerYear> rows = new java.util.ArrayList<>();
		for (int year = 2015; year <= 2020; year++) {
			rows.add(row(7, year, "10"));
		}
		rows.add(row(8, 2015, "10"));
		rows.add(row(9, 2015, "10"));
		rows.add(row(9, 2020, "10"));

		Retention.FiveYearLoss loss = Retention.of(rows).fiveYearLoss();

		assertThat(loss.measured()).isTrue();
		assertThat(loss.from()).isEqualTo(2015);
		assertThat(loss.to()).isEqualTo(2020);
		assertThat(loss.activeAtStart()).isEqualTo(3);
		assertThat(loss.lostSince()).isEqualTo(1);
		assertThat(loss.rate()).isEqualTo(0.3333);
	}

	@Test
	void givesTheSameAnswerWhenRowsStreamInCustomerOrder() {
		Retention streaming = Retention.streaming();
		this.rows.stream()
			.sorted(java.util.Comparator.comparingLong(CustomerYear::customerId).thenComparingInt(CustomerYear::year))
			.forEach(streaming::accept);

		assertThat(streaming.figures()).isEqualTo(Retention.of(this.rows));
	}

	@Test
	void hasNoYearsWithoutInvoices() {
		RetentionFigures figures = Retention.of(List.of());

		assertThat(figures.years()).isEmpty();
		assertThat(figures.fiveYearLoss().rate()).isNull();
		assertThat(figures.meanRetention()).isNull();
	}

	static CustomerYear row(long customer, int year, String revenue) {
		return new CustomerYear(customer, year, new BigDecimal(revenue), null);
	}

}
