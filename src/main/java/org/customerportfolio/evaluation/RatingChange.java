package org.customerportfolio.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * How the answer on one criterion differs between two evaluations ("relationship type:
 * recurring → at risk").
 */
public record RatingChange(String criterionCode, String nameNl, String nameEn, @Nullable Rating before,
		@Nullable Rating after) {

	public String name(org.customerportfolio.shared.Language language) {
		return (language == org.customerportfolio.shared.Language.NL) ? this.nameNl : this.nameEn;
	}

}
