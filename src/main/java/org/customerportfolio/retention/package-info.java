/**
 * Keeping the good relationships: retention and churn from the invoiced years, cohorts,
 * lifetime value, the economics of better retention, early warnings, the portfolio review
 * and the home dashboard.
 */
@NullMarked
package org.customerportfolio.retention;

import org.jspecify.annotations.NullMarked;
