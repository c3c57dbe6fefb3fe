package org.customerportfolio.analysis;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.analysis.readmodel.MatrixThresholds;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.plan.RelationshipPlans;
import org.customerportfolio.plan.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portfolio matrix over the read model: quadrants by the current scores and the set
 * thresholds, other axes, each placement explained, and a quadrant's strategy set on the
 * plan.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private MatrixThresholds thresholds;

	@Autowired
	private RelationshipPlans plans;

	@Autowired
	private JdbcClient jdbc;

	private AnalysisFixtures fixtures;

	private UserSummary viewer;

	private long develop;

	private long reconsider;

	@BeforeAll
	void portfolio() {
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER);
		this.fixtures = new AnalysisFixtures(this.customers, this.jdbc);
		this.develop = this.fixtures.customer("Develop Ltd", "contractor");
		long maintain = this.fixtures.customer("Maintain Ltd", "consultant");
		long improve = this.fixtures.customer("Improve Ltd", "consultant");
		this.reconsider = this.fixtures.customer("Reconsider Ltd", "consultant");
		long unrated = this.fixtures.customer("Unrated Ltd", "consultant");
		this.fixtures.standing(this.develop, 90.0, 80.0)
			.standing(maintain, 20.0, 80.0)
			.standing(improve, 90.0, 20.0)
			.standing(this.reconsider, 20.0, 20.0)
			.standing(unrated, null, 60.0)
			.year(this.develop, 2024, "1000", "100", 2)
			.year(improve, 2024, "500", null, 1)
			.level(this.develop, "share_of_wallet", "large")
			.level(maintain, "share_of_wallet", "small")
			.level(this.develop, "profitability", "high");
	}

	@Test
	void placesTheCustomersInTheirQuadrants() throws Exception {
		this.mvc.perform(api(""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.x").value("relationship"))
			.andExpect(jsonPath("$.y").value("attractiveness"))
			.andExpect(jsonPath("$.xThreshold").value(50.0))
			.andExpect(jsonPath("$.placed").value(4))
			.andExpect(jsonPath("$.unplaced").value(1))
			.andExpect(jsonPath("$.quadrants.develop").value(1))
			.andExpect(jsonPath("$.quadrants.maintain").value(1))
			.andExpect(jsonPath("$.quadrants.improve").value(1))
			.andExpect(jsonPath("$.quadrants.reconsider").value(1))
			// largest revenue first
			.andExpect(jsonPath("$.customers[0].name").value("Develop Ltd"))
			.andExpect(jsonPath("$.customers[0].quadrant").value("develop"))
			.andExpect(jsonPath("$.customers[0].revenue").value(1000.0))
			.andExpect(jsonPath("$.customers[1].name").value("Improve Ltd"));
	}

	@Test
	void theThresholdsMoveTheQuadrantsAndAreAudited() {
		MatrixThresholds.Thresholds before = this.thresholds.current();
		try {
			this.thresholds.change(95, 50, "admin-test");
			this.mvc.perform(api("")).andExpect(jsonPath("$.quadrants.develop").value(0));
			assertThat(this.jdbc
				.sql("select count(*) from audit_entry where subject_type = 'ANALYSIS_SETTING'"
						+ " and actor = 'admin-test' and field = 'attractivenessThreshold' and new_value = '95'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			this.thresholds.change(before.attractiveness(), before.relationshipStrength(), "admin-test");
		}
	}

	@Test
	void refusesAThresholdOutsideTheScale() throws Exception {
		UserSummary admin = TestUsers.create(this.accounts, Role.ADMIN);
		this.mvc
			.perform(post("/admin/analysis/matrix-thresholds").param("attractiveness", "120")
				.param("relationshipStrength", "50")
				.with(as(admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/analysis/matrix"));
		assertThat(this.thresholds.current().attractiveness()).isEqualTo(50.0);
	}

	@Test
	void anyCriterionScoreCanBeAnAxisAndAFigureSplitsAtItsMedian() throws Exception {
		// share of wallet: large 100, small 0; only two customers answered
		this.mvc.perform(api("&x=criterion:share_of_wallet"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.placed").value(2))
			.andExpect(jsonPath("$.quadrants.develop").value(1))
			.andExpect(jsonPath("$.quadrants.reconsider").value(1));
		// revenue in 2024 of the five: 1000, 0, 500, 0, 0 (the unrated one has no
		// attractiveness)
		this.mvc.perform(api("&x=revenue&from=2024&to=2024"))
			.andExpect(jsonPath("$.placed").value(2))
			.andExpect(jsonPath("$.xThreshold").value(750.0));
	}

	@Test
	void refusesAnAxisOrColourThatIsNotOffered() throws Exception {
		this.mvc.perform(api("&x=criterion:nonsense"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("x"));
		this.mvc.perform(api("&y=height"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("\"height\" is not an axis")));
		this.mvc.perform(api("&colour=mood")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/analysis/matrix?y=height").with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&quot;height&quot; is not an axis")));
	}

	@Test
	void thePageDrawsTheBubblesAndExplainsAPlacement() throws Exception {
		this.mvc
			.perform(get("/analysis/matrix?colour=criterion:share_of_wallet&tag=" + this.fixtures.tag)
				.with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"matrix-chart\"")))
			.andExpect(content().string(containsString("Of the 4 customers placed, 1 are in Develop")));
		this.mvc.perform(get("/analysis/matrix/customers/" + this.develop).with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Attractiveness 90 is high (threshold 50)")))
			.andExpect(content().string(containsString("Our share of their related purchases")))
			.andExpect(content().string(not(containsString("id=\"apply-strategy\""))));
	}

	@Test
	void anEditorGivesACustomerItsQuadrantsStrategyInOneClick() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.mvc.perform(get("/analysis/matrix/customers/" + this.develop).with(as(editor)))
			.andExpect(content().string(containsString("Make the strategy Develop")));
		this.mvc
			.perform(post("/analysis/matrix/customers/" + this.develop + "/strategy").param("strategy", "DEVELOP")
				.with(as(editor))
				.with(csrf()))
			.andExpect(redirectedUrl("/analysis/matrix/customers/" + this.develop));
		assertThat(this.plans.strategy(this.develop)).contains(Strategy.DEVELOP);
		// reconsider offers a choice, ending with a confirmation
		this.mvc.perform(get("/analysis/matrix/customers/" + this.reconsider).with(as(editor)))
			.andExpect(content().string(containsString("id=\"apply-improve\"")))
			.andExpect(content().string(containsString("id=\"apply-end\"")))
			.andExpect(content().string(containsString("data-confirm=\"End the relationship with Reconsider Ltd?")));
	}

	private MockHttpServletRequestBuilder api(String query) {
		return get("/api/v1/analysis/matrix?tag=" + this.fixtures.tag + query)
			.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD));
	}

	private RequestPostProcessor as(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
