package org.customerportfolio.analysis;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One customer as the segment, similarity and cluster analyses see it: its categories,
 * figures of the period, scores and current answers. Answers sit in arrays indexed by
 * {@link CriterionScale#index()}: {@code levels} holds a bit per chosen level (0 when not
 * answered), {@code numbers} a number answer (NaN when none).
 */
public record CustomerProfile(long customerId, String name, @Nullable String businessType, String status,
		@Nullable Long accountManagerId, List<String> tags, BigDecimal revenue, @Nullable BigDecimal margin,
		BigDecimal revenueLastYear, BigDecimal revenueYearBefore, @Nullable Double attractiveness,
		@Nullable Double relationshipStrength, long[] levels, double[] numbers) {

	public boolean answered(CriterionScale scale) {
		return (scale.kind() == CriterionScale.Kind.NUMBER) ? !Double.isNaN(this.numbers[scale.index()])
				: this.levels[scale.index()] != 0;
	}

	/**
	 * The first chosen level's position in the criterion's order (0 = best); -1 when
	 * none.
	 */
	public int rank(CriterionScale scale) {
		long mask = this.levels[scale.index()];
		return (mask == 0) ? -1 : Long.numberOfTrailingZeros(mask);
	}

	/** The first chosen level's code, or null when not answered. */
	public @Nullable String level(CriterionScale scale) {
		int rank = rank(scale);
		return (rank < 0 || rank >= scale.levels().size()) ? null : scale.levels().get(rank);
	}

}
