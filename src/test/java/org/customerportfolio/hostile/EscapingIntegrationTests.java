package org.customerportfolio.hostile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.plan.PlanManagement;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Output is escaped everywhere: with a customer whose name, contact, colleague, plan
 * goal, action, decision and criterion are script tags and formulas, every page the
 * application maps (found in its handler mappings, ids filled in with the hostile
 * customer's) renders them as text and carries the security headers; every export writes
 * formulas as text.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscapingIntegrationTests {

	/** Pages that are no HTML page of the application. */
	private static final Set<String> SKIPPED = Set.of("/error", "/actuator", "/actuator/health", "/actuator/health/**",
			"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/login", "/setup");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private PlanManagement plans;

	@Autowired
	private CriteriaManagement criteria;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private JdbcClient jdbc;

	private UserDetails admin;

	private HostileFixture fixture;

	@BeforeAll
	void fixture() {
		this.admin = this.userDetails.loadUserByUsername(TestUsers.create(this.accounts, Role.ADMIN).username());
		this.fixture = HostileFixture.create(this.customers, this.plans, this.criteria,
				"E" + System.nanoTime() % 100000);
	}

	@TestFactory
	Stream<DynamicTest> everyPageShowsHostileTextAsText() {
		return pages().stream().map((pattern) -> DynamicTest.dynamicTest(pattern, () -> {
			String path = path(pattern);
			MvcResult result = HostileSupport.perform(this.mvc, get(path).with(user(this.admin)), path);
			HostileSupport.assertHandled(result, path);
			assertThat(result.getResponse().getStatus()).as(path).isIn(200, 302);
			String html = HostileSupport.body(result);
			assertThat(html).as(path).doesNotContainIgnoringCase("<script>alert(1)");
			assertThat(html).as(path).doesNotContain("\"' onmouseover");
			if (result.getResponse().getStatus() == 200) {
				assertSecurityHeaders(result, path);
			}
		}));
	}

	/** The hostile texts are on the pages (escaped): the crawl does look at them. */
	@Test
	void theHostileTextIsShownEscaped() throws Exception {
		for (String path : List.of("/customers/" + this.fixture.customerId(),
				"/customers/" + this.fixture.customerId() + "/plan", "/plans/actions", "/admin/criteria")) {
			String html = HostileSupport.body(this.mvc.perform(get(path).with(user(this.admin))).andReturn());
			assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		}
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		MvcResult login = this.mvc.perform(get("/login")).andReturn();
		assertSecurityHeaders(login, "/login");
	}

	private static void assertSecurityHeaders(MvcResult result, String path) {
		String csp = result.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).as("%s: Content-Security-Policy", path).isNotNull();
		String scripts = java.util.Arrays.stream(csp.split(";"))
			.map(String::strip)
			.filter((directive) -> directive.startsWith("script-src"))
			.findFirst()
			.orElseGet(() -> java.util.Arrays.stream(csp.split(";"))
				.map(String::strip)
				.filter((directive) -> directive.startsWith("default-src"))
				.findFirst()
				.orElse(""));
		assertThat(scripts).as("%s: script-src", path)
			.isNotEmpty()
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("object-src 'none'");
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		assertThat(result.getResponse().getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).as(path).isNotBlank();
	}

	@TestFactory
	Stream<DynamicTest> everyExportWritesFormulasAsText() {
		List<String> exports = new ArrayList<>(List.of(
				"/portfolio/export?format=xlsx&columns=name,city,strategy,criterion.hostile_" + this.fixtureCode()
						+ "&f.status=",
				"/portfolio/export?format=csv&columns=name,city,strategy,criterion.hostile_" + this.fixtureCode()
						+ "&f.status=",
				"/api/v1/portfolio/export?format=csv&separator=,&columns=name,city&f.status="));
		for (String pattern : pages(true)) {
			if (!pattern.startsWith("/portfolio") && !pattern.startsWith("/api/")) {
				exports.add(path(pattern));
			}
		}
		return exports.stream().map((path) -> DynamicTest.dynamicTest(path, () -> {
			MvcResult result = HostileSupport.perform(this.mvc,
					get(path).with(user(this.admin)).header("Authorization", ""), path);
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
			byte[] content = result.getResponse().getContentAsByteArray();
			if (path.contains(".pdf")) {
				assertThat(new String(content, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			}
			else if (path.contains("csv")) {
				assertCsvNeutralised(new String(content, StandardCharsets.UTF_8), path);
			}
			else {
				assertXlsxNeutralised(content, path);
			}
		}));
	}

	private String fixtureCode() {
		return this.jdbc.sql("select code from criterion where id = :id")
			.param("id", this.fixture.criterionId())
			.query(String.class)
			.single()
			.substring("hostile_".length());
	}

	/** No cell of any sheet is a formula. */
	private void assertXlsxNeutralised(byte[] content, String path) throws Exception {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				try (Stream<Row> rows = sheet.openStream()) {
					rows.forEach((row) -> row.stream()
						.filter(java.util.Objects::nonNull)
						.forEach((cell) -> assertThat(cell.getType()).as("%s %s", path, cell.getAddress())
							.isNotEqualTo(CellType.FORMULA)));
				}
			}
		}
	}

	/**
	 * Every field that a spreadsheet would take for a formula starts with a quote
	 * instead.
	 */
	private void assertCsvNeutralised(String csv, String path) {
		boolean hostileSeen = false;
		for (String line : csv.lines().toList()) {
			for (String field : line.split("[;,]")) {
				String value = field.startsWith("\"") ? field.substring(1) : field;
				if (value.contains("cmd|")) {
					hostileSeen = true;
				}
				assertThat(value).as("%s: field %s", path, field)
					.doesNotStartWith("=")
					.doesNotStartWith("@")
					.doesNotStartWith("+");
				if (value.startsWith("-") && value.length() > 1) {
					assertThat(value.charAt(1)).as("%s: field %s", path, field).matches(Character::isDigit);
				}
			}
		}
		assertThat(hostileSeen).as("%s holds the hostile city", path).isTrue();
	}

	/** GET page patterns of the application (no API, no downloads). */
	private List<String> pages() {
		return pages(false);
	}

	private List<String> pages(boolean downloads) {
		Set<String> pages = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
					continue;
				}
				for (String pattern : info.getPatternValues()) {
					boolean download = pattern.endsWith(".xlsx") || pattern.endsWith(".pdf")
							|| pattern.endsWith("/export");
					if (SKIPPED.contains(pattern) || pattern.startsWith("/api/") || download != downloads
							|| pattern.contains("{token}") || pattern.contains("/jobs/")) {
						continue;
					}
					pages.add(pattern);
				}
			}
		}
		return new ArrayList<>(pages);
	}

	private String path(String pattern) {
		return pattern.replace("{customerId}", String.valueOf(this.fixture.customerId()))
			.replace("/customers/{id}", "/customers/" + this.fixture.customerId())
			.replace("{contactId}", String.valueOf(this.fixture.contactId()))
			.replace("{memberId}", String.valueOf(this.fixture.memberId()))
			.replace("/criteria/{id}", "/criteria/" + this.fixture.criterionId())
			.replace("/users/{id}", "/users/" + this.accounts.users().get(0).id());
	}

}
