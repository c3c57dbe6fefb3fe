package org.customerportfolio.criteria;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything an administrator fills in about a criterion.
 */
public record CriterionDetails(String code, String nameNl, String nameEn, @Nullable String descriptionNl,
		@Nullable String descriptionEn, CriterionKind kind, BigDecimal weight, Axis axis, @Nullable BigDecimal minValue,
		@Nullable BigDecimal maxValue, List<Level> levels) {

	public CriterionDetails {
		levels = List.copyOf(levels);
	}

}
