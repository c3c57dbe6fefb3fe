package org.customerportfolio.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Evaluating a customer in a real browser: an editor rates a customer twice, reads how
 * both scores came about and what changed, a Dutch viewer reads the same without being
 * able to evaluate, and an administrator retires criteria without losing old answers. The
 * tests run in order on one browser, one customer and one database of their own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-evaluation;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class EvaluationBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "first-admin-secret";

	private static final String EDITOR = "eva";

	private static final String VIEWER = "victor";

	private static final String PASSWORD = "colleague-secret-1";

	private static final String CUSTOMER = "Rating Test B.V.";

	private static final String ENGLISH_DATE_TIME = "\\d{1,2} [A-Z][a-z]{2,3} \\d{4} \\d{2}:\\d{2}";

	private static final List<String> CRITERIA = List.of("relationship_type", "service_needs", "decision_criteria",
			"share_of_wallet", "profitability", "sales_potential", "ease_of_cooperation", "business_outlook",
			"rnd_cooperation", "learning");

	/** The path of the customer page, from the first test on. */
	private static String customer;

	@Test
	@Order(1)
	void theFirstAdministratorCreatesAnEditorAndAViewer() {
		browser.open("/setup");
		browser.type(By.id("username"), ADMIN);
		browser.type(By.id("password"), ADMIN_PASSWORD);
		browser.type(By.id("passwordRepeat"), ADMIN_PASSWORD);
		browser.select(By.id("language"), "EN");
		browser.clickAndWait(By.id("create-admin"));
		assertThat(browser.path()).isEqualTo("/login?lang=en");

		logInAs(ADMIN, ADMIN_PASSWORD);
		createUser(EDITOR, "Eva Editor", "EDITOR", "EN");
		createUser(VIEWER, "Victor Kijker", "VIEWER", "NL");
		browser.logOut();
	}

	@Test
	@Order(2)
	void aNewCustomerIsNotEvaluatedYet() {
		logInAs(EDITOR, PASSWORD);
		browser.open("/customers/new");
		browser.type(By.id("name"), CUSTOMER);
		browser.type(By.id("city"), "Arnhem");
		browser.clickAndWait(By.id("save-customer"));
		assertThat(browser.path()).matches("/customers/\\d+");
		customer = browser.path();

		assertThat(loadedScorecard().getText()).contains("Evaluation", "Not evaluated yet.");
		assertThat(browser.isPresent(By.cssSelector("#scorecard .score-tiles"))).isFalse();
		assertThat(browser.isPresent(By.id("evaluate-customer"))).isTrue();
		browser.screenshot("02-not-evaluated");

		browser.clickAndWait(By.cssSelector("#scorecard a[href$='/evaluations']"));
		assertThat(browser.path()).isEqualTo(customer + "/evaluations");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Evaluation of " + CUSTOMER);
		assertThat(browser.text(By.tagName("main"))).contains("Not evaluated yet.");
		assertThat(browser.isPresent(By.id("history"))).isFalse();
		assertThat(browser.isPresent(By.id("score-ATTRACTIVENESS"))).isFalse();
		assertThat(browser.isPresent(By.id("evaluate"))).isTrue();
	}

	@Test
	@Order(3)
	void theFirstEvaluationExplainsBothScores() {
		logInAs(EDITOR, PASSWORD);
		browser.open(customer);
		loadedScorecard();
		browser.clickAndWait(By.id("evaluate-customer"));
		assertThat(browser.path()).isEqualTo(customer + "/evaluations/new");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Evaluate " + CUSTOMER);
		assertThat(browser.findAll(By.cssSelector("#evaluation-form fieldset.criterion"))).hasSize(CRITERIA.size());
		for (String criterion : CRITERIA) {
			assertThat(browser.isPresent(By.id("criterion-" + criterion))).as(criterion).isTrue();
		}
		assertThat(browser.text(By.cssSelector("#criterion-relationship_type legend"))).contains("Relationship type",
				"Relationship strength");
		assertThat(answer("relationship_type", "")).as("not rated at first").isTrue();
		assertThat(answer("profitability", "")).isTrue();

		choose("relationship_type", "recurring");
		choose("share_of_wallet", "medium");
		choose("profitability", "high");
		choose("sales_potential", "low");
		choose("decision_criteria", "trust");
		choose("decision_criteria", "supplier_quality");
		browser.type(By.id("comment"), "First look after the kick-off meeting.");
		browser.screenshot("03-evaluation-form");
		browser.clickAndWait(By.id("save-evaluation"));

		assertThat(browser.path()).isEqualTo(customer + "/evaluations");
		assertThat(browser.text(By.cssSelector(".flash.success")))
			.isEqualTo("Evaluation saved: it is now the current rating.");

		assertThat(browser.text(By.cssSelector("#score-RELATIONSHIP_STRENGTH h2"))).isEqualTo("Relationship strength");
		assertThat(browser.text(By.cssSelector("#score-RELATIONSHIP_STRENGTH .score-value"))).isEqualTo("58.5");
		assertThat(browser.text(By.cssSelector("#score-RELATIONSHIP_STRENGTH .score-basis")))
			.isEqualTo("rests on 2 of 3 criteria");
		Map<String, List<String>> strength = contributions("RELATIONSHIP_STRENGTH");
		assertThat(strength).hasSize(3)
			.containsEntry("Relationship type", List.of("Recurring", "1", "67", "33.5"))
			.containsEntry("Our share of their related purchases", List.of("Medium", "1", "50", "25"))
			.containsEntry("Ease of cooperation", List.of("not rated", "1", "—", "—"));
		assertThat(browser.find(By.cssSelector("#score-RELATIONSHIP_STRENGTH tbody tr.missing")).getText())
			.startsWith("Ease of cooperation");

		assertThat(browser.text(By.cssSelector("#score-ATTRACTIVENESS .score-value"))).isEqualTo("66.5");
		assertThat(browser.text(By.cssSelector("#score-ATTRACTIVENESS .score-basis")))
			.isEqualTo("rests on 2 of 5 criteria");
		assertThat(contributions("ATTRACTIVENESS")).hasSize(5)
			.containsEntry("Profitability", List.of("High", "1", "100", "50"))
			.containsEntry("Additional sales potential", List.of("Low", "1", "33", "16.5"))
			.containsEntry("Customer's business outlook", List.of("not rated", "1", "—", "—"))
			.containsEntry("R&D cooperation", List.of("not rated", "1", "—", "—"))
			.containsEntry("Learning opportunities for us", List.of("not rated", "1", "—", "—"));

		List<WebElement> entries = historyEntries();
		assertThat(entries).hasSize(1);
		WebElement entry = entries.get(0);
		assertThat(entry.findElement(By.tagName("header")).getText()).containsPattern(ENGLISH_DATE_TIME)
			.contains("by Eva Editor", "Attractiveness 66.5", "Relationship strength 58.5");
		assertThat(entry.findElement(By.cssSelector("p.pre")).getText())
			.isEqualTo("First look after the kick-off meeting.");
		assertThat(entry.findElements(By.cssSelector("ul.changes li"))).isEmpty();
		assertThat(allAnswers(entry)).containsEntry("Relationship type", "Recurring")
			.containsEntry("Our share of their related purchases", "Medium")
			.containsEntry("Profitability", "High")
			.containsEntry("Additional sales potential", "Low")
			.containsEntry("Supplier selection criteria", "Trust, Supplier quality")
			.doesNotContainKey("Ease of cooperation");
		assertThat(browser.isPresent(By.id("compare-form"))).as("nothing to compare yet").isFalse();
		browser.screenshot("03-first-evaluation");

		browser.open(customer);
		assertThat(scoreTiles()).containsEntry("Attractiveness", List.of("66.5", "rests on 2 of 5 criteria"))
			.containsEntry("Relationship strength", List.of("58.5", "rests on 2 of 3 criteria"));
	}

	@Test
	@Order(4)
	void aSecondEvaluationStartsFromTheFirstAndShowsWhatChanged() {
		logInAs(EDITOR, PASSWORD);
		browser.open(customer + "/evaluations");
		browser.clickAndWait(By.id("evaluate"));
		assertThat(browser.path()).isEqualTo(customer + "/evaluations/new");
		assertThat(answer("relationship_type", "recurring")).isTrue();
		assertThat(answer("share_of_wallet", "medium")).isTrue();
		assertThat(answer("profitability", "high")).isTrue();
		assertThat(answer("sales_potential", "low")).isTrue();
		assertThat(answer("ease_of_cooperation", "")).isTrue();
		assertThat(answer("learning", "")).isTrue();
		assertThat(answer("decision_criteria", "trust")).isTrue();
		assertThat(answer("decision_criteria", "supplier_quality")).isTrue();
		assertThat(answer("decision_criteria", "purchase_price")).isFalse();
		assertThat(browser.value(By.id("comment"))).isEmpty();

		choose("relationship_type", "at_risk");
		browser.type(By.id("comment"), "Lost the framework contract.");
		browser.clickAndWait(By.id("save-evaluation"));
		assertThat(browser.path()).isEqualTo(customer + "/evaluations");

		assertThat(browser.text(By.cssSelector("#score-RELATIONSHIP_STRENGTH .score-value"))).isEqualTo("25");
		assertThat(contributions("RELATIONSHIP_STRENGTH"))
			.containsEntry("Relationship type", List.of("At risk", "1", "0", "0"))
			.containsEntry("Our share of their related purchases", List.of("Medium", "1", "50", "25"));
		assertThat(browser.text(By.cssSelector("#score-ATTRACTIVENESS .score-value"))).isEqualTo("66.5");

		List<WebElement> entries = historyEntries();
		assertThat(entries).hasSize(2);
		WebElement newest = entries.get(0);
		assertThat(newest.findElement(By.tagName("header")).getText()).contains("Attractiveness 66.5",
				"Relationship strength 25");
		assertThat(newest.findElement(By.cssSelector("p.pre")).getText()).isEqualTo("Lost the framework contract.");
		assertThat(texts(newest, By.cssSelector("ul.changes li")))
			.containsExactly("Relationship type: Recurring → At risk");
		WebElement oldest = entries.get(1);
		assertThat(oldest.findElement(By.tagName("header")).getText()).contains("Relationship strength 58.5");
		assertThat(oldest.findElement(By.cssSelector("p.pre")).getText())
			.isEqualTo("First look after the kick-off meeting.");
		assertThat(oldest.findElements(By.cssSelector("ul.changes li"))).isEmpty();
		browser.screenshot("04-second-evaluation");

		// From the older (second option) to the newer (first option).
		compare(1, 0);
		assertThat(browser.path()).matches("/customers/\\d+/evaluations\\?from=\\d+&to=\\d+");
		assertThat(browser.text(By.cssSelector("#comparison h3")))
			.matches("From " + ENGLISH_DATE_TIME + " to " + ENGLISH_DATE_TIME);
		assertThat(texts(By.cssSelector("#comparison li"))).containsExactly("Relationship type: Recurring → At risk");
		browser.screenshot("04-comparison");

		compare(0, 1);
		assertThat(texts(By.cssSelector("#comparison li"))).containsExactly("Relationship type: At risk → Recurring");
		compare(0, 0);
		assertThat(browser.text(By.id("comparison"))).contains("The two evaluations give the same answers.");
		assertThat(browser.findAll(By.cssSelector("#comparison li"))).isEmpty();
	}

	@Test
	@Order(5)
	void theScorecardOnTheCustomerPageShowsTheNewScores() {
		logInAs(EDITOR, PASSWORD);
		browser.open(customer);
		assertThat(scoreTiles()).containsEntry("Attractiveness", List.of("66.5", "rests on 2 of 5 criteria"))
			.containsEntry("Relationship strength", List.of("25", "rests on 2 of 3 criteria"));
		assertThat(browser.text(By.cssSelector("#scorecard .score-when"))).matches("\\d{1,2} [A-Z][a-z]{2,3} \\d{4}");
		assertThat(browser.find(By.id("scorecard")).getDomProperty("textContent")).contains("Last evaluated",
				"by Eva Editor");
		assertThat(browser.findAll(By.cssSelector("#scorecard .score-basis.incomplete"))).hasSize(2);
		browser.screenshot("05-scorecard");
		browser.logOut();
	}

	@Test
	@Order(6)
	void aDutchViewerReadsTheScoresButCannotEvaluate() {
		logInAs(VIEWER, PASSWORD);
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard");
		browser.open(customer);
		WebElement scorecard = loadedScorecard();
		assertThat(scorecard.findElement(By.tagName("h2")).getText()).isEqualTo("Beoordeling");
		assertThat(scoreTiles()).containsEntry("Aantrekkelijkheid", List.of("66,5", "berust op 2 van 5 criteria"))
			.containsEntry("Relatiesterkte", List.of("25", "berust op 2 van 3 criteria"));
		assertThat(browser.text(By.cssSelector("#scorecard .score-when"))).matches("\\d{2}-\\d{2}-\\d{4}");
		assertThat(browser.isPresent(By.id("evaluate-customer"))).isFalse();
		browser.screenshot("06-viewer-scorecard");

		browser.clickAndWait(By.cssSelector("#scorecard a[href$='/evaluations']"));
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Beoordeling van " + CUSTOMER);
		assertThat(browser.isPresent(By.id("evaluate"))).isFalse();
		assertThat(browser.text(By.cssSelector("#score-ATTRACTIVENESS .score-value"))).isEqualTo("66,5");
		assertThat(contributions("ATTRACTIVENESS")).containsEntry("Potentieel extra verkoop",
				List.of("Laag", "1", "33", "16,5"));
		assertThat(contributions("RELATIONSHIP_STRENGTH"))
			.containsEntry("Type klantrelatie", List.of("In gevaar", "1", "0", "0"))
			.containsEntry("Gemak van samenwerking", List.of("niet beoordeeld", "1", "—", "—"));
		assertThat(texts(historyEntries().get(0), By.cssSelector("ul.changes li")))
			.containsExactly("Type klantrelatie: Terugkerend → In gevaar");
		assertThat(historyEntries().get(1).findElement(By.tagName("header")).getText()).contains("Relatiesterkte 58,5");
		compare(1, 0);
		assertThat(texts(By.cssSelector("#comparison li")))
			.containsExactly("Type klantrelatie: Terugkerend → In gevaar");
		browser.screenshot("06-viewer-history");

		assertThat(status("GET", customer + "/evaluations/new")).isEqualTo(403L);
		browser.open(customer + "/evaluations/new");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("403");
		assertThat(browser.text(By.tagName("main"))).contains("U hebt geen rechten voor deze pagina.");
		assertThat(browser.isPresent(By.id("evaluation-form"))).isFalse();
		browser.screenshot("06-viewer-forbidden");

		// What the hidden form would send, sent anyway with a page's own CSRF token.
		browser.open(customer + "/evaluations");
		assertThat(status("POST", customer + "/evaluations", "c.relationship_type=partnership")).isEqualTo(403L);
		browser.open(customer + "/evaluations");
		assertThat(historyEntries()).hasSize(2);
		assertThat(browser.text(By.cssSelector("#score-RELATIONSHIP_STRENGTH .score-value"))).isEqualTo("25");
		browser.logOut();
	}

	@Test
	@Order(7)
	void aRetiredCriterionIsNoLongerAskedButOldAnswersRemain() {
		logInAs(ADMIN, ADMIN_PASSWORD);
		browser.open("/admin/criteria");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Evaluation criteria");
		assertThat(browser.isPresent(By.id("new-criterion"))).isTrue();
		assertThat(browser.findAll(By.cssSelector("tbody tr[id^='criterion-']"))).hasSize(CRITERIA.size());
		assertThat(browser.text(By.id("criterion-relationship_type"))).contains("Relationship type",
				"relationship_type", "Relationship strength", "Partnership 100", "Recurring 67", "Incidental 33",
				"At risk 0");
		retire("learning");
		assertThat(browser.text(By.cssSelector(".flash.success"))).isEqualTo("Criterion retired.");
		retire("decision_criteria");
		assertThat(browser.text(By.cssSelector("#criterion-learning .badge"))).isEqualTo("retired");
		assertThat(browser.text(By.cssSelector("#criterion-decision_criteria .badge"))).isEqualTo("retired");
		assertThat(browser.isPresent(By.cssSelector("#criterion-relationship_type .badge"))).isFalse();
		browser.screenshot("07-criteria-retired");

		browser.open(customer + "/evaluations/new");
		assertThat(browser.findAll(By.cssSelector("#evaluation-form fieldset.criterion"))).hasSize(CRITERIA.size() - 2);
		assertThat(browser.isPresent(By.id("criterion-learning"))).isFalse();
		assertThat(browser.isPresent(By.id("criterion-decision_criteria"))).isFalse();
		assertThat(answer("relationship_type", "at_risk")).isTrue();

		browser.open(customer + "/evaluations");
		assertThat(browser.text(By.cssSelector("#score-ATTRACTIVENESS .score-value"))).isEqualTo("66.5");
		assertThat(browser.text(By.cssSelector("#score-ATTRACTIVENESS .score-basis")))
			.isEqualTo("rests on 2 of 4 criteria");
		assertThat(contributions("ATTRACTIVENESS")).hasSize(4).doesNotContainKey("Learning opportunities for us");
		List<WebElement> entries = historyEntries();
		assertThat(entries).hasSize(2);
		for (WebElement entry : entries) {
			assertThat(allAnswers(entry)).containsEntry("Supplier selection criteria", "Trust, Supplier quality")
				.containsEntry("Profitability", "High");
		}
		browser.screenshot("07-history-after-retiring");
	}

	/** Ends whatever session the previous test left and logs in as someone else. */
	private void logInAs(String username, String password) {
		browser.open("/login");
		if (browser.isLoggedIn()) {
			browser.logOut();
		}
		browser.logIn(username, password);
		assertThat(browser.isLoggedIn()).as("logged in as " + username).isTrue();
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
	}

	/**
	 * The scorecard on a customer's page once htmx has replaced the placeholder with it.
	 */
	private WebElement loadedScorecard() {
		browser.find(By.cssSelector("#scorecard .empty-note, #scorecard .score-tiles"));
		return browser.find(By.id("scorecard"));
	}

	/**
	 * The scorecard's tiles by their label as written (the page shows it in capitals
	 * through CSS): the value and the basis. The tiles have no id of their own.
	 */
	private Map<String, List<String>> scoreTiles() {
		browser.find(By.cssSelector("#scorecard .score-tiles"));
		Map<String, List<String>> tiles = new LinkedHashMap<>();
		for (WebElement tile : browser.findAll(By.cssSelector("#scorecard .score-tile"))) {
			if (!tile.findElements(By.className("score-value")).isEmpty()) {
				tiles.put(tile.findElement(By.className("score-label")).getDomProperty("textContent").strip(),
						List.of(tile.findElement(By.className("score-value")).getText(),
								tile.findElement(By.className("score-basis")).getText()));
			}
		}
		return tiles;
	}

	/**
	 * The explanation of one axis's score: per criterion the answer, weight, level score
	 * and contribution.
	 */
	private Map<String, List<String>> contributions(String axis) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (WebElement row : browser.findAll(By.cssSelector("#score-" + axis + " tbody tr"))) {
			List<String> cells = texts(row, By.tagName("td"));
			rows.put(cells.get(0), cells.subList(1, cells.size()));
		}
		return rows;
	}

	private List<WebElement> historyEntries() {
		browser.find(By.id("history"));
		return browser.findAll(By.cssSelector("#history article.history-entry"));
	}

	/** The answers of one evaluation in the history, once its details are opened. */
	private Map<String, String> allAnswers(WebElement entry) {
		WebElement details = entry.findElement(By.tagName("details"));
		if (details.getDomAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
		browser.waitUntil(ExpectedConditions.visibilityOf(details.findElement(By.cssSelector("dl.facts"))));
		Map<String, String> answers = new LinkedHashMap<>();
		for (WebElement answer : details.findElements(By.cssSelector("dl.facts > div"))) {
			answers.put(answer.findElement(By.tagName("dt")).getDomProperty("textContent").strip(),
					answer.findElement(By.tagName("dd")).getText());
		}
		return answers;
	}

	private By choice(String criterion, String level) {
		return By.cssSelector("#criterion-" + criterion + " input[name='c." + criterion + "'][value='" + level + "']");
	}

	/** Picks a level of a criterion on the evaluation form (a radio button or a box). */
	private void choose(String criterion, String level) {
		WebElement input = browser.find(choice(criterion, level));
		if (!input.isSelected()) {
			input.click();
		}
		assertThat(input.isSelected()).as(criterion + " " + level).isTrue();
	}

	/** Whether a level of a criterion is chosen on the evaluation form. */
	private boolean answer(String criterion, String level) {
		return browser.find(choice(criterion, level)).isSelected();
	}

	/** Compares two evaluations of the history, given by their place (0 is newest). */
	private void compare(int from, int to) {
		new Select(browser.find(By.cssSelector("#compare-form select[name=from]"))).selectByIndex(from);
		new Select(browser.find(By.cssSelector("#compare-form select[name=to]"))).selectByIndex(to);
		browser.clickAndWait(By.cssSelector("#compare-form button[type=submit]"));
		browser.find(By.id("comparison"));
	}

	private void retire(String criterion) {
		browser.markPage();
		browser.find(By.cssSelector("#criterion-" + criterion + " form[action$='/retire'] button")).click();
		browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
		browser.awaitNewPage();
	}

	/** The status a request answers, sent from the page with the page's CSRF token. */
	private Object status(String method, String path, String... formFields) {
		return browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				const [method, path, fields] = [arguments[0], arguments[1], arguments[2]];
				const options = { method: method, redirect: 'manual' };
				if (method === 'POST') {
					const token = document.querySelector('input[name=_csrf]').value;
					options.headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
					options.body = ['_csrf=' + encodeURIComponent(token)].concat(fields).join('&');
				}
				fetch(path, options).then((response) => done(response.status), (error) => done(String(error)));
				""", method, path, List.of(formFields));
	}

	private static List<String> texts(By by) {
		return browser.findAll(by).stream().map(WebElement::getText).toList();
	}

	private static List<String> texts(WebElement parent, By by) {
		return parent.findElements(by).stream().map(WebElement::getText).toList();
	}

}
