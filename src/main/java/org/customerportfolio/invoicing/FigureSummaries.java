package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.customerportfolio.shared.InstanceLocks;
import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.shared.Chunks;
import org.customerportfolio.shared.Formats;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one row of money figures per invoiced customer ({@code customer_figures}) for the
 * portfolio sheet: this (fiscal) year to date, last year whole and to the same day, the
 * change between the two to-date figures, margin, the 12-month projection, and revenue in
 * the last twelve complete months and the twelve before (which the early warnings read).
 * The figures move with the date, so they are rebuilt after every import for the
 * customers it touched, each night for all, and at start-up when they were built in
 * another month.
 */
@Component
@Transactional
public class FigureSummaries {

	private static final int CHUNK = 1000;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final FiscalYears years;

	private final Formats formats;

	private final DataChanges changes;

	private final InstanceLocks locks;

	FigureSummaries(JdbcClient jdbc, JdbcTemplate jdbcTemplate, FiscalYears years, Formats formats, DataChanges changes,
			InstanceLocks locks) {
		this.locks = locks;
		this.changes = changes;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.years = years;
		this.formats = formats;
	}

	@EventListener
	void invoiced(InvoiceLinesChanged event) {
		refresh(event.customerIds());
	}

	@EventListener(ApplicationReadyEvent.class)
	public void refreshIfStale() {
		this.locks.lock(InstanceLocks.READ_MODEL_BUILD);
		LocalDate monthStart = this.formats.today().withDayOfMonth(1);
		boolean stale = this.jdbc.sql("select count(*) from customer_figures where basis_date < :month")
			.param("month", Date.valueOf(monthStart))
			.query(Long.class)
			.single() > 0;
		boolean missing = this.jdbc
			.sql("select count(*) from revenue_year y where not exists "
					+ "(select 1 from customer_figures f where f.customer_id = y.customer_id)")
			.query(Long.class)
			.single() > 0;
		if (stale || missing) {
			refreshAll();
		}
	}

	@Scheduled(cron = "${portfolio.figures.refresh-cron:0 45 2 * * *}")
	public void nightly() {
		refreshAll();
	}

	public void refreshAll() {
		long after = 0;
		while (true) {
			List<Long> ids = this.jdbc
				.sql("select distinct customer_id from revenue_year where customer_id > :after "
						+ "order by customer_id limit :limit")
				.param("after", after)
				.param("limit", CHUNK)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return;
			}
			refreshChunk(ids);
			after = ids.get(ids.size() - 1);
		}
	}

	public void refresh(Collection<Long> customerIds) {
		Chunks.of(customerIds, CHUNK).forEach(this::refreshChunk);
	}

	private void refreshChunk(List<Long> customerIds) {
		this.changes.record();
		Map<Long, List<RevenueFigures.MonthRow>> months = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, month_start, sum(revenue) as revenue, sum(margin) as margin,
				       sum(revenue_with_margin) as revenue_with_margin
				from revenue_month where customer_id in (:ids) group by customer_id, month_start
				""").param("ids", customerIds).query((rs) -> {
			months.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new RevenueFigures.MonthRow(rs.getDate(2).toLocalDate(), null, rs.getBigDecimal(3),
						rs.getBigDecimal(4), rs.getBigDecimal(5)));
		});
		LocalDate today = this.formats.today();
		List<Object[]> rows = new ArrayList<>();
		months.forEach((customerId, history) -> rows.add(row(customerId, history, today)));
		this.jdbc.sql("delete from customer_figures where customer_id in (:ids)").param("ids", customerIds).update();
		this.jdbcTemplate.batchUpdate("""
				insert into customer_figures (customer_id, basis_date, revenue_this_year, revenue_last_year,
				    revenue_last_year_to_date, revenue_change, revenue_change_percent, margin_this_year, margin_percent,
				    projection, projection_error, trailing_twelve, previous_twelve)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	private Object[] row(long customerId, List<RevenueFigures.MonthRow> history, LocalDate today) {
		int thisYear = this.years.yearOf(today);
		LocalDate sameDayLastYear = today.minusYears(1);
		BigDecimal revenueThisYear = BigDecimal.ZERO;
		BigDecimal lastYear = BigDecimal.ZERO;
		BigDecimal lastYearToDate = BigDecimal.ZERO;
		BigDecimal margin = null;
		BigDecimal withMargin = BigDecimal.ZERO;
		Map<YearMonth, BigDecimal> monthly = new TreeMap<>();
		for (RevenueFigures.MonthRow month : history) {
			int year = this.years.yearOf(month.monthStart());
			monthly.put(YearMonth.from(month.monthStart()), month.revenue());
			if (year == thisYear) {
				revenueThisYear = revenueThisYear.add(month.revenue());
				withMargin = withMargin.add(month.revenueWithMargin());
				if (month.margin() != null) {
					margin = (margin != null) ? margin.add(month.margin()) : month.margin();
				}
			}
			else if (year == thisYear - 1) {
				lastYear = lastYear.add(month.revenue());
				if (!month.monthStart().isAfter(sameDayLastYear)) {
					lastYearToDate = lastYearToDate.add(month.revenue());
				}
			}
		}
		BigDecimal change = revenueThisYear.subtract(lastYearToDate);
		// the last complete month: the current one is still being invoiced
		YearMonth lastComplete = YearMonth.from(today).minusMonths(1);
		BigDecimal trailing = BigDecimal.ZERO;
		BigDecimal previous = BigDecimal.ZERO;
		for (Map.Entry<YearMonth, BigDecimal> month : monthly.entrySet()) {
			long back = lastComplete.until(month.getKey(), java.time.temporal.ChronoUnit.MONTHS);
			if (back <= 0 && back > -12) {
				trailing = trailing.add(month.getValue());
			}
			else if (back <= -12 && back > -24) {
				previous = previous.add(month.getValue());
			}
		}
		Projection.Forecast forecast = Projection.forecast(monthly, lastComplete);
		return new Object[] { customerId, Date.valueOf(today), money(revenueThisYear), money(lastYear),
				money(lastYearToDate), money(change), percent(change, lastYearToDate.abs()),
				(margin != null) ? money(margin) : null, (margin != null) ? percent(margin, withMargin) : null,
				(forecast.nextTwelveMonths() != null) ? money(forecast.nextTwelveMonths()) : null,
				forecast.backtestErrorPercent(), money(trailing), money(previous) };
	}

	private static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return (whole.signum() > 0) ? part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP) : null;
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

}
