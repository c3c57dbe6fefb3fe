package org.customerportfolio.invoicing;

import org.customerportfolio.exchange.RowProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.customerportfolio.exchange.TabularFile;
import org.customerportfolio.exchange.TabularRow;
import org.customerportfolio.invoicing.ImportPreview.ParsedLine;
import org.jspecify.annotations.Nullable;

/**
 * One pass over an invoice file with settings decided: every row is read into a line or
 * into problems (file, row, column, value, what was expected), and the counts a preview
 * shows are kept on the way. Lines go to a consumer, so the file never sits in memory
 * whole.
 */
final class InvoiceFileReading {

	static final int MAX_LISTED_PROBLEMS = 500;

	static final int SAMPLE_SIZE = 20;

	static final int MAX_LISTED_NEW = 200;

	private static final int MAX_TEXT = 500;

	private final TabularFile file;

	private final Map<InvoiceField, Integer> columns;

	private final String dateFormat;

	private final DecimalMark decimalMark;

	private final Map<String, Long> customersByRef;

	private final Map<String, Long> customersByName;

	private final CategoryMatcher categories;

	private final List<RowProblem> problems = new ArrayList<>();

	private long problemCount;

	private long lines;

	private BigDecimal total = BigDecimal.ZERO;

	private LocalDate firstDate;

	private LocalDate lastDate;

	private final Map<String, String> invoiceOwners = new HashMap<>();

	/**
	 * The invoices with at least one line read without problems: what the import replaces
	 * and counts.
	 */
	private final Set<String> invoices = new HashSet<>();

	private final Map<String, NewCustomer> newCustomers = new LinkedHashMap<>();

	private final Set<String> newCategories = new LinkedHashSet<>();

	private final List<ParsedLine> sample = new ArrayList<>();

	private final Map<Integer, List<long[]>> rowsByYear = new HashMap<>();

	private final Map<Integer, Long> linesByYear = new HashMap<>();

	private final LocalDate today;

	/** Dates in the file's order, and the dates of cells an XLSX marks as dates. */
	private final Memo<LocalDate> dates;

	private final Memo<LocalDate> isoDates = new Memo<>((text) -> ValueFormats.parseDate(text, "yyyy-MM-dd"));

	InvoiceFileReading(TabularFile file, Map<InvoiceField, Integer> columns, String dateFormat, DecimalMark decimalMark,
			Map<String, Long> customersByRef, Map<String, Long> customersByName, CategoryMatcher categories,
			LocalDate today) {
		this.file = file;
		this.columns = new EnumMap<>(columns);
		this.dateFormat = dateFormat;
		this.decimalMark = decimalMark;
		this.customersByRef = customersByRef;
		this.customersByName = customersByName;
		this.categories = categories;
		this.today = today;
		this.dates = new Memo<>((text) -> ValueFormats.parseDate(text, dateFormat));
	}

	/** A customer the file names that does not exist yet. */
	record NewCustomer(@Nullable String reference, String name) {

		String label() {
			return (this.reference != null && !this.reference.equals(this.name))
					? this.name + " (" + this.reference + ")" : this.name;
		}

	}

	/** A valid line, with its customer found (id) or to be created (key). */
	record Line(ParsedLine parsed, @Nullable Long customerId, String customerKey) {
	}

	void read(Consumer<Line> consumer) {
		this.file.forEachRow((row) -> {
			Line line = line(row);
			if (line != null) {
				consumer.accept(line);
			}
		});
		flagDatesFarFromTheRest();
	}

