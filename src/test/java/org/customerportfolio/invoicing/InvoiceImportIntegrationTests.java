package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportfolio.invoicing.InvoiceFiles.WINDOWS_1252;
import static org.customerportfolio.invoicing.InvoiceFiles.csv;
import static org.customerportfolio.invoicing.InvoiceFiles.xlsx;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The invoice import as an integration uses it: files as accounting systems and Excel
 * write them, posted to the import API, read back through the customer and figures API
 * and counted in the database. Every test uses its own customer references and invoice
 * numbers, since the database is shared.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("persistence")
class InvoiceImportIntegrationTests {

	private static final String IMPORT = "/api/v1/imports/invoices";

	private static final String DUTCH_HEADER = "Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Bedrag";

	private static final AtomicInteger sequence = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService userDetails;

	/** Signed in directly: one password check per class, not one per request. */
	private UserDetails editor;

	/** Unique per test: prefixes the references, names and invoice numbers it uses. */
	private String run;

	@BeforeAll
	void editor() {
		this.editor = this.userDetails.loadUserByUsername(TestUsers.create(this.accounts, Role.EDITOR).username());
	}

	@BeforeEach
	void run() {
		this.run = "IT" + Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000_000L), 36).toUpperCase()
				+ sequence.incrementAndGet();
	}

	// 1. A Dutch export

	@Test
	void importsADutchExportWithSemicolonsDecimalCommasDutchDatesAndWindows1252Accents() throws Exception {
		byte[] file = csv(WINDOWS_1252, "Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Omzetgroep;Bedrag",
				ref("ZW") + ";Café de Zwaan " + this.run + ";" + inv(1) + ";15-01-2026;Advies;€ 1.234,56",
				ref("ZW") + ";Café de Zwaan " + this.run + ";" + inv(1) + ";15-01-2026;Ontwerp;765,44",
				ref("MU") + ";Bouwbedrijf Müller " + this.run + ";" + inv(2) + ";03-02-2025;Toezicht;12.000,00",
				ref("MU") + ";Bouwbedrijf Müller " + this.run + ";" + inv(3) + ";28-11-2025;Toezicht;1.000.000,01");
		assertThat(file).as("é and ü are single bytes in Windows-1252").contains((byte) 0xE9, (byte) 0xFC);

		String answer = importOk("export.csv", file);

		assertThat(read(answer, "$.imported", Boolean.class)).isTrue();
		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(4);
		assertThat(read(answer, "$.invoices", Integer.class)).isEqualTo(3);
		assertThat(read(answer, "$.customersCreated", Integer.class)).isEqualTo(2);
		assertThat(decimal(answer, "$.totalAmount")).isEqualByComparingTo("1014000.01");
		String zwaan = customer(ref("ZW"));
		assertThat(read(zwaan, "$.name", String.class)).isEqualTo("Café de Zwaan " + this.run);
		assertThat(read(zwaan, "$.externalRef", String.class)).isEqualTo(ref("ZW"));
		assertThat(read(customer(ref("MU")), "$.name", String.class)).isEqualTo("Bouwbedrijf Müller " + this.run);
		String zwaanFigures = figures(zwaan);
		assertThat(revenue(zwaanFigures, 2026)).isEqualByComparingTo("2000.00");
		assertThat(decimal(zwaanFigures, "$.years[0].byCategory.consulting")).isEqualByComparingTo("1234.56");
		assertThat(decimal(zwaanFigures, "$.years[0].byCategory.design")).isEqualByComparingTo("765.44");
		assertThat(revenue(figures(customer(ref("MU"))), 2025)).isEqualByComparingTo("1012000.01");
	}

	// 2. Other encodings, separators and XLSX

	@Test
	void importsUtf8WithAByteOrderMarkCommasAndEnglishHeaders() throws Exception {
		byte[] file = InvoiceFiles.utf8WithBom("Customer ID,Company Name,Invoice Number,Invoice Date,Category,Amount",
				ref("A") + ",\"Zoë & Søn, Ltd " + this.run + "\"," + inv(1) + ",2026-03-04,Consulting,\"1,234.56\"",
				ref("A") + ",\"Zoë & Søn, Ltd " + this.run + "\"," + inv(2) + ",2026-03-18,Design,99.5");

		String answer = importOk("export-utf8.csv", file);

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(2);
		assertThat(decimal(answer, "$.totalAmount")).isEqualByComparingTo("1334.06");
		String customer = customer(ref("A"));
		assertThat(read(customer, "$.name", String.class)).isEqualTo("Zoë & Søn, Ltd " + this.run);
		assertThat(revenue(figures(customer), 2026)).isEqualByComparingTo("1334.06");
		assertThat(dateOf(inv(1))).isEqualTo(LocalDate.of(2026, 3, 4));
	}

	@Test
	void importsATabSeparatedFile() throws Exception {
		byte[] file = csv(UTF_8, "Debiteurnummer\tBedrijfsnaam\tFactuurnr\tDatum\tOmschrijving\tOmzet",
				ref("T") + "\tTabs & Co " + this.run + "\t" + inv(1) + "\t2026-05-01\tAdvies, mei; juni\t1500.25",
				ref("T") + "\tTabs & Co " + this.run + "\t" + inv(2) + "\t2026-06-01\tBeheer\t499.75");

		String answer = importOk("export.txt", file);

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(2);
		String customer = customer(ref("T"));
		assertThat(read(customer, "$.name", String.class)).isEqualTo("Tabs & Co " + this.run);
		assertThat(revenue(figures(customer), 2026)).isEqualByComparingTo("2000.00");
		assertThat(this.jdbc.sql("select description from invoice_line where invoice_number = :number")
			.param("number", inv(1))
			.query(String.class)
			.single()).isEqualTo("Advies, mei; juni");
	}

	@Test
	void importsAnXlsxWithDateCellsAndNumberCells() throws Exception {
		byte[] file = xlsx((sheet) -> {
			header(sheet, "Klantnummer", "Klantnaam", "Factuurnummer", "Factuurdatum", "Bedrag", "Kosten");
			sheet.value(1, 0, ref("X"));
			sheet.value(1, 1, "Excel BV " + this.run);
			sheet.value(1, 2, inv(1));
			sheet.value(1, 3, LocalDate.of(2026, 2, 27));
			sheet.style(1, 3).format("dd-mm-yyyy").set();
			sheet.value(1, 4, new BigDecimal("1234.56"));
			sheet.value(1, 5, 1000);
			sheet.value(2, 0, ref("X"));
			sheet.value(2, 1, "Excel BV " + this.run);
			sheet.value(2, 2, inv(2));
			sheet.value(2, 3, LocalDate.of(2025, 12, 1).atTime(14, 30));
			sheet.style(2, 3).format("d-m-yyyy hh:mm").set();
			sheet.value(2, 4, -34.56);
		});

		String answer = importOk("export.xlsx", file);

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(2);
		assertThat(dateOf(inv(1))).isEqualTo(LocalDate.of(2026, 2, 27));
		assertThat(dateOf(inv(2))).isEqualTo(LocalDate.of(2025, 12, 1));
		String figures = figures(customer(ref("X")));
		assertThat(revenue(figures, 2026)).isEqualByComparingTo("1234.56");
		assertThat(decimal(figures, "$.years[?(@.year == 2026)].margin")).isEqualByComparingTo("234.56");
		assertThat(revenue(figures, 2025)).isEqualByComparingTo("-34.56");
	}

	@Test
	void importsAnXlsxAsFastexcelWritesIt() throws Exception {
		byte[] file = InvoiceFiles.fastexcelXlsx((sheet) -> {
			header(sheet, "Klantnummer", "Factuurnummer", "Factuurdatum", "Bedrag");
			sheet.value(1, 0, ref("FX"));
			sheet.value(1, 1, inv(1));
			sheet.value(1, 2, LocalDate.of(2026, 2, 27));
			sheet.style(1, 2).format("yyyy-mm-dd").set();
			sheet.value(1, 3, 1234.56);
		});

		String answer = importOk("fastexcel.xlsx", file);

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(1);
		assertThat(dateOf(inv(1))).isEqualTo(LocalDate.of(2026, 2, 27));
	}

	@Test
	void readsXlsxNumberCellsWhateverDecimalMarkTheCallerGives() throws Exception {
		byte[] file = xlsx((sheet) -> {
			header(sheet, "Klantnummer", "Factuurnummer", "Factuurdatum", "Bedrag");
			sheet.value(1, 0, ref("N"));
			sheet.value(1, 1, inv(1));
			sheet.value(1, 2, "2026-01-15");
			sheet.value(1, 3, 1234.5);
			sheet.value(2, 0, ref("N"));
			sheet.value(2, 1, inv(2));
			sheet.value(2, 2, "2026-01-16");
			sheet.value(2, 3, 123.456);
		});

		String answer = dryRun("nl-excel.xlsx", file, "decimalMark=comma");

		assertThat(problemCodes(answer)).isEmpty();
		assertThat(decimal(answer, "$.totalAmount")).isEqualByComparingTo("1357.956");
	}

	// 3. Column mapping

	@Test
	void mapsColumnsAsToldWithOneColumnFeedingBothCustomerReferenceAndName() throws Exception {
		byte[] file = csv(UTF_8, "Wie;Stuk;Wanneer;Netto", ref("W") + ";" + inv(1) + ";15-01-2026;100,00",
				ref("W") + ";" + inv(2) + ";16-01-2026;23,45");

		String answer = importOk("custom.csv", file, "column.customerRef=Wie", "column.customerName=Wie",
				"column.invoiceNumber=Stuk", "column.invoiceDate=Wanneer", "column.amount=Netto");

		assertThat(read(answer, "$.customersCreated", Integer.class)).isEqualTo(1);
		String customer = customer(ref("W"));
		assertThat(read(customer, "$.externalRef", String.class)).isEqualTo(ref("W"));
		assertThat(read(customer, "$.name", String.class)).isEqualTo(ref("W"));
		assertThat(revenue(figures(customer), 2026)).isEqualByComparingTo("123.45");
	}

	@Test
	void namesANewCustomerAfterItsReferenceWhenTheFileHasNoNames() throws Exception {
		byte[] file = csv(UTF_8, "Code;Document;Dag;Netto", ref("R") + ";" + inv(1) + ";15-01-2026;10,00");

		importOk("no-names.csv", file, "column.customerRef=code", "column.invoiceNumber=DOCUMENT",
				"column.invoiceDate=Dag", "column.amount=Netto");

		assertThat(read(customer(ref("R")), "$.name", String.class)).isEqualTo(ref("R"));
	}

	@Test
	void refusesAColumnPartForAFieldThatDoesNotExist() throws Exception {
		MvcResult result = upload("x.csv", csv(UTF_8, DUTCH_HEADER, line("U", 1, "15-01-2026", "1,00")),
				"column.vatRate=Btw");

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(problemCodes(body(result))).containsExactly("import.column.field");
		assertThat(linesOf(inv(1))).isZero();
	}

	@Test
	void findsTheColumnsLeftOutOfAPartialMappingFromTheHeaders() throws Exception {
		byte[] file = csv(UTF_8, "Code;Klantnaam;Factuurnummer;Factuurdatum;Bedrag",
				ref("P") + ";Partial " + this.run + ";" + inv(1) + ";15-01-2026;10,00");

		String answer = importOk("partial.csv", file, "column.customerRef=Code");

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(1);
		assertThat(read(customer(ref("P")), "$.name", String.class)).isEqualTo("Partial " + this.run);
	}

	// 4. Dates

	@Test
	void asksForTheDateFormatWhenDayAndMonthCannotBeToldApartAndImportsWithIt() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("D", 1, "3/4/2026", "10,00"), line("D", 2, "5/6/2026", "10,00"),
				line("D", 3, "12/1/2026", "10,00"));

		String preview = dryRun("ambiguous.csv", file);

		assertThat(read(preview, "$.imported", Boolean.class)).isFalse();
		assertThat(problemCodes(preview)).containsExactly("import.date.ambiguous");
		assertThat(read(preview, "$.problems[0].row", Object.class)).isNull();
		assertThat(read(preview, "$.problems[0].message", String.class)).contains("d/M/yyyy", "M/d/yyyy");
		assertThat(upload("ambiguous.csv", file).getResponse().getStatus()).isEqualTo(422);
		assertThat(linesOf(inv(1))).isZero();

		String answer = importOk("ambiguous.csv", file, "dateFormat=d/M/yyyy");

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(3);
		assertThat(dateOf(inv(1))).isEqualTo(LocalDate.of(2026, 4, 3));
		assertThat(dateOf(inv(3))).isEqualTo(LocalDate.of(2026, 1, 12));
	}

	@Test
	void reportsAnImpossibleDateWithItsRowColumnAndValue() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("I", 1, "15-01-2026", "10,00"), line("I", 2, "31-02-2026", "10,00"),
				line("I", 3, "28-02-2026", "10,00"));

		MvcResult result = upload("impossible.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		String answer = body(result);
		assertThat(read(answer, "$.imported", Boolean.class)).isFalse();
		assertThat(problems(answer)).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("row", 3).containsEntry("column", "Factuurdatum");
			assertThat(problem).containsEntry("value", "31-02-2026").containsEntry("code", "import.date.invalid");
			assertThat((String) problem.get("message")).contains("dd-mm-yyyy");
		});
		assertThat(linesOf(inv(1))).isZero();
	}

	@Test
	void readsADateWithATimeAsItsDate() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("H", 1, "2026-03-04 13:45:00", "10,00"),
				line("H", 2, "2026-03-31T23:59:59", "10,00"));

		importOk("times.csv", file);

		assertThat(dateOf(inv(1))).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(dateOf(inv(2))).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void flagsAYearFarFromTheRestOfTheFile() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("Y", 1, "15-01-2026", "10,00"), line("Y", 2, "16-11-2025", "10,00"),
				line("Y", 3, "17-01-2002", "10,00"), line("Y", 4, "18-02-2026", "10,00"));

		MvcResult result = upload("years.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(problems(body(result))).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("row", 4).containsEntry("column", "Factuurdatum");
			assertThat(problem).containsEntry("value", "2002").containsEntry("code", "import.date.farFromTheRest");
		});
		assertThat(linesOf(inv(1))).isZero();
	}

	/**
	 * 2062 typed for 2026 is more than a year ahead, so it is refused as implausible
	 * before the comparison with the rest of the file is made.
	 */
	@Test
	void refusesAYearTypedFarIntoTheFuture() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("F", 1, "15-01-2026", "10,00"), line("F", 2, "16-03-2062", "10,00"),
				line("F", 3, "18-02-2025", "10,00"));

		MvcResult result = upload("future.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(problems(body(result))).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("row", 3).containsEntry("value", "16-03-2062");
			assertThat(problem).containsEntry("code", "import.date.implausible");
		});
	}

	@Test
	void namesTheYearOfMostLinesWithoutThousandsSeparators() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("G", 1, "15-01-2026", "10,00"), line("G", 2, "17-01-2002", "10,00"),
				line("G", 3, "18-02-2026", "10,00"));

		String answer = body(upload("years.csv", file));

		assertThat(read(answer, "$.problems[0].message", String.class)).contains("(2026)");
	}

	@Test
	void refusesAnInvalidDateFormatAlsoWithoutADecimalMark() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("V", 1, "15-01-2026", "10,00"));

		MvcResult result = upload("pattern.csv", file, "dryRun=true", "dateFormat=dd-MM-yyyy{");

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(problemCodes(body(result))).containsExactly("import.date.patternInvalid");
	}

	@Test
	void refusesAnInvalidDateFormatGivenWithADecimalMark() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("V", 1, "15-01-2026", "10,00"));

		String answer = dryRun("pattern.csv", file, "dateFormat=dd-MM-yyyy{", "decimalMark=comma");

		assertThat(problemCodes(answer)).containsExactly("import.date.patternInvalid");
	}

	// 5. Amounts

	@Test
	void reportsAmountsThatAreNotNumbers() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("M", 1, "15-01-2026", "100,00"),
				line("M", 2, "15-01-2026", "12,34,5"), line("M", 3, "15-01-2026", "€ abc"));

		MvcResult result = upload("amounts.csv", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		List<Map<String, Object>> problems = problems(body(result));
		assertThat(problems).extracting((problem) -> problem.get("row")).containsExactly(3, 4);
		assertThat(problems).extracting((problem) -> problem.get("value")).containsExactly("12,34,5", "€ abc");
		assertThat(problems).extracting((problem) -> problem.get("code")).containsOnly("import.amount.invalid");
		assertThat(problems).extracting((problem) -> problem.get("column")).containsOnly("Bedrag");
		assertThat(linesOf(inv(1))).isZero();
	}

	@Test
	void importsCreditNotesThatReduceRevenue() throws Exception {
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("C", 1, "05-01-2026", "1.000,00"),
				line("C", 2, "20-01-2026", "-250,00"), line("C", 3, "21-01-2026", "(50,00)"));

		String answer = importOk("credit.csv", file);

		assertThat(decimal(answer, "$.totalAmount")).isEqualByComparingTo("700.00");
		assertThat(revenue(figures(customer(ref("C"))), 2026)).isEqualByComparingTo("700.00");
	}

	@Test
	void derivesTheMarginFromACostColumn() throws Exception {
		byte[] file = csv(UTF_8, "Klantnummer;Factuurnummer;Factuurdatum;Bedrag;Kosten",
				ref("K") + ";" + inv(1) + ";05-01-2026;1.000,00;600,00",
				ref("K") + ";" + inv(2) + ";06-01-2026;500,00;450,50", ref("K") + ";" + inv(3) + ";07-01-2026;200,00;");

		importOk("costs.csv", file);

		String figures = figures(customer(ref("K")));
		assertThat(revenue(figures, 2026)).isEqualByComparingTo("1700.00");
		assertThat(decimal(figures, "$.years[0].margin")).isEqualByComparingTo("449.50");
		assertThat(decimal(figures, "$.years[0].revenueWithMargin")).isEqualByComparingTo("1500.00");
		assertThat(this.jdbc.sql("select margin from invoice_line where invoice_number = :number")
			.param("number", inv(2))
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("49.50");
	}

	// 7. Formulas

	@Test
	void refusesAFormulaInAnAmountCell() throws Exception {
		byte[] file = xlsx((sheet) -> {
			header(sheet, "Klantnummer", "Factuurnummer", "Factuurdatum", "Amount");
			sheet.value(1, 0, ref("Q"));
			sheet.value(1, 1, inv(1));
			sheet.value(1, 2, "2026-01-15");
			sheet.value(1, 3, 100);
			sheet.value(2, 0, ref("Q"));
			sheet.value(2, 1, inv(2));
			sheet.value(2, 2, "2026-01-16");
			sheet.formula(2, 3, "D2*2");
		});

		MvcResult result = upload("formula.xlsx", file);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		List<Map<String, Object>> problems = problems(body(result));
		assertThat(problems).anySatisfy((problem) -> assertThat(problem).containsEntry("row", 3)
			.containsEntry("column", "Amount")
			.containsEntry("code", "import.cell.formula"));
		assertThat(problems).allSatisfy((problem) -> assertThat(problem).containsEntry("row", 3));
		assertThat(linesOf(inv(1))).isZero();
	}

	// 8. All or nothing, and the dry run

	@Test
	void importsNothingWhenOneLineOfFiveThousandIsWrong() throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add(DUTCH_HEADER);
		for (int i = 0; i < 5000; i++) {
			int invoice = i / 3;
			int customer = invoice % 50;
			lines.add(ref("B" + customer) + ";Bulk " + customer + " " + this.run + ";" + inv(invoice) + ";"
					+ String.format("%02d-%02d-2026", 1 + invoice % 28, 1 + invoice % 10) + ";12,50");
		}
		List<String> withBadLine = new ArrayList<>(lines);
		withBadLine.add(4990, ref("B1") + ";Bulk 1 " + this.run + ";" + inv(9999) + ";01-01-2026;12,34,5");
		long linesBefore = allInvoiceLines();
		long customersBefore = customersOfThisRun();

		MvcResult result = upload("bulk.csv", csv(UTF_8, withBadLine));

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(problems(body(result))).singleElement()
			.satisfies((problem) -> assertThat(problem).containsEntry("row", 4991)
				.containsEntry("code", "import.amount.invalid"));
		assertThat(allInvoiceLines()).isEqualTo(linesBefore);
		assertThat(customersOfThisRun()).isEqualTo(customersBefore).isZero();
		String preview = dryRun("bulk.csv", csv(UTF_8, lines));
		assertThat(problemCodes(preview)).isEmpty();
		assertThat(read(preview, "$.lines", Integer.class)).isEqualTo(5000);
	}

	@Test
	void dryRunAnswersThePreviewAndSavesNothing() throws Exception {
		String existing = ref("E");
		importOk("first.csv",
				csv(UTF_8, DUTCH_HEADER, existing + ";Existing " + this.run + ";" + inv(1) + ";02-01-2026;5,00"));
		byte[] file = csv(UTF_8, DUTCH_HEADER, existing + ";Existing " + this.run + ";" + inv(2) + ";02-02-2026;10,00",
				ref("N1") + ";New One " + this.run + ";" + inv(3) + ";03-02-2026;1.000,50",
				ref("N1") + ";New One " + this.run + ";" + inv(3) + ";03-02-2026;99,50",
				ref("N2") + ";New Two " + this.run + ";" + inv(4) + ";04-02-2026;-10,00");
		long linesBefore = allInvoiceLines();
		long customersBefore = customersOfThisRun();

		String preview = dryRun("second.csv", file);

		assertThat(read(preview, "$.imported", Boolean.class)).isFalse();
		assertThat(read(preview, "$.lines", Integer.class)).isEqualTo(4);
		assertThat(read(preview, "$.invoices", Integer.class)).isEqualTo(3);
		assertThat(decimal(preview, "$.totalAmount")).isEqualByComparingTo("1100.00");
		assertThat(read(preview, "$.customersCreated", Integer.class)).isEqualTo(2);
		assertThat(read(preview, "$.newCustomers", List.class)).containsExactly(
				"New One " + this.run + " (" + ref("N1") + ")", "New Two " + this.run + " (" + ref("N2") + ")");
		assertThat(read(preview, "$.firstDate", String.class)).isEqualTo("2026-02-02");
		assertThat(read(preview, "$.lastDate", String.class)).isEqualTo("2026-02-04");
		assertThat(problemCodes(preview)).isEmpty();
		assertThat(allInvoiceLines()).isEqualTo(linesBefore);
		assertThat(customersOfThisRun()).isEqualTo(customersBefore).isEqualTo(1);
		assertThat(revenue(figures(customer(existing)), 2026)).isEqualByComparingTo("5.00");
	}

	// 9. Never double counts

	@Test
	void replacesTheLinesOfAnInvoiceImportedAgainAndKeepsTheOthers() throws Exception {
		importOk("january.csv",
				csv(UTF_8, DUTCH_HEADER, line("A", 1, "10-01-2026", "100,00"), line("A", 1, "10-01-2026", "200,00"),
						line("A", 2, "11-02-2026", "300,00"), line("B", 3, "12-03-2026", "400,00")));
		assertThat(revenue(figures(customer(ref("A"))), 2026)).isEqualByComparingTo("600.00");

		String answer = importOk("february.csv", csv(UTF_8, DUTCH_HEADER, line("A", 2, "11-02-2026", "50,00"),
				line("A", 2, "11-02-2026", "60,00"), line("B", 4, "13-04-2026", "70,00")));

		assertThat(read(answer, "$.lines", Integer.class)).isEqualTo(3);
		assertThat(read(answer, "$.customersCreated", Integer.class)).isZero();
		assertThat(linesOf(inv(1))).isEqualTo(2);
		assertThat(linesOf(inv(2))).isEqualTo(2);
		assertThat(linesOf(inv(3))).isEqualTo(1);
		assertThat(linesOf(inv(4))).isEqualTo(1);
		assertThat(revenue(figures(customer(ref("A"))), 2026)).isEqualByComparingTo("410.00");
		assertThat(revenue(figures(customer(ref("B"))), 2026)).isEqualByComparingTo("470.00");
	}

	@Test
	void movesAnInvoiceImportedAgainForAnotherCustomer() throws Exception {
		importOk("first.csv",
				csv(UTF_8, DUTCH_HEADER, line("A", 1, "10-01-2026", "100,00"), line("B", 2, "11-01-2026", "40,00")));

		importOk("corrected.csv", csv(UTF_8, DUTCH_HEADER, line("B", 1, "10-01-2026", "100,00")));

		assertThat(read(figures(customer(ref("A"))), "$.years", List.class)).isEmpty();
		assertThat(revenue(figures(customer(ref("B"))), 2026)).isEqualByComparingTo("140.00");
	}

	// 10. Who may import

	@Test
	void refusesViewersAndAnonymousCallers() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("S", 1, "15-01-2026", "10,00"));

		MvcResult asViewer = this.mvc
			.perform(request("x.csv", file).with(httpBasic(viewer.username(), TestUsers.PASSWORD)))
			.andReturn();
		MvcResult anonymous = this.mvc.perform(request("x.csv", file)).andReturn();

		assertThat(asViewer.getResponse().getStatus()).isEqualTo(403);
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
		assertThat(linesOf(inv(1))).isZero();
		assertThat(customersOfThisRun()).isZero();
	}

	@Test
	void importsForAnEditorSigningInWithBasicAuthentication() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		byte[] file = csv(UTF_8, DUTCH_HEADER, line("S", 1, "15-01-2026", "10,00"));

		MvcResult result = this.mvc
			.perform(request("x.csv", file).with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		assertThat(linesOf(inv(1))).isEqualTo(1);
		assertThat(this.jdbc.sql("select imported_by from invoice_import where id = :id")
			.param("id", read(body(result), "$.importId", Long.class))
			.query(String.class)
			.single()).isEqualTo(editor.username());
	}

	// helpers

	private String ref(String customer) {
		return this.run + "-" + customer;
	}

	private String inv(int number) {
		return this.run + "-F" + number;
	}

	/** A line of {@link #DUTCH_HEADER}: the customer is named after its reference. */
	private String line(String customer, int invoice, String date, String amount) {
		return ref(customer) + ";Klant " + ref(customer) + ";" + inv(invoice) + ";" + date + ";" + amount;
	}

	private static void header(org.dhatim.fastexcel.Worksheet sheet, String... names) {
		for (int i = 0; i < names.length; i++) {
			sheet.value(0, i, names[i]);
		}
	}

	private MockMultipartHttpServletRequestBuilder request(String fileName, byte[] content, String... parts) {
		MockMultipartHttpServletRequestBuilder request = multipart(IMPORT)
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
		for (String part : parts) {
			int equals = part.indexOf('=');
			request.part(new MockPart(part.substring(0, equals), part.substring(equals + 1).getBytes(UTF_8)));
		}
		return request;
	}

	private MvcResult upload(String fileName, byte[] content, String... parts) throws Exception {
		return this.mvc.perform(request(fileName, content, parts).with(user(this.editor))).andReturn();
	}

	private String importOk(String fileName, byte[] content, String... parts) throws Exception {
		MvcResult result = upload(fileName, content, parts);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		String answer = body(result);
		assertThat(read(answer, "$.imported", Boolean.class)).as(answer).isTrue();
		return answer;
	}

	private String dryRun(String fileName, byte[] content, String... parts) throws Exception {
		String[] all = new String[parts.length + 1];
		all[0] = "dryRun=true";
		System.arraycopy(parts, 0, all, 1, parts.length);
		MvcResult result = upload(fileName, content, all);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		return body(result);
	}

	/** The customer with this reference, as the customer API shows it. */
	private String customer(String reference) throws Exception {
		String page = body(
				this.mvc.perform(get("/api/v1/customers").param("q", reference).with(user(this.editor))).andReturn());
		List<Map<String, Object>> found = JsonPath.read(page, "$.content[?(@.externalRef == '" + reference + "')]");
		assertThat(found).as(page).hasSize(1);
		return JsonPath.parse(found.get(0)).jsonString();
	}

	private String figures(String customer) throws Exception {
		MvcResult result = this.mvc
			.perform(
					get("/api/v1/customers/" + read(customer, "$.id", Long.class) + "/figures").with(user(this.editor)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return body(result);
	}

	private static BigDecimal revenue(String figures, int year) {
		return decimal(figures, "$.years[?(@.year == " + year + ")].revenue");
	}

	private LocalDate dateOf(String invoice) {
		return this.jdbc.sql("select distinct invoice_date from invoice_line where invoice_number = :number")
			.param("number", invoice)
			.query(LocalDate.class)
			.single();
	}

	private long linesOf(String invoice) {
		return this.jdbc.sql("select count(*) from invoice_line where invoice_number = :number")
			.param("number", invoice)
			.query(Long.class)
			.single();
	}

	private long allInvoiceLines() {
		return this.jdbc.sql("select count(*) from invoice_line").query(Long.class).single();
	}

	private long customersOfThisRun() {
		return this.jdbc.sql("select count(*) from customer where external_ref like :prefix")
			.param("prefix", this.run + "-%")
			.query(Long.class)
			.single();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static <T> T read(String json, String path, Class<T> type) {
		return JsonPath.parse(json).read(path, type);
	}

	/** A number in the answer, exactly; a filter's single match counts as the value. */
	private static BigDecimal decimal(String json, String path) {
		Object value = JsonPath.read(json, path);
		if (value instanceof List<?> list) {
			assertThat(list).as(path + " in " + json).hasSize(1);
			value = list.get(0);
		}
		assertThat(value).as(path + " in " + json).isInstanceOf(Number.class);
		return new BigDecimal(value.toString());
	}

	private static List<Map<String, Object>> problems(String answer) {
		return JsonPath.read(answer, "$.problems");
	}

	private static List<String> problemCodes(String answer) {
		return JsonPath.read(answer, "$.problems[*].code");
	}

}
