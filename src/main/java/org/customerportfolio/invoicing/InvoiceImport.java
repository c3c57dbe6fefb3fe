package org.customerportfolio.invoicing;

import org.customerportfolio.exchange.RowProblem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.exchange.FileRefusedException;
import org.customerportfolio.exchange.TabularFile;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InstanceLocks;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports invoice lines from CSV or XLSX as accounting systems export them. It finds how
 * the file is written, maps its columns, reads every row into a line or a precise
 * problem, and only when there are none saves it all in one transaction: new customers
 * and categories, the invoices of the file replacing earlier lines of the same invoice
 * numbers (so nothing is counted twice), and the monthly totals the figures read.
 */
@Service
public class InvoiceImport {

	private static final int PROGRESS_EVERY = 1000;

	private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

	/*
	 * By column name rather than with a DataClassRowMapper: that asks for "filename"
	 * before "file_name", and H2 answers each miss with an exception it also writes, with
	 * its stack trace, to its trace file (the progress page asks every second).
	 */
	private static final RowMapper<ImportStatus> STATUS = (rs, row) -> new ImportStatus(rs.getLong("id"),
			rs.getString("file_name"), rs.getString("imported_by"), rs.getTimestamp("started_at").toInstant(),
			instant(rs.getTimestamp("finished_at")), rs.getString("status"), rs.getObject("total_rows", Integer.class),
			rs.getInt("processed_rows"), rs.getObject("lines", Integer.class), rs.getObject("invoices", Integer.class),
			rs.getObject("customers_created", Integer.class), rs.getBigDecimal("total_amount"),
			rs.getString("message"));

	private final CustomerManagement customers;

	private final ServiceCategories categories;

	private final InvoiceLineStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final Formats formats;

	private final java.util.concurrent.Executor executor;

	private final ApplicationEventPublisher events;

	private final ReentrantLock committing = new ReentrantLock(true);

	private final InstanceLocks locks;

	InvoiceImport(CustomerManagement customers, ServiceCategories categories, InvoiceLineStore store, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock, Formats formats,
			@Qualifier("applicationTaskExecutor") org.springframework.core.task.TaskExecutor executor,
			ApplicationEventPublisher events, InstanceLocks locks) {
		this.locks = locks;
		this.customers = customers;
		this.categories = categories;
		this.store = store;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.formats = formats;
		this.executor = executor;
		this.events = events;
	}

	/**
	 * One import as the list and the progress page show it.
	 */
	public record ImportStatus(long id, String fileName, String importedBy, java.time.Instant startedAt,
			java.time.@Nullable Instant finishedAt, String status, @Nullable Integer totalRows, int processedRows,
			@Nullable Integer lines, @Nullable Integer invoices, @Nullable Integer customersCreated,
			@Nullable BigDecimal totalAmount, @Nullable String message) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

