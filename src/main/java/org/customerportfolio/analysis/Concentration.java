package org.customerportfolio.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How much of a measure (revenue or margin) a few customers bring: top 10 % and 20 %
 * shares, ABC classes, Herfindahl-Hirschman index, Gini coefficient, loss makers and the
 * whale curve. Shares are percentages (0–100, above 100 on a whale curve with loss
 * makers). Every share is left empty when the total is zero or negative, because a share
 * of nothing means nothing.
 *
 * @param customers the customers counted
 * @param total the sum of their values
 * @param top10Share share of the ⌈0.1·n⌉ customers with the highest values
 * @param top20Share share of the ⌈0.2·n⌉ customers with the highest values
 * @param abc the number of customers in each class
 * @param hhi Σ (100·sᵢ)², between 10,000/n and 10,000
 * @param equivalentCustomers 10,000 / HHI: how many equal customers would give the same
 * index
 * @param gini 0 when all are equal, towards 1 when one customer has everything
 * @param largestShare the best customer's share
 * @param lossMakers customers with a negative value, and their sum
 * @param peakShare the highest cumulative share along the ranked customers
 * @param ranked the customers from the highest value to the lowest
 */
public record Concentration(int customers, BigDecimal total, @Nullable Double top10Share, @Nullable Double top20Share,
		Abc abc, @Nullable Double hhi, @Nullable Double equivalentCustomers, @Nullable Double gini,
		@Nullable Double largestShare, LossMakers lossMakers, @Nullable Double peakShare, List<Ranked> ranked) {

	/** ABC class boundaries: cumulative share before the customer below 80 %, 95 %. */
	static final double A_LIMIT = 80.0;

	static final double B_LIMIT = 95.0;

	/** The number of customers in the classes A, B and C. */
	public record Abc(int a, int b, int c) {
	}

	/** Customers with a negative value (a loss on margin, a credit on revenue). */
	public record LossMakers(int count, BigDecimal total) {
	}

	/**
	 * A customer in the ranking: its place (1 = highest), value, share, the cumulative
	 * share up to and including it, and its ABC class (empty when shares are).
	 */
	public record Ranked(int rank, long customerId, String name, BigDecimal value, @Nullable Double share,
			@Nullable Double cumulativeShare, @Nullable String abcClass) {
	}

	/** Whether there is anything to share: at least one customer and a positive total. */
	public boolean hasShares() {
		return this.customers > 0 && this.total.signum() > 0;
	}

	/** How many customers the top {@code percent} % are: ⌈p/100 · n⌉. */
	public int topCount(int percent) {
		return Math.max(1, (percent * this.customers + 99) / 100);
	}

	/** Concentration of the given values, one per customer, in any order. */
	public static Concentration of(List<CustomerFigure> figures) {
		List<CustomerFigure> sorted = new ArrayList<>(figures);
		sorted.sort(Comparator.comparing(CustomerFigure::value)
			.reversed()
			.thenComparing(CustomerFigure::name)
			.thenComparingLong(CustomerFigure::customerId));
		int n = sorted.size();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal losses = BigDecimal.ZERO;
		int lossMakers = 0;
		for (CustomerFigure figure : sorted) {
			total = total.add(figure.value());
			if (figure.value().signum() < 0) {
				lossMakers++;
				losses = losses.add(figure.value());
			}
		}
		LossMakers loss = new LossMakers(lossMakers, losses);
		if (n == 0 || total.signum() <= 0) {
			List<Ranked> ranked = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				CustomerFigure figure = sorted.get(i);
				ranked.add(new Ranked(i + 1, figure.customerId(), figure.name(), figure.value(), null, null, null));
			}
			return new Concentration(n, total, null, null, new Abc(0, 0, 0), null, null, null, null, loss, null,
					ranked);
		}
		double sum = total.doubleValue();
		List<Ranked> ranked = new ArrayList<>(n);
		double cumulative = 0;
		double peak = Double.NEGATIVE_INFINITY;
		double hhi = 0;
		int a = 0;
		int b = 0;
		int c = 0;
		for (int i = 0; i < n; i++) {
			CustomerFigure figure = sorted.get(i);
			double share = 100.0 * figure.value().doubleValue() / sum;
			String abcClass;
			if (cumulative < A_LIMIT) {
				abcClass = "A";
				a++;
			}
			else if (cumulative < B_LIMIT) {
				abcClass = "B";
				b++;
			}
			else {
				abcClass = "C";
				c++;
			}
			cumulative += share;
			peak = Math.max(peak, cumulative);
			hhi += share * share;
			ranked.add(
					new Ranked(i + 1, figure.customerId(), figure.name(), figure.value(), share, cumulative, abcClass));
		}
		return new Concentration(n, total, topShare(ranked, 10), topShare(ranked, 20), new Abc(a, b, c), hhi,
				10_000.0 / hhi, gini(sorted, sum), ranked.get(0).share(), loss, peak, ranked);
	}

	/** The cumulative share of the ⌈p/100·n⌉ best customers. */
	private static Double topShare(List<Ranked> ranked, int percent) {
		int count = Math.max(1, (percent * ranked.size() + 99) / 100);
		return ranked.get(count - 1).cumulativeShare();
	}

	/**
	 * G = 2 Σ i·xᵢ / (n Σ xᵢ) − (n+1)/n over the values in ascending order (i from 1);
	 * {@code descending} holds them the other way round.
	 */
	private static double gini(List<CustomerFigure> descending, double sum) {
		int n = descending.size();
		double weighted = 0;
		for (int i = 0; i < n; i++) {
			// ascending position of the i-th highest value
			weighted += (double) (n - i) * descending.get(i).value().doubleValue();
		}
		return 2 * weighted / (n * sum) - (n + 1.0) / n;
	}

	/**
	 * The ranked curve thinned to at most {@code maxPoints} points for a chart, always
	 * keeping the first, the last and the peak.
	 */
	public List<CurvePoint> curve(int maxPoints) {
		List<CurvePoint> points = new ArrayList<>();
		int n = this.ranked.size();
		if (n == 0 || !hasShares()) {
			return points;
		}
		int step = Math.max(1, (int) Math.ceil(n / (double) Math.max(2, maxPoints - 2)));
		int peakRank = 1;
		for (Ranked customer : this.ranked) {
			if (customer.cumulativeShare() > this.ranked.get(peakRank - 1).cumulativeShare()) {
				peakRank = customer.rank();
			}
		}
		for (Ranked customer : this.ranked) {
			int rank = customer.rank();
			if (rank == 1 || rank == n || rank == peakRank || rank % step == 0) {
				points.add(new CurvePoint(rank, 100.0 * rank / n, customer.cumulativeShare()));
			}
		}
		return points;
	}

	/**
	 * A point of the whale curve: after the {@code customers} best customers (that many
	 * percent of all), this cumulative share.
	 */
	public record CurvePoint(int customers, double customerShare, double cumulativeShare) {
	}

}
