package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Retention from invoiced years, computed once over rows sorted by customer so that a
 * portfolio of any size streams through it: per year the active, new, retained, returning
 * and lost customers, the retention rate and churn, the cohorts by first year, the
 * five-year loss, and the customers lost with their last year's revenue. A customer is
 * active in a year when its net invoiced amount that year is above zero.
 */
public final class Retention {

	private final Map<Integer, int[]> counts = new TreeMap<>();

	private final Map<Integer, Map<Integer, Integer>> cohorts = new TreeMap<>();

	private final Map<Integer, BigDecimal> activeRevenue = new TreeMap<>();

	private final Map<Integer, BigDecimal> activeMargin = new TreeMap<>();

	private final Map<Integer, Integer> activeWithMargin = new TreeMap<>();

	private final List<LostCustomer> lost = new ArrayList<>();

	private final Map<Integer, Integer> activeSeries = new TreeMap<>();

	private final Map<Integer, Map<Integer, Integer>> stillActive = new TreeMap<>();

	private long currentCustomer = Long.MIN_VALUE;

	private final TreeMap<Integer, BigDecimal> currentYears = new TreeMap<>();

	private int firstYear = Integer.MAX_VALUE;

	private int lastYear = Integer.MIN_VALUE;

	private static final int NEW = 0;

	private static final int RETAINED = 1;

	private static final int RETURNING = 2;

	private static final int LOST = 3;

	private static final int ACTIVE = 4;

	private Retention() {
	}

	/** Computes the retention of the given rows, in any order. */
	public static RetentionFigures of(List<CustomerYear> rows) {
		Retention retention = new Retention();
		rows.stream()
			.sorted(Comparator.comparingLong(CustomerYear::customerId).thenComparingInt(CustomerYear::year))
			.forEach(retention::accept);
		return retention.figures();
	}

	/**
	 * A calculation to feed rows sorted by customer (then year), for callers that stream
	 * them from the database.
	 */
	public static Retention streaming() {
		return new Retention();
	}

	/** The next row; rows must come grouped by customer. */
	public void accept(CustomerYear row) {
		if (row.customerId() != this.currentCustomer) {
			finishCustomer();
			this.currentCustomer = row.customerId();
		}
		this.firstYear = Math.min(this.firstYear, row.year());
		this.lastYear = Math.max(this.lastYear, row.year());
		if (row.active()) {
			this.currentYears.merge(row.year(), row.revenue(), BigDecimal::add);
			this.activeRevenue.merge(row.year(), row.revenue(), BigDecimal::add);
			if (row.margin() != null) {
				this.activeMargin.merge(row.year(), row.margin(), BigDecimal::add);
				this.activeWithMargin.merge(row.year(), 1, Integer::sum);
			}
		}
	}

	private void finishCustomer() {
		if (this.currentYears.isEmpty()) {
			return;
		}
		TreeSet<Integer> years = new TreeSet<>(this.currentYears.keySet());
		int first = years.first();
		Map<Integer, Integer> cohort = this.cohorts.computeIfAbsent(first, (year) -> new TreeMap<>());
		for (int year : years) {
			int[] count = counts(year);
			count[ACTIVE]++;
			cohort.merge(year, 1, Integer::sum);
			if (year == first) {
				count[NEW]++;
			}
			else if (years.contains(year - 1)) {
				count[RETAINED]++;
			}
			else {
				count[RETURNING]++;
			}
			if (!years.contains(year + 1)) {
				// lost in the following year (if that year is in the data at all: decided
				// at the end)
				this.lost
					.add(new LostCustomer(this.currentCustomer, year + 1, year, money(this.currentYears.get(year))));
			}
		}
		// who of those active in a year is still active five years on
		for (int year : years) {
			this.stillActive.computeIfAbsent(year, (y) -> new TreeMap<>())
				.merge(5, years.contains(year + 5) ? 1 : 0, Integer::sum);
		}
		this.currentYears.clear();
	}

	private int[] counts(int year) {
		return this.counts.computeIfAbsent(year, (y) -> new int[5]);
	}

