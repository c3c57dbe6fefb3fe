package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.customerportfolio.shared.Chunks;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.PageSlice;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue figures from the monthly totals (never from the raw lines): per customer and
 * year (calendar year, or a fiscal year starting in a configured month), per service
 * category, the change against the previous year, the trailing twelve months, and a
 * projection for the next twelve.
 */
@Service
@Transactional(readOnly = true)
public class RevenueFigures {

	private final JdbcClient jdbc;

	private final Formats formats;

	private final FiscalYears fiscalYears;

	RevenueFigures(JdbcClient jdbc, Formats formats, FiscalYears fiscalYears) {
		this.jdbc = jdbc;
		this.formats = formats;
		this.fiscalYears = fiscalYears;
	}

	/**
	 * One year of one customer (or of the portfolio). The year still running is compared
	 * with the same months of the year before ({@code toDate}), not with the whole of it.
	 */
	public record YearFigures(int year, BigDecimal revenue, @Nullable BigDecimal margin, BigDecimal revenueWithMargin,
			@Nullable BigDecimal change, @Nullable BigDecimal changePercent, Map<String, BigDecimal> byCategory,
			long customers, boolean toDate) {
	}

	/** A customer's figures: years oldest first, trailing twelve months, projection. */
	public record CustomerFigures(long customerId, List<YearFigures> years, BigDecimal trailingTwelveMonths,
			BigDecimal previousTwelveMonths, Projection.Forecast projection, boolean fiscalYear, int fiscalYearStart) {
	}

	/** One row of the integration export: a customer and a year. */
	public record CustomerYear(long customerId, @Nullable String customerRef, int year, BigDecimal revenue,
			@Nullable BigDecimal margin) {
	}

	public CustomerFigures customer(long customerId) {
		List<MonthRow> months = this.jdbc.sql("""
				select month_start, service_category, revenue, margin, revenue_with_margin
				from revenue_month where customer_id = :id order by month_start
				""").param("id", customerId).query(MONTH_ROW).list();
		List<YearFigures> years = years(months, Map.of());
		// the last complete month: the current one is still being invoiced
		YearMonth current = YearMonth.from(this.formats.today()).minusMonths(1);
		Map<YearMonth, BigDecimal> monthly = monthly(months);
		BigDecimal trailing = sum(monthly, current.minusMonths(11), current);
		BigDecimal previous = sum(monthly, current.minusMonths(23), current.minusMonths(12));
		return new CustomerFigures(customerId, years, trailing, previous, Projection.forecast(monthly, current),
				!this.fiscalYears.calendar(), this.fiscalYears.startMonth());
	}

	/** The margin over revenue where costs or margins were imported. */
	public record MarginShare(BigDecimal percent, BigDecimal margin, BigDecimal revenue, boolean trailingTwelveMonths) {
	}

	/**
	 * The customer's actual margin as a share of the revenue it is known for: over the
	 * last twelve complete months, or over all history when those months have none.
	 * Nothing when no line carries a cost or margin.
	 */
	public java.util.Optional<MarginShare> marginShare(long customerId) {
		return java.util.Optional.ofNullable(marginShares(List.of(customerId)).get(customerId));
	}

	/**
	 * The margin shares of many customers at once; customers without margins are left
	 * out.
	 */
	public Map<Long, MarginShare> marginShares(Collection<Long> customerIds) {
		YearMonth last = YearMonth.from(this.formats.today()).minusMonths(1);
		Map<Long, MarginShare> shares = new java.util.HashMap<>();
		for (List<Long> chunk : Chunks.of(customerIds, 1000)) {
			marginShares(chunk, last.minusMonths(11).atDay(1), last.plusMonths(1).atDay(1), true, shares);
			List<Long> rest = chunk.stream().filter((id) -> !shares.containsKey(id)).toList();
			if (!rest.isEmpty()) {
				marginShares(rest, LocalDate.of(1900, 1, 1), LocalDate.of(2200, 1, 1), false, shares);
			}
		}
		return shares;
	}

