package org.customerportfolio.customer;

/**
 * The part a team member plays in the relationship, on our side.
 */
public enum TeamRole {

	ACCOUNT_MANAGER, PROJECT_LEAD, EXECUTIVE_SPONSOR, SPECIALIST, OTHER

}
