package org.customerportfolio.criteria;

/**
 * How a criterion is answered.
 */
public enum CriterionKind {

	/** One level of an ordered scale, best first; each level carries a score. */
	ORDINAL,
	/** One of several options; each option carries a score. */
	SINGLE_CHOICE,
	/** Any number of options; describes, carries no score. */
	MULTIPLE_CHOICE,
	/** A number, scored along its range where one is set. */
	NUMBER,
	/** Free text; describes, carries no score. */
	TEXT;

	public boolean hasLevels() {
		return this == ORDINAL || this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
	}

	public boolean canCarryScore() {
		return this == ORDINAL || this == SINGLE_CHOICE || this == NUMBER;
	}

}
