package org.customerportfolio.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing invoices in a real browser: the administrator (who reads English) uploads a
 * Dutch accounting export in Windows-1252, checks the columns and the preview, sees a
 * broken file refused line by line, imports the good one and reads the figures on the
 * customer's page and the portfolio's. The tests run in order on one browser and one
 * database of their own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-import;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class InvoiceImportBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "first-admin-secret";

	private static final String CAFE = "Café de Zwaan";

	private static final String BAKERY = "Bakkerij Jansen";

	private static final String HEADER = "Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Omzetgroep;Bedrag;Kosten";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private static final Path TARGET = Path.of("target").toAbsolutePath();

	/** The lines of the good export, written once for all tests. */
	private static final List<Line> LINES = lines();

	/** The path of the imported café's page, from the import on. */
	private static String customer;

	@Test
	@Order(1)
	void theFirstAdministratorSetsUpTheApplication() {
		browser.open("/setup");
		browser.type(By.id("username"), ADMIN);
		browser.type(By.id("password"), ADMIN_PASSWORD);
		browser.type(By.id("passwordRepeat"), ADMIN_PASSWORD);
		browser.select(By.id("language"), "EN");
		browser.clickAndWait(By.id("create-admin"));
		assertThat(browser.path()).isEqualTo("/login?lang=en");
	}

	@Test
	@Order(2)
	void aDutchExportIsReadWithItsColumnsAndPreviewedWithoutProblems() {
		logIn();
		Path file = write("export-good.csv", LINES.stream().map(Line::csv).toList());
		upload(file);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("export-good.csv");
		assertThat(browser.text(By.cssSelector("main > p.help"))).contains("windows-1252", "separator “;”",
				"7 columns");
		assertThat(selected("customerRef")).isEqualTo("Klantnummer");
		assertThat(selected("customerName")).isEqualTo("Klantnaam");
		assertThat(selected("invoiceNumber")).isEqualTo("Factuurnummer");
		assertThat(selected("invoiceDate")).isEqualTo("Factuurdatum");
		assertThat(selected("serviceCategory")).isEqualTo("Omzetgroep");
		assertThat(selected("amount")).isEqualTo("Bedrag");
		assertThat(selected("cost")).isEqualTo("Kosten");

		preview();
		assertThat(browser.text(By.cssSelector("#preview-result h2"))).isEqualTo("What the import would do");
		assertThat(browser.text(By.id("preview-lines"))).isEqualTo("20");
		assertThat(browser.text(By.id("preview-total"))).isEqualTo(english(sum(LINES)));
		assertThat(browser.text(By.id("problem-count"))).isEqualTo("0");
		assertThat(browser.isPresent(By.id("problems"))).isFalse();
		assertThat(texts(By.cssSelector("#preview-result .tag-list .tag"))).containsExactlyInAnyOrder(CAFE + " (K100)",
				BAKERY + " (K200)");
		assertThat(browser.text(By.id("preview-result"))).contains("Customers the import will create")
			.doesNotContain("Service categories the import will add");
		assertThat(browser.text(By.id("commit"))).isEqualTo("Import 20 lines");
		browser.script("document.getElementById('preview-result').scrollIntoView()");
		browser.screenshot("02-preview");
	}

	@Test
	@Order(3)
	void aBrokenFileIsReportedLineByLineAndCannotBeImported() {
		logIn();
		LocalDate date = LocalDate.now().minusMonths(1).withDayOfMonth(10);
		Path file = write("export-broken.csv", List.of("K100;" + CAFE + ";F-BAD-1;31-02-2026;Advies;100,00;10,00",
				"K100;" + CAFE + ";F-BAD-2;" + date.format(DUTCH_DATE) + ";Ontwerp;12,34,5;10,00"));
		upload(file);
		preview();
		assertThat(browser.text(By.id("problem-count"))).isEqualTo("2");
		assertThat(browser.text(By.cssSelector("#problems .flash.failure")))
			.startsWith("2 problems: nothing will be imported until every one is solved.");
		List<List<String>> problems = new ArrayList<>();
		for (WebElement row : browser.findAll(By.cssSelector("#problems tbody tr"))) {
			problems.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList().subList(0, 3));
		}
		assertThat(problems).containsExactlyInAnyOrder(List.of("2", "Factuurdatum", "31-02-2026"),
				List.of("3", "Bedrag", "12,34,5"));
		assertThat(browser.text(By.id("problems"))).contains("This is not a date in the format",
				"This is not an amount");
		assertThat(browser.isPresent(By.id("commit"))).isFalse();
		assertThat(browser.isPresent(By.id("commit-form"))).isFalse();
		browser.script("document.getElementById('preview-result').scrollIntoView()");
		browser.screenshot("03-problems");
	}

	@Test
	@Order(4)
	void theGoodFileIsImportedInTheBackground() {
		logIn();
		upload(write("export-good.csv", LINES.stream().map(Line::csv).toList()));
		preview();
		browser.clickAndWait(By.id("commit"));
		assertThat(browser.path()).matches("/imports/invoices/jobs/\\d+");
		browser.find(By.id("progress"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("job-status"), "imported"));
		browser.find(By.id("job-result"));
		// lines, invoices, new customers, total amount
		assertThat(texts(By.cssSelector("#job-result dd"))).containsExactly("20", "20", "2", english(sum(LINES)));
		assertThat(browser.find(By.id("job-result")).getDomProperty("textContent")).contains("Lines", "New customers",
				"Total amount");
		browser.screenshot("04-imported");

		browser.open("/imports/invoices");
		assertThat(browser.text(By.tagName("main"))).contains("Recent imports", "export-good.csv", "imported");
	}

	@Test
	@Order(5)
	void theCustomerPageShowsTheImportedFigures() {
		logIn();
		browser.open("/customers");
		browser.type(By.id("q"), "Zwaan");
		browser.waitUntil(ExpectedConditions.urlContains("q=Zwaan"));
		browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr a"), 1));
		assertThat(browser.text(By.cssSelector("#results tbody tr a"))).isEqualTo(CAFE);
		browser.clickAndWait(By.cssSelector("#results tbody tr a"));
		assertThat(browser.path()).matches("/customers/\\d+");
		customer = browser.path();

		WebElement figures = loadedFigures();
		List<Line> cafe = LINES.stream().filter((line) -> line.name().equals(CAFE)).toList();
		int lastYear = LocalDate.now().getYear() - 1;
		assertThat(yearRevenue(lastYear))
			.isEqualTo(english(sum(cafe.stream().filter((line) -> line.date().getYear() == lastYear).toList())));
		YearMonth end = YearMonth.now().minusMonths(1);
		List<Line> trailing = cafe.stream()
			.filter((line) -> !YearMonth.from(line.date()).isBefore(end.minusMonths(11))
					&& !YearMonth.from(line.date()).isAfter(end))
			.toList();
		assertThat(browser.text(By.id("ttm"))).isEqualTo(english(sum(trailing)));
		assertThat(figures.findElement(By.tagName("h2")).getText()).isEqualTo("Invoicing");
		assertThat(browser.find(By.cssSelector("#figures .score-tiles")).getDomProperty("textContent"))
			.contains("Last 12 months");
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#figures .chart svg")));
		assertThat(browser.text(By.cssSelector("#manual-projection .score-value"))).isEqualTo("—");
		browser.screenshot("05-customer-figures");
	}

	@Test
	@Order(6)
	void anAccountManagersProjectionIsShownBesideTheComputedOne() {
		logIn();
		browser.open(customer);
		loadedFigures();
		browser.type(By.id("projection-amount"), "150,000");
		browser.clickAndWait(By.id("save-projection"));
		assertThat(browser.text(By.cssSelector(".flash.success"))).startsWith("Projection saved.");
		loadedFigures();
		assertThat(browser.text(By.cssSelector("#manual-projection .score-value"))).isEqualTo("150,000.00");
		assertThat(browser.text(By.cssSelector("#manual-projection .score-basis"))).startsWith("by " + ADMIN);
		browser.screenshot("06-projection");
	}

	@Test
	@Order(7)
	void thePortfolioShowsTheYears() {
		logIn();
		browser.open("/figures");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Invoicing per year");
		int thisYear = LocalDate.now().getYear();
		List<String> years = browser.findAll(By.cssSelector("#portfolio-years tbody tr td:first-child span"))
			.stream()
			.map(WebElement::getText)
			.toList();
		List<String> expected = LINES.stream().map((line) -> String.valueOf(line.date().getYear())).distinct().toList();
		assertThat(years).containsExactlyInAnyOrderElementsOf(expected).contains(String.valueOf(thisYear - 1));
		browser.screenshot("07-portfolio");
	}

	/** Logs in as the administrator unless the browser still has that session. */
	private void logIn() {
		browser.open("/imports/invoices");
		if (!browser.isLoggedIn()) {
			browser.logIn(ADMIN, ADMIN_PASSWORD);
		}
		assertThat(browser.isLoggedIn()).as("logged in").isTrue();
	}

	private void upload(Path file) {
		browser.open("/imports/invoices");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Import invoices");
		browser.find(By.id("file")).sendKeys(file.toString());
		browser.clickAndWait(By.id("upload"));
		browser.find(By.id("mapping-form"));
	}

	private void preview() {
		browser.clickAndWait(By.id("preview"));
		browser.find(By.id("preview-result"));
	}

	private String selected(String field) {
		return new Select(browser.find(By.id("column-" + field))).getFirstSelectedOption().getDomProperty("value");
	}

	/** The customer's figures once htmx has replaced the placeholder with them. */
	private WebElement loadedFigures() {
		browser.find(By.cssSelector("#figures table, #figures .empty-note"));
		return browser.find(By.id("figures"));
	}

	private String yearRevenue(int year) {
		for (WebElement row : browser.findAll(By.cssSelector("#figures tbody tr"))) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			if (cells.get(0).getText().startsWith(String.valueOf(year))) {
				return cells.get(1).getText();
			}
		}
		throw new AssertionError("No row for " + year + " in the figures");
	}

	private static List<String> texts(By by) {
		return browser.findAll(by).stream().map(WebElement::getText).toList();
	}

	/**
	 * Twenty lines, one a month from last month back, on the 10th: two customers, two
	 * categories, amounts above a thousand so that the thousands dot shows.
	 */
	private static List<Line> lines() {
		LocalDate today = LocalDate.now();
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			boolean cafe = i % 2 == 0;
			lines.add(new Line(cafe ? "K100" : "K200", cafe ? CAFE : BAKERY, "F-" + (1000 + i),
					today.minusMonths(i + 1).withDayOfMonth(10), (i / 2) % 2 == 0 ? "Advies" : "Ontwerp",
					new BigDecimal("1250.50").add(BigDecimal.valueOf(100L * i)), new BigDecimal("400.00")));
		}
		return lines;
	}

	private static Path write(String name, List<String> lines) {
		try {
			Path directory = TARGET.resolve("import-browser-tests");
			Files.createDirectories(directory);
			Path file = directory.resolve(name);
			List<String> all = new ArrayList<>();
			all.add(HEADER);
			all.addAll(lines);
			Files.write(file, all, WINDOWS_1252);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BigDecimal sum(List<Line> lines) {
		return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** An amount as the application shows it to an English reader: 1,250.50. */
	private static String english(BigDecimal amount) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount);
	}

	/** An amount as a Dutch accounting export writes it: 1.250,50. */
	private static String dutch(BigDecimal amount) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")))
			.format(amount);
	}

	private record Line(String ref, String name, String invoice, LocalDate date, String category, BigDecimal amount,
			BigDecimal cost) {

		String csv() {
			return String.join(";", this.ref, this.name, this.invoice, this.date.format(DUTCH_DATE), this.category,
					dutch(this.amount), dutch(this.cost));
		}

	}

}
