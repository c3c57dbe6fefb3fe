package org.customerportfolio.evaluation;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
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
 * Criteria and evaluations through the API and the pages.
 */
@IntegrationTest
class EvaluationApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private UserDetailsService userDetails;

	private UserSummary editor;

	private CustomerView customer;

	@BeforeEach
	void setUp() {
		this.editor = TestUsers.create(this.accounts, Role.EDITOR, Language.EN);
		this.customer = this.customers.register(CustomerMother.customer().details(), "test");
	}

	@Test
	void listsTheCriteriaWithKeysKindsNamesWeightsAxesAndLevels() throws Exception {
		this.mvc.perform(get("/api/v1/criteria").with(basic(this.editor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].kind").value("ORDINAL"))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].name.nl").value("Type klantrelatie"))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].name.en").value("Relationship type"))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].weight").value(1))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].axis").value("RELATIONSHIP_STRENGTH"))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].levels[0].key").value("partnership"))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].levels[0].score").value(100))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].levels[3].label.nl").value("In gevaar"))
			.andExpect(jsonPath("$[?(@.key == 'relationship_type')].levels[3].label.en").value("At risk"));
	}

	@Test
	void recordsAnEvaluationAndAnswersTheHistoryWithScores() throws Exception {
		String url = "/api/v1/customers/" + this.customer.id() + "/evaluations";
		this.mvc.perform(post(url).with(basic(this.editor)).contentType(MediaType.APPLICATION_JSON).content("""
				{"values": {"relationship_type": "recurring", "share_of_wallet": "medium",
				            "decision_criteria": ["trust", "supplier_quality"], "profitability": "high"},
				 "comment": "Good year"}
				"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.relationshipStrength").value(58.5))
			.andExpect(jsonPath("$.attractiveness").value(100.0))
			.andExpect(jsonPath("$.values.decision_criteria[1]").value("supplier_quality"));
		this.mvc
			.perform(post(url).with(basic(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"values\": {\"relationship_type\": \"at_risk\", \"share_of_wallet\": \"medium\"}}"))
			.andExpect(status().isCreated());

		this.mvc.perform(get(url).with(basic(this.editor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].values.relationship_type").value("at_risk"))
			.andExpect(jsonPath("$[0].relationshipStrength").value(25.0))
			.andExpect(jsonPath("$[0].attractiveness").doesNotExist())
			.andExpect(jsonPath("$[1].values.relationship_type").value("recurring"))
			.andExpect(jsonPath("$[1].comment").value("Good year"));
	}

	@Test
	void refusesValuesThatDoNotFitWithAProblemPerField() throws Exception {
		this.mvc.perform(post("/api/v1/customers/" + this.customer.id() + "/evaluations").with(basic(this.editor))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\": {\"relationship_type\": \"superb\", \"learning\": {\"x\": 1}, \"ghost\": \"x\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("relationship_type")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("learning")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("ghost")));
		this.mvc.perform(get("/api/v1/customers/" + this.customer.id() + "/evaluations").with(basic(this.editor)))
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void theFormShowsProblemsNextToTheCriterionAndTheHistoryExplainsTheScore() throws Exception {
		UserSummary dutch = TestUsers.create(this.accounts, Role.EDITOR, Language.NL);
		String base = "/customers/" + this.customer.id() + "/evaluations";

		this.mvc.perform(post(base).with(page(dutch)).with(csrf()).param("c.relationship_type", "nonsense"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&quot;nonsense&quot; is geen niveau van criterium")));
		this.mvc
			.perform(post(base).with(page(dutch))
				.with(csrf())
				.param("c.relationship_type", "partnership")
				.param("c.ease_of_cooperation", "average")
				.param("c.decision_criteria", "trust", "other")
				.param("comment", "Sterke relatie"))
			.andExpect(redirectedUrl(base));

		this.mvc.perform(get(base).with(page(dutch)))
			.andExpect(content().string(allOf(containsString("Relatiesterkte"), containsString("75"),
					containsString("berust op 2 van 3 criteria"), containsString("Partnerschap"),
					containsString("Sterke relatie"))));
		this.mvc.perform(get("/customers/" + this.customer.id() + "/scorecard").with(page(dutch)))
			.andExpect(content().string(allOf(containsString("75"), containsString("Laatst beoordeeld"))));
	}

	private static RequestPostProcessor basic(UserSummary user) {
		return httpBasic(user.username(), TestUsers.PASSWORD);
	}

	private RequestPostProcessor page(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
