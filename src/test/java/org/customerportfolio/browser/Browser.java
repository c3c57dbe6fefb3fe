package org.customerportfolio.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.fail;

/**
 * A headless Chromium driven through Debian's chromedriver, with the few waits and
 * actions the browser tests share. Where chromedriver is missing the browser tests are
 * skipped, except in CI ({@code CI=true}), where they must run and so fail instead.
 */
final class Browser implements AutoCloseable {

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	static final String CHROMIUM = "/usr/bin/chromium";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Path TARGET = Path.of("target").toAbsolutePath();

	private static final Path SCREENSHOTS = TARGET.resolve("screenshots");

	private final String name;

	private final Path profile;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private String baseUrl = "";

	private Browser(String name, Path profile, ChromeDriverService service, ChromeDriver driver) {
		this.name = name;
		this.profile = profile;
		this.service = service;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, TIMEOUT);
	}

	/**
	 * Starts a fresh browser with its own profile; {@code name} tells apart the log and
	 * the screenshots of several browsers in one test.
	 */
	static Browser start(String name) {
		requireChromedriver();
		try {
			Files.createDirectories(TARGET);
			Path profile = Files.createTempDirectory(TARGET, "chromium-" + name + "-");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
				.usingAnyFreePort()
				.withLogFile(TARGET.resolve("chromedriver-" + name + ".log").toFile())
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1400,1000", "--lang=en-GB", "--user-data-dir=" + profile);
			// The same language preference everywhere, and no password manager prompts.
			options.setExperimentalOption("prefs",
					Map.of("intl.accept_languages", "en-GB,en", "credentials_enable_service", false,
							"profile.password_manager_enabled", false, "profile.password_manager_leak_detection",
							false));
			return new Browser(name, profile, service, new ChromeDriver(service, options));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a browser profile under " + TARGET, ex);
		}
	}

	static void requireChromedriver() {
		if (CHROMEDRIVER.canExecute()) {
			return;
		}
		String message = CHROMEDRIVER + " is missing: the browser tests need Debian's chromium and chromium-driver"
				+ " (apt-get install chromium chromium-driver)";
		if ("true".equals(System.getenv("CI"))) {
			fail(message + "; in CI they must run.");
		}
		// Surefire reports a class aborted in @BeforeAll as zero tests, so say why here.
		System.err.println("WARNING: " + message + "; skipping them.");
		Assumptions.abort(message + "; skipping them.");
	}

	WebDriver driver() {
		return this.driver;
	}

	void baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Opens a path of the application and waits until the page has loaded. */
	void open(String path) {
		this.driver.get(this.baseUrl + path);
		waitForDocument();
	}

	/** The path of the current page, with its query. */
	String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.baseUrl)) ? url.substring(this.baseUrl.length()) : url;
	}

	<T> T waitUntil(ExpectedCondition<T> condition) {
		return this.wait.until(condition);
	}

	WebElement find(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	boolean isPresent(By by) {
		return !this.driver.findElements(by).isEmpty();
	}

	List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	String text(By by) {
		return find(by).getText();
	}

	String value(By by) {
		return find(by).getDomProperty("value");
	}

	void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	void select(By by, String value) {
		new Select(find(by)).selectByValue(value);
	}

	void selectByText(By by, String text) {
		new Select(find(by)).selectByVisibleText(text);
	}

	/**
	 * Clicks something that loads a new page (a link, a form's button) and waits for it.
	 */
	void clickAndWait(By by) {
		WebElement target = find(by);
		markPage();
		target.click();
		awaitNewPage();
	}

	/**
	 * Marks the current document, so that {@link #awaitNewPage()} can tell when another
	 * one has replaced it. (Waiting for an element of the old page to go stale is flaky
	 * in chromedriver: during navigation it sometimes answers with an inspector error.)
	 */
	void markPage() {
		script("window.browserTestOldPage = true");
	}

	/** Waits until the page marked with {@link #markPage()} is replaced and loaded. */
	void awaitNewPage() {
		this.wait.until((driver) -> {
			try {
				return Boolean.TRUE.equals(
						script("return window.browserTestOldPage === undefined && document.readyState === 'complete'"));
			}
			catch (UnhandledAlertException ex) {
				throw ex;
			}
			catch (WebDriverException ex) {
				// between two documents
				return false;
			}
		});
	}

	void logIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		clickAndWait(By.id("login"));
	}

	void logOut() {
		clickAndWait(By.id("logout"));
	}

	/**
	 * Closes a dialog a failed test may have left open, so the next test starts clean.
	 */
	void dismissAnyAlert() {
		try {
			this.driver.switchTo().alert().dismiss();
		}
		catch (NoAlertPresentException ex) {
			// nothing open
		}
	}

	boolean isLoggedIn() {
		return isPresent(By.id("logout"));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	Object asyncScript(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
	}

	/** Keeps a picture of the page in target/screenshots, for people and for CI logs. */
	void screenshot(String title) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File picture = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.copy(picture.toPath(), SCREENSHOTS.resolve(this.name + "-" + title + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save screenshot " + title, ex);
		}
	}

	private void waitForDocument() {
		this.wait.until((driver) -> "complete".equals(script("return document.readyState")));
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// only a temporary directory under target/ left behind
		}
	}

}
