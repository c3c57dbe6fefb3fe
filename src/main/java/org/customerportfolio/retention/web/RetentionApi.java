package org.customerportfolio.retention.web;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.retention.Retention.Cohort;
import org.customerportfolio.retention.Retention.FiveYearLoss;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.customerportfolio.retention.RetentionAnalysis;
import org.customerportfolio.retention.RetentionAnalysis.Lifetime;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention for integrations: one row per year, the cohorts, the five-year loss and the
 * lifetime value, all rates as fractions (0.919 is 91.9 %).
 */
@RestController
@RequestMapping(path = "/api/v1/analysis", produces = "application/json")
@Tag(name = "Retention", description = "Customers kept and lost per year, cohorts and lifetime value")
class RetentionApi {

	private final RetentionAnalysis retention;

	RetentionApi(RetentionAnalysis retention) {
		this.retention = retention;
	}

	@GetMapping("/retention")
	@Operation(summary = "Per year: active, new, retained, returning and lost customers, retention rate "
			+ "(retained ÷ active the year before) and churn; the cohort table; the five-year loss; the lifetime "
			+ "value at a discount rate in percent (default configured)")
	RetentionResponse retention(@RequestParam(required = false) @Nullable String discount) {
		RetentionFigures figures = this.retention.figures();
		Lifetime lifetime = this.retention.lifetime(figures, Percentages.parse(discount, "discount"));
		return new RetentionResponse(figures.years().stream().map(YearRow::of).toList(), figures.cohorts(),
				figures.fiveYearLoss(), figures.meanRetention(), lifetime);
	}

	record RetentionResponse(List<YearRow> years, List<Cohort> cohorts, FiveYearLoss fiveYearLoss,
			@Nullable Double meanRetention, Lifetime lifetimeValue) {
	}

	/**
	 * One year Y: {@code new} were never active before Y; {@code lost} were active in
	 * Y−1, not in Y.
	 */
	record YearRow(int year, int active, @JsonProperty("new") int newCustomers, int retained, int returning, int lost,
			@Nullable Double retentionRate, @Nullable Double churnRate, BigDecimal revenue) {

		static YearRow of(RetentionYear year) {
			return new YearRow(year.year(), year.active(), year.newCustomers(), year.retained(), year.returning(),
					year.lost(), year.retentionRate(), year.churnRate(), year.revenue());
		}

	}

}
