package org.customerportfolio.evaluation;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation as pages and the API show it: its answers by criterion key, and the two
 * scores computed from the current criteria.
 */
public record EvaluationView(long id, long customerId, Instant evaluatedAt, String evaluatedBy,
		@Nullable String comment, Map<String, Rating> ratings, AxisScore attractiveness,
		AxisScore relationshipStrength) {

	public EvaluationView {
		ratings = Map.copyOf(ratings);
	}

}
