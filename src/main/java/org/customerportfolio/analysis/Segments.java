package org.customerportfolio.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Groups of customers side by side: per group the count, revenue, margin, growth, average
 * scores and how its answers spread over each criterion's levels, against the whole; and
 * the differences that stand out. A customer in several groups (several tags) counts in
 * each.
 */
public final class Segments {

	/** Differences at least this large stand out: points on a 0–100 score. */
	static final double SCORE_GAP = 15;

	/** Percentage points of growth or of a level's share. */
	static final double SHARE_GAP = 25;

	static final double GROWTH_GAP = 15;

	/**
	 * Revenue per customer at least this many times (or at most its inverse) the whole's.
	 */
	static final double REVENUE_RATIO = 1.5;

	/** Groups smaller than this are shown but never said to stand out. */
	static final int MINIMUM_GROUP = 3;

	private Segments() {
	}

	/**
	 * The figures of one group (or of the whole): level shares are percentages of the
	 * customers that answered the criterion, per criterion code and level code.
	 */
	public record Group(String key, int customers, BigDecimal revenue, @Nullable BigDecimal margin,
			@Nullable Double growth, @Nullable Double revenuePerCustomer, @Nullable Double attractiveness,
			@Nullable Double relationshipStrength, Map<String, Map<String, Double>> levels) {
	}

	/** A figure of a group that differs markedly from the whole. */
	public record StandOut(String group, String figure, @Nullable String level, double value, double overall) {
	}

	public record Comparison(List<Group> groups, Group overall, List<StandOut> standOuts) {

		public boolean standsOut(String group, String figure, @Nullable String level) {
			return this.standOuts.stream()
				.anyMatch((out) -> out.group().equals(group) && out.figure().equals(figure)
						&& java.util.Objects.equals(out.level(), level));
		}

	}

	/**
	 * Compares the groups that {@code groupsOf} puts each customer in (an empty key for
	 * customers without one), largest group first.
	 */
	public static Comparison compare(List<CustomerProfile> customers, Function<CustomerProfile, List<String>> groupsOf,
			List<CriterionScale> scales) {
		Map<String, List<CustomerProfile>> members = new TreeMap<>();
		for (CustomerProfile customer : customers) {
			List<String> keys = groupsOf.apply(customer);
			for (String key : keys.isEmpty() ? List.of("") : keys) {
				members.computeIfAbsent(key, (k) -> new ArrayList<>()).add(customer);
			}
		}
		Group overall = group("", customers, scales);
		List<Group> groups = new ArrayList<>();
		members.forEach((key, list) -> groups.add(group(key, list, scales)));
		groups.sort(java.util.Comparator.comparingInt(Group::customers).reversed().thenComparing(Group::key));
		List<StandOut> standOuts = new ArrayList<>();
		if (groups.size() > 1) {
			for (Group group : groups) {
				if (group.customers() >= MINIMUM_GROUP) {
					standOuts(group, overall, standOuts);
				}
			}
		}
		return new Comparison(groups, overall, standOuts);
	}

