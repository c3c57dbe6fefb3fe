package org.customerportfolio.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.customerportfolio.backup.BackupFixtures;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore in a real browser: a new installation's administrator finds the page
 * in the settings, downloads an archive, restores a colleague's backup into the still
 * empty installation and signs in with an account from it; the page then refuses a second
 * restore. The tests run in order on one browser and one database of their own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser-backup;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@TestMethodOrder(OrderAnnotation.class)
class BackupBrowserTests extends BrowserTestSupport {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "first-admin-secret";

	private static final String KEEPER = "keeper";

	private static final String KEEPER_PASSWORD = "backup-keeper-secret";

	private static final String CUSTOMER = "Zoë <script>alert(1)</script> B.V.";

	@Autowired
	private PasswordEncoder passwords;

	@Test
	@Order(1)
	void anAdministratorFindsBackupInTheSettingsAndDownloadsAnArchive() throws Exception {
		browser.open("/setup");
		browser.type(By.id("username"), ADMIN);
		browser.type(By.id("password"), ADMIN_PASSWORD);
		browser.type(By.id("passwordRepeat"), ADMIN_PASSWORD);
		browser.select(By.id("language"), "EN");
		browser.clickAndWait(By.id("create-admin"));
		browser.logIn(ADMIN, ADMIN_PASSWORD);
		browser.open("/admin");
		browser.clickAndWait(By.id("settings-backup"));

		assertThat(browser.path()).isEqualTo("/admin/backup");
		assertThat(browser.text(By.id("backup-section"))).contains("password hash");
		assertThat(browser.isPresent(By.id("restore-form"))).isTrue();
		browser.screenshot("backup-page");

		// what the download button fetches, with this browser's session
		String href = browser.find(By.id("download-backup")).getAttribute("href");
		Cookie session = browser.driver().manage().getCookieNamed("SESSION");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href))
				.header("Cookie", session.getName() + "=" + session.getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("portfolio-backup-");
		assertThat(new String(download.body(), 0, 2)).isEqualTo("PK");
	}

	@Test
	@Order(2)
	void restoresABackupIntoTheEmptyInstallationAndSignsInWithItsAccount() throws Exception {
		Path archive = colleaguesBackup();
		browser.open("/admin/backup");
		browser.find(By.id("file")).sendKeys(archive.toString());
		browser.find(By.id("confirm")).click();
		browser.clickAndWait(By.id("restore-backup"));

		assertThat(browser.text(By.id("restored"))).contains("Restored:").contains("by test");
		browser.screenshot("backup-restored");
		// the accounts were replaced: this session ended
		browser.open("/customers");
		assertThat(browser.path()).isEqualTo("/login");

		browser.logIn(KEEPER, KEEPER_PASSWORD);
		browser.open("/customers");
		assertThat(browser.driver().getPageSource()).contains("Zoë &lt;script&gt;alert(1)&lt;/script&gt; B.V.");
		browser.open("/admin/audit");
		assertThat(browser.text(By.id("audit-log"))).contains("Portfolio restored");
	}

	@Test
	@Order(3)
	void aSecondRestoreIsRefusedOnThePage() {
		if (!browser.isLoggedIn()) {
			browser.logIn(KEEPER, KEEPER_PASSWORD);
		}
		browser.open("/admin/backup");

		assertThat(browser.isPresent(By.id("restore-form"))).isFalse();
		assertThat(browser.text(By.id("restore-not-empty"))).contains("already holds portfolio data")
			.contains("customer");
		browser.screenshot("backup-not-empty");
	}

	/** Another installation with one administrator and one customer, backed up. */
	private Path colleaguesBackup() throws SQLException {
		DataSource source = BackupFixtures.freshH2("browser-backup-source");
		try (Connection connection = source.getConnection();
				PreparedStatement user = connection.prepareStatement("insert into app_user (username, full_name, "
						+ "password_hash, role, language, enabled, created_at, version) "
						+ "values (?, 'Keeper of Backups', ?, 'ADMIN', 'EN', true, current_timestamp, 0)");
				PreparedStatement customer = connection.prepareStatement("insert into customer (name, status, "
						+ "created_at, updated_at, version) values (?, 'ACTIVE', current_timestamp, current_timestamp, 0)")) {
			user.setString(1, KEEPER);
			user.setString(2, this.passwords.encode(KEEPER_PASSWORD));
			user.executeUpdate();
			customer.setString(1, CUSTOMER);
			customer.executeUpdate();
		}
		try {
			return BackupFixtures.archive(source, Files.createTempFile("colleague-backup-", ".zip"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
