package org.customerportfolio.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's two clicks: the setup page of an empty installation with "load an example
 * portfolio" ticked, then logging in, lands on a dashboard full of figures; every page
 * then shows the example (a screenshot of each in target/screenshots).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-example;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class ExampleBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "nieuwkomer";

	private static final String PASSWORD = "example-secret-1";

	@Test
	@Order(1)
	void setupWithTheExampleLandsOnADashboardFullOfFigures() {
		browser.open("/setup?lang=nl");
		browser.type(By.id("username"), ADMIN);
		browser.type(By.id("password"), PASSWORD);
		browser.type(By.id("passwordRepeat"), PASSWORD);
		browser.select(By.id("language"), "NL");
		browser.find(By.id("example-portfolio")).click();
		browser.screenshot("01-setup-with-example");
		browser.markPage();
		browser.find(By.id("create-admin")).click();
		// loading the example takes seconds, more on a busy build machine
		new WebDriverWait(browser.driver(), Duration.ofSeconds(240)).until((driver) -> {
			try {
				return browser.path().startsWith("/login");
			}
			catch (WebDriverException ex) {
				return false;
			}
		});

		browser.logIn(ADMIN, PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.isPresent(By.id("example-offer"))).isFalse();
		assertThat(Integer.parseInt(browser.text(By.id("headline-customers")).replace(".", ""))).isGreaterThan(80);
		assertThat(browser.text(By.id("headline-revenue"))).matches("[\\d.]+(,\\d+)?");
		assertThat(browser.text(By.id("headline-retention"))).endsWith("%");
		assertThat(browser.text(By.id("headline-top-share"))).endsWith("%");
		assertThat(browser.findAll(By.cssSelector("#dashboard-warnings tbody tr"))).hasSizeGreaterThan(3);
		browser.screenshot("02-dashboard");
	}

	@Test
	@Order(2)
	void everyPageShowsTheExample() {
		String customer = browser.find(By.cssSelector("#dashboard-overdue a[href^='/customers/']"))
			.getDomAttribute("href")
			.replaceAll("#.*", "");
		List<String> pages = List.of("/customers", "/portfolio", "/figures", "/analysis/concentration",
				"/analysis/matrix", "/analysis/segments", "/analysis/clusters", "/analysis/retention",
				"/analysis/retention/economics", "/warnings", "/review", "/plans/actions", "/plans/decisions", customer,
				customer + "/plan", customer + "/evaluations");
		int shot = 3;
		for (String page : pages) {
			browser.open(page);
			assertThat(browser.path()).as(page).startsWith(page);
			assertThat(browser.text(By.tagName("main"))).as(page).doesNotContain("NaN").doesNotContain("??");
			browser.screenshot(String.format("%02d", shot++) + page.replace('/', '-'));
		}
		browser.open("/analysis/retention");
		assertThat(browser.text(By.tagName("main"))).contains("2021").contains("%");
	}

}
