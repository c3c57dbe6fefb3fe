package org.customerportfolio.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.customerportfolio.analysis.AnalysisFixtures;
import org.customerportfolio.customer.CustomerManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis pages in a real browser: each draws its chart from the data, a filter
 * changes what it shows, the table downloads as XLSX and the chart gives a PNG; the
 * customer page lists customers like it. The portfolio is written straight into the read
 * models of a database of its own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-analysis;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class AnalysisBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "admin";

	private static final String PASSWORD = "first-admin-secret";

	private static final Path DOWNLOADS = Path.of("target", "downloads-analysis").toAbsolutePath();

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private JdbcClient jdbc;

	private static long firstPartner;

	@BeforeAll
	static void allowDownloads() throws IOException {
		Files.createDirectories(DOWNLOADS);
		try (Stream<Path> files = Files.list(DOWNLOADS)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
	}

	@Test
	@Order(1)
	void anAdministratorOpensAPortfolio() {
		AnalysisFixtures fixtures = new AnalysisFixtures(this.customers, this.jdbc);
		for (int i = 0; i < 4; i++) {
			long partner = fixtures.customer("Partner " + i, "contractor");
			if (i == 0) {
				firstPartner = partner;
			}
			fixtures.year(partner, 2023, "200", "20", 2)
				.year(partner, 2024, String.valueOf(1000 * (i + 1)), "100", 3)
				.standing(partner, 70.0 + i, 80.0)
				.level(partner, "relationship_type", "partnership")
				.level(partner, "share_of_wallet", "large")
				.level(partner, "learning", "high");
			long occasional = fixtures.customer("Occasional " + i, "consultant");
			fixtures.year(occasional, 2024, "100", "-10", 1)
				.standing(occasional, 20.0, 15.0 + i)
				.level(occasional, "relationship_type", "incidental")
				.level(occasional, "share_of_wallet", "small")
				.level(occasional, "learning", (i < 2) ? "low" : "average");
		}
		browser.open("/setup");
		browser.type(By.id("username"), ADMIN);
		browser.type(By.id("password"), PASSWORD);
		browser.type(By.id("passwordRepeat"), PASSWORD);
		browser.select(By.id("language"), "EN");
		browser.clickAndWait(By.id("create-admin"));
		browser.logIn(ADMIN, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
	}

	@Test
	@Order(2)
	void concentrationDrawsItsChartsAndAFilterChangesThem() {
		browser.open("/analysis/concentration");
		assertThat(chartPoints("pareto-chart")).isEqualTo(8);
		assertThat(chartPoints("whale-chart")).isGreaterThan(1);
		assertThat(browser.text(By.id("figure-customers"))).isEqualTo("8");
		assertThat(browser.text(By.id("reading-top"))).startsWith("The top 20 % of customers (2) bring");
		assertThat(pngOf("pareto-chart")).startsWith("data:image/png;base64,");
		browser.screenshot("concentration");

		// 2023 has only the partners
		browser.markPage();
		browser.select(By.id("filter-from"), "2023");
		browser.awaitNewPage();
		browser.markPage();
		browser.select(By.id("filter-to"), "2023");
		browser.awaitNewPage();
		assertThat(browser.text(By.id("figure-customers"))).isEqualTo("4");
		assertThat(chartPoints("pareto-chart")).isEqualTo(4);

		browser.markPage();
		browser.select(By.id("filter-to"), "2024");
		browser.awaitNewPage();
		browser.markPage();
		browser.select(By.id("filter-measure"), "margin");
		browser.awaitNewPage();
		assertThat(browser.text(By.id("reading-loss"))).startsWith("4 customers lose money");

		browser.find(By.id("export-xlsx")).click();
		assertThat(downloaded("concentration-margin-2023-2024.xlsx")).isTrue();
	}

	@Test
	@Order(3)
	void aPeriodThatEndsBeforeItStartsIsExplained() {
		browser.open("/analysis/concentration?from=2024&to=2023");
		assertThat(browser.text(By.id("filter-problems"))).contains("The period starts in 2024 but ends in 2023");
		assertThat(browser.isPresent(By.id("pareto-chart"))).isFalse();
	}

	@Test
	@Order(4)
	void theMatrixPlacesTheCustomersAndABubbleOpensOne() {
		browser.open("/analysis/matrix");
		assertThat(chartPoints("matrix-chart")).isEqualTo(8);
		assertThat(browser.text(By.id("reading-quadrants")))
			.isEqualTo("Of the 8 customers placed, 4 are in Develop, 0 in Maintain, 0 in Improve and 4 in Reconsider.");
		browser.screenshot("matrix");

		browser.markPage();
		browser.select(By.id("filter-businessType"), "contractor");
		browser.awaitNewPage();
		assertThat(chartPoints("matrix-chart")).isEqualTo(4);

		browser.find(By.id("export-xlsx")).click();
		assertThat(downloaded("portfolio-matrix.xlsx")).isTrue();

		// a bubble, clicked where the chart drew it
		@SuppressWarnings("unchecked")
		java.util.List<Number> target = (java.util.List<Number>) browser.script("""
				document.getElementById('matrix-chart').scrollIntoView({ block: 'center' });
				const chart = echarts.getInstanceByDom(document.getElementById('matrix-chart'));
				const point = chart.getOption().series[0].data[0];
				const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, point.value);
				return [point.id, x, y];
				""");
		WebElement chart = browser.find(By.id("matrix-chart"));
		new Actions(browser.driver())
			.moveToElement(chart, target.get(1).intValue() - chart.getSize().getWidth() / 2,
					target.get(2).intValue() - chart.getSize().getHeight() / 2)
			.click()
			.perform();
		// the bubbles of the four partners overlap: any of them may be the one on top
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches(".*/customers/\\d+$"));
		assertThat(browser.text(By.id("customer-name"))).startsWith("Partner");
	}

	@Test
	@Order(5)
	void segmentsCompareTheGroupsAndChangeWithTheGrouping() {
		browser.open("/analysis/segments");
		assertThat(chartPoints("revenue-chart")).isEqualTo(2);
		assertThat(browser.text(By.id("stand-outs"))).contains("Contractor: attractiveness");
		browser.screenshot("segments");

		browser.markPage();
		browser.select(By.id("filter-by"), "relationshipType");
		browser.awaitNewPage();
		// partnership, incidental, and all
		assertThat(browser.findAll(By.cssSelector("#segments-table thead th"))).hasSize(4);

		browser.find(By.id("export-xlsx")).click();
		assertThat(downloaded("segments.xlsx")).isTrue();
	}

	@Test
	@Order(6)
	void clustersAreDescribedInWords() {
		browser.open("/analysis/clusters");
		assertThat(chartPoints("clusters-chart")).isGreaterThanOrEqualTo(2);
		assertThat(browser.text(By.id("reading-clusters"))).startsWith("The 8 customers with answers fall into");
		assertThat(browser.text(By.id("cluster-1"))).contains("Typically:");
		browser.screenshot("clusters");

		browser.markPage();
		browser.select(By.id("filter-k"), "2");
		browser.awaitNewPage();
		assertThat(chartPoints("clusters-chart")).isEqualTo(2);
		assertThat(browser.text(By.id("reading-clusters"))).contains("fall into 2 clusters");
	}

	@Test
	@Order(7)
	void theCustomerPageListsCustomersLikeIt() {
		browser.open("/customers/" + firstPartner);
		String similar = browser.text(By.cssSelector("#similar ol"));
		// the other partners first, all alike; then the nearest of the rest
		assertThat(similar).contains("Partner 1").contains("100 % alike over 3 criteria");
		assertThat(similar.indexOf("Partner 3")).isLessThan(similar.indexOf("Occasional"));
		browser.screenshot("similar");
	}

	/** How many points the chart drew, once it has drawn them. */
	private static int chartPoints(String id) {
		WebElement chart = browser.find(By.id(id));
		browser.waitUntil(ExpectedConditions.attributeToBeNotEmpty(chart, "data-points"));
		return Integer.parseInt(chart.getDomAttribute("data-points"));
	}

	private static String pngOf(String id) {
		return (String) browser.script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
				+ ".getDataURL({ type: 'png' })", id);
	}

	private static boolean downloaded(String name) {
		Path file = DOWNLOADS.resolve(name);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until((driver) -> {
			try {
				return Files.isRegularFile(file) && Files.size(file) > 0;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return true;
	}

}
