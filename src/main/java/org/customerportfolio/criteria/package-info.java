/**
 * The evaluation criteria: what every customer relationship is rated on, with ordered
 * levels that carry a score, a weight, and the portfolio axis each feeds.
 */
@NullMarked
package org.customerportfolio.criteria;

import org.jspecify.annotations.NullMarked;
