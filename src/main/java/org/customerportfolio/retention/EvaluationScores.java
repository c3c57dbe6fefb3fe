package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two axis scores of evaluations, computed in SQL for many evaluations at once as the
 * scorecard computes them for one: the weighted mean of the scored, rated criteria of the
 * axis, a level by its score, a number placed linearly along its criterion's range
 * (clamped to 0–100). Used to compare an evaluation with the one before it.
 */
@Component
class EvaluationScores {

	private static final int CHUNK = 1000;

	private static final String LEVEL_SCORE = """
			case when k.kind = 'NUMBER' then
			       case when k.max_value > k.min_value and v.number_value is not null
			            then round(greatest(0, least(1, (v.number_value - k.min_value) / (k.max_value - k.min_value))) * 100)
			       end
			     else l.score end""";

	private final JdbcClient jdbc;

	EvaluationScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Attractiveness (index 0) and relationship strength (index 1) by evaluation id; null
	 * when unrated.
	 */
	Map<Long, BigDecimal[]> of(List<Long> unsorted) {
		// in order, so that each chunk is also a narrow range of the index
		List<Long> evaluationIds = unsorted.stream().sorted().toList();
		Map<Long, BigDecimal[]> scores = new HashMap<>();
		for (int i = 0; i < evaluationIds.size(); i += CHUNK) {
			List<Long> chunk = evaluationIds.subList(i, Math.min(evaluationIds.size(), i + CHUNK));
			this.jdbc.sql("""
					select x.evaluation_id, x.axis, sum(x.weight * x.score) / sum(x.weight)
					from (select v.evaluation_id, k.axis, k.weight, %s as score
					      from evaluation_value v
					      join criterion k on k.id = v.criterion_id
					      left join criterion_level l on l.criterion_id = k.id and l.code = v.level_code
					      where v.evaluation_id between :first and :last and v.evaluation_id in (:ids)
					        and k.retired = false and k.axis <> 'NONE' and k.weight > 0
					        and k.kind in ('ORDINAL', 'SINGLE_CHOICE', 'NUMBER')) x
					where x.score is not null
					group by x.evaluation_id, x.axis
					""".formatted(LEVEL_SCORE))
				.param("ids", chunk)
				.param("first", Collections.min(chunk))
				.param("last", Collections.max(chunk))
				.query((rs) -> {
					BigDecimal[] pair = scores.computeIfAbsent(rs.getLong(1), (id) -> new BigDecimal[2]);
					pair["ATTRACTIVENESS".equals(rs.getString(2)) ? 0 : 1] = rs.getBigDecimal(3)
						.setScale(1, RoundingMode.HALF_UP);
				});
		}
		return scores;
	}

}
