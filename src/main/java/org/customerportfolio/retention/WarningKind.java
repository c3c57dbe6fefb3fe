package org.customerportfolio.retention;

/**
 * The early warnings, each with the unit of its threshold: revenue falling by more than a
 * percentage, a rating dropped by points, months without evaluation, a share of total
 * revenue; the two level warnings have none.
 */
public enum WarningKind {

	REVENUE_FALLING(true), AT_RISK(false), OUTLOOK_FAILING(false), RATING_DROPPED(true), NOT_EVALUATED(true),
	CONCENTRATION(true);

	private final boolean hasThreshold;

	WarningKind(boolean hasThreshold) {
		this.hasThreshold = hasThreshold;
	}

	public boolean hasThreshold() {
		return this.hasThreshold;
	}

}
