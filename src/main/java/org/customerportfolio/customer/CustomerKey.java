package org.customerportfolio.customer;

import org.jspecify.annotations.Nullable;

/**
 * How other records find a customer: by id, by the accounting system's reference, or by
 * exact name.
 */
public record CustomerKey(long id, @Nullable String externalRef, String name) {
}
