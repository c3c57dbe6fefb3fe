package org.customerportfolio.invoicing;

import java.math.BigDecimal;

/**
 * What an import saved.
 */
public record ImportResult(long importId, long lines, long invoices, long customersCreated, BigDecimal totalAmount) {
}
