package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.shared.InstanceLocks;
import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaChanged;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.invoicing.InvoiceLinesChanged;
import org.customerportfolio.shared.Chunks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read model of where every customer stands — its current answer per criterion
 * ({@code customer_level}) and its two scores ({@code customer_standing}) — so that the
 * portfolio sheet and the analyses can sort, filter and aggregate 100,000 customers in
 * SQL instead of replaying evaluation histories. It follows every evaluation, every
 * import (margins decide profitability) and every change of the criteria in the same
 * transaction, and is rebuilt each night because the margin basis moves with the date.
 */
@Service
@Transactional
public class Standings {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final CriteriaManagement criteria;

	private final ProfitabilityFromMargins margins;

	private final DataChanges changes;

	private final InstanceLocks locks;

	private final CustomerManagement customers;

	Standings(JdbcClient jdbc, JdbcTemplate jdbcTemplate, CriteriaManagement criteria, ProfitabilityFromMargins margins,
			DataChanges changes, InstanceLocks locks, CustomerManagement customers) {
		this.locks = locks;
		this.customers = customers;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.criteria = criteria;
		this.margins = margins;
		this.changes = changes;
	}

	@EventListener
	void evaluated(EvaluationRecorded event) {
		refresh(List.of(event.customerId()));
	}

	@EventListener
	void invoiced(InvoiceLinesChanged event) {
		refresh(event.customerIds());
	}

	@EventListener
	void criteriaChanged(CriteriaChanged event) {
		this.changes.record();
		refreshAll();
	}

	/** Builds the read model once for a database that had customers before it existed. */
	@EventListener(ApplicationReadyEvent.class)
	public void buildIfNeeded() {
		this.locks.lock(InstanceLocks.READ_MODEL_BUILD);
		boolean built = this.jdbc.sql("select count(*) from read_model_basis where name = 'standings'")
			.query(Long.class)
			.single() > 0;
		if (!built) {
			refreshAll();
			this.jdbc.sql("insert into read_model_basis (name, setting) values ('standings', 'built')").update();
		}
	}

	@Scheduled(cron = "${portfolio.standings.refresh-cron:0 30 2 * * *}")
	public void nightly() {
		refreshAll();
	}

	public void refreshAll() {
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
			refreshChunk(ids, this.criteria.all());
			after = ids.get(ids.size() - 1);
		}
	}

	public void refresh(Collection<Long> customerIds) {
		List<Criterion> all = this.criteria.all();
		Chunks.of(customerIds, CHUNK).forEach((chunk) -> refreshChunk(chunk, all));
	}

	private void refreshChunk(List<Long> customerIds, List<Criterion> all) {
		Map<Long, Current> current = currentEvaluations(customerIds);
		Map<Long, List<EvaluationValue>> values = values(current.values());
		Map<Long, ProfitabilityFromMargins.MarginBasis> bases = this.margins.bases(customerIds, all);
		List<Object[]> standings = new ArrayList<>();
		List<Object[]> levels = new ArrayList<>();
		for (long customerId : customerIds) {
			Current evaluation = current.get(customerId);
			Map<String, Rating> ratings = new LinkedHashMap<>((evaluation != null)
					? EvaluationManagement.ratings(values.getOrDefault(evaluation.id(), List.of()), all) : Map.of());
			ProfitabilityFromMargins.MarginBasis basis = bases.get(customerId);
			if (basis != null) {
				ratings.put(ProfitabilityFromMargins.CRITERION, basis.rating());
			}
			int rated = 0;
			for (Criterion criterion : all) {
				Rating rating = ratings.get(criterion.code());
				if (criterion.retired() || rating == null) {
					continue;
				}
				rated++;
				levels.add(levelRow(customerId, criterion, rating));
			}
			standings.add(new Object[] { customerId, (evaluation != null) ? evaluation.id() : null,
					(evaluation != null) ? evaluation.evaluatedAt() : null,
					(evaluation != null) ? evaluation.evaluatedBy() : null,
					score(Scorecard.score(Axis.ATTRACTIVENESS, all, ratings)),
					score(Scorecard.score(Axis.RELATIONSHIP_STRENGTH, all, ratings)), rated, basis != null });
		}
		this.changes.record();
		// rebuilt by one transaction at a time per customer (an evaluation and an import
		// may meet here)
		this.customers.lock(customerIds);
		this.jdbc.sql("delete from customer_level where customer_id in (:ids)").param("ids", customerIds).update();
		this.jdbc.sql("delete from customer_standing where customer_id in (:ids)").param("ids", customerIds).update();
		this.jdbcTemplate.batchUpdate("""
				insert into customer_standing (customer_id, evaluation_id, evaluated_at, evaluated_by, attractiveness,
				                               relationship_strength, rated_criteria, profitability_from_margins)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", standings);
		this.jdbcTemplate.batchUpdate("""
				insert into customer_level (customer_id, criterion_id, level_code, level_codes, level_position,
				                            level_score, number_value, text_value)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", levels);
	}

	private static Object[] levelRow(long customerId, Criterion criterion, Rating rating) {
		List<String> codes = rating.levelCodes();
		String first = codes.isEmpty() ? null : codes.get(0);
		Integer position = null;
		List<Level> levels = criterion.levels();
		for (int i = 0; first != null && i < levels.size(); i++) {
			if (levels.get(i).code().equals(first)) {
				position = i + 1;
			}
		}
		Integer score = criterion.scored() ? Scorecard.levelScore(criterion, rating) : null;
		return new Object[] { customerId, criterion.id(), first,
				codes.isEmpty() ? null : "," + String.join(",", codes) + ",", position, score, rating.number(),
				rating.text() };
	}

	private static @Nullable BigDecimal score(AxisScore score) {
		return (score.value() != null) ? BigDecimal.valueOf(score.value()) : null;
	}

	private Map<Long, Current> currentEvaluations(List<Long> customerIds) {
		Map<Long, Current> current = new HashMap<>();
		this.jdbc.sql("""
				select e.id, e.customer_id, e.evaluated_at, e.evaluated_by from evaluation e
				where e.customer_id in (:ids) and not exists (
				    select 1 from evaluation n where n.customer_id = e.customer_id
				    and (n.evaluated_at > e.evaluated_at or (n.evaluated_at = e.evaluated_at and n.id > e.id)))
				""").param("ids", customerIds).query((rs) -> {
			current.put(rs.getLong(2), new Current(rs.getLong(1), rs.getTimestamp(3), rs.getString(4)));
		});
		return current;
	}

	private Map<Long, List<EvaluationValue>> values(Collection<Current> evaluations) {
		Map<Long, List<EvaluationValue>> values = new HashMap<>();
		List<Long> ids = evaluations.stream().map(Current::id).toList();
		if (ids.isEmpty()) {
			return values;
		}
		this.jdbc.sql("""
				select evaluation_id, criterion_id, level_code, level_label_nl, level_label_en, number_value, text_value
				from evaluation_value where evaluation_id in (:ids)
				""").param("ids", ids).query((rs) -> {
			values.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new EvaluationValue(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getBigDecimal(6), rs.getString(7)));
		});
		return values;
	}

	private record Current(long id, Timestamp evaluatedAt, String evaluatedBy) {
	}

}
