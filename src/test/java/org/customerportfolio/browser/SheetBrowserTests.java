package org.customerportfolio.browser;

import java.util.List;
import java.util.Map;

import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio sheet in a real browser: an editor sorts on a criterion, filters on a
 * name, rates a cell with the keyboard only, cancels an edit with Escape, and downloads
 * the view. The tests run in order on one browser and one database of their own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-sheet;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class SheetBrowserTests extends BrowserTestSupport {

	private static final String VIEW = "/portfolio?columns=name,criterion.relationship_type,relationshipStrength"
			+ "&sort=name,asc";

	private static UserSummary editor;

	private static CustomerView beta;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	@Test
	@Order(1)
	void anEditorOpensTheSheet() {
		editor = TestUsers.create(this.accounts, Role.EDITOR);
		rated("Alpha Bouw", "partnership");
		beta = rated("Beta Advies", "recurring");
		rated("Gamma Infra", "at_risk");

		browser.logIn(editor.username(), TestUsers.PASSWORD);
		browser.open(VIEW);

		assertThat(names()).containsExactly("Alpha Bouw", "Beta Advies", "Gamma Infra");
		assertThat(browser.text(By.id("sheet-count"))).isEqualTo("3 customers");
		browser.screenshot("sheet");
	}

	@Test
	@Order(2)
	void sortingOnACriterionFollowsItsLevelsBothWays() {
		browser.open(VIEW);
		clickAndSettle(By.cssSelector("th[data-col='criterion.relationship_type'] a"));
		browser.waitUntil((driver) -> names().equals(List.of("Alpha Bouw", "Beta Advies", "Gamma Infra"))
				&& browser.path().contains("sort=criterion.relationship_type,asc"));
		clickAndSettle(By.cssSelector("th[data-col='criterion.relationship_type'] a"));
		browser.waitUntil((driver) -> names().equals(List.of("Gamma Infra", "Beta Advies", "Alpha Bouw")));
		assertThat(browser.find(By.cssSelector("th[data-col='criterion.relationship_type'] a")).getAttribute("class"))
			.contains("sorted desc");
	}

	@Test
	@Order(3)
	void filteringNarrowsTheRowsAsOneTypes() {
		browser.open(VIEW);
		browser.find(By.id("filter-name")).sendKeys("gam");
		browser.waitUntil((driver) -> names().equals(List.of("Gamma Infra")));
		assertThat(browser.text(By.id("sheet-count"))).isEqualTo("1 customer");

		browser.open(VIEW + "&f.criterion.relationship_type=-");
		browser.waitUntil((driver) -> names().isEmpty());
		assertThat(browser.text(By.cssSelector("td.empty"))).isEqualTo("No customers match this view.");
	}

	@Test
	@Order(4)
	void aCellIsRatedWithTheKeyboardAlone() {
		browser.open(VIEW);
		WebElement name = cell("Beta Advies", "name");
		browser.script("arguments[0].focus()", name);
		name.sendKeys(Keys.ARROW_RIGHT);
		WebElement level = cell("Beta Advies", "criterion.relationship_type");
		browser.waitUntil((driver) -> level.equals(driver.switchTo().activeElement()));

		level.sendKeys(Keys.ENTER);
		WebElement editor = browser
			.find(By.cssSelector("td[data-col='criterion.relationship_type'] select.cell-editor"));
		editor.sendKeys(Keys.ESCAPE);
		browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("select.cell-editor"), 0));
		assertThat(cellText("Beta Advies", "criterion.relationship_type")).isEqualTo("Recurring");

		cell("Beta Advies", "criterion.relationship_type").sendKeys(Keys.ENTER);
		WebElement select = browser.find(By.cssSelector("select.cell-editor"));
		select.sendKeys(Keys.HOME);
		select.sendKeys(Keys.ARROW_DOWN);
		assertThat(select.getDomProperty("value")).isEqualTo("partnership");
		select.sendKeys(Keys.ENTER);

		browser.waitUntil((driver) -> "Partnership".equals(cellText("Beta Advies", "criterion.relationship_type")));
		assertThat(browser.text(By.id("sheet-status"))).isEqualTo("Saved as a new evaluation.");
		assertThat(cell("Beta Advies", "criterion.relationship_type").getAttribute("class")).contains("lvl-0");
		assertThat(cellText("Beta Advies", "relationshipStrength")).isEqualTo("100");
		assertThat(this.evaluations.current(beta.id()).orElseThrow().ratings().get("relationship_type").levelCode())
			.isEqualTo("partnership");
		browser.screenshot("rated");
	}

	@Test
	@Order(5)
	void theViewDownloadsAsXlsxAndCsv() {
		browser.open(VIEW + "&f.name=a");
		String xlsx = browser.find(By.id("export-xlsx")).getAttribute("href");
		String csv = browser.find(By.id("export-csv")).getAttribute("href");

		assertThat(download(xlsx)).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		String text = download(csv);
		assertThat(text).startsWith("200 text/csv");
		assertThat(text).contains("Id;Name;Relationship type;Relationship strength;Revision")
			.contains("Beta Advies;Partnership;100");
	}

	/**
	 * Fetches a link with the browser's session: status, type and, for text, the body.
	 */
	private static String download(String url) {
		return (String) browser.asyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0]).then((response) => {
						  const type = response.headers.get('content-type');
						  return (type.startsWith('text/') ? response.text() : response.arrayBuffer().then((b) => 'bytes ' + b.byteLength))
						    .then((body) => done(response.status + ' ' + type + '\\n' + body));
						}).catch((error) => done('failed ' + error));
						""",
				url);
	}

	private CustomerView rated(String name, String relationship) {
		CustomerView customer = this.customers.register(CustomerMother.customer().named(name).details(), "test");
		this.evaluations.record(customer.id(), Map.of("relationship_type", List.of(relationship)), null, "anna");
		return customer;
	}

	private static void clickAndSettle(By by) {
		browser.find(by).click();
	}

	/**
	 * The names in the grid, read in one go so that a grid being swapped never goes stale
	 * under us.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> names() {
		return (List<String>) browser.script("""
				return Array.from(document.querySelectorAll("#sheet-grid tbody tr[data-id] td[data-col='name']"))
				  .map((cell) => cell.textContent.trim());
				""");
	}

	private static String cellText(String customer, String column) {
		return (String) browser.script("""
				const row = Array.from(document.querySelectorAll('#sheet-grid tbody tr[data-id]'))
				  .find((tr) => tr.querySelector("td[data-col='name']").textContent.trim() === arguments[0]);
				const cell = row && row.querySelector("td[data-col='" + arguments[1] + "']");
				return cell ? cell.textContent.trim() : null;
				""", customer, column);
	}

	private static WebElement cell(String customer, String column) {
		return browser
			.find(By.xpath("//tr[td[@data-col='name']/a[text()='" + customer + "']]/td[@data-col='" + column + "']"));
	}

}
