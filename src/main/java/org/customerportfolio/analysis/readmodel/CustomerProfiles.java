package org.customerportfolio.analysis.readmodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.CriterionScale;
import org.customerportfolio.analysis.CustomerProfile;
import org.customerportfolio.analysis.Years;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the filtered customers as profiles (categories, figures of the period, scores and
 * current answers) for the segment, similarity and cluster analyses: four queries over
 * the read models, whatever the number of customers.
 */
@Service
@Transactional(readOnly = true)
public class CustomerProfiles {

	private final JdbcClient jdbc;

	private final PortfolioReadModel readModel;

	private final CriteriaManagement criteria;

	private final AnalysisCache cache;

	CustomerProfiles(JdbcClient jdbc, PortfolioReadModel readModel, CriteriaManagement criteria, AnalysisCache cache) {
		this.jdbc = jdbc;
		this.readModel = readModel;
		this.criteria = criteria;
		this.cache = cache;
	}

	/**
	 * The profiles and what they rest on: the scales of the current criteria (in the
	 * criteria's order) and the criteria themselves for their names and labels.
	 */
	public record Portfolio(Optional<Years> years, List<CriterionScale> scales, List<Criterion> criteria,
			List<CustomerProfile> customers) {

		public Optional<CriterionScale> scale(String code) {
			return this.scales.stream().filter((scale) -> scale.code().equals(code)).findFirst();
		}

		public Optional<Criterion> criterion(String code) {
			return this.criteria.stream().filter((criterion) -> criterion.code().equals(code)).findFirst();
		}

	}

	/**
	 * The filtered customers; when the filter names a period, only those invoiced in it.
	 * Tags are read only when asked for.
	 */
	public Portfolio load(AnalysisFilter filter, boolean withTags) {
		return this.cache.get(new Question(filter, withTags), (portfolio) -> portfolio.customers().size(),
				() -> read(filter, withTags));
	}

	private record Question(AnalysisFilter filter, boolean withTags) {
	}

	/** Shared by every analysis that asks the same: never changed once read. */
	private Portfolio read(AnalysisFilter filter, boolean withTags) {
		List<Criterion> current = this.criteria.current()
			.stream()
			.filter((criterion) -> criterion.kind() != CriterionKind.TEXT)
			.toList();
		List<CriterionScale> scales = scales(current);
		Optional<Years> years = this.readModel.period(filter);
		CustomerConditions conditions = CustomerConditions.of(filter);
		boolean periodInFilter = filter.from() != null || filter.to() != null;
		Map<Long, BigDecimal[]> figures = years.map(this::figures).orElse(Map.of());
		// one query per table, no joins: the database scans each once, the JVM matches
		// the rows
		List<CustomerProfile> customers = new ArrayList<>();
		Map<Long, CustomerProfile> byId = new HashMap<>();
		Map<Long, Double[]> scores = new HashMap<>();
		this.jdbc.sql("select customer_id, attractiveness, relationship_strength from customer_standing")
			.query((rs) -> {
				scores.put(rs.getLong(1), new Double[] { number(rs.getBigDecimal(2)), number(rs.getBigDecimal(3)) });
			});
		Double[] unscored = new Double[2];
		this.jdbc.sql("""
				select c.id, c.name, c.business_type, c.status, c.account_manager_id from customer c
				where %s order by c.id
				""".formatted(conditions.sql())).params(conditions.parameters()).query((rs) -> {
			long id = rs.getLong(1);
			Double[] score = scores.getOrDefault(id, unscored);
			BigDecimal[] money = figures.get(id);
			if (periodInFilter && (money == null || money[4].signum() == 0)) {
				return;
			}
			BigDecimal zero = BigDecimal.ZERO;
			CustomerProfile customer = new CustomerProfile(id, rs.getString(2), rs.getString(3), rs.getString(4),
					(Long) rs.getObject(5, Long.class), withTags ? new ArrayList<>(1) : List.of(),
					(money != null) ? money[0] : zero, (money != null) ? money[1] : null,
					(money != null) ? money[2] : zero, (money != null) ? money[3] : zero, score[0], score[1],
					new long[scales.size()], empty(scales.size()));
			customers.add(customer);
			byId.put(id, customer);
		});
		Map<Long, Integer> byCriterion = new HashMap<>();
		scales.forEach((scale) -> byCriterion.put(scale.criterionId(), scale.index()));
		this.jdbc.sql("select customer_id, criterion_id, level_codes, level_code, number_value from customer_level")
			.query((rs) -> {
				CustomerProfile customer = byId.get(rs.getLong(1));
				Integer index = byCriterion.get(rs.getLong(2));
				if (customer == null || index == null) {
					return;
				}
				CriterionScale scale = scales.get(index);
				if (scale.kind() == CriterionScale.Kind.NUMBER) {
					BigDecimal value = rs.getBigDecimal(5);
					if (value != null) {
						customer.numbers()[index] = value.doubleValue();
					}
				}
				else {
					customer.levels()[index] = mask(scale, rs.getString(3), rs.getString(4));
				}
			});
		if (withTags) {
			this.jdbc.sql("select customer_id, tag from customer_tag order by tag").query((rs) -> {
				CustomerProfile customer = byId.get(rs.getLong(1));
				if (customer != null) {
					customer.tags().add(rs.getString(2));
				}
			});
		}
		return new Portfolio(years, withObservedRanges(scales, customers), current,
				Collections.unmodifiableList(customers));
	}

