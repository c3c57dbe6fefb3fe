/**
 * Evaluations: dated assessments of a customer against the criteria, their history, and
 * the two portfolio scores (attractiveness and relationship strength) that rest on them.
 */
@NullMarked
package org.customerportfolio.evaluation;

import org.jspecify.annotations.NullMarked;
