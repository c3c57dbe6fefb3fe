package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.criteria.CriteriaChanged;
import org.customerportfolio.evaluation.EvaluationRecorded;
import org.customerportfolio.invoicing.InvoiceLinesChanged;
import org.customerportfolio.shared.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the two read models the warnings stand on: each customer's revenue in the last
 * twelve complete months and the twelve before ({@code trailing_revenue}), and the scores
 * of its newest evaluation and the one before ({@code rating_change}). Aggregating two
 * years of monthly totals or replaying evaluations for 100,000 customers takes H2 tens of
 * seconds; kept current a chunk of customers at a time, on every import, evaluation and
 * change of the criteria (and the revenue again when the month turns), the warnings read
 * one small indexed row per customer instead.
 */
@Service
@Transactional
public class WarningReadModels {

	private static final Logger logger = LoggerFactory.getLogger(WarningReadModels.class);

	private static final int CHUNK = 1000;

	private static final String BUILT = "rating_change";

	private static final String TRAILING = "trailing_revenue";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Formats formats;

	private final EvaluationScores scores;

	WarningReadModels(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Formats formats, EvaluationScores scores) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.formats = formats;
		this.scores = scores;
	}

	@EventListener
	void invoiced(InvoiceLinesChanged event) {
		ensureCurrentMonth();
		refreshRevenue(event.customerIds());
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
		ensureCurrentMonth();
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

	@Scheduled(cron = "${portfolio.warnings.refresh-cron:0 45 2 * * *}")
	public void nightly() {
		ensureCurrentMonth();
	}

	/**
	 * Rebuilds the trailing revenue of every customer when it was computed in an earlier
	 * month: the window moves with the calendar.
	 */
	public void ensureCurrentMonth() {
		String month = YearMonth.from(this.formats.today()).toString();
		String basis = this.jdbc.sql("select setting from read_model_basis where name = :name")
			.param("name", TRAILING)
			.query(String.class)
			.optional()
			.orElse(null);
		if (month.equals(basis)) {
			return;
		}
		long started = System.nanoTime();
		this.jdbc.sql("delete from trailing_revenue").update();
		forEachChunk(this::refreshRevenue);
		logger.info("Built the trailing revenue of every customer for {} in {} ms", month,
				(System.nanoTime() - started) / 1_000_000);
		this.jdbc.sql("delete from read_model_basis where name = :name").param("name", TRAILING).update();
		this.jdbc.sql("insert into read_model_basis (name, setting) values (:name, :month)")
			.param("name", TRAILING)
			.param("month", month)
			.update();
	}

	void refreshRevenue(Collection<Long> customerIds) {
		YearMonth current = YearMonth.from(this.formats.today());
		// in order, so that each chunk is also a narrow range of the index
		List<Long> ids = customerIds.stream().sorted().toList();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			this.jdbc.sql("delete from trailing_revenue where customer_id in (:ids)").param("ids", chunk).update();
			this.jdbc.sql("""
					insert into trailing_revenue (customer_id, as_of, recent, previous)
					select m.customer_id, :asOf,
					       sum(case when m.month_start >= :recentFrom then m.revenue else 0 end),
					       sum(case when m.month_start < :recentFrom then m.revenue else 0 end)
					from revenue_month m
					where m.customer_id between :first and :last and m.customer_id in (:ids)
					  and m.month_start >= :previousFrom and m.month_start < :asOf
					group by m.customer_id
					""")
				.param("asOf", Date.valueOf(current.atDay(1)))
				.param("recentFrom", Date.valueOf(current.minusMonths(12).atDay(1)))
				.param("previousFrom", Date.valueOf(current.minusMonths(24).atDay(1)))
				.param("ids", chunk)
				.param("first", Collections.min(chunk))
				.param("last", Collections.max(chunk))
				.update();
		}
	}

	void refreshRatings(Collection<Long> customerIds) {
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
