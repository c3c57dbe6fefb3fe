package org.customerportfolio.analysis;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportfolio.analysis.Profiles.MULTIPLE;
import static org.customerportfolio.analysis.Profiles.NOMINAL;
import static org.customerportfolio.analysis.Profiles.NUMBER;
import static org.customerportfolio.analysis.Profiles.ORDINAL;
import static org.customerportfolio.analysis.Profiles.profile;

/**
 * Gower distances against hand-computed cases.
 */
class GowerTests {

	private static final Offset<Double> EXACT = Offset.offset(1e-9);

	private final Gower gower = new Gower(Profiles.SCALES);

	private final CustomerProfile a = profile(1).level(ORDINAL, "partnership")
		.level(NOMINAL, "specialised")
		.level(MULTIPLE, "price", "cost")
		.number(NUMBER, 20)
		.build();

	private final CustomerProfile b = profile(2).level(ORDINAL, "at_risk")
		.level(NOMINAL, "specialised")
		.level(MULTIPLE, "cost", "ease")
		.number(NUMBER, 70)
		.build();

	private final CustomerProfile c = profile(3).level(ORDINAL, "recurring").build();

	@Test
	void averagesThePartsOfTheCriteriaBothAnswered() {
		// ordinal |0 − 3| / 3 = 1; nominal same = 0; multiple 1 − |{cost}| / |{price,
		// cost,
		// ease}| = 2/3; number |20 − 70| / 100 = 0.5; mean of four
		assertThat(this.gower.distance(this.a, this.b)).isCloseTo((1 + 0 + 2.0 / 3 + 0.5) / 4, EXACT);
		assertThat(this.gower.distance(this.b, this.a)).isCloseTo(this.gower.distance(this.a, this.b), EXACT);
		assertThat(this.gower.distance(this.a, this.a)).isCloseTo(0.0, EXACT);
	}

	@Test
	void leavesOutWhatEitherDidNotAnswer() {
		// only the ordinal criterion in common: |0 − 1| / 3
		assertThat(this.gower.distance(this.a, this.c)).isCloseTo(1.0 / 3, EXACT);
		assertThat(this.gower.distance(this.c, profile(4).build())).isNaN();
	}

	@Test
	void theNearestShareEnoughCriteriaAndComeNearestFirst() {
		CustomerProfile twin = profile(5).level(ORDINAL, "partnership")
			.level(NOMINAL, "specialised")
			.level(MULTIPLE, "price", "cost")
			.number(NUMBER, 30)
			.build();

		List<Gower.Neighbour> nearest = this.gower.nearest(this.a, List.of(this.a, this.b, this.c, twin), 5, 2);

		// c shares one criterion only; a itself is never its own neighbour
		assertThat(nearest).extracting((neighbour) -> neighbour.customer().customerId()).containsExactly(5L, 2L);
		assertThat(nearest.get(0).distance()).isCloseTo(0.1 / 4, EXACT);
		assertThat(nearest.get(0).compared()).isEqualTo(4);
	}

}
