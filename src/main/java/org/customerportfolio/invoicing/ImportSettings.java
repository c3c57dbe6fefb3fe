package org.customerportfolio.invoicing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How to read an invoice file: which column feeds which field (by header; one column may
 * feed two fields), the date order as a {@code java.time} pattern, and the decimal mark.
 * What is left out is found from the file.
 */
public record ImportSettings(Map<InvoiceField, String> columns, @Nullable String dateFormat,
		@Nullable DecimalMark decimalMark) {

	public ImportSettings {
		columns = Map.copyOf(columns);
	}

	public static ImportSettings automatic() {
		return new ImportSettings(Map.of(), null, null);
	}

}
