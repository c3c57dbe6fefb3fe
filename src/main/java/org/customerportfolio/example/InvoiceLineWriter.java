package org.customerportfolio.example;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.customerportfolio.example.PortfolioGenerator.Customer;
import org.customerportfolio.invoicing.BulkInvoiceLines;
import org.customerportfolio.invoicing.ImportPreview.ParsedLine;

/**
 * Streams generated invoice lines into the invoicing module's bulk writer a batch at a
 * time, so that no more than one batch is ever held, and counts what it wrote.
 */
final class InvoiceLineWriter {

	private final BulkInvoiceLines bulk;

	private final List<ParsedLine> batch = new ArrayList<>(BulkInvoiceLines.BATCH);

	private final List<Long> batchIds = new ArrayList<>(BulkInvoiceLines.BATCH);

	private long lines;

	private long invoices;

	private BigDecimal total = BigDecimal.ZERO;

	InvoiceLineWriter(BulkInvoiceLines bulk) {
		this.bulk = bulk;
	}

	long begin(String name, String actor) {
		this.lines = 0;
		this.invoices = 0;
		this.total = BigDecimal.ZERO;
		return this.bulk.begin(name, actor);
	}

	/**
	 * Writes these customers' lines (each customer's id at the same position) and brings
	 * their totals and everything derived from them up to date.
	 */
	void customers(PortfolioGenerator generator, List<Customer> customers, List<Long> ids, long importId) {
		for (int c = 0; c < customers.size(); c++) {
			Customer customer = customers.get(c);
			Long id = ids.get(c);
			String[] previous = { null };
			generator.lines(customer, (line) -> {
				this.batch.add(new ParsedLine(this.lines + 1, customer.reference(), customer.name(),
						line.invoiceNumber(), line.date(), line.category(), line.amount(), line.cost(), line.margin(),
						line.description()));
				this.batchIds.add(id);
				this.lines++;
				this.total = this.total.add(line.amount());
				if (!Objects.equals(previous[0], line.invoiceNumber())) {
					this.invoices++;
					previous[0] = line.invoiceNumber();
				}
				if (this.batch.size() == BulkInvoiceLines.BATCH) {
					flush(importId);
				}
			});
		}
		flush(importId);
		this.bulk.totalsChanged(ids);
	}

	long written() {
		return this.lines;
	}

	/** Closes the import record; answers the number of lines written. */
	long finish(long importId, int customers) {
		this.bulk.finish(importId, this.lines, this.invoices, customers, this.total);
		return this.lines;
	}

	private void flush(long importId) {
		if (!this.batch.isEmpty()) {
			this.bulk.insert(importId, this.batch, this.batchIds);
			this.batch.clear();
			this.batchIds.clear();
		}
	}

}
