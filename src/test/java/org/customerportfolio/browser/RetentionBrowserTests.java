package org.customerportfolio.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeping and ending relationships in a real browser: the retention page with its chart,
 * an action that falls overdue, a warning after a rating drops, a relationship ended by a
 * decision that leaves the active views with its history kept, the review report as a
 * download, and the dashboard's figures. The tests run in order on one browser and one
 * database of their own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-retention;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class RetentionBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "first-admin-secret";

	private static final String EDITOR = "rita";

	private static final String PASSWORD = "colleague-secret-1";

	private static final int YEAR = LocalDate.now().getYear();

	@Autowired
	private CustomerManagement customers;

	@Test
	@Order(1)
	void anAdministratorImportsThreeYearsOfInvoices() throws Exception {
		browser.open("/setup");
		browser.type(By.id("username"), ADMIN);
		browser.type(By.id("password"), ADMIN_PASSWORD);
		browser.type(By.id("passwordRepeat"), ADMIN_PASSWORD);
		browser.select(By.id("language"), "EN");
		browser.clickAndWait(By.id("create-admin"));
		browser.logIn(ADMIN, ADMIN_PASSWORD);
		browser.open("/admin/users");
		browser.clickAndWait(By.id("new-user"));
		browser.type(By.id("username"), EDITOR);
		browser.type(By.id("fullName"), "Rita Retention");
		browser.type(By.id("password"), PASSWORD);
		browser.select(By.id("role"), "EDITOR");
		browser.select(By.id("language"), "EN");
		browser.clickAndWait(By.id("save-user"));
		browser.logOut();

		// Keeper buys every year, Gone only two years ago, Newcomer from last year on:
		// of the two active two years ago one stayed (50 %), of last year's two both
		// stayed (100 %)
		String csv = String.join("\r\n", "Order ID,Customer ID,Company Name,Order Date,Category,Product,Amount",
				line("R-1", "KEEP", "Keeper B.V.", YEAR - 2, "12000"),
				line("R-2", "KEEP", "Keeper B.V.", YEAR - 1, "15000"), line("R-3", "KEEP", "Keeper B.V.", YEAR, "9000"),
				line("R-4", "GONE", "Gone B.V.", YEAR - 2, "7000"),
				line("R-5", "NEWC", "Newcomer B.V.", YEAR - 1, "3000"),
				line("R-6", "NEWC", "Newcomer B.V.", YEAR, "4000")) + "\r\n";
		assertThat(importInvoices(csv)).contains("\"imported\":true");
	}

	@Test
	@Order(2)
	void theRetentionPageShowsTheYearsTheChartAndTheLostCustomers() {
		browser.logIn(EDITOR, PASSWORD);
		browser.open("/analysis/retention");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Retention");
		browser.find(By.cssSelector("#retention-chart canvas"));
		browser.find(By.cssSelector("#cohort-chart canvas"));
		assertThat(browser.text(By.cssSelector("#retention-years tr[data-year='" + (YEAR - 1) + "'] .rate")))
			.isEqualTo("50 %");
		assertThat(browser.text(By.cssSelector("#retention-years tr[data-year='" + YEAR + "'] .rate")))
			.isEqualTo("100 %");
		assertThat(browser.text(By.id("lost-table"))).contains("Gone B.V.", "7,000.00");
		assertThat(browser.text(By.id("retention-years"))).containsIgnoringCase("year")
			.containsIgnoringCase("retained")
			.containsIgnoringCase("churn");
		assertThat(browser.text(By.tagName("main"))).contains("45–50 %", "margin × r / (1 + i − r)");
		assertThat(browser.isPresent(By.id("retention-export"))).isTrue();
		browser.screenshot("01-retention");
	}

	@Test
	@Order(3)
	void anActionPastItsDueDateShowsAsOverdue() {
		browser.logIn(EDITOR, PASSWORD);
		browser.open("/customers/" + id("KEEP"));
		browser.find(By.id("action-form"));
		browser.type(By.id("action-description"), "Discuss the framework contract");
		browser.type(By.id("action-owner"), "Rita Retention");
		browser.type(By.id("action-due"), LocalDate.now().minusDays(3).toString());
		browser.clickAndWait(By.id("action-add"));

		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Action saved.");
		WebElement action = browser.find(By.cssSelector("#plan-actions tr[data-action]"));
		assertThat(action.getText()).contains("Discuss the framework contract", "Rita Retention", "overdue");

		browser.open("/plans/actions");
		assertThat(browser.text(By.id("actions-table"))).contains("Keeper B.V.", "Discuss the framework contract",
				"overdue");
		browser.screenshot("03-overdue");
	}

	@Test
	@Order(4)
	void aWarningAppearsAfterARatingDrops() {
		browser.logIn(EDITOR, PASSWORD);
		String customer = "/customers/" + id("NEWC");
		evaluate(customer, "partnership", "large");
		browser.open(customer);
		browser.find(By.cssSelector("#plan #plan-actions"));
		assertThat(browser.isPresent(By.cssSelector("#customer-warnings [data-kind='RATING_DROPPED']"))).isFalse();

		evaluate(customer, "incidental", "small");
		browser.open(customer);
		WebElement badge = browser.find(By.cssSelector("#customer-warnings [data-kind='RATING_DROPPED']"));
		assertThat(badge.getText()).contains("Rating dropped");

		browser.open("/warnings?kind=RATING_DROPPED");
		assertThat(browser.text(By.id("warnings-table"))).contains("Newcomer B.V.", "83.5 points lower");
		browser.screenshot("04-warning");
	}

	@Test
	@Order(5)
	void endingARelationshipIsADecisionThatTakesItOutOfTheActiveViewsAndKeepsItsHistory() {
		browser.logIn(EDITOR, PASSWORD);
		String customer = "/customers/" + id("KEEP");
		browser.open(customer);
		browser.find(By.id("end-relationship-open")).click();
		browser.type(By.id("end-reason"), "Margins gone, three price disputes this year.");
		browser.clickAndWait(By.id("end-relationship"));

		assertThat(browser.text(By.cssSelector(".flash.success")))
			.isEqualTo("The relationship is ended; the decision is in the log.");
		assertThat(browser.text(By.cssSelector(".page-head h1 .badge"))).isEqualTo("Ended");
		browser.find(By.id("relationship-ended"));
		assertThat(browser.text(By.id("plan-decisions"))).contains("Relationship ended",
				"Margins gone, three price disputes this year.", EDITOR);
		assertThat(browser.text(By.id("plan-strategy"))).isEqualTo("End");
		// its history stays: invoiced years, actions and the audit log
		assertThat(browser.find(By.cssSelector("#figures table")).getText()).contains(String.valueOf(YEAR - 2));
		assertThat(browser.text(By.id("plan-actions"))).contains("Discuss the framework contract");
		assertThat(browser.text(By.id("audit"))).contains("Ended");
		browser.screenshot("05-ended");

		// the customer list and the sheet show the active portfolio unless asked
		// otherwise
		browser.open("/customers");
		assertThat(browser.text(By.tagName("main"))).doesNotContain("Keeper B.V.").contains("Newcomer B.V.");
		browser.open("/portfolio");
		assertThat(browser.text(By.tagName("main"))).doesNotContain("Keeper B.V.").contains("Newcomer B.V.");
		browser.open("/customers?status=ENDED");
		assertThat(browser.text(By.tagName("main"))).contains("Keeper B.V.").doesNotContain("Newcomer B.V.");
		browser.open("/plans/actions");
		assertThat(browser.text(By.id("actions-table"))).doesNotContain("Keeper B.V.");
		browser.open("/plans/decisions");
		assertThat(browser.text(By.id("decisions-table"))).contains("Keeper B.V.", "Relationship ended");
	}

	@Test
	@Order(6)
	void theReviewShowsTheDecisionAndItsReportDownloads() {
		browser.logIn(EDITOR, PASSWORD);
		browser.open("/review");
		browser.type(By.id("review-since"), LocalDate.now().minusDays(7).toString());
		browser.clickAndWait(By.id("review-show"));
		assertThat(browser.text(By.id("review-decisions"))).contains("Keeper B.V.", "Relationship ended");
		assertThat(browser.text(By.id("review-warnings"))).contains("Newcomer B.V.", "Rating dropped");

		assertThat(download(By.id("review-pdf"))).isEqualTo("200 application/pdf %PDF-");
		assertThat(download(By.id("review-xlsx")))
			.startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet PK");
		browser.screenshot("06-review");

		browser.type(By.id("review-since"), LocalDate.now().plusDays(7).toString());
		browser.clickAndWait(By.id("review-show"));
		assertThat(browser.text(By.cssSelector(".flash.failure")))
			.isEqualTo("The date of the last review cannot be in the future.");
	}

	@Test
	@Order(7)
	void theDashboardShowsTheHeadlineFigures() {
		browser.logIn(EDITOR, PASSWORD);
		browser.open("/");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard");
		// Gone B.V. and Newcomer B.V.: Keeper B.V. has ended; the top fifth of last
		// year's two
		// customers is Keeper alone, 15,000 of 18,000
		assertThat(browser.text(By.id("headline-customers"))).isEqualTo("2");
		assertThat(browser.text(By.id("headline-retention"))).isEqualTo("50 %");
		assertThat(browser.text(By.id("headline-top-share"))).isEqualTo("83.3 %");
		assertThat(browser.text(By.id("dashboard-warnings"))).contains("Newcomer B.V.", "Rating dropped");
		assertThat(browser.findAll(By.cssSelector("#dashboard-links a"))).hasSize(8);
		browser.screenshot("07-dashboard");
		browser.clickAndWait(By.id("dashboard-customers"));
		assertThat(browser.path()).startsWith("/customers");
	}

	private void evaluate(String customer, String relationship, String share) {
		browser.open(customer + "/evaluations/new");
		browser.find(By.cssSelector("#criterion-relationship_type input[value='" + relationship + "']")).click();
		browser.find(By.cssSelector("#criterion-share_of_wallet input[value='" + share + "']")).click();
		browser.clickAndWait(By.id("save-evaluation"));
		assertThat(browser.path()).isEqualTo(customer + "/evaluations");
	}

	/**
	 * Fetches a link's target in the page (with its session) and tells status, type and
	 * first bytes.
	 */
	private String download(By link) {
		String href = browser.find(link).getDomAttribute("href");
		return (String) browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((response) => response.arrayBuffer().then((body) => done(response.status + ' '
				    + response.headers.get('content-type') + ' '
				    + String.fromCharCode(...new Uint8Array(body).slice(0, response.headers.get('content-type')
				        .includes('pdf') ? 5 : 2)))));
				""", href);
	}

	private long id(String reference) {
		return this.customers.keys()
			.stream()
			.filter((key) -> reference.equals(key.externalRef()))
			.map(CustomerKey::id)
			.findFirst()
			.orElseThrow();
	}

	private String importInvoices(String csv) throws Exception {
		String boundary = "----retention" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoices.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/imports/invoices"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * An invoice line dated in a year: mid-March of past years, the first of this month
	 * for this year.
	 */
	private static String line(String invoice, String reference, String name, int year, String amount) {
		LocalDate date = (year == YEAR) ? LocalDate.now().withDayOfMonth(1) : LocalDate.of(year, 3, 15);
		return String.join(",", invoice, reference, name, date.toString(), "Consulting", "Advice", amount);
	}

}
