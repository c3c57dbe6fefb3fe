/**
 * Customers, the people on their side (contacts) and on ours (team members), and the
 * business types that classify them.
 */
@NullMarked
package org.customerportfolio.customer;

import org.jspecify.annotations.NullMarked;
