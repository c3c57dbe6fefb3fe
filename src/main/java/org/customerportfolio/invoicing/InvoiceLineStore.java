package org.customerportfolio.invoicing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.customerportfolio.shared.InstanceLocks;
import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.invoicing.ImportPreview.ParsedLine;
import org.customerportfolio.shared.Chunks;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes invoice lines in bulk and keeps the monthly totals per customer and category,
 * and the yearly totals per customer, current. Every method runs in the caller's
 * transaction, so an import lands whole or not at all.
 */
@Component
class InvoiceLineStore {

	static final int BATCH = 5000;

	private static final int CHUNK = 500;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile @Nullable Boolean postgres;

	private final FiscalYears years;

	private final DataChanges changes;

	private final InstanceLocks locks;

	InvoiceLineStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc, DataSource dataSource, FiscalYears years,
			DataChanges changes, InstanceLocks locks) {
		this.locks = locks;
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.years = years;
		this.changes = changes;
	}

	/**
	 * Removes the lines of these invoices, answering the customers they belonged to.
	 */
	Set<Long> deleteInvoices(Collection<String> invoiceNumbers) {
		Set<Long> customers = new TreeSet<>();
		for (List<String> chunk : Chunks.of(invoiceNumbers, CHUNK)) {
			customers.addAll(
					this.jdbc.sql("select distinct customer_id from invoice_line where invoice_number in (:numbers)")
						.param("numbers", chunk)
						.query(Long.class)
						.list());
			this.jdbc.sql("delete from invoice_line where invoice_number in (:numbers)")
				.param("numbers", chunk)
				.update();
		}
		return customers;
	}

	void insert(List<ParsedLine> lines, List<Long> customerIds, long importId) {
		try (LineWriter writer = writer(importId)) {
			for (int i = 0; i < lines.size(); i++) {
				writer.add(lines.get(i), customerIds.get(i));
			}
			writer.finish();
		}
	}

	/**
	 * Opens a stream of lines into {@code invoice_line} on the transaction's connection:
	 * on PostgreSQL one COPY for all of them, so that the database inserts while the
	 * import reads on (a COPY per batch made each wait for the other); elsewhere batched
	 * INSERTs. Nothing else may use the transaction's connection until the writer is
	 * closed; a writer closed without {@link LineWriter#finish()} abandons what it wrote
	 * (the transaction must then roll back).
	 */
	LineWriter writer(long importId) {
		return isPostgres() ? new CopyWriter(importId) : new BatchWriter(importId);
	}

	/** Invoice lines written one after the other. */
	interface LineWriter extends AutoCloseable {

		void add(ParsedLine line, long customerId);

		/** Writes what is still buffered and ends the stream. */
		void finish();

		@Override
		void close();

	}

	private final class BatchWriter implements LineWriter {

		private final long importId;

		private final List<ParsedLine> lines = new ArrayList<>(BATCH);

		private final List<Long> customerIds = new ArrayList<>(BATCH);

		BatchWriter(long importId) {
			this.importId = importId;
		}

		@Override
		public void add(ParsedLine line, long customerId) {
			this.lines.add(line);
			this.customerIds.add(customerId);
			if (this.lines.size() == BATCH) {
				flush();
			}
		}

		@Override
		public void finish() {
			flush();
		}

		@Override
		public void close() {
			this.lines.clear();
			this.customerIds.clear();
		}

		private void flush() {
			if (this.lines.isEmpty()) {
				return;
			}
			InvoiceLineStore.this.jdbcTemplate.batchUpdate("""
					insert into invoice_line (customer_id, invoice_number, invoice_date, service_category, amount, cost,
					                          margin, description, import_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", new BatchPreparedStatementSetter() {

				@Override
				public void setValues(PreparedStatement statement, int i) throws SQLException {
					ParsedLine line = BatchWriter.this.lines.get(i);
					statement.setLong(1, BatchWriter.this.customerIds.get(i));
					statement.setString(2, line.invoiceNumber());
					statement.setDate(3, Date.valueOf(line.invoiceDate()));
					statement.setString(4, line.serviceCategory());
					statement.setBigDecimal(5, line.amount());
					statement.setBigDecimal(6, line.cost());
					statement.setBigDecimal(7, line.margin());
					if (line.description() != null) {
						statement.setString(8, line.description());
					}
					else {
						statement.setNull(8, Types.VARCHAR);
					}
					statement.setLong(9, BatchWriter.this.importId);
				}

				@Override
				public int getBatchSize() {
					return BatchWriter.this.lines.size();
				}

			});
			this.lines.clear();
			this.customerIds.clear();
		}

	}

	/**
	 * PostgreSQL's COPY, several times faster than batched INSERTs: lines go out as CSV
	 * in blocks of about 64 kB.
	 */
	private final class CopyWriter implements LineWriter {

		private static final int BLOCK = 64 * 1024;

		private final long importId;

		private final Connection connection;

		private final CopyIn copy;

		private final StringBuilder csv = new StringBuilder(BLOCK + 1024);

		private boolean finished;

		CopyWriter(long importId) {
			this.importId = importId;
			this.connection = DataSourceUtils.getConnection(InvoiceLineStore.this.dataSource);
			try {
				this.copy = this.connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY invoice_line (customer_id, invoice_number, invoice_date, service_category, amount, "
							+ "cost, margin, description, import_id) FROM STDIN WITH (FORMAT csv)");
			}
			catch (SQLException ex) {
				DataSourceUtils.releaseConnection(this.connection, InvoiceLineStore.this.dataSource);
				throw new DataAccessResourceFailureException("Copying invoice lines failed", ex);
			}
		}

		@Override
		public void add(ParsedLine line, long customerId) {
			StringBuilder csv = this.csv;
			csv.append(customerId).append(',');
			quoted(csv, line.invoiceNumber()).append(',');
			csv.append(line.invoiceDate()).append(',');
			quoted(csv, line.serviceCategory()).append(',');
			csv.append(line.amount().toPlainString()).append(',');
			plain(csv, line.cost()).append(',');
			plain(csv, line.margin()).append(',');
			quoted(csv, line.description()).append(',');
			csv.append(this.importId).append('\n');
			if (csv.length() >= BLOCK) {
				send();
			}
		}

		private void send() {
			byte[] block = this.csv.toString().getBytes(StandardCharsets.UTF_8);
			this.csv.setLength(0);
			try {
				this.copy.writeToCopy(block, 0, block.length);
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("Copying invoice lines failed", ex);
			}
		}

		@Override
		public void finish() {
			send();
			try {
				this.copy.endCopy();
				this.finished = true;
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("Copying invoice lines failed", ex);
			}
		}

		@Override
		public void close() {
			try {
				if (!this.finished && this.copy.isActive()) {
					this.copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the transaction rolls back; the connection reports its own state
			}
			finally {
				DataSourceUtils.releaseConnection(this.connection, InvoiceLineStore.this.dataSource);
			}
		}

	}

	/** In COPY's CSV an unquoted empty field is NULL and a quoted one is text. */
	private static StringBuilder quoted(StringBuilder csv, @Nullable String text) {
		return (text == null) ? csv : csv.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

	private static StringBuilder plain(StringBuilder csv, java.math.@Nullable BigDecimal number) {
		return (number == null) ? csv : csv.append(number.toPlainString());
	}

	private boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			known = this.jdbcTemplate.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
				.equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
			this.postgres = known;
		}
		return Boolean.TRUE.equals(known);
	}

	/**
	 * Recomputes the monthly and yearly totals of these customers from their lines. The
	 * old totals go by a few hundred ids at a time; the new ones are aggregated for all
	 * the customers at once, joined with their list in {@code customer_refresh} (H2 runs
	 * an {@code in (select …)} once per row, PostgreSQL aggregates a join in one pass).
	 */
	void refreshTotals(Collection<Long> customerIds) {
		this.changes.record();
		if (customerIds.isEmpty()) {
			return;
		}
		for (List<Long> chunk : Chunks.of(customerIds, CHUNK)) {
			this.jdbc.sql("delete from revenue_month where customer_id in (:ids)").param("ids", chunk).update();
			this.jdbc.sql("delete from revenue_year where customer_id in (:ids)").param("ids", chunk).update();
		}
		long run = ThreadLocalRandom.current().nextLong();
		for (List<Long> chunk : Chunks.of(customerIds, BATCH)) {
			this.jdbcTemplate.batchUpdate("insert into customer_refresh (run_id, customer_id) values (?, ?)", chunk,
					chunk.size(), (statement, id) -> {
						statement.setLong(1, run);
						statement.setLong(2, id);
					});
		}
		this.jdbc.sql("""
				insert into revenue_month (customer_id, month_start, service_category, revenue, margin,
				                           revenue_with_margin, lines)
				select l.customer_id, cast(date_trunc('month', l.invoice_date) as date), l.service_category,
				       sum(l.amount), sum(l.margin), sum(case when l.margin is null then 0 else l.amount end), count(*)
				from customer_refresh r join invoice_line l on l.customer_id = r.customer_id
				where r.run_id = :run
				group by l.customer_id, cast(date_trunc('month', l.invoice_date) as date), l.service_category
				""").param("run", run).update();
		this.jdbc
			.sql(insertYears("customer_refresh r join revenue_month m on m.customer_id = r.customer_id",
					"where r.run_id = :run"))
			.param("run", run)
			.update();
		this.jdbc.sql("delete from customer_refresh where run_id = :run").param("run", run).update();
	}

	/**
	 * Builds the yearly totals anew when the fiscal year start they were built with is
	 * not the configured one (or they were never built), so a changed setting never
	 * leaves stale years behind.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void rebuildYearsIfNeeded() {
		this.locks.lock(InstanceLocks.READ_MODEL_BUILD);
		String basis = String.valueOf(this.years.startMonth());
		List<String> built = this.jdbc.sql("select setting from read_model_basis where name = 'fiscal_year_start'")
			.query(String.class)
			.list();
		if (built.equals(List.of(basis))) {
			return;
		}
		this.changes.record();
		this.jdbc.sql("delete from revenue_year").update();
		this.jdbc.sql(insertYears("revenue_month m", "")).update();
		this.jdbc.sql("delete from read_model_basis where name = 'fiscal_year_start'").update();
		this.jdbc.sql("insert into read_model_basis (name, setting) values ('fiscal_year_start', :basis)")
			.param("basis", basis)
			.update();
	}

	private String insertYears(String from, String where) {
		String year = this.years.sqlYearOf("m.month_start");
		return """
				insert into revenue_year (customer_id, fiscal_year, revenue, margin, revenue_with_margin, lines)
				select m.customer_id, %s, sum(m.revenue), sum(m.margin), sum(m.revenue_with_margin), sum(m.lines)
				from %s %s
				group by m.customer_id, %s
				""".formatted(year, from, where, year);
	}

}
