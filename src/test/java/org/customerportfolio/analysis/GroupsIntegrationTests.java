package org.customerportfolio.analysis;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Segments, clusters and similar customers over the read model: two clearly different
 * kinds of customer are told apart by every one of them.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsIntegrationTests {

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

	private long[] partners = new long[3];

	private long[] atRisk = new long[3];

	@BeforeAll
	void portfolio() {
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER);
		this.fixtures = new AnalysisFixtures(this.customers, this.jdbc);
		for (int i = 0; i < 3; i++) {
			this.partners[i] = this.fixtures.customer("Partner " + i, "contractor");
			this.fixtures.standing(this.partners[i], 80.0, 90.0)
				.year(this.partners[i], 2023, "100", null, 1)
				.year(this.partners[i], 2024, "1000", null, 2)
				.level(this.partners[i], "relationship_type", "partnership")
				.level(this.partners[i], "share_of_wallet", "large")
				.level(this.partners[i], "service_needs", "specialised")
				.level(this.partners[i], "learning", "average")
				.level(this.partners[i], "rnd_cooperation", "emerging");
			this.atRisk[i] = this.fixtures.customer("At risk " + i, "consultant");
			this.fixtures.standing(this.atRisk[i], 20.0, 10.0)
				.year(this.atRisk[i], 2024, "100", null, 1)
				.level(this.atRisk[i], "relationship_type", "at_risk")
				.level(this.atRisk[i], "share_of_wallet", "small")
				.level(this.atRisk[i], "service_needs", "basic")
				.level(this.atRisk[i], "learning", "low")
				.level(this.atRisk[i], "rnd_cooperation", "none");
		}
	}

	@Test
	void segmentsByBusinessTypeShowWhatStandsOut() throws Exception {
		this.mvc.perform(api("/api/v1/analysis/segments?by=businessType&from=2024&to=2024"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groups.length()").value(2))
			.andExpect(jsonPath("$.overall.customers").value(6))
			.andExpect(jsonPath("$.overall.attractiveness").value(50.0))
			.andExpect(jsonPath("$.groups[0].key").value("consultant"))
			.andExpect(jsonPath("$.groups[0].revenue").value(300.0))
			.andExpect(jsonPath("$.groups[1].key").value("contractor"))
			.andExpect(jsonPath("$.groups[1].attractiveness").value(80.0))
			.andExpect(jsonPath("$.groups[1].levels.relationship_type.partnership").value(100.0))
			.andExpect(jsonPath("$.overall.levels.relationship_type.partnership").value(50.0))
			.andExpect(jsonPath("$.standOuts[*].figure", hasItem("attractiveness")))
			.andExpect(jsonPath("$.standOuts[*].figure", hasItem("revenuePerCustomer")))
			.andExpect(jsonPath("$.standOuts[*].level", hasItem("partnership")));
	}

	@Test
	void segmentsGroupByCriterionAbcAndCluster() throws Exception {
		this.mvc.perform(api("/api/v1/analysis/segments?by=relationshipType"))
			.andExpect(jsonPath("$.by").value("criterion:relationship_type"))
			.andExpect(jsonPath("$.groups[*].key", hasItem("partnership")))
			.andExpect(jsonPath("$.groups[*].key", hasItem("at_risk")));
		// 2024: three of 1,000 and three of 100; before each 0, 33, 66 (A), 90.9, 93.9
		// (B), 97 (C)
		this.mvc.perform(api("/api/v1/analysis/segments?by=abc&from=2024&to=2024"))
			.andExpect(jsonPath("$.groups[0].key").value("A"))
			.andExpect(jsonPath("$.groups[0].customers").value(3));
		this.mvc.perform(api("/api/v1/analysis/segments?by=cluster"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groups.length()").value(2));
		this.mvc.perform(api("/api/v1/analysis/segments?by=shoeSize"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("by"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("\"shoeSize\" is not a grouping")));
	}

	@Test
	void clustersTellTheTwoKindsApart() throws Exception {
		this.mvc.perform(api("/api/v1/analysis/clusters"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.k").value(2))
			.andExpect(jsonPath("$.silhouette").value(1.0))
			.andExpect(jsonPath("$.sampled").value(false))
			.andExpect(jsonPath("$.clustered").value(6))
			.andExpect(jsonPath("$.clusters[0].customers").value(3))
			.andExpect(jsonPath("$.clusters[*].typical[*].level", hasItem("partnership")));
		this.mvc.perform(api("/api/v1/analysis/clusters?k=9")).andExpect(status().isBadRequest());
		this.mvc.perform(api("/api/v1/analysis/clusters?k=three"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("k"));
	}

	@Test
	void similarCustomersAreTheSameKind() throws Exception {
		this.mvc
			.perform(get("/api/v1/customers/" + this.partners[0] + "/similar")
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.similar[*].id", hasItem((int) this.partners[1])))
			.andExpect(jsonPath("$.similar[*].id", hasItem((int) this.partners[2])))
			.andExpect(jsonPath("$.similar[0].distance").value(0.0))
			.andExpect(jsonPath("$.similar[0].compared").value(5))
			.andExpect(jsonPath("$.similar[0].same", hasItem("relationship_type")));
		this.mvc.perform(get("/customers/" + this.partners[0] + "/similar").with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Customers like this one")))
			.andExpect(content().string(containsString("Partner 1")))
			.andExpect(content().string(containsString("100 % alike over 5 criteria")));
		this.mvc
			.perform(get("/api/v1/customers/987654321/similar")
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePagesShowChartsTablesAndWords() throws Exception {
		this.mvc.perform(get("/analysis/segments?tag=" + this.fixtures.tag).with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"revenue-chart\"")))
			.andExpect(content().string(containsString("stands-out")))
			.andExpect(content().string(containsString("Contractor: attractiveness 80 against 50 for all customers.")));
		this.mvc.perform(get("/analysis/clusters?tag=" + this.fixtures.tag).with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"clusters-chart\"")))
			.andExpect(
					content().string(containsString("Partnership on Relationship type (100 % against 50 % overall)")));
		this.mvc.perform(get("/analysis/segments?by=nonsense").with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&quot;nonsense&quot; is not a grouping")));
	}

	@Test
	void theSegmentExportHasAGroupPerRow() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/analysis/segments.xlsx?by=businessType&tag=" + this.fixtures.tag).with(as(this.viewer)))
			.andExpect(status().isOk())
			.andReturn();
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			// header, two groups, all
			assertThat(rows).hasSize(4);
			assertThat(rows.get(3).getCell(1).asNumber()).isEqualByComparingTo("6");
		}
	}

	private MockHttpServletRequestBuilder api(String path) {
		String separator = path.contains("?") ? "&" : "?";
		return get(path + separator + "tag=" + this.fixtures.tag)
			.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD));
	}

	private RequestPostProcessor as(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
