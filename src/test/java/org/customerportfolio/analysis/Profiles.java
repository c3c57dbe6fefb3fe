package org.customerportfolio.analysis;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Small profiles for the analysis unit tests.
 */
final class Profiles {

	static final CriterionScale ORDINAL = new CriterionScale(0, 1, "relationship_type", CriterionScale.Kind.ORDINAL,
			List.of("partnership", "recurring", "incidental", "at_risk"), null, null);

	static final CriterionScale NOMINAL = new CriterionScale(1, 2, "service_needs", CriterionScale.Kind.NOMINAL,
			List.of("total", "specialised", "basic"), null, null);

	static final CriterionScale MULTIPLE = new CriterionScale(2, 3, "decision_criteria", CriterionScale.Kind.MULTIPLE,
			List.of("price", "cost", "ease", "trust"), null, null);

	static final CriterionScale NUMBER = new CriterionScale(3, 4, "employees", CriterionScale.Kind.NUMBER, List.of(),
			0.0, 100.0);

	static final List<CriterionScale> SCALES = List.of(ORDINAL, NOMINAL, MULTIPLE, NUMBER);

	private Profiles() {
	}

	static Builder profile(long id) {
		return new Builder(id);
	}

	static final class Builder {

		private final long id;

		private final long[] levels = new long[SCALES.size()];

		private final double[] numbers = new double[SCALES.size()];

		private String businessType = "consultant";

		private BigDecimal revenue = BigDecimal.ZERO;

		private Double attractiveness;

		private Builder(long id) {
			this.id = id;
			Arrays.fill(this.numbers, Double.NaN);
		}

		Builder level(CriterionScale scale, String... codes) {
			for (String code : codes) {
				this.levels[scale.index()] |= 1L << scale.bit(code);
			}
			return this;
		}

		Builder number(CriterionScale scale, double value) {
			this.numbers[scale.index()] = value;
			return this;
		}

		Builder type(String businessType) {
			this.businessType = businessType;
			return this;
		}

		Builder revenue(int revenue) {
			this.revenue = BigDecimal.valueOf(revenue);
			return this;
		}

		Builder attractiveness(Double attractiveness) {
			this.attractiveness = attractiveness;
			return this;
		}

		CustomerProfile build() {
			return new CustomerProfile(this.id, "customer " + this.id, this.businessType, "ACTIVE", null, List.of(),
					this.revenue, null, this.revenue, this.revenue, this.attractiveness, null, this.levels,
					this.numbers);
		}

	}

}
