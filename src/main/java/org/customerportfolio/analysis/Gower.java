package org.customerportfolio.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gower distance between two customers over the criteria: per criterion answered by both,
 * a distance from 0 (alike) to 1 (opposite) — ordinal levels by rank/(levels − 1),
 * unordered choices match or not, several choices by the share not in common, numbers by
 * their difference over the range — and the distance is the mean over those criteria. A
 * criterion either customer left unanswered is left out of that pair.
 */
public final class Gower {

	private final List<CriterionScale> scales;

	public Gower(List<CriterionScale> scales) {
		this.scales = List.copyOf(scales);
	}

	public List<CriterionScale> scales() {
		return this.scales;
	}

	/** The distance, or NaN when the two have no answered criterion in common. */
	public double distance(CustomerProfile a, CustomerProfile b) {
		double sum = 0;
		int compared = 0;
		for (CriterionScale scale : this.scales) {
			double part = part(scale, a, b);
			if (!Double.isNaN(part)) {
				sum += part;
				compared++;
			}
		}
		return (compared == 0) ? Double.NaN : sum / compared;
	}

	/** The distance on one criterion, NaN when either did not answer it. */
	public static double part(CriterionScale scale, CustomerProfile a, CustomerProfile b) {
		int i = scale.index();
		switch (scale.kind()) {
			case NUMBER -> {
				double x = a.numbers()[i];
				double y = b.numbers()[i];
				if (Double.isNaN(x) || Double.isNaN(y)) {
					return Double.NaN;
				}
				double range = (scale.min() != null && scale.max() != null) ? scale.max() - scale.min() : 0;
				return (range <= 0) ? ((x == y) ? 0 : 1) : Math.min(1, Math.abs(x - y) / range);
			}
			case ORDINAL -> {
				int x = a.rank(scale);
				int y = b.rank(scale);
				if (x < 0 || y < 0) {
					return Double.NaN;
				}
				int steps = scale.levels().size() - 1;
				return (steps <= 0) ? 0 : Math.abs(x - y) / (double) steps;
			}
			case NOMINAL -> {
				long x = a.levels()[i];
				long y = b.levels()[i];
				if (x == 0 || y == 0) {
					return Double.NaN;
				}
				return (x == y) ? 0 : 1;
			}
			default -> {
				long x = a.levels()[i];
				long y = b.levels()[i];
				if (x == 0 || y == 0) {
					return Double.NaN;
				}
				return 1 - Long.bitCount(x & y) / (double) Long.bitCount(x | y);
			}
		}
	}

	/** A customer near another, with how many criteria the distance rests on. */
	public record Neighbour(CustomerProfile customer, double distance, int compared) {
	}

	/**
	 * The {@code count} customers nearest to {@code target} (never itself), nearest
	 * first; customers sharing fewer than {@code minimumCompared} answered criteria with
	 * it are not considered, because a distance over one or two criteria says little.
	 */
	public List<Neighbour> nearest(CustomerProfile target, List<CustomerProfile> others, int count,
			int minimumCompared) {
		List<Neighbour> found = new ArrayList<>();
		for (CustomerProfile other : others) {
			if (other.customerId() == target.customerId()) {
				continue;
			}
			double sum = 0;
			int compared = 0;
			for (CriterionScale scale : this.scales) {
				double part = part(scale, target, other);
				if (!Double.isNaN(part)) {
					sum += part;
					compared++;
				}
			}
			if (compared >= minimumCompared && compared > 0) {
				found.add(new Neighbour(other, sum / compared, compared));
			}
		}
		found.sort(Comparator.comparingDouble(Neighbour::distance)
			.thenComparing(Comparator.comparingInt(Neighbour::compared).reversed())
			.thenComparing((neighbour) -> neighbour.customer().name()));
		return found.subList(0, Math.min(count, found.size()));
	}

}
