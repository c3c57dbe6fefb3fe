package org.customerportfolio.shared;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Base64;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 1: when the database cannot be reached, every kind of request — a page
 * of a logged-in user (whose session lives in the database), the API with a password, a
 * login — fails cleanly with 503 and a message in the browser's language that nothing was
 * saved; no stack trace, no "wrong password", and health says DOWN. Once the database is
 * back, the very same session works again without a restart. The database is taken away
 * under the pool, as a server restart does to new connections. (The real server restarted
 * under load, and a read-only database: {@code scripts/fault-postgres.sh}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("persistence")
class DatabaseTroubleIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private static volatile boolean databaseGone;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@Autowired
	private AccountManagement accounts;

	@AfterEach
	void databaseBack() {
		databaseGone = false;
	}

	@Test
	void aLoggedInPageSaysTheDatabaseIsUnavailableAndWorksAgainAfterwards() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		String session = login(user.username());
		assertThat(get("/customers", session).statusCode()).isEqualTo(200);

		databaseGone = true;
		// the user's own language is in the database too: the browser's is used
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/customers"))
			.header("Cookie", "SESSION=" + session)
			.header("Accept-Language", "nl-NL,nl;q=0.9")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).doesNotContain("unsafe-inline"));
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("De database is op dit moment niet bereikbaar; er is niets opgeslagen.")
			.doesNotContain("Exception", "at org.", "jdbc");

		databaseGone = false;
		assertThat(get("/customers", session).statusCode()).isEqualTo(200);
	}

	@Test
	void theApiAnswersAProblemNotAWrongPassword() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		databaseGone = true;
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(uri("/api/v1/customers"))
			.header("Authorization", basic(user.username()))
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(answer.body()).contains("\"status\":503")
			.contains("The database cannot be reached at the moment; nothing was saved.")
			.doesNotContain("Exception");

		databaseGone = false;
		assertThat(this.http
			.send(HttpRequest.newBuilder(uri("/api/v1/customers"))
				.header("Authorization", basic(user.username()))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aLoginTheDatabaseCannotCheckIsNoWrongPassword() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		HttpResponse<String> form = get("/login", null);
		String csrf = match(CSRF, form.body());
		String anonymous = match(SESSION, form.headers().firstValue("Set-Cookie").orElseThrow());
		databaseGone = true;
		HttpResponse<String> login = postLogin(user.username(), csrf, anonymous);
		assertThat(login.statusCode()).isEqualTo(503);
		assertThat(login.headers().firstValue("Location")).isEmpty();
		assertThat(login.body()).contains("The database cannot be reached");
	}

	@Test
	void healthIsDownWhileTheDatabaseIsGone() throws Exception {
		databaseGone = true;
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"DOWN\"");
		databaseGone = false;
		assertThat(get("/actuator/health", null).body()).contains("\"UP\"");
	}

	private String login(String username) throws Exception {
		HttpResponse<String> form = get("/login", null);
		String csrf = match(CSRF, form.body());
		String anonymous = match(SESSION, form.headers().firstValue("Set-Cookie").orElseThrow());
		HttpResponse<String> login = postLogin(username, csrf, anonymous);
		assertThat(login.statusCode()).isEqualTo(302);
		return match(SESSION, login.headers().firstValue("Set-Cookie").orElseThrow());
	}

	private HttpResponse<String> postLogin(String username, String csrf, String session) throws Exception {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		return this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "SESSION=" + session)
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en");
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	/**
	 * The application's data source, which refuses new connections while the database is
	 * "gone".
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DatabaseThatCanGo {

		@Bean
		static BeanPostProcessor databaseThatCanGo() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource && name.equals("dataSource"))
							? new Unreachable(dataSource) : bean;
				}
			};
		}

	}

	private record Unreachable(DataSource pool) implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			check();
			return this.pool.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			check();
			return this.pool.getConnection(username, password);
		}

		private static void check() throws SQLException {
			if (databaseGone) {
				throw new SQLTransientConnectionException("Connection refused (test)", "08001");
			}
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.pool.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.pool.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.pool.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.pool.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.pool.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return type.isInstance(this) ? type.cast(this) : this.pool.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return type.isInstance(this) || this.pool.isWrapperFor(type);
		}

	}

}
