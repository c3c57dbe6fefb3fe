package org.customerportfolio.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application as people use it, in a real browser: from the first start of an empty
 * installation through users, languages and customers. The tests run in order on one
 * browser and one database of their own (the first test finds no users at all); each
 * later test logs in itself and makes the customers it needs.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-customer-portfolio;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class CustomerPortfolioBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "first-admin-secret";

	private static final String PASSWORD = "colleague-secret-1";

	private static final String ENGLISH_DATE_TIME = "\\d{1,2} [A-Z][a-z]{2,3} \\d{4} \\d{2}:\\d{2}";

	private static final String DUTCH_DATE_TIME = "\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}";

	@Test
	@Order(1)
	void firstStartAsksForTheFirstAdministrator() {
		browser.open("/customers");
		assertThat(browser.path()).startsWith("/setup");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Welcome to Customer Portfolio");
		browser.screenshot("01-setup");

		fillSetup(ADMIN, ADMIN_PASSWORD, "not-the-same-secret");
		browser.clickAndWait(By.id("create-admin"));
		assertThat(browser.path()).startsWith("/setup");
		assertThat(browser.text(By.cssSelector("#passwordRepeat + small.field-error")))
			.isEqualTo("The two passwords are not the same.");
		assertThat(browser.find(By.id("passwordRepeat")).getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("01-setup-mismatch");

		fillSetup(ADMIN, ADMIN_PASSWORD, ADMIN_PASSWORD);
		browser.clickAndWait(By.id("create-admin"));
		assertThat(browser.path()).isEqualTo("/login?lang=en");
		assertThat(browser.text(By.cssSelector(".flash.success")))
			.isEqualTo("Administrator admin created. Log in to start.");
		browser.screenshot("01-setup-done");

		browser.open("/setup");
		assertThat(browser.path()).startsWith("/login");
	}

	@Test
	@Order(2)
	void aWrongPasswordGetsTheSameGenericErrorAsAnUnknownUser() {
		browser.logIn(ADMIN, "wrong-password-here");
		assertThat(browser.path()).isEqualTo("/login?error");
		String wrongPassword = browser.text(By.id("login-error"));
		assertThat(wrongPassword).startsWith("Login failed");
		browser.screenshot("02-login-failed");

		browser.logIn("nobody-by-this-name", "wrong-password-here");
		assertThat(browser.path()).isEqualTo("/login?error");
		assertThat(browser.text(By.id("login-error"))).isEqualTo(wrongPassword);
	}

	@Test
	@Order(3)
	void loggingInShowsTheCustomersAndLoggingOutLocksThemAgain() {
		browser.logIn(ADMIN, ADMIN_PASSWORD);
		assertThat(browser.path()).startsWith("/customers");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Customers");
		assertThat(browser.text(By.id("current-user"))).isEqualTo(ADMIN);
		assertThat(browser.text(By.cssSelector("#results .count"))).isEqualTo("No customers");
		browser.screenshot("03-customers-empty");

		browser.logOut();
		assertThat(browser.path()).isEqualTo("/login?logout");
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("You have logged out.");
		assertThat(browser.isPresent(By.id("current-user"))).isFalse();

		browser.open("/customers");
		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.isPresent(By.id("login"))).isTrue();
		browser.open("/admin/users");
		assertThat(browser.path()).isEqualTo("/login");
	}

	@Test
	@Order(4)
	void theLanguageChoiceIsKeptOnTheAccount() {
		// Before login the choice is kept in a cookie. The page that receives ?lang= is
		// still in the old language (the resolver reads only the request's cookie), so
		// check the page after it.
		browser.open("/login?lang=nl");
		browser.open("/login");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Inloggen");
		assertThat(browser.text(By.cssSelector("header nav a.current"))).isEqualTo("NL");
		browser.screenshot("04-login-dutch");
		browser.open("/login?lang=en");
		browser.open("/login");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Log in");

		logInAsAdmin();
		browser.open("/customers");
		assertThat(navigation()).contains("Customers").doesNotContain("Klanten");

		switchLanguage("nl");
		assertThat(browser.path()).isEqualTo("/customers");
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
		assertThat(browser.text(By.cssSelector(".brand"))).contains("Klantportfolio");
		assertThat(navigation()).contains("Klanten", "Cijfers", "Beheer");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Klanten");
		assertThat(browser.text(By.id("logout"))).isEqualTo("Uitloggen");
		browser.screenshot("04-dutch");

		browser.logOut();
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Log in");
		browser.logIn(ADMIN, ADMIN_PASSWORD);
		browser.open("/customers");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Klanten");
		assertThat(navigation()).contains("Klanten");

		switchLanguage("en");
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.text(By.cssSelector(".brand"))).contains("Customer Portfolio");
		assertThat(navigation()).contains("Customers", "Figures", "Settings");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Customers");
	}

	@Test
	@Order(5)
	void aCustomerIsRegisteredWithContactsAndTeam() {
		logInAsAdmin();
		createUser("sanne", "Sanne Smit", "EDITOR", "EN");

		browser.open("/customers");
		browser.clickAndWait(By.id("new-customer"));
		assertThat(browser.path()).isEqualTo("/customers/new");
		browser.type(By.id("name"), "Acme Bouw B.V.");
		browser.type(By.id("externalRef"), "C-1001");
		browser.select(By.id("businessType"), "contractor");
		browser.select(By.id("status"), "ACTIVE");
		browser.selectByText(By.id("accountManagerId"), "Sanne Smit");
		browser.type(By.id("registrationNumber"), "12345678");
		browser.type(By.id("vatNumber"), "nl 1234.56789.B01");
		browser.select(By.id("country"), "NL");
		browser.type(By.id("city"), "Utrecht");
		browser.type(By.id("website"), "www.acme-bouw.example.nl");
		browser.type(By.id("tags"), "key account, region north");
		browser.type(By.id("notes"), "Builds offices.\nPays on time.");
		browser.screenshot("05-customer-form");
		browser.clickAndWait(By.id("save-customer"));

		assertThat(browser.path()).matches("/customers/\\d+");
		assertThat(browser.text(By.id("customer-name"))).isEqualTo("Acme Bouw B.V.");
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Customer registered.");
		assertThat(facts()).containsEntry("Reference", "C-1001")
			.containsEntry("Business type", "Contractor")
			.containsEntry("Account manager", "Sanne Smit")
			.containsEntry("Chamber of Commerce number", "12345678")
			.containsEntry("VAT number", "NL123456789B01")
			.containsEntry("Country", "Netherlands")
			.containsEntry("City", "Utrecht")
			.containsEntry("Website", "https://www.acme-bouw.example.nl");
		assertThat(facts().get("Last changed")).matches(ENGLISH_DATE_TIME);
		assertThat(texts(By.cssSelector("dl.facts .tag"))).containsExactly("key account", "region north");
		assertThat(browser.text(By.cssSelector(".notes p"))).isEqualTo("Builds offices.\nPays on time.");
		assertThat(browser.text(By.cssSelector("#contacts"))).contains("No contacts yet.");
		assertThat(browser.text(By.cssSelector("#team"))).contains("No team members yet.");

		browser.clickAndWait(By.id("add-contact"));
		browser.type(By.id("name"), "Piet Jansen");
		browser.type(By.id("jobTitle"), "Director");
		browser.type(By.id("email"), "piet@acme-bouw.example.nl");
		browser.type(By.id("phone"), "+31 30 123 4567");
		browser.select(By.id("role"), "DECISION_MAKER");
		browser.clickAndWait(By.id("save-contact"));
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Contact added.");
		List<WebElement> contacts = browser.findAll(By.cssSelector("#contacts tbody tr"));
		assertThat(contacts).hasSize(1);
		assertThat(contacts.get(0).getText()).contains("Piet Jansen", "Director", "Decision maker",
				"piet@acme-bouw.example.nl", "+31 30 123 4567");

		browser.clickAndWait(By.id("add-team-member"));
		browser.selectByText(By.id("userId"), "Sanne Smit");
		browser.select(By.id("role"), "ACCOUNT_MANAGER");
		browser.clickAndWait(By.id("save-team-member"));
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Team member added.");

		browser.clickAndWait(By.id("add-team-member"));
		browser.select(By.id("userId"), "");
		browser.type(By.id("colleagueName"), "Bram de Wit");
		browser.select(By.id("role"), "SPECIALIST");
		browser.clickAndWait(By.id("save-team-member"));
		assertThat(texts(By.cssSelector("#team tbody tr"))).hasSize(2)
			.anySatisfy((row) -> assertThat(row).contains("Sanne Smit", "Account manager").doesNotContain("(no"))
			.anySatisfy((row) -> assertThat(row).contains("Bram de Wit", "(no account)", "Specialist"));

		List<String> audit = texts(By.cssSelector("#audit tbody tr"));
		assertThat(audit).anySatisfy((row) -> assertThat(row).contains("admin", "Customer created"))
			.anySatisfy((row) -> assertThat(row).contains("Customer created", "Name", "Acme Bouw B.V."))
			.anySatisfy((row) -> assertThat(row).contains("Contact created"))
			.anySatisfy((row) -> assertThat(row).contains("Team member created"))
			.allSatisfy((row) -> assertThat(row).containsPattern(ENGLISH_DATE_TIME).contains("admin"));
		browser.screenshot("05-customer-page");

		browser.open("/customers");
		assertThat(browser.text(By.id("results"))).contains("Acme Bouw B.V.", "C-1001", "Contractor", "Utrecht",
				"Sanne Smit", "key account");
	}

	@Test
	@Order(6)
	void invalidInputShowsFieldErrorsAndRegistersNothing() {
		logInAsAdmin();
		browser.open("/customers");
		String countBefore = browser.text(By.cssSelector("#results .count"));

		browser.clickAndWait(By.id("new-customer"));
		browser.type(By.id("name"), "   ");
		browser.type(By.id("vatNumber"), "123");
		browser.type(By.id("city"), "Nowhere");
		browser.clickAndWait(By.id("save-customer"));

		assertThat(browser.text(By.cssSelector("#customer-form .flash.failure")))
			.isEqualTo("Please correct the marked fields.");
		assertThat(browser.text(By.cssSelector("#name + small.field-error"))).isEqualTo("This field is required.");
		assertThat(browser.find(By.id("name")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.text(By.cssSelector("#vatNumber + small.field-error")))
			.startsWith("A VAT number starts with a two-letter country code");
		assertThat(browser.find(By.id("vatNumber")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.value(By.id("vatNumber"))).isEqualTo("123");
		assertThat(browser.value(By.id("city"))).isEqualTo("Nowhere");
		assertThat(browser.isPresent(By.cssSelector("#city + small.field-error"))).isFalse();
		browser.screenshot("06-invalid-customer");

		browser.open("/customers");
		assertThat(browser.text(By.cssSelector("#results .count"))).isEqualTo(countBefore);
		assertThat(browser.text(By.id("results"))).doesNotContain("Nowhere");
	}

	@Test
	@Order(7)
	void aConcurrentEditShowsTheOtherChangesAndKeepsMyValues() {
		logInAsAdmin();
		createUser("erik", "Erik Visser", "EDITOR", "EN");
		String customer = createCustomer("Conflict Test B.V.", "Utrecht");

		browser.open(customer + "/edit");
		browser.type(By.id("city"), "Amersfoort");
		browser.type(By.id("externalRef"), "C-2002");

		try (Browser other = Browser.start("other")) {
			other.baseUrl(baseUrl());
			other.logIn("erik", PASSWORD);
			other.open(customer + "/edit");
			other.type(By.id("city"), "Zeist");
			other.clickAndWait(By.id("save-customer"));
			assertThat(other.text(By.cssSelector(".flash.success"))).isEqualTo("Changes saved.");
			other.screenshot("07-saved-first");
		}

		browser.clickAndWait(By.id("save-customer"));
		assertThat(browser.path()).isEqualTo(customer);
		WebElement conflict = browser.find(By.id("conflict"));
		assertThat(conflict.getText()).contains("Someone else saved this while you were editing");
		List<String> changes = texts(By.cssSelector("#conflict tbody tr"));
		assertThat(changes).hasSize(1);
		assertThat(changes.get(0)).contains("City", "Utrecht", "Zeist", "erik").containsPattern(ENGLISH_DATE_TIME);
		assertThat(browser.value(By.id("city"))).isEqualTo("Amersfoort");
		assertThat(browser.value(By.id("externalRef"))).isEqualTo("C-2002");
		assertThat(browser.text(By.id("save-customer"))).isEqualTo("Save my values on the current version");
		browser.screenshot("07-conflict");

		browser.clickAndWait(By.id("save-customer"));
		assertThat(browser.path()).isEqualTo(customer);
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Changes saved.");
		assertThat(facts()).containsEntry("City", "Amersfoort").containsEntry("Reference", "C-2002");
		assertThat(texts(By.cssSelector("#audit tbody tr")))
			.anySatisfy((row) -> assertThat(row).contains("erik", "Customer changed", "City", "Utrecht", "Zeist"))
			.anySatisfy((row) -> assertThat(row).contains("admin", "Customer changed", "City", "Zeist", "Amersfoort"));
	}

	@Test
	@Order(8)
	void anArchivedCustomerLeavesTheListUntilRestored() {
		logInAsAdmin();
		String customer = createCustomer("Archive Test B.V.", "Gouda");

		browser.find(By.id("archive-customer")).click();
		Alert refused = browser.waitUntil(ExpectedConditions.alertIsPresent());
		assertThat(refused.getText()).startsWith("Archive this customer?");
		refused.dismiss();
		assertThat(browser.isPresent(By.id("archived-badge"))).isFalse();

		browser.markPage();
		browser.find(By.id("archive-customer")).click();
		browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
		browser.awaitNewPage();
		assertThat(browser.text(By.id("archived-badge"))).isEqualTo("Archived");
		assertThat(browser.text(By.cssSelector(".flash.success"))).startsWith("Customer archived.");
		assertThat(browser.isPresent(By.id("edit-customer"))).isFalse();
		assertThat(browser.isPresent(By.id("add-contact"))).isFalse();
		assertThat(texts(By.cssSelector("#audit tbody tr")))
			.anySatisfy((row) -> assertThat(row).contains("admin", "Customer archived"));
		browser.screenshot("08-archived");

		browser.open("/customers");
		assertThat(browser.text(By.id("results"))).doesNotContain("Archive Test B.V.");
		browser.find(By.name("archived")).click();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Archive Test B.V."));
		assertThat(browser.path()).contains("archived=true");
		assertThat(browser.text(By.id("results"))).doesNotContain("Acme Bouw B.V.");
		browser.screenshot("08-archived-list");

		browser.open(customer);
		browser.clickAndWait(By.id("restore-customer"));
		assertThat(browser.isPresent(By.id("archived-badge"))).isFalse();
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Customer restored.");
		browser.open("/customers");
		assertThat(browser.text(By.id("results"))).contains("Archive Test B.V.");
	}

	@Test
	@Order(9)
	void aViewerReadsButCannotChange() {
		logInAsAdmin();
		String customer = createCustomer("Viewer Test B.V.", "Delft");
		createUser("vera", "Vera Kijker", "VIEWER", "NL");
		browser.logOut();

		browser.logIn("vera", PASSWORD);
		browser.open("/customers");
		assertThat(browser.text(By.id("current-user"))).isEqualTo("Vera Kijker");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Klanten");
		assertThat(browser.isPresent(By.id("new-customer"))).isFalse();
		assertThat(navigation()).doesNotContain("Beheer", "Importeren");
		assertThat(browser.text(By.id("results"))).contains("Viewer Test B.V.");

		browser.open(customer);
		assertThat(browser.text(By.id("customer-name"))).isEqualTo("Viewer Test B.V.");
		for (String action : List.of("edit-customer", "archive-customer", "restore-customer", "add-contact",
				"add-team-member")) {
			assertThat(browser.isPresent(By.id(action))).as(action).isFalse();
		}
		assertThat(facts()).containsEntry("Plaats", "Delft");
		assertThat(facts().get("Laatst gewijzigd")).matches(DUTCH_DATE_TIME);
		assertThat(texts(By.cssSelector("#audit tbody tr"))).first().asString().containsPattern(DUTCH_DATE_TIME);
		browser.screenshot("09-viewer");

		// What the hidden buttons would do, sent anyway with the page's own CSRF token.
		Object status = browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				const token = document.querySelector('input[name=_csrf]').value;
				fetch(arguments[0] + '/archive', { method: 'POST',
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
						body: '_csrf=' + encodeURIComponent(token) })
					.then((response) => done(response.status), (error) => done(String(error)));
				""", customer);
		assertThat(status).isEqualTo(403L);
		browser.open(customer);
		assertThat(browser.isPresent(By.id("archived-badge"))).isFalse();

		browser.open("/admin/users");
		assertThat(browser.text(By.tagName("main"))).contains("U hebt geen rechten voor deze pagina.");
		browser.logOut();
	}

	@Test
	@Order(10)
	void markupInCustomerDataIsShownAsText() {
		logInAsAdmin();
		String name = "<script>alert(1)</script>";
		String customer = createCustomer(name, "<b>Leiden</b>");

		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver().switchTo().alert());
		assertThat(browser.text(By.id("customer-name"))).isEqualTo(name);
		assertThat(browser.findAll(By.cssSelector("#customer-name *"))).isEmpty();
		assertThat(browser.findAll(By.cssSelector("main script, main b"))).isEmpty();
		assertThat(facts()).containsEntry("City", "<b>Leiden</b>");
		assertThat(browser.driver().getTitle()).startsWith(name);
		assertThat(texts(By.cssSelector("#audit tbody tr"))).anySatisfy((row) -> assertThat(row).contains(name));
		browser.screenshot("10-markup-as-text");

		browser.open(customer + "/edit");
		assertThat(browser.value(By.id("name"))).isEqualTo(name);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Edit " + name);

		browser.open("/customers");
		browser.type(By.id("q"), "script");
		browser.waitUntil(ExpectedConditions.urlContains("q=script"));
		browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr a"), 1));
		assertThat(browser.text(By.cssSelector("#results tbody tr a"))).isEqualTo(name);
		assertThat(browser.findAll(By.cssSelector("#results script"))).isEmpty();
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver().switchTo().alert());
		browser.screenshot("10-markup-in-list");
	}

	private void fillSetup(String username, String password, String passwordRepeat) {
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), password);
		browser.type(By.id("passwordRepeat"), passwordRepeat);
		browser.select(By.id("language"), "EN");
	}

	/** Ends whatever session the previous test left and logs in as the administrator. */
	private void logInAsAdmin() {
		browser.open("/login");
		if (browser.isLoggedIn()) {
			browser.logOut();
		}
		browser.logIn(ADMIN, ADMIN_PASSWORD);
		assertThat(browser.text(By.id("current-user"))).isEqualTo(ADMIN);
		if (!"en".equals(browser.find(By.tagName("html")).getDomAttribute("lang"))) {
			// an earlier test stopped halfway in Dutch
			switchLanguage("en");
		}
	}

	private void switchLanguage(String language) {
		browser.clickAndWait(By.cssSelector("button[name=language][value=" + language + "]"));
	}

	private void createUser(String username, String fullName, String role, String language) {
		browser.open("/admin/users");
		browser.clickAndWait(By.id("new-user"));
		browser.type(By.id("username"), username);
		browser.type(By.id("fullName"), fullName);
		browser.type(By.id("password"), PASSWORD);
		browser.select(By.id("role"), role);
		browser.select(By.id("language"), language);
		browser.clickAndWait(By.id("save-user"));
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("User created.");
		browser.open("/admin/users");
		assertThat(browser.text(By.tagName("table"))).contains(username, fullName);
	}

	/** Registers a customer through the form and returns the path of its page. */
	private String createCustomer(String name, String city) {
		browser.open("/customers/new");
		browser.type(By.id("name"), name);
		browser.type(By.id("city"), city);
		browser.clickAndWait(By.id("save-customer"));
		assertThat(browser.path()).matches("/customers/\\d+");
		return browser.path();
	}

	private String navigation() {
		return browser.text(By.cssSelector("header nav"));
	}

	/**
	 * The facts on a customer's page by their label as written (the page shows the labels
	 * in capitals through CSS).
	 */
	private Map<String, String> facts() {
		Map<String, String> facts = new LinkedHashMap<>();
		for (WebElement fact : browser.findAll(By.cssSelector("dl.facts > div"))) {
			facts.put(fact.findElement(By.tagName("dt")).getDomProperty("textContent").strip(),
					fact.findElement(By.tagName("dd")).getText());
		}
		return facts;
	}

	private List<String> texts(By by) {
		return browser.findAll(by).stream().map(WebElement::getText).toList();
	}

}
