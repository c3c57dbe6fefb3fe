package org.customerportfolio.browser;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.NewUser;
import org.customerportfolio.account.Role;
import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.CriterionDetails;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.customer.ContactDetails;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ActionDetails;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script tags in every text a user can type never run in a real browser: with a customer
 * whose name, contact, plan goal, action, decision and criterion are
 * {@code <script>alert(1)</script>}, the main pages open without any alert. And the
 * session cookie over the real server: HttpOnly and SameSite always, Secure when a
 * TLS-terminating proxy on this machine says the browser spoke HTTPS.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-hostile;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBrowserTests extends BrowserTestSupport {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String ADMIN = "hostile-admin";

	private static final String PASSWORD = "hostile-admin-secret";

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private PlanManagement plans;

	@Autowired
	private CriteriaManagement criteria;

	@LocalServerPort
	private int serverPort;

	private long customerId;

	@BeforeAll
	void hostileData() {
		this.accounts.createUser(new NewUser(ADMIN, SCRIPT, PASSWORD, Role.ADMIN, Language.EN), "test");
		this.customerId = this.customers
			.register(CustomerMother.customer().named(SCRIPT).inCity("<img src=x onerror=alert(2)>").details(), "test")
			.id();
		this.customers.addContact(this.customerId,
				new ContactDetails(SCRIPT, SCRIPT, null, null, ContactRole.DECISION_MAKER, SCRIPT), "test");
		this.plans.addGoal(this.customerId, SCRIPT, LocalDate.now().plusMonths(2), "test");
		this.plans.addAction(this.customerId, new ActionDetails(SCRIPT, SCRIPT, LocalDate.now(), null), "test");
		this.plans.decide(this.customerId, SCRIPT, SCRIPT, LocalDate.now(), "test");
		this.criteria.create(new CriterionDetails("hostile_browser", SCRIPT, SCRIPT, SCRIPT, SCRIPT,
				CriterionKind.SINGLE_CHOICE, BigDecimal.ONE, Axis.ATTRACTIVENESS, null, null,
				List.of(new Level("bad", SCRIPT, SCRIPT, 100), new Level("worse", SCRIPT, SCRIPT, 0))), "test");
	}

	@Test
	void noScriptRunsOnTheMainPages() {
		browser.logIn(ADMIN, PASSWORD);
		List<String> pages = List.of("/", "/customers", "/customers/" + this.customerId,
				"/customers/" + this.customerId + "/edit", "/customers/" + this.customerId + "/plan",
				"/customers/" + this.customerId + "/scorecard", "/customers/" + this.customerId + "/evaluations/new",
				"/portfolio?f.status=", "/plans/actions", "/plans/decisions", "/admin/criteria", "/admin/users",
				"/admin/audit", "/analysis/matrix", "/analysis/segments", "/warnings", "/review", "/account");
		for (String page : pages) {
			// an open alert makes the next WebDriver command fail with
			// UnhandledAlertException
			browser.open(page);
			assertThat(browser.script("return document.readyState")).as(page).isEqualTo("complete");
			assertThat(browser.findAll(By.xpath("//script[contains(., 'alert(')]"))).as(page).isEmpty();
			assertThat(browser.findAll(By.xpath("//img[@onerror]"))).as(page).isEmpty();
		}
		browser.open("/customers/" + this.customerId);
		assertThat(browser.text(By.tagName("h1"))).contains(SCRIPT);
		browser.screenshot("hostile-customer");
	}

	@Test
	void theSessionCookieIsHttpOnlySameSiteAndSecureBehindAnHttpsProxy() throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String plain = sessionCookie(client, false);
		assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
		String proxied = sessionCookie(client, true);
		assertThat(proxied).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
	}

	private String sessionCookie(HttpClient client, boolean https) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.serverPort + "/login"))
			.timeout(Duration.ofSeconds(30));
		if (https) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

}
