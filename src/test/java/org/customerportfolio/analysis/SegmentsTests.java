package org.customerportfolio.analysis;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportfolio.analysis.Profiles.ORDINAL;
import static org.customerportfolio.analysis.Profiles.profile;

/**
 * Segments side by side, by hand.
 */
class SegmentsTests {

	private static final Offset<Double> EXACT = Offset.offset(1e-9);

	@Test
	void comparesTheGroupsWithTheWholeAndMarksWhatStandsOut() {
		List<CustomerProfile> customers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			customers.add(profile(i).type("x").revenue(100).attractiveness(80.0).level(ORDINAL, "partnership").build());
		}
		customers.add(profile(10).type("y").revenue(10).attractiveness(20.0).level(ORDINAL, "at_risk").build());
		customers.add(profile(11).type("y").revenue(10).attractiveness(20.0).level(ORDINAL, "at_risk").build());
		customers.add(profile(12).type("y").revenue(10).attractiveness(null).build());

		Segments.Comparison comparison = Segments.compare(customers, (customer) -> List.of(customer.businessType()),
				Profiles.SCALES);

		assertThat(comparison.groups()).extracting(Segments.Group::key).containsExactly("x", "y");
		Segments.Group x = comparison.groups().get(0);
		Segments.Group y = comparison.groups().get(1);
		assertThat(x.customers()).isEqualTo(3);
		assertThat(x.revenue()).isEqualByComparingTo("300");
		assertThat(y.revenuePerCustomer()).isCloseTo(10.0, EXACT);
		// the unscored customer is left out of the average: (20 + 20) / 2
		assertThat(y.attractiveness()).isCloseTo(20.0, EXACT);
		// (3 × 80 + 2 × 20) / 5
		assertThat(comparison.overall().attractiveness()).isCloseTo(56.0, EXACT);
		// of those that answered: y's two answered at risk
		assertThat(y.levels().get("relationship_type")).containsEntry("at_risk", 100.0)
			.containsEntry("partnership", 0.0);
		assertThat(comparison.overall().levels().get("relationship_type")).containsEntry("partnership", 60.0);
		assertThat(comparison.standsOut("x", "attractiveness", null)).isTrue();
		assertThat(comparison.standsOut("y", "revenuePerCustomer", null)).isTrue();
		assertThat(comparison.standsOut("x", "relationship_type", "partnership")).isTrue();
		// no growth anywhere: nothing stands out on it
		assertThat(comparison.standsOut("x", "growth", null)).isFalse();
	}

	@Test
	void aSingleGroupHasNothingToStandOutFrom() {
		List<CustomerProfile> customers = List.of(profile(1).revenue(5).build(), profile(2).revenue(500).build(),
				profile(3).revenue(50).build());

		Segments.Comparison comparison = Segments.compare(customers, (customer) -> List.of(), Profiles.SCALES);

		assertThat(comparison.groups()).singleElement().satisfies((group) -> assertThat(group.key()).isEmpty());
		assertThat(comparison.standOuts()).isEmpty();
	}

}
