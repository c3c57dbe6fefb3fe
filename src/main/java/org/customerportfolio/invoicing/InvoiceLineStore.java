package org.customerportfolio.invoicing;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.customerportfolio.shared.InstanceLocks;
import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.invoicing.ImportPreview.ParsedLine;
import org.customerportfolio.shared.Chunks;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

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
		if (isPostgres()) {
			copy(lines, customerIds, importId);
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				insert into invoice_line (customer_id, invoice_number, invoice_date, service_category, amount, cost,
				                          margin, description, import_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				ParsedLine line = lines.get(i);
				statement.setLong(1, customerIds.get(i));
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
				statement.setLong(9, importId);
			}

			@Override
			public int getBatchSize() {
				return lines.size();
			}

		});
	}

	/**
	 * PostgreSQL's COPY, several times faster than batched INSERTs, on the transaction's
	 * own connection.
	 */
	private void copy(List<ParsedLine> lines, List<Long> customerIds, long importId) {
		StringBuilder csv = new StringBuilder(lines.size() * 96);
		for (int i = 0; i < lines.size(); i++) {
			ParsedLine line = lines.get(i);
			csv.append(customerIds.get(i)).append(',');
			quoted(csv, line.invoiceNumber()).append(',');
			csv.append(line.invoiceDate()).append(',');
			quoted(csv, line.serviceCategory()).append(',');
			csv.append(line.amount().toPlainString()).append(',');
			plain(csv, line.cost()).append(',');
			plain(csv, line.margin()).append(',');
			quoted(csv, line.description()).append(',');
			csv.append(importId).append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY invoice_line (customer_id, invoice_number, invoice_date, service_category, amount, cost, "
						+ "margin, description, import_id) FROM STDIN WITH (FORMAT csv)",
						new StringReader(csv.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new DataAccessResourceFailureException("Copying invoice lines failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
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
	 * Recomputes the monthly and yearly totals of these customers from their lines.
	 */
	void refreshTotals(Collection<Long> customerIds) {
		this.changes.record();
		for (List<Long> chunk : Chunks.of(customerIds, CHUNK)) {
			this.jdbc.sql("delete from revenue_month where customer_id in (:ids)").param("ids", chunk).update();
			this.jdbc.sql("""
					insert into revenue_month (customer_id, month_start, service_category, revenue, margin,
					                           revenue_with_margin, lines)
					select customer_id, month_start, service_category, sum(amount), sum(margin),
					       sum(case when margin is null then 0 else amount end), count(*)
					from (select customer_id, amount, margin, service_category,
					             cast(date_trunc('month', invoice_date) as date) as month_start
					      from invoice_line where customer_id in (:ids)) lines
					group by customer_id, month_start, service_category
					""").param("ids", chunk).update();
			this.jdbc.sql("delete from revenue_year where customer_id in (:ids)").param("ids", chunk).update();
			this.jdbc.sql(insertYears("where customer_id in (:ids)")).param("ids", chunk).update();
		}
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
		this.jdbc.sql(insertYears("")).update();
		this.jdbc.sql("delete from read_model_basis where name = 'fiscal_year_start'").update();
		this.jdbc.sql("insert into read_model_basis (name, setting) values ('fiscal_year_start', :basis)")
			.param("basis", basis)
			.update();
	}

	private String insertYears(String where) {
		String year = this.years.sqlYearOf("month_start");
		return """
				insert into revenue_year (customer_id, fiscal_year, revenue, margin, revenue_with_margin, lines)
				select customer_id, %s, sum(revenue), sum(margin), sum(revenue_with_margin), sum(lines)
				from revenue_month %s
				group by customer_id, %s
				""".formatted(year, where, year);
	}

}