	static Group group(String key, List<CustomerProfile> members, List<CriterionScale> scales) {
		BigDecimal revenue = BigDecimal.ZERO;
		BigDecimal margin = null;
		BigDecimal last = BigDecimal.ZERO;
		BigDecimal before = BigDecimal.ZERO;
		double attractiveness = 0;
		int attractive = 0;
		double relationship = 0;
		int related = 0;
		for (CustomerProfile customer : members) {
			revenue = revenue.add(customer.revenue());
			if (customer.margin() != null) {
				margin = (margin == null) ? customer.margin() : margin.add(customer.margin());
			}
			last = last.add(customer.revenueLastYear());
			before = before.add(customer.revenueYearBefore());
			if (customer.attractiveness() != null) {
				attractiveness += customer.attractiveness();
				attractive++;
			}
			if (customer.relationshipStrength() != null) {
				relationship += customer.relationshipStrength();
				related++;
			}
		}
		Double growth = (before.signum() != 0) ? last.subtract(before).doubleValue() * 100 / before.abs().doubleValue()
				: null;
		Map<String, Map<String, Double>> levels = new LinkedHashMap<>();
		for (CriterionScale scale : scales) {
			if (scale.kind() == CriterionScale.Kind.NUMBER) {
				continue;
			}
			int[] counts = new int[scale.levels().size()];
			int answered = 0;
			for (CustomerProfile customer : members) {
				long mask = customer.levels()[scale.index()];
				if (mask == 0) {
					continue;
				}
				answered++;
				for (int bit = 0; bit < counts.length; bit++) {
					if ((mask & (1L << bit)) != 0) {
						counts[bit]++;
					}
				}
			}
			Map<String, Double> shares = new LinkedHashMap<>();
			for (int bit = 0; bit < counts.length; bit++) {
				shares.put(scale.levels().get(bit), (answered == 0) ? null : 100.0 * counts[bit] / answered);
			}
			levels.put(scale.code(), shares);
		}
		return new Group(key, members.size(), revenue, margin, growth,
				members.isEmpty() ? null : revenue.doubleValue() / members.size(),
				(attractive == 0) ? null : attractiveness / attractive, (related == 0) ? null : relationship / related,
				levels);
	}

	private static void standOuts(Group group, Group overall, List<StandOut> found) {
		gap(group, "attractiveness", group.attractiveness(), overall.attractiveness(), SCORE_GAP, found);
		gap(group, "relationshipStrength", group.relationshipStrength(), overall.relationshipStrength(), SCORE_GAP,
				found);
		gap(group, "growth", group.growth(), overall.growth(), GROWTH_GAP, found);
		Double mine = group.revenuePerCustomer();
		Double whole = overall.revenuePerCustomer();
		if (mine != null && whole != null && whole > 0
				&& (mine >= whole * REVENUE_RATIO || mine <= whole / REVENUE_RATIO)) {
			found.add(new StandOut(group.key(), "revenuePerCustomer", null, mine, whole));
		}
		group.levels().forEach((criterion, shares) -> shares.forEach((level, share) -> {
			Double all = overall.levels().get(criterion).get(level);
			if (share != null && all != null && Math.abs(share - all) >= SHARE_GAP) {
				found.add(new StandOut(group.key(), criterion, level, share, all));
			}
		}));
	}

	private static void gap(Group group, String figure, @Nullable Double value, @Nullable Double overall,
			double threshold, List<StandOut> found) {
		if (value != null && overall != null && Math.abs(value - overall) >= threshold) {
			found.add(new StandOut(group.key(), figure, null, value, overall));
		}
	}

	/**
	 * A level that marks a group: most of it answered so, clearly more than the whole.
	 */
	public record Typical(String criterion, String level, double share, double overall) {
	}

	/**
	 * The levels that describe a group best: per criterion its most frequent level, kept
	 * when at least half of the group that answered chose it and it is at least 10 points
	 * more common than in the whole; the {@code max} with the largest difference first.
	 */
	public static List<Typical> typical(Group group, Group overall, int max) {
		List<Typical> typical = new ArrayList<>();
		group.levels().forEach((criterion, shares) -> {
			String best = null;
			double bestShare = -1;
			for (Map.Entry<String, Double> share : shares.entrySet()) {
				if (share.getValue() != null && share.getValue() > bestShare) {
					best = share.getKey();
					bestShare = share.getValue();
				}
			}
			if (best == null) {
				return;
			}
			Double all = overall.levels().get(criterion).get(best);
			if (bestShare >= 50 && all != null && bestShare - all >= 10) {
				typical.add(new Typical(criterion, best, bestShare, all));
			}
		});
		typical.sort(java.util.Comparator.comparingDouble((Typical t) -> t.share() - t.overall()).reversed());
		return typical.subList(0, Math.min(max, typical.size()));
	}

}
