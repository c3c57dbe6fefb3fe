package org.customerportfolio.customer;

/**
 * The part a contact plays in the relationship, on the customer's side.
 */
public enum ContactRole {

	DECISION_MAKER, INFLUENCER, USER, GATEKEEPER, OTHER

}