	/**
	 * Per customer: revenue and margin of the period, revenue of its last year and of the
	 * year before, and the lines of the period.
	 */
	private Map<Long, BigDecimal[]> figures(Years years) {
		Map<Long, BigDecimal[]> figures = new HashMap<>();
		this.jdbc.sql("""
				select customer_id,
				       sum(case when fiscal_year >= :from and lines > 0 then revenue else 0 end),
				       sum(case when fiscal_year >= :from and lines > 0 then margin end),
				       sum(case when fiscal_year = :to then revenue else 0 end),
				       sum(case when fiscal_year = :before then revenue else 0 end),
				       sum(case when fiscal_year >= :from then lines else 0 end)
				from revenue_year where fiscal_year between :lowest and :to group by customer_id
				""")
			.param("from", years.from())
			.param("to", years.to())
			.param("before", years.to() - 1)
			.param("lowest", Math.min(years.from(), years.to() - 1))
			.query((rs) -> {
				figures.put(rs.getLong(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3),
						rs.getBigDecimal(4), rs.getBigDecimal(5), BigDecimal.valueOf(rs.getLong(6)) });
			});
		return figures;
	}

	static List<CriterionScale> scales(List<Criterion> criteria) {
		List<CriterionScale> scales = new ArrayList<>();
		for (Criterion criterion : criteria) {
			CriterionScale.Kind kind = switch (criterion.kind()) {
				case ORDINAL -> CriterionScale.Kind.ORDINAL;
				case SINGLE_CHOICE -> CriterionScale.Kind.NOMINAL;
				case MULTIPLE_CHOICE -> CriterionScale.Kind.MULTIPLE;
				default -> CriterionScale.Kind.NUMBER;
			};
			List<String> levels = criterion.levels().stream().map(Level::code).limit(63).toList();
			scales.add(new CriterionScale(scales.size(), criterion.id(), criterion.code(), kind, levels,
					(criterion.minValue() != null) ? criterion.minValue().doubleValue() : null,
					(criterion.maxValue() != null) ? criterion.maxValue().doubleValue() : null));
		}
		return scales;
	}

	/** Number criteria without a set range use the range of the answers given. */
	private static List<CriterionScale> withObservedRanges(List<CriterionScale> scales,
			List<CustomerProfile> customers) {
		List<CriterionScale> ranged = new ArrayList<>(scales.size());
		for (CriterionScale scale : scales) {
			if (scale.kind() != CriterionScale.Kind.NUMBER || (scale.min() != null && scale.max() != null)) {
				ranged.add(scale);
				continue;
			}
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			for (CustomerProfile customer : customers) {
				double value = customer.numbers()[scale.index()];
				if (!Double.isNaN(value)) {
					min = Math.min(min, value);
					max = Math.max(max, value);
				}
			}
			ranged.add(new CriterionScale(scale.index(), scale.criterionId(), scale.code(), scale.kind(),
					scale.levels(), (min <= max) ? min : null, (min <= max) ? max : null));
		}
		return ranged;
	}

	/** The chosen levels (",a,b," or the single code) as bits of the scale's levels. */
	static long mask(CriterionScale scale, @Nullable String codes, @Nullable String code) {
		long mask = 0;
		if (codes != null && !codes.isBlank()) {
			for (String part : codes.split(",")) {
				int bit = part.isEmpty() ? -1 : scale.bit(part);
				if (bit >= 0) {
					mask |= 1L << bit;
				}
			}
		}
		if (mask == 0 && code != null) {
			int bit = scale.bit(code);
			if (bit >= 0) {
				mask = 1L << bit;
			}
		}
		return mask;
	}

	private static double[] empty(int size) {
		double[] values = new double[size];
		Arrays.fill(values, Double.NaN);
		return values;
	}

	private static @Nullable Double number(@Nullable BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

	/** Labels of every level of the current criteria, per criterion code, for pages. */
	public static Map<String, Map<String, Level>> levels(List<Criterion> criteria) {
		Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
		for (Criterion criterion : criteria) {
			Map<String, Level> byCode = new LinkedHashMap<>();
			criterion.levels().forEach((level) -> byCode.put(level.code(), level));
			levels.put(criterion.code(), byCode);
		}
		return levels;
	}

}
