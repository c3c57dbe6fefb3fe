package org.customerportfolio.plan;

/**
 * What a decision was about: the plan's strategy, ending the relationship, taking an
 * ended relationship up again, or anything else worth recording.
 */
public enum DecisionKind {

	STRATEGY, END_RELATIONSHIP, RESUME, OTHER

}
