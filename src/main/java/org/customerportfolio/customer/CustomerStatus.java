package org.customerportfolio.customer;

/**
 * Whether we still work with a customer. Ending is a decision; the customer and its
 * history stay.
 */
public enum CustomerStatus {

	ACTIVE, ENDED

}
