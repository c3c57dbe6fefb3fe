package org.customerportfolio.evaluation;

import java.util.List;

import org.customerportfolio.criteria.Axis;
import org.jspecify.annotations.Nullable;

/**
 * A customer's score on one axis (0–100) and how it came about: which criteria count,
 * which are rated, and what each contributed. No score when no criterion on the axis is
 * rated; missing ratings never count as zero.
 */
public record AxisScore(Axis axis, @Nullable Double value, int rated, int total, List<Contribution> contributions) {

	public AxisScore {
		contributions = List.copyOf(contributions);
	}

	public boolean complete() {
		return this.rated == this.total;
	}

	/**
	 * One criterion's part in the score: its weight, the score of the chosen level (none
	 * when unrated), and the points it adds to the weighted mean.
	 */
	public record Contribution(String criterionCode, String nameNl, String nameEn, double weight,
			@Nullable Rating rating, @Nullable Integer levelScore, @Nullable Double points, boolean levelGone) {

		public String name(org.customerportfolio.shared.Language language) {
			return (language == org.customerportfolio.shared.Language.NL) ? this.nameNl : this.nameEn;
		}

	}

}
