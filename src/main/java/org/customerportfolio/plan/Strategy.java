package org.customerportfolio.plan;

/**
 * The direction chosen for a relationship: invest in it, keep it as it is, work on its
 * weak points, or bring it to an end.
 */
public enum Strategy {

	DEVELOP, MAINTAIN, IMPROVE, END

}
