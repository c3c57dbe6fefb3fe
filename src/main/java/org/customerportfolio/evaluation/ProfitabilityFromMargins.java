package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.invoicing.RevenueFigures;
import org.customerportfolio.invoicing.RevenueFigures.MarginShare;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where actual margins are known, the profitability criterion takes its level from them
 * instead of from the rating, as the source text asks: a margin at or above the "high"
 * threshold gives the best level, at or above the "average" threshold the middle one,
 * below it the lowest. The thresholds are settings.
 */
@Component
public class ProfitabilityFromMargins {

	static final String CRITERION = "profitability";

	private final RevenueFigures figures;

	private final boolean enabled;

	private final BigDecimal high;

	private final BigDecimal average;

	ProfitabilityFromMargins(RevenueFigures figures,
			@Value("${portfolio.profitability.from-margins:true}") boolean enabled,
			@Value("${portfolio.profitability.high-margin-percent:20}") BigDecimal high,
			@Value("${portfolio.profitability.average-margin-percent:10}") BigDecimal average) {
		this.figures = figures;
		this.enabled = enabled;
		this.high = high;
		this.average = average;
	}

	/**
	 * The level actual margins give, and the margin it rests on.
	 */
	public record MarginBasis(Rating rating, MarginShare margin, BigDecimal highThreshold,
			BigDecimal averageThreshold) {
	}

	Optional<MarginBasis> basis(long customerId, List<Criterion> criteria) {
		return Optional.ofNullable(bases(List.of(customerId), criteria).get(customerId));
	}

	/** The bases of many customers at once; customers without margins are left out. */
	Map<Long, MarginBasis> bases(Collection<Long> customerIds, List<Criterion> criteria) {
		if (!this.enabled) {
			return Map.of();
		}
		Optional<Criterion> profitability = criteria.stream()
			.filter((criterion) -> criterion.code().equals(CRITERION) && !criterion.retired())
			.filter((criterion) -> criterion.levels().size() >= 2)
			.findFirst();
		if (profitability.isEmpty()) {
			return Map.of();
		}
		List<Level> levels = profitability.get().levels();
		Map<Long, MarginBasis> bases = new HashMap<>();
		this.figures.marginShares(customerIds).forEach((customerId, margin) -> {
			Level level = (margin.percent().compareTo(this.high) >= 0) ? levels.get(0)
					: (margin.percent().compareTo(this.average) >= 0 && levels.size() > 2) ? levels.get(1)
							: levels.get(levels.size() - 1);
			Rating rating = new Rating(CRITERION, List.of(level.code()), List.of(level.labelNl()),
					List.of(level.labelEn()), null, null);
			bases.put(customerId, new MarginBasis(rating, margin, this.high, this.average));
		});
		return bases;
	}

}
