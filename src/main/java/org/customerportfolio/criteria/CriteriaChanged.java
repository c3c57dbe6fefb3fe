package org.customerportfolio.criteria;

/**
 * A criterion was added, changed, retired or reinstated: scores and levels derived from
 * the criteria may have moved for every customer.
 */
public record CriteriaChanged(long criterionId) {
}
