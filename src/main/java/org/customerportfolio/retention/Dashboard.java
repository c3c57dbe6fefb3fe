package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.util.List;

import org.customerportfolio.invoicing.RevenueFigures;
import org.customerportfolio.invoicing.RevenueFigures.YearFigures;
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

	private final RevenueFigures revenue;

	private final RetentionAnalysis retention;

	private final EarlyWarnings warnings;

	private final PlanManagement plans;

	Dashboard(JdbcClient jdbc, RevenueFigures revenue, RetentionAnalysis retention, EarlyWarnings warnings,
			PlanManagement plans) {
		this.jdbc = jdbc;
		this.revenue = revenue;
		this.retention = retention;
		this.warnings = warnings;
		this.plans = plans;
	}

	/** Everything the home page shows. */
	public record Headlines(long activeCustomers, long endedCustomers, @Nullable YearFigures thisYear,
			@Nullable YearFigures lastYear, @Nullable RetentionYear retentionYear, @Nullable Double meanRetention,
			@Nullable Integer shareYear, TopShare.Share topShare, List<EarlyWarning> warnings, long warningCount,
			List<ListedAction> overdue, long overdueCount) {
	}

	public Headlines headlines() {
		long active = count("ACTIVE");
		long ended = count("ENDED");
		List<YearFigures> years = this.revenue.portfolio();
		int current = this.retention.currentYear();
		YearFigures thisYear = years.stream().filter((year) -> year.year() == current).findFirst().orElse(null);
		YearFigures lastYear = years.stream().filter((year) -> year.year() == current - 1).findFirst().orElse(null);
		RetentionFigures figures = this.retention.figures();
		RetentionYear basis = this.retention.basisYear(figures);
		TopShare.Share share = (basis != null) ? TopShare.of(revenues(basis.year()), 0.2)
				: new TopShare.Share(0, 0, null);
		List<EarlyWarning> all = this.warnings.current();
		return new Headlines(active, ended, thisYear, lastYear, basis, figures.meanRetention(),
				(basis != null) ? basis.year() : null, share, all.stream().limit(LISTED).toList(), all.size(),
				this.plans.openActions(true, null, LISTED), this.plans.overdueCount());
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
