package org.customerportfolio.example;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.locks.ReentrantLock;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty installation with an invented portfolio: for a newcomer, the example of
 * a Dutch engineering and consulting firm (about 150 customers, five years of invoices,
 * evaluations, plans), written through the modules' own services so that it is audited
 * and every read model follows; for benchmarks, a portfolio of any size from the same
 * generator, written in bulk with a commit per thousand customers. Neither ever writes
 * into a database that holds customers or invoice lines.
 */
@Service
public class ExamplePortfolio {

	static final String AUDIT_SUBJECT = "EXAMPLE_PORTFOLIO";

	private static final Logger logger = LoggerFactory.getLogger(ExamplePortfolio.class);

	/**
	 * How large a portfolio to invent: customers, complete years before the current one
	 * (which is invoiced up to today), invoice lines per year over the whole portfolio,
	 * and the seed that fixes every choice.
	 */
	public record Scale(int customers, int years, long linesPerYear, long seed) {

		public Scale {
			if (customers < 1 || years < 1 || years > 50 || linesPerYear < 0) {
				throw new IllegalArgumentException("A portfolio needs at least one customer, 1 to 50 years and "
						+ "no negative number of lines: " + customers + ", " + years + ", " + linesPerYear);
			}
		}

		/**
		 * The newcomers' example: 150 customers, five years, about 6,000 lines a year.
		 */
		public static Scale example() {
			return new Scale(150, 5, 6000, 2026);
		}

	}

	/** What a load wrote and how long it took. */
	public record Loaded(int customers, long lines, int evaluations, int users, long millis) {
	}

	private final JdbcClient jdbc;

	private final ExampleLoader loader;

	private final BulkLoader bulk;

	private final AuditLog audit;

	private final Formats formats;

	private final TransactionTemplate transaction;

	private final ReentrantLock loading = new ReentrantLock();

	ExamplePortfolio(JdbcClient jdbc, ExampleLoader loader, BulkLoader bulk, AuditLog audit, Formats formats,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.bulk = bulk;
		this.audit = audit;
		this.formats = formats;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Whether the database holds no customers and no invoice lines: only then is an
	 * example offered.
	 */
	public boolean empty() {
		return this.jdbc.sql("select count(*) from (select id from customer limit 1) c").query(Long.class).single() == 0
				&& this.jdbc.sql("select count(*) from (select id from invoice_line limit 1) l")
					.query(Long.class)
					.single() == 0;
	}

	/**
	 * Loads the newcomers' example in the user's language, all or nothing; refused when
	 * the database holds data or another load is running.
	 */
	public Loaded loadExample(Language language, String actor) {
		return exclusively(() -> {
			long started = System.nanoTime();
			PortfolioGenerator generator = new PortfolioGenerator(Scale.example(), this.formats.today(), language);
			Loaded loaded = this.transaction.execute((status) -> {
				refuseUnlessEmpty();
				Loaded written = this.loader.load(generator, language, actor);
				this.audit.recordAction(new Subject(AUDIT_SUBJECT, 0, null, null, actor), "LOADED");
				return written;
			});
			Loaded timed = new Loaded(loaded.customers(), loaded.lines(), loaded.evaluations(), loaded.users(),
					(System.nanoTime() - started) / 1_000_000);
			logger.info("Loaded the example portfolio: {} customers, {} invoice lines, {} evaluations in {} ms",
					timed.customers(), timed.lines(), timed.evaluations(), timed.millis());
			return timed;
		});
	}

	/**
	 * Writes a portfolio of the given scale straight into the database in bulk, a
	 * thousand customers per transaction, lines streamed (never all in memory); refused
	 * when the database holds data. For benchmarks.
	 */
	public Loaded generate(Scale scale, String actor) {
		return exclusively(() -> {
			this.transaction.executeWithoutResult((status) -> refuseUnlessEmpty());
			return generateInto(scale, "EX-", actor);
		});
	}

	/**
	 * Writes a portfolio beside whatever the database holds, its references starting with
	 * {@code prefix}: for tests that share a database.
	 */
	Loaded generateInto(Scale scale, String prefix, String actor) {
		PortfolioGenerator generator = new PortfolioGenerator(scale, this.formats.today(), Language.NL, prefix);
		Loaded loaded = this.bulk.write(generator, actor);
		this.transaction.executeWithoutResult(
				(status) -> this.audit.recordAction(new Subject(AUDIT_SUBJECT, 0, null, null, actor), "GENERATED"));
		logger.info("Generated a portfolio of {} customers and {} invoice lines in {} ms ({} lines/s)",
				loaded.customers(), loaded.lines(), loaded.millis(),
				(loaded.millis() == 0) ? "-" : loaded.lines() * 1000 / loaded.millis());
		return loaded;
	}

	/**
	 * Writes a portfolio of the given scale as an invoice file in the import's layout
	 * (the Dutch accounting export the ordinary import reads), streamed to {@code file}.
	 * The import creates the customers from their reference and name.
	 */
	public static InvoiceCsv.Written writeCsv(Scale scale, LocalDate asOf, Path file) throws IOException {
		return InvoiceCsv.write(new PortfolioGenerator(scale, asOf, Language.NL), file);
	}

	private void refuseUnlessEmpty() {
		if (!empty()) {
			throw new RuleViolation(null, "example.refused.notEmpty");
		}
	}

	private Loaded exclusively(java.util.function.Supplier<Loaded> work) {
		if (!this.loading.tryLock()) {
			throw new RuleViolation(null, "example.refused.busy");
		}
		try {
			return work.get();
		}
		finally {
			this.loading.unlock();
		}
	}

}
