package org.customerportfolio.sheet;

import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/portfolio} as an integration reads it: the grid's parameters, the
 * rows with values and labels, the groups, paging, and problems in the caller's language.
 */
@IntegrationTest
class SheetApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	private UserSummary viewer;

	private String tag;

	@BeforeEach
	void portfolio() {
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER, Language.NL);
		this.tag = "api-" + System.nanoTime();
		for (String[] customer : new String[][] { { "Api Een", "partnership" }, { "Api Twee", "at_risk" },
				{ "Api Drie", "partnership" } }) {
			CustomerView view = this.customers
				.register(CustomerMother.customer().named(customer[0]).tagged(this.tag).details(), "test");
			this.evaluations.record(view.id(), Map.of("relationship_type", List.of(customer[1])), null, "anna");
		}
	}

	@Test
	void answersAPageOfTheViewWithValuesLabelsAndGroups() throws Exception {
		this.mvc
			.perform(get("/api/v1/portfolio").param("columns", "name,criterion.relationship_type,relationshipStrength")
				.param("sort", "name,desc")
				.param("f.tags", this.tag)
				.param("group", "criterion.relationship_type")
				.param("size", "2")
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.rows", hasSize(2)))
			.andExpect(jsonPath("$.rows[0].values.name").value("Api Een"))
			.andExpect(jsonPath("$.rows[1].values.name").value("Api Drie"))
			.andExpect(jsonPath("$.rows[0].values['criterion.relationship_type']").value("partnership"))
			.andExpect(jsonPath("$.rows[0].labels['criterion.relationship_type']").value("Partnerschap"))
			.andExpect(jsonPath("$.rows[0].revision").isString())
			.andExpect(jsonPath("$.groups[0].value").value("partnership"))
			.andExpect(jsonPath("$.groups[0].count").value(2))
			.andExpect(jsonPath("$.groups[1].label").value("In gevaar"))
			.andExpect(jsonPath("$.columns[?(@.key == 'criterion.relationship_type')].shown").value(true));
	}

	@Test
	void explainsBadParametersInTheCallersLanguage() throws Exception {
		this.mvc
			.perform(get("/api/v1/portfolio").param("sort", "nonsense")
				.param("f.revenueThisYear", "veel")
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].message").value("Sorteren op \"nonsense\" kan niet."));
	}

}
