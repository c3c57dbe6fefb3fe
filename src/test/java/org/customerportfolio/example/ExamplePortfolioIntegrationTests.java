package org.customerportfolio.example;

import java.math.BigDecimal;
import java.util.List;

import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.retention.RetentionAnalysis;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The newcomers' example in an installation of its own: offered to an administrator while
 * the database is empty, loaded through the API in seconds, with the churn and the
 * concentration it promises as the application itself computes them, every page showing
 * it, and refused (page and API) once the database holds data.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:example-portfolio;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExamplePortfolioIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private ExamplePortfolio examples;

	@Autowired
	private RetentionAnalysis retention;

	@Autowired
	private JdbcClient jdbc;

	private UserSummary admin;

	private RequestPostProcessor adminPage;

	@BeforeAll
	void administrator() {
		this.admin = TestUsers.create(this.accounts, Role.ADMIN);
		this.adminPage = user(this.users.loadUserByUsername(this.admin.username()));
	}

	@Test
	@Order(1)
	void anEmptyDashboardOffersTheExampleToAnAdministratorOnly() throws Exception {
		assertThat(this.examples.empty()).isTrue();
		this.mvc.perform(get("/").with(this.adminPage))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"load-example\"")));
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.mvc.perform(get("/").with(user(this.users.loadUserByUsername(editor.username()))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"load-example\""))));
	}

	@Test
	@Order(2)
	void loadsTheExampleThroughTheApiInSeconds() throws Exception {
		long started = System.nanoTime();
		this.mvc
			.perform(post("/api/v1/admin/example-portfolio").param("language", "en")
				.with(httpBasic(this.admin.username(), TestUsers.PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customers").value(150))
			.andExpect(jsonPath("$.usersCreated").value(4));
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("EXAMPLE loaded in " + millis + " ms");
		assertThat(millis).isLessThan(120_000);

		assertThat(count("select count(*) from customer")).isEqualTo(150);
		assertThat(count("select count(*) from invoice_line")).isBetween(29_000L, 31_000L);
		assertThat(count("select count(*) from contact")).isGreaterThanOrEqualTo(150);
		assertThat(count("select count(*) from team_member where role = 'ACCOUNT_MANAGER'")).isEqualTo(150);
		assertThat(count("select count(*) from customer where account_manager_id is null")).isZero();
		assertThat(count("select count(*) from evaluation")).isGreaterThan(400);
		assertThat(count("select count(*) from customer_standing where attractiveness is not null")).isEqualTo(150);
		assertThat(count("select count(*) from customer_level where level_code = 'at_risk'")).isPositive();
		assertThat(count("select count(*) from rating_change where previous_evaluation_id is not null")).isPositive();
		assertThat(count("select count(*) from customer_figures")).isPositive();
		assertThat(count("select count(*) from plan_action where status in ('OPEN', 'IN_PROGRESS') "
				+ "and due_date < current_date"))
			.isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from plan_decision where kind = 'END_RELATIONSHIP'")).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where subject_type = 'EXAMPLE_PORTFOLIO'")).isEqualTo(1);
		assertThat(count("select count(*) from customer where name like 'Municipality of %'")).isPositive();
	}

	@Test
	@Order(3)
	void losesAboutHalfOfItsCustomersInFiveYearsAsTheRetentionModuleCountsIt() {
		RetentionFigures figures = this.retention.figures();
		System.out.println(
				"EXAMPLE five-year loss " + figures.fiveYearLoss() + ", mean retention " + figures.meanRetention());
		assertThat(figures.fiveYearLoss().measured()).isTrue();
		assertThat(figures.fiveYearLoss().rate()).isBetween(0.40, 0.55);
	}

	@Test
	@Order(4)
	void aFifthOfTheCustomersBringsMostOfLastYearsMarginAndSomeLoseMoney() {
		List<BigDecimal> margins = this.jdbc.sql(
				"select margin from revenue_year where fiscal_year = :year and margin is not null order by margin desc")
			.param("year", this.retention.currentYear() - 1)
			.query(BigDecimal.class)
			.list();
		BigDecimal total = margins.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		int top = (margins.size() + 4) / 5;
		BigDecimal topMargin = margins.subList(0, top).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		double share = topMargin.doubleValue() / total.doubleValue();
		System.out.println("EXAMPLE top 20 % (" + top + " of " + margins.size() + ") bring " + share
				+ " of the margin; loss-makers " + margins.stream().filter((m) -> m.signum() < 0).count());
		assertThat(share).isBetween(0.60, 0.85);
		assertThat(margins.stream().filter((margin) -> margin.signum() < 0).count()).isGreaterThanOrEqualTo(3);
	}

	@Test
	@Order(5)
	void everyPageShowsTheExample() throws Exception {
		long customer = count("select min(c.id) from customer c join plan_goal g on g.customer_id = c.id");
		for (String page : List.of("/", "/customers", "/portfolio", "/figures", "/analysis/concentration",
				"/analysis/matrix", "/analysis/segments", "/analysis/clusters", "/analysis/retention",
				"/analysis/retention/economics", "/warnings", "/review", "/plans/actions", "/plans/decisions",
				"/imports/invoices", "/admin/audit", "/customers/" + customer, "/customers/" + customer + "/plan",
				"/customers/" + customer + "/figures", "/customers/" + customer + "/evaluations",
				"/customers/" + customer + "/similar")) {
			this.mvc.perform(get(page).with(this.adminPage).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("NaN"))))
				.andExpect(content().string(not(containsString("??"))));
		}
		this.mvc.perform(get("/").with(this.adminPage))
			.andExpect(content().string(not(containsString("id=\"load-example\""))));
	}

	@Test
	@Order(6)
	void refusesToLoadIntoADatabaseThatHoldsData() throws Exception {
		this.mvc
			.perform(post("/api/v1/admin/example-portfolio").header("Accept-Language", "en")
				.with(httpBasic(this.admin.username(), TestUsers.PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("only be loaded into an empty database")));
		this.mvc.perform(post("/admin/example-portfolio").with(this.adminPage).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("error", "example.refused.notEmpty"));
		assertThat(count("select count(*) from customer")).isEqualTo(150);
	}

	@Test
	@Order(7)
	void refusesAnUnknownLanguage() throws Exception {
		this.mvc
			.perform(post("/api/v1/admin/example-portfolio").param("language", "fr")
				.with(httpBasic(this.admin.username(), TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	private long count(String sql) {
		Long value = this.jdbc.sql(sql).query(Long.class).single();
		return (value != null) ? value : 0;
	}

}
