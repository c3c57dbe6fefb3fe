package org.customerportfolio.analysis;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.shared.Language;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The concentration over the read model, through the API and the page: the filter picks
 * the customers and years, archived customers and customers without lines never count,
 * and bad requests are told what is wrong.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcentrationIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private JdbcClient jdbc;

	private AnalysisFixtures fixtures;

	private UserSummary viewer;

	@BeforeAll
	void portfolio() {
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER);
		this.fixtures = new AnalysisFixtures(this.customers, this.jdbc);
		long alpha = this.fixtures.customer("Alpha", "contractor");
		long beta = this.fixtures.customer("=HYPERLINK(\"http://x\")", "consultant");
		long gamma = this.fixtures.customer("Gamma", "consultant");
		long idle = this.fixtures.customer("Idle", "consultant");
		long archived = this.fixtures.customer("Archived", "consultant");
		this.fixtures.year(alpha, 2023, "400", null, 3)
			.year(alpha, 2024, "100", null, 1)
			.year(beta, 2024, "300", "30", 2)
			.year(gamma, 2024, "200", "-50", 1)
			.year(idle, 2024, "0", null, 0)
			.year(archived, 2024, "1000", "100", 4);
		this.customers.archive(archived, "test");
	}

	@Test
	void countsTheFilteredCustomersWithLinesInThePeriod() throws Exception {
		// 2024: Alpha 100, Beta 300, Gamma 200 (Idle has no lines, Archived is archived)
		this.mvc.perform(api("from=2024&to=2024"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measure").value("revenue"))
			.andExpect(jsonPath("$.customers").value(3))
			.andExpect(jsonPath("$.total").value(600.0))
			// ⌈0.2 · 3⌉ = 1 customer: 300 / 600
			.andExpect(jsonPath("$.top20Share").value(50.0))
			.andExpect(jsonPath("$.top10Share").value(50.0))
			// before each: 0 and 50 (A), 83.3 (B)
			.andExpect(jsonPath("$.abc.A").value(2))
			.andExpect(jsonPath("$.abc.B").value(1))
			.andExpect(jsonPath("$.abc.C").value(0))
			// 50² + 33.3² + 16.7² = 3,888.9
			.andExpect(jsonPath("$.hhi").value(3888.8889))
			// ascending 100, 200, 300: 2 · 1,400 / 1,800 − 4/3
			.andExpect(jsonPath("$.gini").value(0.222222))
			.andExpect(jsonPath("$.largestShare").value(50.0))
			.andExpect(jsonPath("$.peakShare").value(100.0))
			.andExpect(jsonPath("$.lossMakers.count").value(0))
			.andExpect(jsonPath("$.curve.length()").value(3))
			.andExpect(jsonPath("$.top[0].name").value("=HYPERLINK(\"http://x\")"));
	}

	@Test
	void aLongerPeriodAddsTheYears() throws Exception {
		// Alpha 500, Beta 300, Gamma 200
		this.mvc.perform(api("from=2023&to=2024"))
			.andExpect(jsonPath("$.customers").value(3))
			.andExpect(jsonPath("$.total").value(1000.0))
			.andExpect(jsonPath("$.largestShare").value(50.0))
			.andExpect(jsonPath("$.top[0].name").value("Alpha"));
		this.mvc.perform(api("from=2023&to=2024&businessType=contractor"))
			.andExpect(jsonPath("$.customers").value(1))
			.andExpect(jsonPath("$.top10Share").value(100.0));
	}

	@Test
	void marginCountsOnlyCustomersWithAKnownMargin() throws Exception {
		// Beta 30, Gamma −50: a negative total has no shares
		this.mvc.perform(api("from=2024&to=2024&measure=margin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customers").value(2))
			.andExpect(jsonPath("$.total").value(-20.0))
			.andExpect(jsonPath("$.top20Share").value(nullValue()))
			.andExpect(jsonPath("$.gini").value(nullValue()))
			.andExpect(jsonPath("$.lossMakers.count").value(1))
			.andExpect(jsonPath("$.lossMakers.total").value(-50.0))
			.andExpect(jsonPath("$.customersWithoutMargin").value(1));
	}

	@Test
	void aPeriodWithoutInvoicesHasNoCustomers() throws Exception {
		this.mvc.perform(api("from=2030&to=2031"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customers").value(0))
			.andExpect(jsonPath("$.top20Share").value(nullValue()))
			.andExpect(jsonPath("$.curve.length()").value(0));
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() throws Exception {
		this.mvc.perform(api("from=2025&to=2024"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("starts in 2025 but ends in 2024")));
	}

	@Test
	void refusesAnUnknownMeasureAndAYearThatIsNoYear() throws Exception {
		this.mvc.perform(api("measure=profit"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("measure"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("\"profit\" is not a measure")));
		this.mvc.perform(api("from=last&status=GONE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[1].field").value("status"));
	}

	@Test
	void thePageShowsTheFiguresTheReadingAndTheDefinitions() throws Exception {
		this.mvc.perform(page("/analysis/concentration?from=2024&to=2024&tag=" + this.fixtures.tag))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"pareto-chart\"")))
			.andExpect(content().string(containsString("id=\"whale-chart\"")))
			.andExpect(content().string(containsString("The top 20 % of customers (1) bring 50 % of the revenue")))
			.andExpect(content().string(containsString("HHI = Σ (100 · sᵢ)²")))
			.andExpect(content().string(containsString("=HYPERLINK(&quot;http://x&quot;)")));
	}

	@Test
	void thePageSaysWhatIsWrongWithTheFilterInDutch() throws Exception {
		UserSummary dutch = TestUsers.create(this.accounts, Role.VIEWER, Language.NL);
		this.mvc.perform(get("/analysis/concentration?from=2025&to=2024&measure=margin").with(as(dutch)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De periode begint in 2025 maar eindigt in 2024")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("pareto-chart"))));
		this.mvc.perform(page("/analysis/concentration?measure=winst"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&quot;winst&quot; is not a measure")));
	}

	@Test
	void theExportHoldsEveryCustomerWithTextKeptAsText() throws Exception {
		MvcResult result = this.mvc
			.perform(page("/analysis/concentration.xlsx?from=2024&to=2024&tag=" + this.fixtures.tag))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("concentration-revenue-2024-2024.xlsx");
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(4);
			assertThat(rows.get(0).getCell(1).getText()).isEqualTo("Customer");
			assertThat(rows.get(1).getCell(1).getType()).isEqualTo(CellType.STRING);
			assertThat(rows.get(1).getCell(1).getText()).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(rows.get(1).getCell(2).asNumber()).isEqualByComparingTo("300");
			assertThat(rows.get(3).getCell(5).getText()).isEqualTo("B");
		}
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder api(String query) {
		return get("/api/v1/analysis/concentration?tag=" + this.fixtures.tag + "&" + query)
			.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder page(String path) {
		return get(path).with(as(this.viewer));
	}

	private RequestPostProcessor as(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
