package org.customerportfolio.evaluation;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One stored answer: a chosen level (with its labels as they were then), a number or a
 * text. A multiple-choice answer is one value per chosen level.
 */
@Table("evaluation_value")
record EvaluationValue(long criterionId, @Nullable String levelCode, @Nullable String levelLabelNl,
		@Nullable String levelLabelEn, @Nullable BigDecimal numberValue, @Nullable String textValue) {
}