	private @Nullable Line line(TabularRow row) {
		long before = this.problemCount;
		for (Map.Entry<InvoiceField, Integer> column : this.columns.entrySet()) {
			if (row.formulaColumns().contains(column.getValue())) {
				problem(row, column.getKey(), "import.cell.formula");
			}
		}
		String reference = text(row, InvoiceField.CUSTOMER_REF);
		String name = text(row, InvoiceField.CUSTOMER_NAME);
		if (reference.isEmpty() && name.isEmpty()) {
			problem(row, this.columns.containsKey(InvoiceField.CUSTOMER_REF) ? InvoiceField.CUSTOMER_REF
					: InvoiceField.CUSTOMER_NAME, "import.customer.missing");
		}
		if (reference.length() > 64) {
			problem(row, InvoiceField.CUSTOMER_REF, "import.text.tooLong", 64);
		}
		if (name.length() > 200) {
			problem(row, InvoiceField.CUSTOMER_NAME, "import.text.tooLong", 200);
		}
		if (hasControlCharacter(reference)) {
			problem(row, InvoiceField.CUSTOMER_REF, "field.controlCharacters");
		}
		if (hasControlCharacter(name)) {
			problem(row, InvoiceField.CUSTOMER_NAME, "field.controlCharacters");
		}
		String invoice = text(row, InvoiceField.INVOICE_NUMBER);
		if (invoice.isEmpty()) {
			problem(row, InvoiceField.INVOICE_NUMBER, "import.value.required");
		}
		else if (invoice.length() > 64) {
			problem(row, InvoiceField.INVOICE_NUMBER, "import.text.tooLong", 64);
		}
		LocalDate date = date(row);
		BigDecimal amount = amount(row, InvoiceField.AMOUNT, true);
		BigDecimal cost = amount(row, InvoiceField.COST, false);
		BigDecimal margin = amount(row, InvoiceField.MARGIN, false);
		String categoryText = text(row, InvoiceField.SERVICE_CATEGORY);
		String category = null;
		if (!categoryText.isEmpty()) {
			if (categoryText.length() > 100) {
				problem(row, InvoiceField.SERVICE_CATEGORY, "import.text.tooLong", 100);
			}
			else {
				category = this.categories.code(categoryText);
				if (category == null) {
					category = CategoryMatcher.codeFor(categoryText);
					this.newCategories.add(categoryText);
				}
			}
		}
		String description = text(row, InvoiceField.DESCRIPTION);
		if (description.length() > MAX_TEXT) {
			description = description.substring(0, MAX_TEXT);
		}
		String customerKey = reference.isEmpty() ? "name:" + name : "ref:" + reference;
		if (!invoice.isEmpty() && !(reference.isEmpty() && name.isEmpty())) {
			String owner = this.invoiceOwners.putIfAbsent(invoice, customerKey);
			if (owner != null && !owner.equals(customerKey)) {
				problem(row, InvoiceField.INVOICE_NUMBER, "import.invoice.twoCustomers", invoice);
			}
		}
		if (this.problemCount > before || date == null || amount == null) {
			return null;
		}
		Long customerId = reference.isEmpty() ? this.customersByName.get(name) : this.customersByRef.get(reference);
		if (customerId == null && !reference.isEmpty() && !name.isEmpty()) {
			customerId = this.customersByName.get(name);
		}
		if (customerId == null) {
			this.newCustomers.putIfAbsent(customerKey,
					new NewCustomer(reference.isEmpty() ? null : reference, name.isEmpty() ? reference : name));
		}
		if (margin == null && cost != null) {
			margin = amount.subtract(cost);
		}
		this.lines++;
		this.invoices.add(invoice);
		this.total = this.total.add(amount);
		this.firstDate = (this.firstDate == null || date.isBefore(this.firstDate)) ? date : this.firstDate;
		this.lastDate = (this.lastDate == null || date.isAfter(this.lastDate)) ? date : this.lastDate;
		this.linesByYear.merge(date.getYear(), 1L, Long::sum);
		List<long[]> rows = this.rowsByYear.computeIfAbsent(date.getYear(), (year) -> new ArrayList<>());
		if (rows.size() < 20) {
			rows.add(new long[] { row.number() });
		}
		ParsedLine parsed = new ParsedLine(row.number(), reference, name.isEmpty() ? reference : name, invoice, date,
				category, amount, cost, margin, description.isEmpty() ? null : description);
		if (this.sample.size() < SAMPLE_SIZE) {
			this.sample.add(parsed);
		}
		return new Line(parsed, customerId, customerKey);
	}

