package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.util.List;

import org.customerportfolio.shared.Formats;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ListedAction;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page's figures: customers, revenue this year against last, margin, retention,
 * the top fifth's share of revenue, the warnings and the overdue actions, each read
 * set-based from the read models.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

	static final int LISTED = 10;

	private final JdbcClient jdbc;

	private final Formats formats;

	private final RetentionAnalysis retention;

	private final EarlyWarnings warnings;

	private final PlanManagement plans;

	private final RetentionCache cache;

	Dashboard(JdbcClient jdbc, Formats formats, RetentionAnalysis retention, EarlyWarnings warnings,
			PlanManagement plans, RetentionCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.formats = formats;
		this.retention = retention;
		this.warnings = warnings;
		this.plans = plans;
	}

	/** Everything the home page shows. */
	public record Headlines(long activeCustomers, long endedCustomers, @Nullable YearRevenue thisYear,
			@Nullable YearRevenue lastYear, @Nullable RetentionYear retentionYear, @Nullable Double meanRetention,
			@Nullable Integer shareYear, TopShare.Share topShare, List<EarlyWarning> warnings, long warningCount,
			List<ListedAction> overdue, long overdueCount) {
	}

	public Headlines headlines() {
		Totals totals = this.cache.get(new TotalsOn(this.formats.today()), (kept) -> 1, this::totals);
		List<EarlyWarning> all = this.warnings.current();
		return new Headlines(totals.active(), totals.ended(), totals.thisYear(), totals.lastYear(), totals.basis(),
				totals.meanRetention(), (totals.basis() != null) ? totals.basis().year() : null, totals.share(),
				all.stream().limit(LISTED).toList(), all.size(), this.plans.openActions(true, null, LISTED),
				this.plans.overdueCount());
	}

	/**
	 * The portfolio's figures on the home page, kept until the data changes (or the date
	 * does): at 100,000 customers they read millions of monthly and yearly totals.
	 */
	private record Totals(long active, long ended, @Nullable YearRevenue thisYear, @Nullable YearRevenue lastYear,
			@Nullable RetentionYear basis, @Nullable Double meanRetention, TopShare.Share share) {
	}

	private record TotalsOn(java.time.LocalDate today) {
	}

	private Totals totals() {
		int current = this.retention.currentYear();
		RetentionFigures figures = this.retention.figures();
		RetentionYear basis = this.retention.basisYear(figures);
		TopShare.Share share = (basis != null) ? TopShare.of(revenues(basis.year()), 0.2)
				: new TopShare.Share(0, 0, null);
		return new Totals(count("ACTIVE"), count("ENDED"), year(current, sameMonthsLastYear(current)),
				year(current - 1, null), basis, figures.meanRetention(), share);
	}

	/**
	 * A year's revenue and margin; the running year against the same months of the year
	 * before.
	 */
	public record YearRevenue(int year, BigDecimal revenue, @Nullable BigDecimal margin,
			@Nullable BigDecimal changePercent) {
	}

	private @Nullable YearRevenue year(int year, @Nullable BigDecimal comparedWith) {
		return this.jdbc.sql("select sum(revenue), sum(margin), count(*) from revenue_year where fiscal_year = :year")
			.param("year", year)
			.query((rs, n) -> {
				if (rs.getLong(3) == 0) {
					return null;
				}
				BigDecimal revenue = Retention.money(rs.getBigDecimal(1));
				BigDecimal margin = rs.getBigDecimal(2);
				BigDecimal change = (comparedWith != null && comparedWith.signum() != 0)
						? revenue.subtract(comparedWith)
							.multiply(BigDecimal.valueOf(100))
							.divide(comparedWith.abs(), 1, java.math.RoundingMode.HALF_UP)
						: null;
				return new YearRevenue(year, revenue, (margin != null) ? Retention.money(margin) : null, change);
			})
			.optional()
			.orElse(null);
	}

	/** The revenue of last year's months up to the month of today's date a year ago. */
	private BigDecimal sameMonthsLastYear(int current) {
		java.time.LocalDate to = this.formats.today().minusYears(1);
		return this.jdbc.sql(
				"select coalesce(sum(revenue), 0) from revenue_month where month_start >= :from and month_start <= :to")
			.param("from", java.sql.Date.valueOf(this.retention.startOf(current - 1)))
			.param("to", java.sql.Date.valueOf(to))
			.query(BigDecimal.class)
			.single();
	}

	private long count(String status) {
		return this.jdbc.sql("select count(*) from customer where archived = false and status = :status")
			.param("status", status)
			.query(Long.class)
			.single();
	}

	private List<BigDecimal> revenues(int year) {
		return this.jdbc.sql("""
				select r.revenue from revenue_year r join customer c on c.id = r.customer_id
				where r.fiscal_year = :year and r.revenue > 0 and c.archived = false
				""").param("year", year).query(BigDecimal.class).list();
	}

}
