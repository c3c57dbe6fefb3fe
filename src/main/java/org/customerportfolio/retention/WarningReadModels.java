package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.shared.InstanceLocks;
import org.customerportfolio.criteria.CriteriaChanged;
import org.customerportfolio.evaluation.EvaluationRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read model the "rating dropped" warning stands on: the scores of each
 * customer's newest evaluation and the one before ({@code rating_change}). Replaying
 * evaluations for 100,000 customers takes H2 tens of seconds; kept current a chunk of
 * customers at a time, on every evaluation and change of the criteria, the warning reads
 * one small indexed row per customer instead. (The revenue rules read the trailing twelve
 * months that {@code customer_figures} keeps.)
 */
@Service
@Transactional
public class WarningReadModels {

	private static final Logger logger = LoggerFactory.getLogger(WarningReadModels.class);

	private static final int CHUNK = 1000;

	private static final String BUILT = "rating_change";

	private final JdbcClient jdbc;

	private final InstanceLocks locks;

	private final JdbcTemplate jdbcTemplate;

	private final EvaluationScores scores;

	WarningReadModels(JdbcClient jdbc, JdbcTemplate jdbcTemplate, EvaluationScores scores, InstanceLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.scores = scores;
	}

	@EventListener
	void evaluated(EvaluationRecorded event) {
		refreshRatings(List.of(event.customerId()));
	}

	@EventListener
	void criteriaChanged(CriteriaChanged event) {
		forEachChunk(this::refreshRatings);
	}

	/** Builds what is missing or out of date once the application is up. */
	@EventListener(ApplicationReadyEvent.class)
	public void buildIfNeeded() {
		this.locks.lock(InstanceLocks.READ_MODEL_BUILD);
		boolean built = this.jdbc.sql("select count(*) from read_model_basis where name = :name")
			.param("name", BUILT)
			.query(Long.class)
			.single() > 0;
		if (!built) {
			long started = System.nanoTime();
			forEachChunk(this::refreshRatings);
			logger.info("Built the rating changes of every customer in {} ms",
					(System.nanoTime() - started) / 1_000_000);
			this.jdbc.sql("insert into read_model_basis (name, setting) values (:name, 'built')")
				.param("name", BUILT)
				.update();
		}
	}

	/**
	 * Rebuilds the rating changes of these customers: for callers that write evaluations
	 * in bulk (the example portfolio's large portfolios) instead of one at a time.
	 */
	public void refreshRatings(Collection<Long> customerIds) {
		// in order, so that each chunk is also a narrow range of the index
		List<Long> ids = customerIds.stream().sorted().toList();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			Map<Long, long[]> newest = new HashMap<>();
			this.jdbc
				.sql("""
						select customer_id, id, rn from (
						    select e.customer_id, e.id,
						           row_number() over (partition by e.customer_id order by e.evaluated_at desc, e.id desc) as rn
						    from evaluation e where e.customer_id between :first and :last and e.customer_id in (:ids)) r
						where rn <= 2
						""")
				.param("ids", chunk)
				.param("first", Collections.min(chunk))
				.param("last", Collections.max(chunk))
				.query((rs) -> {
					long[] pair = newest.computeIfAbsent(rs.getLong(1), (id) -> new long[] { -1, -1 });
					pair[rs.getInt(3) - 1] = rs.getLong(2);
				});
			List<Long> evaluations = new ArrayList<>();
			newest.values().forEach((pair) -> {
				evaluations.add(pair[0]);
				if (pair[1] >= 0) {
					evaluations.add(pair[1]);
				}
			});
			Map<Long, BigDecimal[]> scored = this.scores.of(evaluations);
			List<Object[]> rows = new ArrayList<>();
			newest.forEach((customer, pair) -> {
				BigDecimal[] now = scored.getOrDefault(pair[0], new BigDecimal[2]);
				BigDecimal[] before = (pair[1] >= 0) ? scored.getOrDefault(pair[1], new BigDecimal[2])
						: new BigDecimal[2];
				rows.add(new Object[] { customer, pair[0], (pair[1] >= 0) ? pair[1] : null, now[0], now[1], before[0],
						before[1] });
			});
			this.jdbc.sql("delete from rating_change where customer_id in (:ids)").param("ids", chunk).update();
			this.jdbcTemplate.batchUpdate("""
					insert into rating_change (customer_id, evaluation_id, previous_evaluation_id, attractiveness,
					                           relationship_strength, previous_attractiveness,
					                           previous_relationship_strength)
					values (?, ?, ?, ?, ?, ?, ?)
					""", rows);
		}
	}

	private void forEachChunk(java.util.function.Consumer<List<Long>> refresh) {
		long after = 0;
		while (true) {
			List<Long> ids = this.jdbc.sql("select id from customer where id > :after order by id limit :limit")
				.param("after", after)
				.param("limit", CHUNK)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return;
			}
			refresh.accept(ids);
			after = ids.get(ids.size() - 1);
		}
	}

}
