package org.customerportfolio.analysis;

import java.util.List;

import org.customerportfolio.plan.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placing customers in the matrix, by hand.
 */
class PortfolioMatrixTests {

	@Test
	void placesEachCustomerInTheQuadrantOfItsScores() {
		PortfolioMatrix matrix = PortfolioMatrix.place(List.of(point(1, 80.0, 90.0), point(2, 80.0, 20.0),
				point(3, 20.0, 90.0), point(4, 20.0, 20.0), point(5, null, 70.0)), 50.0, 50.0);

		assertThat(matrix.placed()).extracting(PortfolioMatrix.Placement::quadrant)
			.containsExactly(Quadrant.DEVELOP, Quadrant.MAINTAIN, Quadrant.IMPROVE, Quadrant.RECONSIDER);
		assertThat(matrix.unplaced()).isEqualTo(1);
		assertThat(matrix.quadrants()).containsEntry(Quadrant.DEVELOP, 1).containsEntry(Quadrant.RECONSIDER, 1);
	}

	@Test
	void aScoreOnTheThresholdCountsAsHigh() {
		PortfolioMatrix matrix = PortfolioMatrix.place(List.of(point(1, 60.0, 59.9), point(2, 59.9, 60.0)), 60.0, 60.0);

		assertThat(matrix.placed()).extracting(PortfolioMatrix.Placement::quadrant)
			.containsExactly(Quadrant.MAINTAIN, Quadrant.IMPROVE);
	}

	@Test
	void withoutAThresholdTheMedianSplits() {
		// x: 1, 2, 3, 10 → median 2.5; y: 5, 6, 7 → 7 is the first of the upper half
		PortfolioMatrix matrix = PortfolioMatrix.place(
				List.of(point(1, 1.0, 5.0), point(2, 2.0, 6.0), point(3, 3.0, 7.0), point(4, 10.0, 8.0)), null, null);

		assertThat(matrix.xThreshold()).isEqualTo(2.5);
		assertThat(matrix.yThreshold()).isEqualTo(6.5);
		assertThat(matrix.placed()).extracting(PortfolioMatrix.Placement::quadrant)
			.containsExactly(Quadrant.RECONSIDER, Quadrant.RECONSIDER, Quadrant.DEVELOP, Quadrant.DEVELOP);
		assertThat(PortfolioMatrix.median(new double[] { 9, 1, 5 })).isEqualTo(5);
		assertThat(PortfolioMatrix.median(new double[0])).isZero();
	}

	@Test
	void reconsiderSuggestsNoStrategyOfItsOwn() {
		assertThat(Quadrant.DEVELOP.strategy()).contains(Strategy.DEVELOP);
		assertThat(Quadrant.MAINTAIN.strategy()).contains(Strategy.MAINTAIN);
		assertThat(Quadrant.IMPROVE.strategy()).contains(Strategy.IMPROVE);
		assertThat(Quadrant.RECONSIDER.strategy()).isEmpty();
	}

	private static PortfolioMatrix.Point point(long id, Double x, Double y) {
		return new PortfolioMatrix.Point(id, "customer " + id, x, y, 100, null);
	}

}
