package org.customerportfolio.analysis.readmodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.MatrixAxis;
import org.customerportfolio.analysis.PortfolioMatrix;
import org.customerportfolio.analysis.Years;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio matrix over the filtered customers: their current scores (or any
 * criterion's score, or figures of the period) on the two axes, revenue of the period as
 * bubble size, and a category as colour.
 */
@Service
@Transactional(readOnly = true)
public class MatrixAnalysis {

	/** What the bubbles can be coloured by, besides a criterion's level. */
	public static final List<String> COLOURS = List.of("quadrant", "businessType", "status", "strategy", "manager");

	private final JdbcClient jdbc;

	private final PortfolioReadModel readModel;

	private final MatrixThresholds thresholds;

	private final CriteriaManagement criteria;

	private final AnalysisCache cache;

	MatrixAnalysis(JdbcClient jdbc, PortfolioReadModel readModel, MatrixThresholds thresholds,
			CriteriaManagement criteria, AnalysisCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.readModel = readModel;
		this.thresholds = thresholds;
		this.criteria = criteria;
	}

	/** A customer's row: what the matrix and its table show. */
	public record CustomerRow(long customerId, String name, @Nullable String businessType, String status,
			@Nullable Long accountManagerId, @Nullable Double attractiveness, @Nullable Double relationshipStrength,
			@Nullable String strategy, BigDecimal revenue, @Nullable BigDecimal margin) {
	}

	/**
	 * The matrix and what it rests on; {@code years} is empty when there are no invoices
	 * yet (bubbles then have no size).
	 */
	public record Result(Optional<Years> years, MatrixAxis x, MatrixAxis y, String colour, PortfolioMatrix matrix,
			Map<Long, CustomerRow> customers, MatrixThresholds.Thresholds thresholds) {
	}

	/**
	 * @throws InvalidInputException for a criterion that does not exist or carries no
	 * score, or a colour that is not offered
	 */
	public Result analyse(AnalysisFilter filter, MatrixAxis x, MatrixAxis y, String colour) {
		Criterion xCriterion = criterion("x", x);
		Criterion yCriterion = criterion("y", y);
		Criterion colourCriterion = colourCriterion(colour);
		return this.cache.get(new Question(filter, x, y, colour), (result) -> result.customers().size(),
				() -> compute(filter, x, y, colour, xCriterion, yCriterion, colourCriterion));
	}

	private record Question(AnalysisFilter filter, MatrixAxis x, MatrixAxis y, String colour) {
	}

	private Result compute(AnalysisFilter filter, MatrixAxis x, MatrixAxis y, String colour,
			@Nullable Criterion xCriterion, @Nullable Criterion yCriterion, @Nullable Criterion colourCriterion) {
		Optional<Years> years = this.readModel.period(filter);
		CustomerConditions conditions = CustomerConditions.of(filter);
		Map<Long, CustomerRow> rows = new HashMap<>();
		Map<String, Object> parameters = new HashMap<>(conditions.parameters());
		boolean periodInFilter = filter.from() != null || filter.to() != null;
		Map<Long, BigDecimal[]> figures = years.map(this::figures).orElse(Map.of());
		// separate scans matched in the JVM: joins of 100,000 customers are slow on H2
		Map<Long, BigDecimal[]> scores = new HashMap<>();
		this.jdbc.sql("select customer_id, attractiveness, relationship_strength from customer_standing")
			.query((rs) -> {
				scores.put(rs.getLong(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
			});
		Map<Long, String> strategies = new HashMap<>();
		this.jdbc.sql("select customer_id, strategy from relationship_plan where strategy is not null").query((rs) -> {
			strategies.put(rs.getLong(1), rs.getString(2));
		});
		BigDecimal[] unscored = new BigDecimal[2];
		this.jdbc.sql("""
				select c.id, c.name, c.business_type, c.status, c.account_manager_id from customer c where %s
				""".formatted(conditions.sql())).params(parameters).query((rs) -> {
			long id = rs.getLong(1);
			BigDecimal[] score = scores.getOrDefault(id, unscored);
			BigDecimal[] money = figures.get(id);
			if (periodInFilter && money == null) {
				// a period was asked for: only customers invoiced in it
				return;
			}
			rows.put(id,
					new CustomerRow(id, rs.getString(2), rs.getString(3), rs.getString(4),
							(Long) rs.getObject(5, Long.class), number(score[0]), number(score[1]), strategies.get(id),
							(money != null) ? money[0] : BigDecimal.ZERO, (money != null) ? money[1] : null));
		});
		Map<Long, Double> xValues = values(x, xCriterion, rows, years);
		Map<Long, Double> yValues = values(y, yCriterion, rows, years);
		Map<Long, String> categories = (colourCriterion != null) ? levels(colourCriterion) : Map.of();
		List<PortfolioMatrix.Point> points = new ArrayList<>(rows.size());
		for (CustomerRow row : rows.values()) {
			String category = switch (colour) {
				case "businessType" -> row.businessType();
				case "status" -> row.status();
				case "strategy" -> row.strategy();
				case "manager" -> (row.accountManagerId() != null) ? row.accountManagerId().toString() : null;
				case "quadrant" -> null;
				default -> categories.get(row.customerId());
			};
			points.add(new PortfolioMatrix.Point(row.customerId(), row.name(), xValues.get(row.customerId()),
					yValues.get(row.customerId()), row.revenue().doubleValue(), category));
		}
		points.sort(java.util.Comparator.comparing(PortfolioMatrix.Point::name)
			.thenComparingLong(PortfolioMatrix.Point::customerId));
		MatrixThresholds.Thresholds set = this.thresholds.current();
		PortfolioMatrix matrix = PortfolioMatrix.place(points, threshold(x, set), threshold(y, set));
		return new Result(years, x, y, colour, matrix, rows, set);
	}

	/**
	 * The settings' threshold for the score axis it belongs to, 50 for a criterion's
	 * score, and none (the median) for figures.
	 */
	private static @Nullable Double threshold(MatrixAxis axis, MatrixThresholds.Thresholds set) {
		return switch (axis.kind()) {
			case ATTRACTIVENESS -> set.attractiveness();
			case RELATIONSHIP -> set.relationshipStrength();
			case CRITERION -> 50.0;
			default -> null;
		};
	}

	private Map<Long, Double> values(MatrixAxis axis, @Nullable Criterion criterion, Map<Long, CustomerRow> rows,
			Optional<Years> years) {
		Map<Long, Double> values = new HashMap<>();
		switch (axis.kind()) {
			case ATTRACTIVENESS ->
				rows.values().forEach((row) -> putIfPresent(values, row.customerId(), row.attractiveness()));
			case RELATIONSHIP ->
				rows.values().forEach((row) -> putIfPresent(values, row.customerId(), row.relationshipStrength()));
			case REVENUE -> rows.values().forEach((row) -> values.put(row.customerId(), row.revenue().doubleValue()));
			case MARGIN -> rows.values()
				.forEach((row) -> putIfPresent(values, row.customerId(),
						(row.margin() != null) ? row.margin().doubleValue() : null));
			case GROWTH -> years.ifPresent((period) -> growth(period.to()).forEach((id, growth) -> {
				if (rows.containsKey(id)) {
					values.put(id, growth);
				}
			}));
			case CRITERION ->
				this.jdbc.sql("select customer_id, level_score from customer_level where criterion_id = :criterion"
						+ " and level_score is not null")
					.param("criterion", criterion.id())
					.query((rs) -> {
						long id = rs.getLong(1);
						if (rows.containsKey(id)) {
							values.put(id, (double) rs.getInt(2));
						}
					});
		}
		return values;
	}

	/** Revenue per customer in the last year against the year before, in percent. */
	private Map<Long, Double> growth(int year) {
		Map<Long, Double> growth = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, sum(case when fiscal_year = :year then revenue else 0 end),
				       sum(case when fiscal_year = :previous then revenue else 0 end)
				from revenue_year where fiscal_year in (:year, :previous) group by customer_id
				""").param("year", year).param("previous", year - 1).query((rs) -> {
			BigDecimal current = rs.getBigDecimal(2);
			BigDecimal previous = rs.getBigDecimal(3);
			if (previous.signum() != 0) {
				growth.put(rs.getLong(1),
						current.subtract(previous).doubleValue() * 100 / previous.abs().doubleValue());
			}
		});
		return growth;
	}

	private Map<Long, BigDecimal[]> figures(Years years) {
		Map<Long, BigDecimal[]> figures = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, sum(revenue), sum(margin) from revenue_year
				where fiscal_year between :from and :to and lines > 0 group by customer_id
				""").param("from", years.from()).param("to", years.to()).query((rs) -> {
			figures.put(rs.getLong(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
		});
		return figures;
	}

	private Map<Long, String> levels(Criterion criterion) {
		Map<Long, String> levels = new HashMap<>();
		this.jdbc
			.sql("select customer_id, level_code from customer_level where criterion_id = :criterion"
					+ " and level_code is not null")
			.param("criterion", criterion.id())
			.query((rs) -> {
				levels.put(rs.getLong(1), rs.getString(2));
			});
		return levels;
	}

	private @Nullable Criterion criterion(String field, MatrixAxis axis) {
		if (axis.kind() != MatrixAxis.Kind.CRITERION) {
			return null;
		}
		return this.criteria.byCode(axis.criterion())
			.filter(Criterion::scored)
			.orElseThrow(() -> new InvalidInputException(
					List.of(new RuleViolation(field, "analysis.matrix.axis.unknown", axis.code()))));
	}

	private @Nullable Criterion colourCriterion(String colour) {
		if (COLOURS.contains(colour)) {
			return null;
		}
		if (colour.startsWith("criterion:")) {
			Optional<Criterion> criterion = this.criteria.byCode(colour.substring("criterion:".length()))
				.filter((candidate) -> candidate.kind().hasLevels());
			if (criterion.isPresent()) {
				return criterion.get();
			}
		}
		throw new InvalidInputException(List.of(new RuleViolation("colour", "analysis.matrix.colour.unknown", colour)));
	}

	private static void putIfPresent(Map<Long, Double> values, long id, @Nullable Double value) {
		if (value != null) {
			values.put(id, value);
		}
	}

	private static @Nullable Double number(@Nullable BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

	/** Where a customer's scores come from: its current standing and answers. */
	public record Standing(@Nullable Double attractiveness, @Nullable Double relationshipStrength, int ratedCriteria,
			boolean profitabilityFromMargins, java.time.@Nullable Instant evaluatedAt, @Nullable String evaluatedBy,
			List<Answer> answers) {
	}

	/** A current answer: the level (or number) and the score it counts with. */
	public record Answer(long criterionId, @Nullable String levelCode, @Nullable Integer levelScore,
			@Nullable BigDecimal numberValue) {
	}

	public Standing standing(long customerId) {
		List<Answer> answers = this.jdbc.sql("""
				select criterion_id, level_code, level_score, number_value from customer_level
				where customer_id = :id
				""")
			.param("id", customerId)
			.query((rs, n) -> new Answer(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
					rs.getBigDecimal(4)))
			.list();
		return this.jdbc.sql("""
				select attractiveness, relationship_strength, rated_criteria, profitability_from_margins, evaluated_at,
				       evaluated_by
				from customer_standing where customer_id = :id
				""")
			.param("id", customerId)
			.query((rs, n) -> new Standing(number(rs.getBigDecimal(1)), number(rs.getBigDecimal(2)), rs.getInt(3),
					rs.getBoolean(4), (rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant() : null,
					rs.getString(6), answers))
			.optional()
			.orElse(new Standing(null, null, 0, false, null, null, answers));
	}

}
