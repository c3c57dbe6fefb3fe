package org.customerportfolio.analysis;

import java.math.BigDecimal;

/**
 * One customer's value of a measure over the analysed period: what the concentration
 * analysis ranks.
 */
public record CustomerFigure(long customerId, String name, BigDecimal value) {
}
