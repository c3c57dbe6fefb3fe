package org.customerportfolio.retention;

/**
 * How an evaluation's answer scores, written once in SQL for the queries that compare
 * evaluations across the whole portfolio: as the scorecard counts it, a level's score, or
 * a number placed linearly along its criterion's range (clamped to 0–100). Expects the
 * answer as {@code v} ({@code evaluation_value}), its criterion as {@code k} and the
 * chosen level as {@code l}.
 */
final class EvaluationScores {

	static final String LEVEL_SCORE = """
			case when k.kind = 'NUMBER' then
			       case when k.max_value > k.min_value and v.number_value is not null
			            then round(greatest(0, least(1, (v.number_value - k.min_value) / (k.max_value - k.min_value))) * 100)
			       end
			     else l.score end""";

	private EvaluationScores() {
	}

}
