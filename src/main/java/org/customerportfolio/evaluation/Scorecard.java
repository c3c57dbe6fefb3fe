package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.evaluation.AxisScore.Contribution;
import org.jspecify.annotations.Nullable;

/**
 * Computes an axis score from the current criteria and one evaluation's ratings: the
 * weighted mean of the level scores of the rated, scored criteria on that axis. Retired
 * criteria, descriptive kinds (multiple choice, text), weight zero and levels that no
 * longer exist do not count; unrated criteria are reported as missing, never as zero. A
 * number scores linearly along its criterion's range, clamped to 0–100.
 */
public final class Scorecard {

	private Scorecard() {
	}

	public static AxisScore score(Axis axis, List<Criterion> criteria, Map<String, Rating> ratings) {
		List<Contribution> parts = new ArrayList<>();
		double weightedSum = 0;
		double weights = 0;
		List<Criterion> counted = criteria.stream()
			.filter((criterion) -> !criterion.retired() && criterion.axis() == axis && criterion.scored())
			.toList();
		List<Integer> scores = new ArrayList<>();
		for (Criterion criterion : counted) {
			Rating rating = ratings.get(criterion.code());
			Integer levelScore = (rating != null) ? levelScore(criterion, rating) : null;
			scores.add(levelScore);
			if (levelScore != null) {
				weightedSum += criterion.weight().doubleValue() * levelScore;
				weights += criterion.weight().doubleValue();
			}
		}
		int rated = 0;
		for (int i = 0; i < counted.size(); i++) {
			Criterion criterion = counted.get(i);
			Rating rating = ratings.get(criterion.code());
			Integer levelScore = scores.get(i);
			Double points = (levelScore != null && weights > 0)
					? criterion.weight().doubleValue() * levelScore / weights : null;
			if (levelScore != null) {
				rated++;
			}
			parts.add(new Contribution(criterion.code(), criterion.nameNl(), criterion.nameEn(),
					criterion.weight().doubleValue(), rating, levelScore, points,
					rating != null && levelScore == null));
		}
		Double value = (weights > 0) ? round(weightedSum / weights) : null;
		return new AxisScore(axis, value, rated, counted.size(), parts);
	}

	static @Nullable Integer levelScore(Criterion criterion, Rating rating) {
		if (criterion.kind() == CriterionKind.NUMBER) {
			return numberScore(criterion, rating.number());
		}
		String code = rating.levelCode();
		return (code != null) ? criterion.level(code).map(Level::score).orElse(null) : null;
	}

	private static @Nullable Integer numberScore(Criterion criterion, @Nullable BigDecimal number) {
		BigDecimal min = criterion.minValue();
		BigDecimal max = criterion.maxValue();
		if (number == null || min == null || max == null || min.compareTo(max) >= 0) {
			return null;
		}
		double share = number.subtract(min).doubleValue() / max.subtract(min).doubleValue();
		return (int) Math.round(Math.max(0, Math.min(1, share)) * 100);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

}
