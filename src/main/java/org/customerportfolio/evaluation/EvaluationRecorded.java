package org.customerportfolio.evaluation;

/**
 * A customer was evaluated: the newest evaluation is now its current rating.
 */
public record EvaluationRecorded(long customerId, long evaluationId) {
}
