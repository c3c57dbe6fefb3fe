package org.customerportfolio.invoicing;

import org.customerportfolio.exchange.RowProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import would do, before anything is saved: counts, total, date range, the
 * customers and categories it would create, the first lines as read, and every problem
 * (the first few hundred listed, all counted).
 */
public record ImportPreview(String fileName, ImportSettings settings, long lines, long invoices, BigDecimal totalAmount,
		@Nullable LocalDate firstDate, @Nullable LocalDate lastDate, List<String> newCustomers, long newCustomerCount,
		List<String> newCategories, List<ParsedLine> sample, List<RowProblem> problems, long problemCount) {

	public ImportPreview {
		newCustomers = List.copyOf(newCustomers);
		newCategories = List.copyOf(newCategories);
		sample = List.copyOf(sample);
		problems = List.copyOf(problems);
	}

	public boolean importable() {
		return this.problemCount == 0 && this.lines > 0;
	}

	/**
	 * One line as the import reads it.
	 */
	public record ParsedLine(long row, String customerRef, String customerName, String invoiceNumber,
			LocalDate invoiceDate, @Nullable String serviceCategory, BigDecimal amount, @Nullable BigDecimal cost,
			@Nullable BigDecimal margin, @Nullable String description) {
	}

}
