package org.customerportfolio.analysis;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a criterion's answers compare, as the similarity and segment analyses need it:
 * ordered levels (best first), unordered choices, several choices, or a number with its
 * range.
 *
 * @param index the criterion's place in every profile's arrays
 * @param levels the level codes in the criterion's order (none for numbers)
 */
public record CriterionScale(int index, long criterionId, String code, Kind kind, List<String> levels,
		@Nullable Double min, @Nullable Double max) {

	public enum Kind {

		/**
		 * Levels in order: the distance is the difference in rank over the number of
		 * steps.
		 */
		ORDINAL,
		/** One of several unordered choices: the same or not. */
		NOMINAL,
		/**
		 * Any number of choices: the share of the chosen ones not in common (Jaccard).
		 */
		MULTIPLE,
		/** A number: the difference over the range. */
		NUMBER

	}

	public CriterionScale {
		levels = List.copyOf(levels);
	}

	/** The bit of a level in a profile's level mask; -1 for an unknown level. */
	public int bit(String level) {
		return this.levels.indexOf(level);
	}

}
