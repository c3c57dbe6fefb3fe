/**
 * What we invoice our customers: imported invoice lines, service categories, and the
 * revenue figures, year over year changes and projections derived from them.
 */
@NullMarked
package org.customerportfolio.invoicing;

import org.jspecify.annotations.NullMarked;
