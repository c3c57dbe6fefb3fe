/**
 * The audit log: every change to customer data, who made it and when, old and new values.
 */
@NullMarked
package org.customerportfolio.audit;

import org.jspecify.annotations.NullMarked;
