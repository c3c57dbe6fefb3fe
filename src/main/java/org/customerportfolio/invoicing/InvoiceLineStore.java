package org.customerportfolio.invoicing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.customerportfolio.invoicing.ImportPreview.ParsedLine;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes invoice lines in bulk and keeps the monthly totals per customer and category
 * current. Every method runs in the caller's transaction, so an import lands whole or not
 * at all.
 */
@Component
class InvoiceLineStore {

	static final int BATCH = 1000;

	private static final int CHUNK = 500;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	InvoiceLineStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/**
	 * Removes the lines of these invoices, answering the customers they belonged to.
	 */
	Set<Long> deleteInvoices(Collection<String> invoiceNumbers) {
		Set<Long> customers = new TreeSet<>();
		for (List<String> chunk : chunks(new ArrayList<>(invoiceNumbers))) {
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
	 * Recomputes the monthly totals of these customers from their lines.
	 */
	void refreshMonths(Collection<Long> customerIds) {
		for (List<Long> chunk : chunks(new ArrayList<>(customerIds))) {
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
		}
	}

	private static <T> List<List<T>> chunks(List<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < values.size(); i += CHUNK) {
			chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
		}
		return chunks;
	}

}