	/** The figures of all rows accepted so far. */
	public RetentionFigures figures() {
		finishCustomer();
		this.currentCustomer = Long.MIN_VALUE;
		if (this.firstYear > this.lastYear) {
			return RetentionFigures.EMPTY;
		}
		List<RetentionYear> years = new ArrayList<>();
		for (int year = this.firstYear; year <= this.lastYear; year++) {
			int[] count = this.counts.getOrDefault(year, new int[5]);
			int[] before = this.counts.get(year - 1);
			int previousActive = (before != null) ? before[ACTIVE] : 0;
			int lostCount = (year == this.firstYear) ? 0 : previousActive - count[RETAINED];
			Double rate = (year == this.firstYear || previousActive == 0) ? null
					: ratio(count[RETAINED], previousActive);
			Double churn = (rate != null) ? round(1 - rate) : null;
			BigDecimal revenue = money(this.activeRevenue.getOrDefault(year, BigDecimal.ZERO));
			BigDecimal margin = this.activeMargin.containsKey(year) ? money(this.activeMargin.get(year)) : null;
			years.add(new RetentionYear(year, count[ACTIVE], count[NEW], count[RETAINED], count[RETURNING], lostCount,
					rate, churn, revenue, margin, this.activeWithMargin.getOrDefault(year, 0)));
		}
		List<Cohort> cohortRows = new ArrayList<>();
		this.cohorts.forEach((first, active) -> {
			int size = active.getOrDefault(first, 0);
			List<CohortCell> cells = new ArrayList<>();
			for (int year = first; year <= this.lastYear; year++) {
				int count = active.getOrDefault(year, 0);
				cells.add(new CohortCell(year, year - first, count, ratio(count, size)));
			}
			cohortRows.add(new Cohort(first, size, cells));
		});
		List<LostCustomer> lostCustomers = this.lost.stream()
			.filter((customer) -> customer.lostIn() <= this.lastYear)
			.sorted(Comparator.comparingInt(LostCustomer::lostIn)
				.reversed()
				.thenComparing(LostCustomer::lastYearRevenue, Comparator.reverseOrder())
				.thenComparingLong(LostCustomer::customerId))
			.toList();
		return new RetentionFigures(years, cohortRows, fiveYearLoss(years), lostCustomers);
	}

	/**
	 * Measured where the data reaches five years past a year (the latest such year);
	 * otherwise estimated from the mean yearly retention as 1 − r̄⁵.
	 */
	private FiveYearLoss fiveYearLoss(List<RetentionYear> years) {
		for (int year = this.lastYear - 5; year >= this.firstYear; year--) {
			Map<Integer, Integer> still = this.stillActive.get(year);
			int active = this.counts.containsKey(year) ? this.counts.get(year)[ACTIVE] : 0;
			if (still != null && active > 0) {
				int kept = still.getOrDefault(5, 0);
				return new FiveYearLoss(year, year + 5, active, active - kept, round(1 - (double) kept / active), true,
						null);
			}
		}
		Double mean = meanRetention(years);
		if (mean == null) {
			return new FiveYearLoss(null, null, 0, 0, null, false, null);
		}
		return new FiveYearLoss(null, null, 0, 0, round(1 - Math.pow(mean, 5)), false, mean);
	}

	/**
	 * The mean of the yearly retention rates, weighted by the customers active in the
	 * year before (so a year with few customers counts less): all retained over all at
	 * risk.
	 */
	static @Nullable Double meanRetention(List<RetentionYear> years) {
		long retained = 0;
		long atRisk = 0;
		for (RetentionYear year : years) {
			if (year.retentionRate() != null) {
				retained += year.retained();
				atRisk += year.retained() + year.lost();
			}
		}
		return (atRisk == 0) ? null : round((double) retained / atRisk);
	}

	private static Double ratio(int part, int whole) {
		return (whole == 0) ? 0.0 : round((double) part / whole);
	}

	static double round(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
	}

	static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * One year: {@code retained} were active the year before too, {@code returning} were
	 * active before but not the year before, {@code lost} were active the year before but
	 * not in this one. Rates are fractions (0.919), null for the first year.
	 */
	public record RetentionYear(int year, int active, int newCustomers, int retained, int returning, int lost,
			@Nullable Double retentionRate, @Nullable Double churnRate, BigDecimal revenue, @Nullable BigDecimal margin,
			int customersWithMargin) {
	}

	/**
	 * The customers who first bought in one year, and how many of them bought in each
	 * later year.
	 */
	public record Cohort(int firstYear, int size, List<CohortCell> years) {
	}

	/** One cell of the cohort table: the share of the cohort active in a year. */
	public record CohortCell(int year, int age, int active, double share) {
	}

	/**
	 * The share of customers lost within five years: measured (active in {@code from},
	 * not in {@code to}) or, with fewer years of data, estimated from the mean yearly
	 * retention.
	 */
	public record FiveYearLoss(@Nullable Integer from, @Nullable Integer to, int activeAtStart, int lostSince,
			@Nullable Double rate, boolean measured, @Nullable Double meanRetention) {
	}

	/** A customer active in {@code lastActiveYear} and not in the year after. */
	public record LostCustomer(long customerId, int lostIn, int lastActiveYear, BigDecimal lastYearRevenue) {
	}

	/** Everything the retention page, the API and the dashboard show. */
	public record RetentionFigures(List<RetentionYear> years, List<Cohort> cohorts, FiveYearLoss fiveYearLoss,
			List<LostCustomer> lost) {

		static final RetentionFigures EMPTY = new RetentionFigures(List.of(), List.of(),
				new FiveYearLoss(null, null, 0, 0, null, false, null), List.of());

		public @Nullable Double meanRetention() {
			return Retention.meanRetention(this.years);
		}

		public @Nullable RetentionYear year(int year) {
			return this.years.stream().filter((row) -> row.year() == year).findFirst().orElse(null);
		}

	}

}
