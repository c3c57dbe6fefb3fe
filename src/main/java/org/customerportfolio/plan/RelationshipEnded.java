package org.customerportfolio.plan;

import java.time.LocalDate;

/**
 * A relationship was ended by a decision: the customer's status is now ended.
 */
public record RelationshipEnded(long customerId, long decisionId, LocalDate decidedOn) {
}
