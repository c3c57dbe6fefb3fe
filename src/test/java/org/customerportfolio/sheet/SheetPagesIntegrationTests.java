package org.customerportfolio.sheet;

import java.nio.charset.StandardCharsets;
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
import org.customerportfolio.evaluation.EvaluationView;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sheet's pages: a remembered layout, rating one cell (and being told when someone
 * else was quicker), rating many at once, the import with its preview, and escaping.
 */
@IntegrationTest
class SheetPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	private UserSummary editor;

	private String tag;

	private CustomerView customer;

	@BeforeEach
	void portfolio() {
		this.editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.tag = "pages-" + System.nanoTime();
		this.customer = this.customers.register(
				CustomerMother.customer().named("<script>alert(1)</script> BV").tagged(this.tag).details(), "test");
	}

	@Test
	void theLastViewIsRememberedPerUserUntilReset() throws Exception {
		this.mvc
			.perform(
					get("/portfolio").param("columns", "name,strategy").param("f.tags", this.tag).with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; BV")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));

		this.mvc.perform(get("/portfolio").with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-col=\"strategy\"")))
			.andExpect(content().string(not(containsString("data-col=\"criterion.relationship_type\""))))
			.andExpect(content().string(containsString("value=\"" + this.tag + "\"")));
		UserSummary other = TestUsers.create(this.accounts, Role.VIEWER);
		this.mvc.perform(get("/portfolio").with(as(other)))
			.andExpect(content().string(containsString("data-col=\"criterion.relationship_type\"")));

		this.mvc.perform(post("/portfolio/layout/reset").with(as(this.editor)).with(csrf()))
			.andExpect(redirectedUrl("/portfolio"));
		this.mvc.perform(get("/portfolio").with(as(this.editor)))
			.andExpect(content().string(containsString("data-col=\"criterion.relationship_type\"")));
	}

	@Test
	void aRatedCellBecomesANewEvaluationUnlessSomeoneWasQuicker() throws Exception {
		this.mvc
			.perform(post("/portfolio/rating").with(as(this.editor))
				.with(csrf())
				.param("customer", String.valueOf(this.customer.id()))
				.param("column", "criterion.relationship_type")
				.param("level", "recurring")
				.param("seen", "")
				.param("columns", "name,criterion.relationship_type,relationshipStrength"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Recurring")))
			.andExpect(content().string(containsString("lvl-1")));
		EvaluationView first = this.evaluations.current(this.customer.id()).orElseThrow();
		assertThat(first.ratings().get("relationship_type").levelCode()).isEqualTo("recurring");

		// someone else rates it meanwhile; a save based on the first evaluation is
		// refused
		this.evaluations.record(this.customer.id(), Map.of("relationship_type", List.of("at_risk")), null, "bert");
		this.mvc
			.perform(post("/portfolio/rating").with(as(this.editor))
				.with(csrf())
				.param("customer", String.valueOf(this.customer.id()))
				.param("column", "criterion.relationship_type")
				.param("level", "partnership")
				.param("seen", String.valueOf(first.id()))
				.param("columns", "name,criterion.relationship_type"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("At risk")));
		assertThat(this.evaluations.current(this.customer.id()).orElseThrow().evaluatedBy()).isEqualTo("bert");
	}

	@Test
	void oneLevelForManySelectedCustomers() throws Exception {
		CustomerView second = this.customers.register(CustomerMother.customer().tagged(this.tag).details(), "test");

		this.mvc
			.perform(post("/portfolio/ratings").with(as(this.editor))
				.with(csrf())
				.param("ids", String.valueOf(this.customer.id()), String.valueOf(second.id()))
				.param("target", "criterion.business_outlook|growing")
				.param("returnTo", "f.tags=" + this.tag))
			.andExpect(redirectedUrl("/portfolio?f.tags=" + this.tag))
			.andExpect(flash().attribute("notice", "sheet.bulk.done"));

		assertThat(List.of(this.customer, second)).allSatisfy((customer) -> assertThat(
				this.evaluations.current(customer.id()).orElseThrow().ratings().get("business_outlook").levelCode())
			.isEqualTo("growing"));
		this.mvc
			.perform(post("/portfolio/ratings").with(as(this.editor))
				.with(csrf())
				.param("target", "criterion.business_outlook|growing")
				.param("returnTo", "//evil.example"))
			.andExpect(redirectedUrl("/portfolio"))
			.andExpect(flash().attribute("error", "sheet.bulk.noneSelected"));
	}

	@Test
	void anUploadedSheetIsPreviewedThenImported() throws Exception {
		String csv = new String(this.mvc
			.perform(get("/portfolio/export").param("format", "csv")
				.param("separator", ",")
				.param("columns", "name,strategy")
				.param("f.tags", this.tag)
				.with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		byte[] edited = csv.replace("BV,,", "BV,Improve,").getBytes(StandardCharsets.UTF_8);

		String preview = this.mvc
			.perform(multipart("/portfolio/import").file(new MockMultipartFile("file", "sheet.csv", "text/csv", edited))
				.with(as(this.editor))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(preview).with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Improve")))
			.andExpect(content().string(containsString("1 change for 1 customer")));
		this.mvc.perform(post(preview).with(as(this.editor)).with(csrf()))
			.andExpect(redirectedUrl("/portfolio"))
			.andExpect(flash().attribute("notice", "sheet.import.done"));
		this.mvc
			.perform(get("/portfolio").param("columns", "name,strategy")
				.param("f.strategy", "IMPROVE")
				.param("f.tags", this.tag)
				.with(as(this.editor)))
			.andExpect(content().string(containsString("1 customer")));
	}

	@Test
	void dutchUsersSeeDutchLabels() throws Exception {
		UserSummary dutch = TestUsers.create(this.accounts, Role.VIEWER, Language.NL);
		this.mvc.perform(get("/portfolio").param("f.tags", this.tag).with(as(dutch)))
			.andExpect(content().string(containsString("Portefeuille-overzicht")))
			.andExpect(content().string(containsString("Type klantrelatie")));
	}

	private RequestPostProcessor as(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