	private @Nullable LocalDate date(TabularRow row) {
		String text = text(row, InvoiceField.INVOICE_DATE);
		if (text.isEmpty()) {
			problem(row, InvoiceField.INVOICE_DATE, "import.value.required");
			return null;
		}
		Integer column = this.columns.get(InvoiceField.INVOICE_DATE);
		LocalDate date = (column != null && row.dateColumns().contains(column)) ? this.isoDates.get(text)
				: this.dates.get(text);
		if (date == null) {
			problem(row, InvoiceField.INVOICE_DATE, "import.date.invalid", this.dateFormat.toLowerCase(Locale.ROOT));
			return null;
		}
		if (date.getYear() < 1900 || date.isAfter(this.today.plusYears(1))) {
			problem(row, InvoiceField.INVOICE_DATE, "import.date.implausible");
			return null;
		}
		return date;
	}

	private @Nullable BigDecimal amount(TabularRow row, InvoiceField field, boolean required) {
		String text = text(row, field);
		if (text.isEmpty()) {
			if (required) {
				problem(row, field, "import.value.required");
			}
			return null;
		}
		Integer column = this.columns.get(field);
		boolean numberCell = column != null && row.numberColumns().contains(column);
		BigDecimal amount = ValueFormats.parseAmount(text, numberCell ? DecimalMark.POINT : this.decimalMark);
		if (amount == null || amount.abs().compareTo(new BigDecimal("1e14")) >= 0) {
			problem(row, field, "import.amount.invalid",
					(this.decimalMark == DecimalMark.COMMA) ? "1.234,56" : "1,234.56");
			return null;
		}
		return amount;
	}

	/**
	 * Dates more than ten years from the bulk of the file are almost always typing errors
	 * (2062 for 2026).
	 */
	private void flagDatesFarFromTheRest() {
		if (this.lines == 0) {
			return;
		}
		long half = this.lines / 2;
		long seen = 0;
		int median = 0;
		for (int year : this.linesByYear.keySet().stream().sorted().toList()) {
			seen += this.linesByYear.get(year);
			if (seen > half) {
				median = year;
				break;
			}
		}
		for (Map.Entry<Integer, List<long[]>> year : this.rowsByYear.entrySet()) {
			if (Math.abs(year.getKey() - median) > 10) {
				for (long[] row : year.getValue()) {
					this.problemCount++;
					if (this.problems.size() < MAX_LISTED_PROBLEMS) {
						this.problems.add(
								new RowProblem(row[0], header(InvoiceField.INVOICE_DATE), String.valueOf(year.getKey()),
										"import.date.farFromTheRest", new Object[] { String.valueOf(median) }));
					}
				}
				this.problemCount += this.linesByYear.get(year.getKey()) - year.getValue().size();
			}
		}
	}

	/**
	 * What customers may not hold (the customer rules refuse it too): control characters,
	 * as {@code \p{Cntrl}}.
	 */
	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	private String text(TabularRow row, InvoiceField field) {
		Integer column = this.columns.get(field);
		return (column != null) ? row.cell(column).strip() : "";
	}

	private void problem(TabularRow row, InvoiceField field, String code, Object... arguments) {
		this.problemCount++;
		if (this.problems.size() < MAX_LISTED_PROBLEMS) {
			Integer column = this.columns.get(field);
			String value = (column != null) ? row.cell(column) : "";
			this.problems.add(new RowProblem(row.number(), header(field),
					(value.length() > 100) ? value.substring(0, 100) + "…" : value, code, arguments));
		}
	}

	private @Nullable String header(InvoiceField field) {
		Integer column = this.columns.get(field);
		return (column != null) ? this.file.header().get(column) : field.key();
	}

	ImportPreview preview(ImportSettings settings) {
		return new ImportPreview(this.file.name(), settings, this.lines, this.invoices.size(), this.total,
				this.firstDate, this.lastDate,
				this.newCustomers.values().stream().limit(MAX_LISTED_NEW).map(NewCustomer::label).toList(),
				this.newCustomers.size(), List.copyOf(this.newCategories), this.sample, this.problems,
				this.problemCount);
	}

	Set<String> invoiceNumbers() {
		return this.invoices;
	}

	Map<String, NewCustomer> newCustomers() {
		return this.newCustomers;
	}

	Set<String> newCategories() {
		return this.newCategories;
	}

	long problemCount() {
		return this.problemCount;
	}

}