	private void marginShares(List<Long> customerIds, LocalDate from, LocalDate to, boolean trailing,
			Map<Long, MarginShare> shares) {
		this.jdbc.sql("""
				select customer_id, sum(margin) as margin, sum(revenue_with_margin) as revenue from revenue_month
				where customer_id in (:ids) and customer_id between :first and :last
				  and month_start >= :from and month_start < :to
				group by customer_id
				""")
			.param("ids", customerIds)
			// the range steers H2 to the customer index instead of a year of months
			.param("first", customerIds.stream().mapToLong(Long::longValue).min().orElse(0))
			.param("last", customerIds.stream().mapToLong(Long::longValue).max().orElse(0))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs) -> {
				BigDecimal margin = rs.getBigDecimal(2);
				BigDecimal revenue = rs.getBigDecimal(3);
				if (margin != null && revenue != null && revenue.signum() > 0) {
					shares.put(rs.getLong(1),
							new MarginShare(
									margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP),
									money(margin), money(revenue), trailing));
				}
			});
	}

	/** The portfolio's years, with the number of customers with revenue in each. */
	public List<YearFigures> portfolio() {
		return portfolio(null);
	}

	/** The years of a group of customers (all when none are named). */
	public List<YearFigures> portfolio(@Nullable Collection<Long> customerIds) {
		String where = (customerIds != null) ? " where m.customer_id in (:ids)" : "";
		List<Long> ids = (customerIds != null) ? List.copyOf(customerIds) : List.of(-1L);
		if (customerIds != null && customerIds.isEmpty()) {
			return List.of();
		}
		List<MonthRow> months = this.jdbc.sql("""
				select m.month_start, m.service_category, sum(m.revenue) as revenue, sum(m.margin) as margin,
				       sum(m.revenue_with_margin) as revenue_with_margin
				from revenue_month m%s group by m.month_start, m.service_category order by m.month_start
				""".formatted(where)).params(params(ids)).query(MONTH_ROW).list();
		Map<Integer, Long> active = new TreeMap<>();
		this.jdbc
			.sql("select cast(%s as integer), count(distinct m.customer_id) from revenue_month m%s group by 1"
				.formatted(this.fiscalYears.sqlYearOf("m.month_start"), where))
			.params(params(ids))
			.query((rs) -> {
				active.put(rs.getInt(1), rs.getLong(2));
			});
		return years(months, active);
	}

	/**
	 * Revenue per service category over all years, for a group of customers (all when
	 * none are named).
	 */
	public Map<String, BigDecimal> categoryTotals(@Nullable Collection<Long> customerIds) {
		if (customerIds != null && customerIds.isEmpty()) {
			return Map.of();
		}
		String where = (customerIds != null) ? " where m.customer_id in (:ids)" : "";
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		this.jdbc.sql("""
				select coalesce(m.service_category, '') as category, sum(m.revenue) as revenue from revenue_month m%s
				group by coalesce(m.service_category, '') order by 2 desc
				""".formatted(where))
			.params(params((customerIds != null) ? List.copyOf(customerIds) : List.of(-1L)))
			.query((rs) -> {
				totals.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return totals;
	}

	private static Map<String, Object> params(List<Long> ids) {
		return Map.of("ids", ids);
	}

	/** Revenue and margin per customer and year, a page at a time, for integrations. */
	public PageSlice<CustomerYear> customerYears(int fromYear, int toYear, int page, int size) {
		long total = this.jdbc.sql("select count(*) from revenue_year where fiscal_year between :from and :to")
			.param("from", fromYear)
			.param("to", toYear)
			.query(Long.class)
			.single();
		List<CustomerYear> rows = this.jdbc.sql("""
				select y.customer_id, c.external_ref, y.fiscal_year, y.revenue, y.margin
				from revenue_year y join customer c on c.id = y.customer_id
				where y.fiscal_year between :from and :to
				order by y.customer_id, y.fiscal_year limit :limit offset :offset
				""")
			.param("from", fromYear)
			.param("to", toYear)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new CustomerYear(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5)))
			.list();
		return new PageSlice<>(rows, page, size, total);
	}

	int fiscalYear(LocalDate month) {
		return this.fiscalYears.yearOf(month);
	}

	private List<YearFigures> years(List<MonthRow> months, Map<Integer, Long> customers) {
		Map<Integer, BigDecimal> revenue = new TreeMap<>();
		Map<Integer, BigDecimal> margin = new TreeMap<>();
		Map<Integer, BigDecimal> withMargin = new TreeMap<>();
		Map<Integer, Map<String, BigDecimal>> categories = new TreeMap<>();
		for (MonthRow month : months) {
			int year = fiscalYear(month.monthStart());
			revenue.merge(year, month.revenue(), BigDecimal::add);
			withMargin.merge(year, month.revenueWithMargin(), BigDecimal::add);
			if (month.margin() != null) {
				margin.merge(year, month.margin(), BigDecimal::add);
			}
			categories.computeIfAbsent(year, (y) -> new LinkedHashMap<>())
				.merge((month.serviceCategory() != null) ? month.serviceCategory() : "", month.revenue(),
						BigDecimal::add);
		}
		LocalDate today = this.formats.today();
		int currentYear = fiscalYear(today);
		LocalDate sameDayLastYear = today.minusYears(1);
		BigDecimal lastYearToDate = BigDecimal.ZERO;
		for (MonthRow month : months) {
			if (fiscalYear(month.monthStart()) == currentYear - 1 && !month.monthStart().isAfter(sameDayLastYear)) {
				lastYearToDate = lastYearToDate.add(month.revenue());
			}
		}
		List<YearFigures> years = new ArrayList<>();
		BigDecimal previous = null;
		int previousYear = Integer.MIN_VALUE;
		for (Map.Entry<Integer, BigDecimal> year : revenue.entrySet()) {
			BigDecimal value = money(year.getValue());
			boolean toDate = year.getKey() == currentYear;
			BigDecimal base = (previousYear != year.getKey() - 1) ? null : (toDate ? money(lastYearToDate) : previous);
			BigDecimal change = (base != null) ? value.subtract(base) : null;
			BigDecimal percent = (base != null && base.signum() != 0)
					? change.multiply(BigDecimal.valueOf(100)).divide(base.abs(), 1, RoundingMode.HALF_UP) : null;
			Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
			categories.get(year.getKey()).forEach((category, amount) -> byCategory.put(category, money(amount)));
			years.add(new YearFigures(year.getKey(), value,
					margin.containsKey(year.getKey()) ? money(margin.get(year.getKey())) : null,
					money(withMargin.getOrDefault(year.getKey(), BigDecimal.ZERO)), change, percent, byCategory,
					customers.getOrDefault(year.getKey(), 0L), toDate));
			previous = value;
			previousYear = year.getKey();
		}
		return years;
	}

	private static Map<YearMonth, BigDecimal> monthly(List<MonthRow> months) {
		Map<YearMonth, BigDecimal> monthly = new TreeMap<>();
		for (MonthRow month : months) {
			monthly.merge(YearMonth.from(month.monthStart()), month.revenue(), BigDecimal::add);
		}
		return monthly;
	}

	private static BigDecimal sum(Map<YearMonth, BigDecimal> monthly, YearMonth from, YearMonth to) {
		BigDecimal total = BigDecimal.ZERO;
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			total = total.add(monthly.getOrDefault(month, BigDecimal.ZERO));
		}
		return money(total);
	}

	static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * By position: a DataClassRowMapper looks up "monthstart" before "month_start", and
	 * H2 writes every such miss, with its stack trace, to its trace file.
	 */
	private static final RowMapper<MonthRow> MONTH_ROW = (rs, row) -> new MonthRow(rs.getObject(1, LocalDate.class),
			rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5));

	record MonthRow(LocalDate monthStart, @Nullable String serviceCategory, BigDecimal revenue,
			@Nullable BigDecimal margin, BigDecimal revenueWithMargin) {
	}

}
