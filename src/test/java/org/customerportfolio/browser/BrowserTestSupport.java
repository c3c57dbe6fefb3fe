package org.customerportfolio.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test class shares: one browser for the class, pointed at the started
 * application, and a screenshot of the page whenever a test fails.
 */
abstract class BrowserTestSupport {

	protected static Browser browser;

	@LocalServerPort
	private int port;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser != null) {
				browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
			}
		}

	};

	@BeforeAll
	static void startBrowser(TestInfo info) {
		String name = info.getTestClass().map(Class::getSimpleName).orElse("browser").replace("BrowserTests", "");
		browser = Browser.start(name.toLowerCase(java.util.Locale.ROOT));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@BeforeEach
	void pointBrowserAtTheApplication() {
		browser.baseUrl(baseUrl());
		browser.dismissAnyAlert();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
