package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ListedAction;
import org.customerportfolio.plan.PlanManagement.ListedDecision;
import org.customerportfolio.retention.EarlyWarnings.NewWarning;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed in the portfolio since the last review: ratings that moved (the newest
 * evaluation against the newest one before the review, scored alike), revenue that moved
 * (the months since against the same months a year before), warnings that appeared,
 * decisions taken, actions done and actions overdue. Everything set-based.
 */
@Service
@Transactional
public class PortfolioReview {

	static final int MOVERS = 25;

	static final int LIMIT = 1000;

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final Formats formats;

	private final EarlyWarnings warnings;

	private final PlanManagement plans;

	private final EvaluationScores scores;

	PortfolioReview(JdbcClient jdbc, Formats formats, EarlyWarnings warnings, PlanManagement plans,
			EvaluationScores scores) {
		this.jdbc = jdbc;
		this.formats = formats;
		this.warnings = warnings;
		this.plans = plans;
		this.scores = scores;
	}

	/**
	 * A customer whose scores moved; null scores were not rated (or no evaluation
	 * before).
	 */
	public record RatingMove(long customerId, String customerName, Instant evaluatedAt,
			@Nullable BigDecimal attractivenessBefore, @Nullable BigDecimal attractiveness,
			@Nullable BigDecimal strengthBefore, @Nullable BigDecimal strength, boolean firstEvaluation) {

		public @Nullable BigDecimal attractivenessChange() {
			return (this.attractiveness != null && this.attractivenessBefore != null)
					? this.attractiveness.subtract(this.attractivenessBefore) : null;
		}

		public @Nullable BigDecimal strengthChange() {
			return (this.strength != null && this.strengthBefore != null) ? this.strength.subtract(this.strengthBefore)
					: null;
		}

	}

	/**
	 * A customer's revenue in the months since the review and in the same months a year
	 * before.
	 */
	public record RevenueMove(long customerId, String customerName, BigDecimal before, BigDecimal since) {

		public BigDecimal change() {
			return this.since.subtract(this.before);
		}

	}

	/** The review: the period it covers and what changed in it. */
	public record Report(LocalDate since, LocalDate until, YearMonth fromMonth, YearMonth toMonth,
			List<RatingMove> ratings, BigDecimal revenueBefore, BigDecimal revenueSince, List<RevenueMove> risers,
			List<RevenueMove> fallers, List<NewWarning> newWarnings, List<ListedDecision> decisions,
			List<ListedAction> actionsDone, List<ListedAction> overdue) {

		public BigDecimal revenueChange() {
			return this.revenueSince.subtract(this.revenueBefore);
		}

	}

	/** The review since a date, which must lie in the past. */
	public Report since(@Nullable LocalDate since) {
		LocalDate today = this.formats.today();
		if (since == null) {
			throw new InvalidInputException(List.of(new RuleViolation("since", "review.since.required")));
		}
		if (since.isAfter(today)) {
			throw new InvalidInputException(List.of(new RuleViolation("since", "review.since.future")));
		}
		Instant from = since.atStartOfDay(this.formats.zone()).toInstant();
		YearMonth fromMonth = YearMonth.from(since);
		YearMonth toMonth = YearMonth.from(today);
		Map<Long, RevenueMove> moves = revenueMoves(fromMonth, toMonth);
		BigDecimal before = moves.values().stream().map(RevenueMove::before).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal after = moves.values().stream().map(RevenueMove::since).reduce(BigDecimal.ZERO, BigDecimal::add);
		List<RevenueMove> risers = moves.values()
			.stream()
			.filter((move) -> move.change().signum() > 0)
			.sorted(Comparator.comparing(RevenueMove::change).reversed())
			.limit(MOVERS)
			.toList();
		List<RevenueMove> fallers = moves.values()
			.stream()
			.filter((move) -> move.change().signum() < 0)
			.sorted(Comparator.comparing(RevenueMove::change))
			.limit(MOVERS)
			.toList();
		return new Report(since, today, fromMonth, toMonth, ratingMoves(from), before, after, risers, fallers,
				this.warnings.newSince(from), this.plans.decisions(since, LIMIT), this.plans.actionsDoneSince(from),
				this.plans.openActions(true, null, LIMIT));
	}

	private Map<Long, RevenueMove> revenueMoves(YearMonth fromMonth, YearMonth toMonth) {
		Map<Long, RevenueMove> moves = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.id, c.name,
				       sum(case when m.month_start < :lastYearTo then m.revenue else 0 end),
				       sum(case when m.month_start >= :from then m.revenue else 0 end)
				from revenue_month m join customer c on c.id = m.customer_id
				where c.archived = false
				  and ((m.month_start >= :lastYearFrom and m.month_start < :lastYearTo)
				       or (m.month_start >= :from and m.month_start < :to))
				group by c.id, c.name
				""")
			.param("from", Date.valueOf(fromMonth.atDay(1)))
			.param("to", Date.valueOf(toMonth.plusMonths(1).atDay(1)))
			.param("lastYearFrom", Date.valueOf(fromMonth.minusYears(1).atDay(1)))
			.param("lastYearTo", Date.valueOf(toMonth.minusYears(1).plusMonths(1).atDay(1)))
			.query((rs) -> {
				moves.put(rs.getLong(1), new RevenueMove(rs.getLong(1), rs.getString(2),
						Retention.money(rs.getBigDecimal(3)), Retention.money(rs.getBigDecimal(4))));
			});
		return moves;
	}

	private List<RatingMove> ratingMoves(Instant since) {
		record Latest(long customerId, String name, long evaluationId, Instant at) {
		}
		List<Latest> latest = this.jdbc.sql("""
				select s.customer_id, c.name, s.evaluation_id, s.evaluated_at
				from customer_standing s join customer c on c.id = s.customer_id
				where s.evaluated_at >= :since and s.evaluation_id is not null and c.archived = false
				order by c.name, c.id
				""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Latest(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
			.list();
		Map<Long, Long> previous = new HashMap<>();
		List<Long> customers = latest.stream().map(Latest::customerId).toList();
		for (int i = 0; i < customers.size(); i += CHUNK) {
			this.jdbc
				.sql("""
						select customer_id, id from (
						    select e.customer_id, e.id,
						           row_number() over (partition by e.customer_id order by e.evaluated_at desc, e.id desc) as rn
						    from evaluation e where e.evaluated_at < :since and e.customer_id in (:ids)) r
						where rn = 1
						""")
				.param("since", Timestamp.from(since))
				.param("ids", customers.subList(i, Math.min(customers.size(), i + CHUNK)))
				.query((rs) -> {
					previous.put(rs.getLong(1), rs.getLong(2));
				});
		}
		List<Long> evaluations = new ArrayList<>(previous.values());
		latest.forEach((row) -> evaluations.add(row.evaluationId()));
		Map<Long, BigDecimal[]> scores = this.scores.of(evaluations);
		List<RatingMove> moves = new ArrayList<>();
		for (Latest row : latest) {
			BigDecimal[] now = scores.getOrDefault(row.evaluationId(), new BigDecimal[2]);
			Long before = previous.get(row.customerId());
			BigDecimal[] then = (before != null) ? scores.getOrDefault(before, new BigDecimal[2]) : new BigDecimal[2];
			boolean moved = before == null || !same(now[0], then[0]) || !same(now[1], then[1]);
			if (moved) {
				moves.add(new RatingMove(row.customerId(), row.name(), row.at(), then[0], now[0], then[1], now[1],
						before == null));
			}
		}
		return moves;
	}

	private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

}
