package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.retention.Retention.LostCustomer;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the retention calculation from the yearly read model ({@code revenue_year}, one
 * row per customer and fiscal year), streaming the rows in customer order so that a
 * portfolio of any size never sits in memory as a whole. Archived customers are left out.
 */
@Service
@Transactional(readOnly = true)
public class RetentionAnalysis {

	private final JdbcClient jdbc;

	private final Formats formats;

	private final int fiscalYearStart;

	private final double defaultDiscount;

	private final RetentionCache cache;

	RetentionAnalysis(JdbcClient jdbc, Formats formats,
			@Value("${portfolio.fiscal-year-start-month:1}") int fiscalYearStart,
			@Value("${portfolio.retention.discount-rate-percent:10}") double defaultDiscountPercent,
			RetentionCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.formats = formats;
		this.fiscalYearStart = Math.max(1, Math.min(12, fiscalYearStart));
		this.defaultDiscount = defaultDiscountPercent / 100;
	}

	/** The retention of the whole portfolio (archived customers left out). */
	public RetentionFigures figures() {
		return this.cache.get(Whole.PORTFOLIO, (figures) -> 1000, () -> figures(null));
	}

	private enum Whole {

		PORTFOLIO

	}

	/**
	 * The retention of some customers only (all active, unarchived ones when none are
	 * named).
	 */
	RetentionFigures figures(@Nullable Collection<Long> customerIds) {
		if (customerIds != null && customerIds.isEmpty()) {
			return Retention.of(List.of());
		}
		String only = (customerIds != null) ? " and r.customer_id in (:ids)" : "";
		Retention retention = Retention.streaming();
		this.jdbc.sql("""
				select r.customer_id, r.fiscal_year, r.revenue, r.margin
				from revenue_year r join customer c on c.id = r.customer_id
				where c.archived = false%s
				order by r.customer_id, r.fiscal_year
				""".formatted(only))
			.param("ids", (customerIds != null) ? List.copyOf(customerIds) : List.of(-1L))
			.query((rs) -> {
				retention
					.accept(new CustomerYear(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
			});
		return retention.figures();
	}

	/** The fiscal year today falls in: the year still being invoiced. */
	public int currentYear() {
		LocalDate today = this.formats.today();
		if (this.fiscalYearStart == 1) {
			return today.getYear();
		}
		return (today.getMonthValue() >= this.fiscalYearStart) ? today.getYear() + 1 : today.getYear();
	}

	/** The first day of a fiscal year (named after the calendar year it ends in). */
	public LocalDate startOf(int fiscalYear) {
		return (this.fiscalYearStart == 1) ? LocalDate.of(fiscalYear, 1, 1)
				: LocalDate.of(fiscalYear - 1, this.fiscalYearStart, 1);
	}

	/**
	 * The discount rate the lifetime value uses when the user chooses none, in percent.
	 */
	public double defaultDiscountPercent() {
		return this.defaultDiscount * 100;
	}

	/**
	 * The lifetime value of an average customer: the margin per customer of the latest
	 * complete year (revenue where no margins were imported, and said so), the mean
	 * yearly retention, and the chosen discount rate in percent.
	 */
	public Lifetime lifetime(RetentionFigures figures, @Nullable Double discountPercent) {
		double percent = (discountPercent != null) ? discountPercent : defaultDiscountPercent();
		if (Double.isNaN(percent) || percent < 0 || percent > 100) {
			throw new InvalidInputException(List.of(new RuleViolation("discount", "retention.discount.invalid")));
		}
		Double retention = figures.meanRetention();
		RetentionYear basis = basisYear(figures);
		if (retention == null || basis == null) {
			return new Lifetime(percent, retention, null, null, false, null, null);
		}
		boolean fromMargin = basis.margin() != null && basis.customersWithMargin() > 0;
		BigDecimal perCustomer = fromMargin
				? basis.margin().divide(BigDecimal.valueOf(basis.customersWithMargin()), 2, RoundingMode.HALF_UP)
				: basis.revenue().divide(BigDecimal.valueOf(basis.active()), 2, RoundingMode.HALF_UP);
		return new Lifetime(percent, retention, basis.year(), perCustomer, fromMargin,
				LifetimeValue.multiple(retention, percent / 100),
				LifetimeValue.of(perCustomer, retention, percent / 100));
	}

	/**
	 * The latest year that is over and had active customers (the running one if it is the
	 * only one).
	 */
	@Nullable RetentionYear basisYear(RetentionFigures figures) {
		int current = currentYear();
		RetentionYear chosen = null;
		for (RetentionYear year : figures.years()) {
			if (year.active() > 0 && (year.year() < current || chosen == null)) {
				chosen = year;
			}
		}
		return chosen;
	}

	/**
	 * The lifetime value and what it was computed from; rates as fractions, the discount
	 * in percent.
	 */
	public record Lifetime(double discountPercent, @Nullable Double retention, @Nullable Integer basisYear,
			@Nullable BigDecimal perCustomer, boolean fromMargin, @Nullable Double multiple,
			@Nullable BigDecimal value) {
	}

	/** A lost customer with its name, for lists. */
	public record NamedLostCustomer(long customerId, String name, @Nullable String externalRef, String status,
			int lostIn, int lastActiveYear, BigDecimal lastYearRevenue) {
	}

	/**
	 * The customers lost in a year, biggest first, with their names; at most
	 * {@code limit}.
	 */
	public List<NamedLostCustomer> lostIn(RetentionFigures figures, int year, int limit) {
		List<LostCustomer> lost = figures.lost()
			.stream()
			.filter((customer) -> customer.lostIn() == year)
			.limit(limit)
			.toList();
		if (lost.isEmpty()) {
			return List.of();
		}
		Map<Long, String[]> names = new HashMap<>();
		this.jdbc.sql("select id, name, external_ref, status from customer where id in (:ids)")
			.param("ids", lost.stream().map(LostCustomer::customerId).toList())
			.query((rs) -> {
				names.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
			});
		return lost.stream().map((customer) -> {
			String[] name = names.getOrDefault(customer.customerId(),
					new String[] { "#" + customer.customerId(), null, "ACTIVE" });
			return new NamedLostCustomer(customer.customerId(), name[0], name[1], name[2], customer.lostIn(),
					customer.lastActiveYear(), customer.lastYearRevenue());
		}).toList();
	}

}
