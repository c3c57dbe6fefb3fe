package org.customerportfolio.sheet;

/**
 * What a sheet column holds, which decides how it is shown, filtered, exported and read
 * back.
 */
public enum ColumnType {

	/** Free text: filtered on "contains". */
	TEXT,
	/**
	 * One of a known set of codes shown by their labels: filtered on one or more codes.
	 */
	CHOICE,
	/** A criterion's single level: coloured by its place in the criterion's order. */
	LEVEL,
	/** A criterion's several levels (multiple choice). */
	LEVELS,
	/** A plain number: filtered on a range. */
	NUMBER,
	/** A score from 0 to 100. */
	SCORE,
	/** An amount of money. */
	MONEY,
	/** A percentage. */
	PERCENT,
	/** A date: filtered on a range. */
	DATE,
	/** The customer's tags: filtered on one tag, not sortable. */
	TAGS;

	boolean numeric() {
		return this == NUMBER || this == SCORE || this == MONEY || this == PERCENT;
	}

	boolean coded() {
		return this == CHOICE || this == LEVEL || this == LEVELS;
	}

}
