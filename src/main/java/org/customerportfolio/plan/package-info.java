/**
 * What we intend with each relationship: its plan's strategy (develop, maintain, improve,
 * end).
 */
@NullMarked
package org.customerportfolio.plan;

import org.jspecify.annotations.NullMarked;
