package org.customerportfolio.criteria;

/**
 * The portfolio axis a criterion feeds: how attractive the customer is to us, how strong
 * our relationship is, or neither (descriptive only).
 */
public enum Axis {

	ATTRACTIVENESS, RELATIONSHIP_STRENGTH, NONE

}
