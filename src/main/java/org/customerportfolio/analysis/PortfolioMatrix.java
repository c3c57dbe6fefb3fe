package org.customerportfolio.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Customers placed in the portfolio matrix: each by a value on the horizontal axis (by
 * default relationship strength) and one on the vertical axis (attractiveness), in the
 * quadrant that the thresholds give. A value at or above its threshold counts as high.
 * Customers without a value on either axis are counted but not placed.
 *
 * @param xThreshold where the horizontal axis turns from low to high
 * @param yThreshold where the vertical axis turns from low to high
 * @param placed the customers with both values, with their quadrant
 * @param unplaced how many customers lack a value on one axis or both
 * @param quadrants how many customers each quadrant holds
 */
public record PortfolioMatrix(double xThreshold, double yThreshold, List<Placement> placed, int unplaced,
		Map<Quadrant, Integer> quadrants) {

	/** A customer to place; {@code size} (revenue) draws the bubble. */
	public record Point(long customerId, String name, @Nullable Double x, @Nullable Double y, double size,
			@Nullable String category) {
	}

	public record Placement(Point point, Quadrant quadrant) {
	}

	/**
	 * Places the points. A threshold left empty is the median of the values on that axis,
	 * for axes that have no natural middle (revenue, margin, growth).
	 */
	public static PortfolioMatrix place(List<Point> points, @Nullable Double xThreshold, @Nullable Double yThreshold) {
		List<Point> complete = points.stream().filter((point) -> point.x() != null && point.y() != null).toList();
		double x = (xThreshold != null) ? xThreshold : median(complete.stream().mapToDouble(Point::x).toArray());
		double y = (yThreshold != null) ? yThreshold : median(complete.stream().mapToDouble(Point::y).toArray());
		List<Placement> placed = new ArrayList<>(complete.size());
		Map<Quadrant, Integer> counts = new EnumMap<>(Quadrant.class);
		for (Quadrant quadrant : Quadrant.values()) {
			counts.put(quadrant, 0);
		}
		for (Point point : complete) {
			Quadrant quadrant = Quadrant.of(point.x() >= x, point.y() >= y);
			placed.add(new Placement(point, quadrant));
			counts.merge(quadrant, 1, Integer::sum);
		}
		return new PortfolioMatrix(x, y, placed, points.size() - complete.size(), counts);
	}

	/** The middle value (the mean of the middle two for an even count); 0 for none. */
	public static double median(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
