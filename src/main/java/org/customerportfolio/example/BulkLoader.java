package org.customerportfolio.example;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.example.Answers.Answer;
import org.customerportfolio.example.PortfolioGenerator.Customer;
import org.customerportfolio.example.PortfolioGenerator.Evaluation;
import org.customerportfolio.invoicing.BulkInvoiceLines;
import org.customerportfolio.retention.WarningReadModels;
import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.Language;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a generated portfolio of any size straight into the tables, a chunk of customers
 * per transaction: customers in JDBC batches, their two most recent evaluations, and
 * their invoice lines through the invoicing module's bulk writer (COPY on PostgreSQL).
 * After each chunk the read models of its customers are rebuilt (monthly and yearly
 * totals, figures, standings, rating changes), so memory stays bounded by one chunk and
 * one batch of lines however large the portfolio. Contacts, teams and plans are left out:
 * benchmarks do not read them.
 */
@Component
class BulkLoader {

	static final int CHUNK = 1000;

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(BulkLoader.class);

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final BulkInvoiceLines bulkLines;

	private final WarningReadModels warnings;

	private final CriteriaManagement criteria;

	private final AccountManagement accounts;

	private final TransactionTemplate transaction;

	private final ZoneId zone;

	private final DataChanges changes;

	BulkLoader(JdbcTemplate jdbcTemplate, JdbcClient jdbc, BulkInvoiceLines bulkLines, WarningReadModels warnings,
			CriteriaManagement criteria, AccountManagement accounts, PlatformTransactionManager transactions,
			Formats formats, DataChanges changes) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.bulkLines = bulkLines;
		this.warnings = warnings;
		this.criteria = criteria;
		this.accounts = accounts;
		this.transaction = new TransactionTemplate(transactions);
		this.zone = formats.zone();
		this.changes = changes;
	}

	ExamplePortfolio.Loaded write(PortfolioGenerator generator, String actor) {
		long started = System.nanoTime();
		List<Criterion> current = this.criteria.current();
		List<Long> managers = this.accounts.enabledUsers().stream().map(UserSummary::id).toList();
		InvoiceLineWriter lines = new InvoiceLineWriter(this.bulkLines);
		Long importId = this.transaction.execute((status) -> lines.begin("generated-portfolio", actor));
		List<Customer> all = generator.customers();
		int[] evaluations = { 0 };
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<Customer> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			this.transaction.executeWithoutResult((status) -> {
				List<Long> ids = insertCustomers(chunk, managers, generator.asOf().getYear());
				// customers written past CustomerManagement: cached analyses must hear of
				// them
				this.changes.record();
				evaluations[0] += insertEvaluations(generator, chunk, ids, current, actor);
				lines.customers(generator, chunk, ids, importId);
				this.warnings.refreshRatings(ids);
			});
			if ((from / CHUNK) % 10 == 9) {
				logger.info("Generated {} of {} customers, {} lines so far, {} ms", from + chunk.size(), all.size(),
						lines.written(), (System.nanoTime() - started) / 1_000_000);
			}
		}
		long written = this.transaction.execute((status) -> lines.finish(importId, all.size()));
		return new ExamplePortfolio.Loaded(all.size(), written, evaluations[0], 0,
				(System.nanoTime() - started) / 1_000_000);
	}

	private List<Long> insertCustomers(List<Customer> chunk, List<Long> managers, int lastYear) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(chunk.size());
		for (Customer customer : chunk) {
			boolean ended = customer.lostIn() != null && customer.lostIn() < lastYear;
			rows.add(new Object[] { customer.name(), customer.reference(), customer.businessType(),
					customer.registrationNumber(), customer.vatNumber(), customer.country(), customer.city(),
					customer.website(), ended ? "ENDED" : "ACTIVE", customer.notes(),
					managers.isEmpty() ? null : managers.get(customer.manager() % managers.size()), now, now });
		}
		this.jdbcTemplate.batchUpdate(
				"""
						insert into customer (name, external_ref, business_type, registration_number, vat_number, country, city,
						                      website, status, notes, account_manager_id, archived, created_at, updated_at, version)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, 0)
						""",
				rows);
		Map<String, Long> byReference = new HashMap<>();
		this.jdbc.sql("select id, external_ref from customer where external_ref in (:refs)")
			.param("refs", chunk.stream().map(Customer::reference).toList())
			.query((rs) -> {
				byReference.put(rs.getString(2), rs.getLong(1));
			});
		List<Long> ids = chunk.stream().map((customer) -> byReference.get(customer.reference())).toList();
		List<Object[]> tags = new ArrayList<>();
		for (int c = 0; c < chunk.size(); c++) {
			for (String tag : chunk.get(c).tags()) {
				tags.add(new Object[] { ids.get(c), tag });
			}
		}
		this.jdbcTemplate.batchUpdate("insert into customer_tag (customer_id, tag) values (?, ?)", tags);
		return ids;
	}

	/**
	 * The two most recent evaluations of each customer: enough for standings and the
	 * rating-dropped warning.
	 */
	private int insertEvaluations(PortfolioGenerator generator, List<Customer> chunk, List<Long> ids,
			List<Criterion> current, String actor) {
		List<Object[]> rows = new ArrayList<>();
		Map<String, List<Answer>> answers = new HashMap<>();
		for (int c = 0; c < chunk.size(); c++) {
			List<Evaluation> history = generator.evaluations(chunk.get(c));
			for (Evaluation evaluation : history.subList(Math.max(0, history.size() - 2), history.size())) {
				Timestamp at = Timestamp.from(evaluation.date().atTime(10, 0).atZone(this.zone).toInstant());
				rows.add(new Object[] { ids.get(c), at, actor, evaluation.comment() });
				answers.put(ids.get(c) + "@" + at.getTime(), Answers.of(current, evaluation, Language.NL));
			}
		}
		this.jdbcTemplate.batchUpdate(
				"insert into evaluation (customer_id, evaluated_at, evaluated_by, comment) values (?, ?, ?, ?)", rows);
		List<Object[]> values = new ArrayList<>();
		this.jdbc.sql("select id, customer_id, evaluated_at from evaluation where customer_id in (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				List<Answer> given = answers.get(rs.getLong(2) + "@" + rs.getTimestamp(3).getTime());
				if (given == null) {
					return;
				}
				for (Answer answer : given) {
					if (answer.levels().isEmpty()) {
						values.add(new Object[] { rs.getLong(1), answer.criterion().id(), null, null, null,
								answer.number(), answer.text() });
					}
					for (Level level : answer.levels()) {
						values.add(new Object[] { rs.getLong(1), answer.criterion().id(), level.code(), level.labelNl(),
								level.labelEn(), null, null });
					}
				}
			});
		this.jdbcTemplate.batchUpdate("""
				insert into evaluation_value (evaluation_id, criterion_id, level_code, level_label_nl, level_label_en,
				                              number_value, text_value)
				values (?, ?, ?, ?, ?, ?, ?)
				""", values);
		return rows.size();
	}

}
