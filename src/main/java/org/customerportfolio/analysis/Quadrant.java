package org.customerportfolio.analysis;

import java.util.Optional;

import org.customerportfolio.plan.Strategy;

/**
 * A quarter of the portfolio matrix, named for what to do there. The horizontal axis
 * plays relationship strength, the vertical one attractiveness.
 */
public enum Quadrant {

	/** Attractive and a strong relationship: invest in it. */
	DEVELOP,
	/**
	 * A strong relationship with a customer that is not attractive: keep it, or harvest.
	 */
	MAINTAIN,
	/** Attractive, but a weak relationship: work on the relationship. */
	IMPROVE,
	/**
	 * Neither: reconsider. That is a question, not an answer, so it has no strategy of
	 * its own; the user chooses to improve or to end.
	 */
	RECONSIDER;

	public static Quadrant of(boolean strongRelationship, boolean attractive) {
		if (attractive) {
			return strongRelationship ? DEVELOP : IMPROVE;
		}
		return strongRelationship ? MAINTAIN : RECONSIDER;
	}

	/** The plan strategy the quadrant suggests, where it suggests one. */
	public Optional<Strategy> strategy() {
		return switch (this) {
			case DEVELOP -> Optional.of(Strategy.DEVELOP);
			case MAINTAIN -> Optional.of(Strategy.MAINTAIN);
			case IMPROVE -> Optional.of(Strategy.IMPROVE);
			case RECONSIDER -> Optional.empty();
		};
	}

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
