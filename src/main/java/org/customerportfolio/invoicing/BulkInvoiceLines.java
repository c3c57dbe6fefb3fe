package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.customerportfolio.invoicing.ImportPreview.ParsedLine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes invoice lines that a program produced rather than a file (the example portfolio
 * and its large benchmark portfolios) exactly as the import writes them: in batches (COPY
 * on PostgreSQL), under an import record of their own, with the monthly and yearly totals
 * rebuilt and {@link InvoiceLinesChanged} published for the customers touched. Every
 * method runs in the caller's transaction, so the caller decides how much to commit at
 * once.
 */
@Component
public class BulkInvoiceLines {

	/** How many lines to hand to {@link #insert} at once. */
	public static final int BATCH = InvoiceLineStore.BATCH;

	private final InvoiceLineStore store;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BulkInvoiceLines(InvoiceLineStore store, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens the import record the lines are written under, as the imports page lists it.
	 */
	public long begin(String name, String actor) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into invoice_import (file_name, imported_by, started_at, status, processed_rows)
				values (:name, :actor, :at, 'RUNNING', 0)
				""")
			.param("name", name)
			.param("actor", actor)
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * Writes lines, each for the customer at the same position of {@code customerIds}.
	 */
	public void insert(long importId, List<ParsedLine> lines, List<Long> customerIds) {
		this.store.insert(lines, customerIds, importId);
	}

	/**
	 * Rebuilds these customers' monthly and yearly totals and tells whatever is derived
	 * from them (figures, standings) to follow.
	 */
	public void totalsChanged(Collection<Long> customerIds) {
		this.store.refreshTotals(customerIds);
		this.events.publishEvent(new InvoiceLinesChanged(Set.copyOf(customerIds)));
	}

	/** Closes the import record with what was written. */
	public void finish(long importId, long lines, long invoices, int customers, BigDecimal total) {
		this.jdbc
			.sql("""
					update invoice_import set status = 'DONE', finished_at = :at, total_rows = :lines, processed_rows = :lines,
					       lines = :lines, invoices = :invoices, customers_created = :customers, total_amount = :total
					where id = :id
					""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("lines", lines)
			.param("invoices", invoices)
			.param("customers", customers)
			.param("total", total)
			.param("id", importId)
			.update();
	}

}