		public int percent() {
			return (this.totalRows == null || this.totalRows == 0) ? 0
					: (int) Math.min(100, Math.round(100.0 * this.processedRows / this.totalRows));
		}

	}

	/**
	 * Starts importing in the background; the import's status tells how far it is. The
	 * file is deleted when done.
	 */
	public long start(Path path, String fileName, ImportSettings settings, String actor, Runnable whenDone) {
		long id = startRecord(fileName, actor);
		this.executor.execute(() -> {
			try {
				commit(id, path, fileName, settings, actor);
			}
			catch (RuntimeException ex) {
				// recorded on the import as FAILED, with its reason
			}
			finally {
				whenDone.run();
			}
		});
		return id;
	}

	public java.util.Optional<ImportStatus> status(long id) {
		return this.jdbc.sql("select * from invoice_import where id = :id").param("id", id).query(STATUS).optional();
	}

	public List<ImportStatus> recent(int limit) {
		return this.jdbc.sql("select * from invoice_import order by id desc limit :limit")
			.param("limit", limit)
			.query(STATUS)
			.list();
	}

	/**
	 * Imports that were running when the application stopped never finished: their
	 * transaction rolled back.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void markInterruptedImports() {
		this.jdbc.sql("update invoice_import set status = 'FAILED', message = 'interrupted' where status = 'RUNNING'")
			.update();
	}

	/**
	 * What the file is and how the import proposes to read it.
	 */
	public ImportAnalysis analyse(Path path, String fileName) {
		TabularFile file = TabularFile.open(path, fileName);
		Map<InvoiceField, Integer> columns = new EnumMap<>(InvoiceField.class);
		autoMap(file.header(), columns);
		Evidence evidence = evidence(file, columns);
		Map<InvoiceField, String> suggested = new EnumMap<>(InvoiceField.class);
		columns.forEach((field, column) -> suggested.put(field, file.header().get(column)));
		return new ImportAnalysis(fileName, file.kind().name(), file.charset().name(), separatorName(file),
				file.header(), suggested, evidence.dates.candidates(), evidence.decimals.decided(file.separator()));
	}

	/**
	 * Reads the whole file as the import would and tells what it would do; saves nothing.
	 */
	public ImportPreview preview(Path path, String fileName, ImportSettings settings) {
		Prepared prepared = prepare(path, fileName, settings);
		if (prepared.refused != null) {
			return prepared.refused;
		}
		prepared.reading.read((line) -> {
		});
		return prepared.reading.preview(prepared.settings);
	}

	/**
	 * Imports the file all or nothing; refused with the preview when any row has a
	 * problem.
	 */
	public ImportResult commit(Path path, String fileName, ImportSettings settings, String actor) {
		long importId = startRecord(fileName, actor);
		return commit(importId, path, fileName, settings, actor);
	}

	ImportResult commit(long importId, Path path, String fileName, ImportSettings settings, String actor) {
		try {
			long checkedAfter = this.locks.counted(InstanceLocks.INVOICE_IMPORT);
			Checked checked = check(path, fileName, settings);
			progress(importId, 0, checked.preview().lines());
			ImportResult result = serially(() -> this.transaction.execute((status) -> {
				// when another import (on any instance) committed while this one was
				// checked, the customers it created and the invoices it replaced are read
				// again
				Checked current = (lockImports() == checkedAfter) ? checked
						: check(path, fileName, checked.prepared().settings);
				return save(importId, path, fileName, current.prepared(), actor, current.preview().lines());
			}));
			this.separately.executeWithoutResult((status) -> this.jdbc
				.sql("""
						update invoice_import set status = 'DONE', finished_at = :at, processed_rows = :lines, lines = :lines,
						       invoices = :invoices, customers_created = :created, total_amount = :total
						where id = :id
						""")
				.param("at", Timestamp.from(this.clock.instant()))
				.param("lines", result.lines())
				.param("invoices", result.invoices())
				.param("created", result.customersCreated())
				.param("total", result.totalAmount())
				.param("id", importId)
				.update());
			return result;
		}
		catch (RuntimeException ex) {
			String message = (ex instanceof ImportRefusedException refused)
					? "import.failed.problems:" + refused.preview().problemCount()
					: (ex instanceof FileRefusedException file) ? file.code() : "import.failed.unexpected";
			this.separately.executeWithoutResult((status) -> this.jdbc.sql(
					"update invoice_import set status = 'FAILED', finished_at = :at, message = :message where id = :id")
				.param("at", Timestamp.from(this.clock.instant()))
				.param("message", message)
				.param("id", importId)
				.update());
			throw ex;
		}
	}

	/** A file read through and found importable, with what it will import. */
	private record Checked(Prepared prepared, ImportPreview preview) {
	}

	/**
	 * Reads the whole file as it will be imported.
	 * @throws ImportRefusedException when it cannot be imported as it is
	 */
	private Checked check(Path path, String fileName, ImportSettings settings) {
		Prepared prepared = prepare(path, fileName, settings);
		if (prepared.refused != null) {
			throw new ImportRefusedException(prepared.refused);
		}
		prepared.reading.read((line) -> {
		});
		ImportPreview preview = prepared.reading.preview(prepared.settings);
		if (!preview.importable()) {
			throw new ImportRefusedException(preview);
		}
		return new Checked(prepared, preview);
	}

	/**
	 * One import commits at a time: in this process without touching the database (an
	 * embedded H2 gives up on a row lock after a while), across processes by the row
	 * lock.
	 */
	private ImportResult serially(Supplier<ImportResult> commit) {
		this.committing.lock();
		try {
			return commit.get();
		}
		finally {
			this.committing.unlock();
		}
	}

	/**
	 * Waits until no other instance's import is committing, holds the lock until this one
	 * has, and counts this one in; answers how many had committed before.
	 */
	private long lockImports() {
		long before = this.locks.lock(InstanceLocks.INVOICE_IMPORT);
		this.locks.count(InstanceLocks.INVOICE_IMPORT);
		return before;
	}

	/**
	 * Writes what a checked reading found: categories and customers first, then the
	 * file's invoices replacing earlier lines of the same numbers, then the monthly
	 * totals of every customer touched.
	 */
	private ImportResult save(long importId, Path path, String fileName, Prepared checked, String actor,
			long expectedLines) {
		InvoiceFileReading found = checked.reading;
		for (String category : found.newCategories()) {
			String code = CategoryMatcher.codeFor(category);
			if (this.categories.findByCode(code).isEmpty()) {
				int position = this.categories.findAllByOrderByPosition()
					.stream()
					.mapToInt(ServiceCategory::position)
					.max()
					.orElse(0) + 1;
				this.categories.save(new ServiceCategory(null, null, code, category, category, position, true));
			}
		}
		Map<String, Long> created = new HashMap<>();
		List<String> keys = new ArrayList<>(found.newCustomers().keySet());
		List<Long> ids = this.customers.registerFromImport(found.newCustomers()
			.values()
			.stream()
			.map((customer) -> new CustomerManagement.NewImportedCustomer(customer.reference(), customer.name()))
			.toList(), actor);
		for (int i = 0; i < keys.size(); i++) {
			created.put(keys.get(i), ids.get(i));
		}
		Set<Long> affected = new HashSet<>(this.store.deleteInvoices(found.invoiceNumbers()));
		Prepared writing = prepare(path, fileName, checked.settings);
		long[] written = { 0 };
		BigDecimal[] total = { BigDecimal.ZERO };
		long[] lastProgress = { System.nanoTime() };
		try (InvoiceLineStore.LineWriter writer = this.store.writer(importId)) {
			writing.reading.read((line) -> {
				Long id = (line.customerId() != null) ? line.customerId() : created.get(line.customerKey());
				writer.add(line.parsed(), id);
				affected.add(id);
				written[0]++;
				total[0] = total[0].add(line.parsed().amount());
				if (written[0] % PROGRESS_EVERY == 0 && progressDue(lastProgress)) {
					progress(importId, written[0], expectedLines);
				}
			});
			writer.finish();
		}
		this.store.refreshTotals(affected);
		this.events.publishEvent(new InvoiceLinesChanged(affected));
		return new ImportResult(importId, written[0], found.invoiceNumbers().size(), created.size(), total[0]);
	}

	long startRecord(String fileName, String actor) {
		KeyHolder key = new GeneratedKeyHolder();
		this.separately.executeWithoutResult((status) -> this.jdbc.sql("""
				insert into invoice_import (file_name, imported_by, started_at, status, processed_rows)
				values (:file, :actor, :at, 'RUNNING', 0)
				""")
			.param("file", (fileName.length() > 255) ? fileName.substring(0, 255) : fileName)
			.param("actor", actor)
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id"));
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * Progress is written at most four times a second: each is a transaction of its own.
	 */
	private static boolean progressDue(long[] last) {
		long now = System.nanoTime();
		if (now - last[0] < PROGRESS_INTERVAL_NANOS) {
			return false;
		}
		last[0] = now;
		return true;
	}

	private void progress(long importId, long processed, long total) {
		this.separately.executeWithoutResult((status) -> this.jdbc
			.sql("update invoice_import set processed_rows = :processed, total_rows = :total where id = :id")
			.param("processed", processed)
			.param("total", total)
			.param("id", importId)
			.update());
	}

	private Prepared prepare(Path path, String fileName, ImportSettings settings) {
		TabularFile file = TabularFile.open(path, fileName);
		List<RowProblem> problems = new ArrayList<>();
		Map<InvoiceField, Integer> columns = columns(file, settings, problems);
		String dateFormat = settings.dateFormat();
		DecimalMark mark = settings.decimalMark();
		if (dateFormat != null && !validPattern(dateFormat)) {
			problems.add(RowProblem.ofFile("import.date.patternInvalid", dateFormat));
			dateFormat = null;
		}
		if (!hasRows(file)) {
			throw new FileRefusedException("import.file.noLines", fileName);
		}
		if (problems.isEmpty() && (dateFormat == null || mark == null)) {
			Evidence evidence = evidence(file, columns);
			if (dateFormat == null) {
				List<String> candidates = evidence.dates.candidates();
				if (candidates.size() == 1) {
					dateFormat = candidates.get(0);
				}
				else if (candidates.isEmpty()) {
					problems.add(
							RowProblem.ofFile("import.date.unreadable", String.join(", ", ValueFormats.DATE_PATTERNS)));
				}
				else {
					problems.add(RowProblem.ofFile("import.date.ambiguous", String.join(", ", candidates)));
				}
			}
			if (mark == null) {
				mark = evidence.decimals.decided(file.separator());
				if (mark == null) {
					problems.add(RowProblem.ofFile("import.decimal.ambiguous"));
				}
			}
		}
		ImportSettings used = new ImportSettings(headers(file, columns), dateFormat, mark);
		if (!problems.isEmpty()) {
			return new Prepared(null, used, new ImportPreview(fileName, used, 0, 0, BigDecimal.ZERO, null, null,
					List.of(), 0, List.of(), List.of(), problems, problems.size()));
		}
		Map<String, Long> byRef = new HashMap<>();
		Map<String, Long> byName = new HashMap<>();
		for (CustomerKey key : this.customers.keys()) {
			if (key.externalRef() != null) {
				byRef.put(key.externalRef(), key.id());
			}
			byName.putIfAbsent(key.name(), key.id());
		}
		InvoiceFileReading reading = new InvoiceFileReading(file, columns, dateFormat, mark, byRef, byName,
				new CategoryMatcher(this.categories.findAllByOrderByPosition()), this.formats.today());
		return new Prepared(reading, used, null);
	}

	private record Prepared(@Nullable InvoiceFileReading reading, ImportSettings settings,
			@Nullable ImportPreview refused) {
	}

	private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static boolean hasRows(TabularFile file) {
		try (var rows = file.rows()) {
			return rows.findAny().isPresent();
		}
		catch (FileRefusedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new FileRefusedException("import.file.unreadable", file.name(), TabularFile.reason(ex));
		}
	}

	private static Map<InvoiceField, Integer> columns(TabularFile file, ImportSettings settings,
			List<RowProblem> problems) {
		Map<InvoiceField, Integer> columns = new EnumMap<>(InvoiceField.class);
		List<String> header = file.header();
		for (Map.Entry<InvoiceField, String> chosen : settings.columns().entrySet()) {
			String wanted = chosen.getValue().strip();
			if (wanted.isEmpty()) {
				continue; // explicitly not in the file
			}
			List<Integer> found = new ArrayList<>();
			for (int i = 0; i < header.size(); i++) {
				if (header.get(i).equalsIgnoreCase(wanted)) {
					found.add(i);
				}
			}
			if (found.isEmpty()) {
				problems.add(new RowProblem(null, wanted, null, "import.column.unknown", new Object[] { wanted }));
			}
			else if (found.size() > 1) {
				problems.add(new RowProblem(null, wanted, null, "import.column.duplicate", new Object[] { wanted }));
			}
			else {
				columns.put(chosen.getKey(), found.get(0));
			}
		}
		Map<InvoiceField, Integer> automatic = new EnumMap<>(InvoiceField.class);
		autoMap(header, automatic);
		for (Map.Entry<InvoiceField, Integer> column : automatic.entrySet()) {
			if (settings.columns().containsKey(column.getKey())) {
				continue; // the caller chose (or chose none)
			}
			String name = header.get(column.getValue());
			if (header.stream().filter(name::equalsIgnoreCase).count() > 1) {
				problems.add(new RowProblem(null, name, null, "import.column.duplicate", new Object[] { name }));
			}
			columns.put(column.getKey(), column.getValue());
		}
		for (InvoiceField field : InvoiceField.values()) {
			if (field.required() && !columns.containsKey(field)) {
				problems.add(new RowProblem(null, null, null, "import.column.missing", new Object[] { field.key() }));
			}
		}
		if (!columns.containsKey(InvoiceField.CUSTOMER_REF) && !columns.containsKey(InvoiceField.CUSTOMER_NAME)) {
			problems.add(new RowProblem(null, null, null, "import.column.missingCustomer", new Object[0]));
		}
		return columns;
	}

	private static void autoMap(List<String> header, Map<InvoiceField, Integer> columns) {
		for (InvoiceField field : InvoiceField.values()) {
			for (int i = 0; i < header.size(); i++) {
				if (field.matches(header.get(i))) {
					columns.put(field, i);
					break;
				}
			}
		}
	}

	private static Map<InvoiceField, String> headers(TabularFile file, Map<InvoiceField, Integer> columns) {
		Map<InvoiceField, String> headers = new LinkedHashMap<>();
		columns.forEach((field, column) -> headers.put(field, file.header().get(column)));
		return headers;
	}

	private static boolean validPattern(String pattern) {
		try {
			ValueFormats.formatter(pattern);
			return pattern.toLowerCase(Locale.ROOT).contains("y") && pattern.contains("d");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String separatorName(TabularFile file) {
		if (file.kind() != TabularFile.Kind.CSV) {
			return "";
		}
		return switch (file.separator()) {
			case '\t' -> "tab";
			case ';' -> ";";
			case ',' -> ",";
			default -> String.valueOf(file.separator());
		};
	}

	private static Evidence evidence(TabularFile file, Map<InvoiceField, Integer> columns) {
		Evidence evidence = new Evidence();
		Integer date = columns.get(InvoiceField.INVOICE_DATE);
		List<Integer> amounts = new ArrayList<>();
		for (InvoiceField field : List.of(InvoiceField.AMOUNT, InvoiceField.COST, InvoiceField.MARGIN)) {
			if (columns.containsKey(field)) {
				amounts.add(columns.get(field));
			}
		}
		file.forEachRow((row) -> {
			if (date != null) {
				evidence.dates.add(row.cell(date));
			}
			for (int column : amounts) {
				evidence.decimals.add(row.cell(column));
			}
		});
		return evidence;
	}

	private static final class Evidence {

		final ValueFormats.DateEvidence dates = new ValueFormats.DateEvidence();

		final ValueFormats.DecimalEvidence decimals = new ValueFormats.DecimalEvidence();

	}

}
