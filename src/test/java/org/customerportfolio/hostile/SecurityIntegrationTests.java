package org.customerportfolio.hostile;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.IssuedToken;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.TokenScope;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.audit.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 9, point 5: CSRF on every form, passwords hashed with an adaptive hash, logins
 * throttled per account and per address, API tokens hashed, scoped, revocable and never
 * logged, and an audit log that no endpoint can change. (Authorisation of every endpoint
 * for every role and anonymous access: {@code AuthorizationIntegrationTests}; escaping
 * and headers: {@link EscapingIntegrationTests}.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SecurityIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private JdbcClient jdbc;

	private UserDetails admin;

	@BeforeAll
	void admin() {
		this.admin = this.userDetails.loadUserByUsername(TestUsers.create(this.accounts, Role.ADMIN).username());
	}

	// ---- (c) CSRF

	@TestFactory
	Stream<DynamicTest> everyFormRefusesARequestWithoutItsCsrfToken() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String endpoint : pageEndpoints()) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
			tests.add(DynamicTest.dynamicTest(endpoint + " without token", () -> {
				long auditBefore = auditEntries();
				MvcResult result = this.mvc.perform(request(HttpMethod.valueOf(method), path).with(user(this.admin)))
					.andReturn();
				assertThat(result.getResponse().getStatus()).as(endpoint).isEqualTo(403);
				assertThat(auditEntries()).isEqualTo(auditBefore);
			}));
			tests.add(DynamicTest.dynamicTest(endpoint + " with a wrong token", () -> {
				MvcResult result = this.mvc
					.perform(request(HttpMethod.valueOf(method), path).with(user(this.admin))
						.with(csrf().useInvalidToken()))
					.andReturn();
				assertThat(result.getResponse().getStatus()).as(endpoint).isEqualTo(403);
			}));
		}
		assertThat(tests).hasSizeGreaterThan(50);
		return tests.stream();
	}

	/** Every endpoint of the pages (not the API) that changes something. */
	private List<String> pageEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (method == RequestMethod.GET || method == RequestMethod.HEAD
							|| method == RequestMethod.OPTIONS) {
						continue;
					}
					for (String pattern : info.getPatternValues()) {
						if (!pattern.startsWith("/api/")) {
							endpoints.add(method.name() + " " + pattern);
						}
					}
				}
			}
		}
		return new ArrayList<>(endpoints);
	}

	// ---- (e) passwords

	@Test
	void passwordsAreStoredWithBcryptOfCostTenOrMoreAndASaltOfTheirOwn() {
		UserSummary one = TestUsers.create(this.accounts, Role.VIEWER);
		UserSummary two = TestUsers.create(this.accounts, Role.VIEWER);
		String first = passwordHash(one.id());
		String second = passwordHash(two.id());
		Matcher bcrypt = Pattern.compile("\\{bcrypt}\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}").matcher(first);
		assertThat(bcrypt.matches()).as(first).isTrue();
		assertThat(Integer.parseInt(bcrypt.group(1))).isGreaterThanOrEqualTo(10);
		assertThat(first).isNotEqualTo(second).doesNotContain(TestUsers.PASSWORD);
	}

	private String passwordHash(long userId) {
		return this.jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	// ---- (e) login throttling

	@Test
	void anAccountLocksAfterFiveWrongPasswordsFromAnyAddresses() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		for (int attempt = 0; attempt < 5; attempt++) {
			login(user.username(), "wrong-password", "10.77.0." + attempt);
		}
		MvcResult right = login(user.username(), TestUsers.PASSWORD, "10.77.1.1");
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void anAddressIsRefusedAfterTwentyFailedLoginsOnAnyAccounts() throws Exception {
		String attacker = "10.66.0.1";
		UserSummary victim = TestUsers.create(this.accounts, Role.VIEWER);
		for (int attempt = 0; attempt < 20; attempt++) {
			// each account stays below its own lock
			login("nobody-" + attempt + "-" + System.nanoTime(), "guess-" + attempt, attacker);
		}
		assertThat(login(victim.username(), TestUsers.PASSWORD, attacker).getResponse().getRedirectedUrl())
			.as("the right password from the throttled address")
			.isEqualTo("/login?error");
		MvcResult api = this.mvc
			.perform(get("/api/v1/customers").with(httpBasic(victim.username(), TestUsers.PASSWORD))
				.with(from(attacker)))
			.andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(429);
		assertThat(api.getResponse().getContentAsString()).contains("Too many failed logins");
		assertThat(login(victim.username(), TestUsers.PASSWORD, "10.66.0.2").getResponse().getRedirectedUrl())
			.as("the same account from another address")
			.isEqualTo("/");
	}

	private MvcResult login(String username, String password, String address) throws Exception {
		return this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andReturn();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	// ---- (e) API tokens

	@Test
	void tokensAreStoredAsHashesOnly() {
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);
		IssuedToken token = this.accounts.issueToken(user.id(), "hash check", TokenScope.READ);
		String stored = this.jdbc.sql("select token_hash from api_token where id = :id")
			.param("id", token.id())
			.query(String.class)
			.single();
		assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(token.secret().substring(4));
		Long rowsWithSecret = this.jdbc
			.sql("select count(*) from api_token where token_hash = :secret or hint = :secret or name = :secret")
			.param("secret", token.secret())
			.query(Long.class)
			.single();
		assertThat(rowsWithSecret).isZero();
	}

	@Test
	void aReadTokenReadsButCannotChangeAnythingAWriteTokenCanAndARevokedOneNothing() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);
		IssuedToken read = this.accounts.issueToken(user.id(), "dashboard", TokenScope.READ);
		IssuedToken write = this.accounts.issueToken(user.id(), "sync", TokenScope.WRITE);
		String customer = "{\"name\":\"Token Scope BV\",\"status\":\"ACTIVE\",\"tags\":[]}";
		assertThat(status(get("/api/v1/customers"), read)).isEqualTo(200);
		long customersBefore = customers();
		assertThat(status(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content(customer), read))
			.isEqualTo(403);
		assertThat(customers()).isEqualTo(customersBefore);
		assertThat(status(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content(customer), write))
			.isEqualTo(201);
		this.accounts.revokeToken(user.id(), write.id());
		assertThat(status(get("/api/v1/customers"), write)).isEqualTo(401);
	}

	@Test
	void theTokenScopeIsChosenOnTheAccountPageAndReadOnlyByDefault() throws Exception {
		UserDetails editor = this.userDetails
			.loadUserByUsername(TestUsers.create(this.accounts, Role.EDITOR).username());
		MvcResult page = this.mvc
			.perform(post("/account/tokens").param("name", "no scope given").with(csrf()).with(user(editor)))
			.andReturn();
		String secret = secretIn(page.getResponse().getContentAsString());
		assertThat(status(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("{}"), secret))
			.isEqualTo(403);
		MvcResult bad = this.mvc
			.perform(post("/account/tokens").param("name", "bad scope")
				.param("scope", "ROOT")
				.with(csrf())
				.with(user(editor)))
			.andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void aTokenNeverAppearsInTheLogEvenAtDebugLevel(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		List<String> loggers = List.of("org.springframework.security", "org.springframework.web",
				"org.customerportfolio", "org.springframework.jdbc");
		loggers.forEach((logger) -> logging.setLogLevel(logger, LogLevel.DEBUG));
		try {
			UserDetails editor = this.userDetails
				.loadUserByUsername(TestUsers.create(this.accounts, Role.EDITOR).username());
			MvcResult page = this.mvc
				.perform(post("/account/tokens").param("name", "log check")
					.param("scope", "WRITE")
					.with(csrf())
					.with(user(editor)))
				.andReturn();
			String secret = secretIn(page.getResponse().getContentAsString());
			assertThat(status(get("/api/v1/customers"), secret)).isEqualTo(200);
			assertThat(status(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("[]"), secret))
				.isEqualTo(400);
			assertThat(status(get("/api/v1/customers"), secret + "x")).isEqualTo(401);
			assertThat(output.getAll()).as("the log holds debug output").isNotEmpty();
			assertThat(output.getAll()).doesNotContain(secret).doesNotContain(secret.substring(4, 30));
		}
		finally {
			loggers.forEach((logger) -> logging.setLogLevel(logger, null));
		}
	}

	private static String secretIn(String html) {
		Matcher matcher = Pattern.compile("id=\"issued-token\">(cpt_[A-Za-z0-9_-]+)<").matcher(html);
		assertThat(matcher.find()).as("the issued token on the page").isTrue();
		return matcher.group(1);
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			IssuedToken token) throws Exception {
		return status(request, token.secret());
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String secret) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + secret))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private long customers() {
		return this.jdbc.sql("select count(*) from customer").query(Long.class).single();
	}

	// ---- (f) the audit log

	@Test
	void noEndpointThatChangesSomethingIsAboutTheAuditLog() {
		List<String> changing = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, method) -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				boolean changes = methods.isEmpty() || methods.stream()
					.anyMatch((m) -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS);
				for (String pattern : info.getPatternValues()) {
					if (changes && (pattern.contains("audit") || method.getBeanType().getName().contains("Audit"))) {
						changing.add(methods + " " + pattern);
					}
				}
			});
		}
		assertThat(changing).isEmpty();
		// the audit log itself only adds entries and reads them, and no code updates or
		// deletes them
		try (Stream<java.nio.file.Path> sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
			List<String> writers = sources.filter(java.nio.file.Files::isRegularFile).filter((file) -> {
				try {
					String text = java.nio.file.Files.readString(file).toLowerCase(java.util.Locale.ROOT);
					return text.matches(
							"(?s).*(update\\s+audit_entry|delete\\s+from\\s+audit_entry|truncate\\s+(table\\s+)?audit_entry).*");
				}
				catch (java.io.IOException ex) {
					return false;
				}
			}).map(Object::toString).toList();
			assertThat(writers).as("code that changes audit entries").isEmpty();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		for (Method method : AuditLog.class.getDeclaredMethods()) {
			if (Modifier.isPublic(method.getModifiers())) {
				// a new public method is a decision to look at: it must only add or read
				assertThat(method.getName()).as("public AuditLog method")
					.isIn("recordAction", "recordChanges", "recordChangesOfAll", "ofCustomer", "all", "ofSubject",
							"changesSince");
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> everyAttemptToChangeTheAuditLogIsRefused() {
		List<String> paths = List.of("/admin/audit", "/admin/audit/1", "/api/v1/customers/1/audit",
				"/api/v1/customers/1/audit/1", "/api/v1/audit", "/api/v1/audit/1", "/customers/1/audit");
		List<HttpMethod> methods = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
		List<DynamicTest> tests = new ArrayList<>();
		for (String path : paths) {
			for (HttpMethod method : methods) {
				tests.add(DynamicTest.dynamicTest(method + " " + path, () -> {
					long before = auditEntries();
					var builder = request(method, path).contentType(MediaType.APPLICATION_JSON).content("{}");
					if (path.startsWith("/api/")) {
						builder.with(httpBasic(this.admin.getUsername(), TestUsers.PASSWORD));
					}
					else {
						builder.with(csrf()).with(user(this.admin));
					}
					int status = this.mvc.perform(builder).andReturn().getResponse().getStatus();
					assertThat(status).as("%s %s", method, path).isGreaterThanOrEqualTo(400);
					assertThat(auditEntries()).isEqualTo(before);
				}));
			}
		}
		return tests.stream();
	}

	private long auditEntries() {
		return this.jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
	}

}
