package org.customerportfolio.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concentration figures against hand-computed cases.
 */
class ConcentrationTests {

	private static final Offset<Double> EXACT = Offset.offset(1e-9);

	@Test
	void computesEveryFigureOfASmallPortfolio() {
		// 40, 30, 20, 10 of 100
		Concentration result = Concentration.of(figures(10, 40, 30, 20));

		assertThat(result.customers()).isEqualTo(4);
		assertThat(result.total()).isEqualByComparingTo("100");
		// ⌈0.1 · 4⌉ = ⌈0.2 · 4⌉ = 1 customer: the largest
		assertThat(result.top10Share()).isCloseTo(40.0, EXACT);
		assertThat(result.top20Share()).isCloseTo(40.0, EXACT);
		// cumulative before each: 0, 40, 70 (A, below 80) and 90 (B, below 95)
		assertThat(result.abc()).isEqualTo(new Concentration.Abc(3, 1, 0));
		// 40² + 30² + 20² + 10² = 3,000; 10,000 / 3,000
		assertThat(result.hhi()).isCloseTo(3000.0, EXACT);
		assertThat(result.equivalentCustomers()).isCloseTo(10_000.0 / 3_000.0, EXACT);
		// ascending 10, 20, 30, 40: 2 · (10 + 40 + 90 + 160) / (4 · 100) − 5/4 = 1.5 −
		// 1.25
		assertThat(result.gini()).isCloseTo(0.25, EXACT);
		assertThat(result.largestShare()).isCloseTo(40.0, EXACT);
		assertThat(result.lossMakers().count()).isZero();
		assertThat(result.peakShare()).isCloseTo(100.0, EXACT);
		assertThat(result.ranked()).extracting(Concentration.Ranked::name)
			.containsExactly("customer 2", "customer 3", "customer 4", "customer 1");
		assertThat(result.ranked()).extracting(Concentration.Ranked::abcClass).containsExactly("A", "A", "A", "B");
	}

	@Test
	void marginWithALossMakerPeaksAboveTheTotal() {
		// 60, 50, −10 of 100: cumulative 60, 110, 100
		Concentration result = Concentration.of(figures(60, -10, 50));

		assertThat(result.peakShare()).isCloseTo(110.0, EXACT);
		assertThat(result.lossMakers().count()).isEqualTo(1);
		assertThat(result.lossMakers().total()).isEqualByComparingTo("-10");
		// before each: 0 (A), 60 (A), 110 (C)
		assertThat(result.abc()).isEqualTo(new Concentration.Abc(2, 0, 1));
		// 3,600 + 2,500 + 100
		assertThat(result.hhi()).isCloseTo(6200.0, EXACT);
		// ascending −10, 50, 60: 2 · (−10 + 100 + 180) / 300 − 4/3
		assertThat(result.gini()).isCloseTo(1.8 - 4.0 / 3.0, EXACT);
		assertThat(result.curve(100)).extracting(Concentration.CurvePoint::cumulativeShare)
			.containsExactly(60.0, 110.0, 100.0);
	}

	@Test
	void equalCustomersAreNotConcentrated() {
		Concentration result = Concentration.of(figures(5, 5, 5, 5, 5, 5, 5, 5, 5, 5));

		assertThat(result.gini()).isCloseTo(0.0, EXACT);
		assertThat(result.hhi()).isCloseTo(1000.0, EXACT);
		assertThat(result.equivalentCustomers()).isCloseTo(10.0, EXACT);
		assertThat(result.top10Share()).isCloseTo(10.0, EXACT);
		assertThat(result.top20Share()).isCloseTo(20.0, EXACT);
		// before each: 0, 10, …, 70 are below 80 (A); 80 and 90 below 95 (B)
		assertThat(result.abc()).isEqualTo(new Concentration.Abc(8, 2, 0));
	}

	@Test
	void theTopShareRoundsTheNumberOfCustomersUp() {
		// 11 customers: top 10 % is ⌈1.1⌉ = 2 customers, top 20 % is ⌈2.2⌉ = 3
		Concentration result = Concentration.of(figures(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10));

		assertThat(result.top10Share()).isCloseTo(200.0 / 11, EXACT);
		assertThat(result.top20Share()).isCloseTo(300.0 / 11, EXACT);
	}

	@Test
	void oneCustomerHasEverything() {
		Concentration result = Concentration.of(figures(500));

		assertThat(result.top10Share()).isCloseTo(100.0, EXACT);
		assertThat(result.gini()).isCloseTo(0.0, EXACT);
		assertThat(result.hhi()).isCloseTo(10_000.0, EXACT);
		assertThat(result.equivalentCustomers()).isCloseTo(1.0, EXACT);
		assertThat(result.abc()).isEqualTo(new Concentration.Abc(1, 0, 0));
	}

	@Test
	void aTotalOfZeroOrLessHasNoShares() {
		Concentration result = Concentration.of(figures(0, -20, 5));

		assertThat(result.hasShares()).isFalse();
		assertThat(result.total()).isEqualByComparingTo("-15");
		assertThat(result.top20Share()).isNull();
		assertThat(result.gini()).isNull();
		assertThat(result.hhi()).isNull();
		assertThat(result.peakShare()).isNull();
		assertThat(result.lossMakers()).isEqualTo(new Concentration.LossMakers(1, new BigDecimal("-20")));
		assertThat(result.ranked()).hasSize(3).allSatisfy((customer) -> assertThat(customer.share()).isNull());
		assertThat(result.curve(10)).isEmpty();
	}

	@Test
	void noCustomersGiveAnEmptyResult() {
		Concentration result = Concentration.of(List.of());

		assertThat(result.customers()).isZero();
		assertThat(result.hasShares()).isFalse();
		assertThat(result.ranked()).isEmpty();
	}

	@Test
	void theCurveIsThinnedButKeepsTheEndsAndThePeak() {
		List<CustomerFigure> many = new ArrayList<>(figures(new int[1000]));
		many.replaceAll((figure) -> new CustomerFigure(figure.customerId(), figure.name(), BigDecimal.TEN));
		many.set(999, new CustomerFigure(999, "loss", new BigDecimal("-500")));

		List<Concentration.CurvePoint> curve = Concentration.of(many).curve(50);

		assertThat(curve.size()).isLessThanOrEqualTo(52);
		assertThat(curve.get(0).customers()).isEqualTo(1);
		assertThat(curve.get(curve.size() - 1).customers()).isEqualTo(1000);
		assertThat(curve.get(curve.size() - 1).cumulativeShare()).isCloseTo(100.0, Offset.offset(1e-6));
		// the peak is just before the loss maker: 999 × 10 of 9,490
		assertThat(curve).anySatisfy((point) -> assertThat(point.customers()).isEqualTo(999));
	}

	private static List<CustomerFigure> figures(int... values) {
		List<CustomerFigure> figures = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			figures.add(new CustomerFigure(i, "customer " + (i + 1), BigDecimal.valueOf(values[i])));
		}
		return figures;
	}

}
