package org.customerportfolio.retention;

import java.util.Locale;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The module's pages in both languages, and what they say to bad input: a clear message,
 * nothing saved, never a stack trace.
 */
@IntegrationTest
class RetentionPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private PlanManagement plans;

	private RequestPostProcessor viewer;

	private RequestPostProcessor dutchViewer;

	private RequestPostProcessor editor;

	private RequestPostProcessor admin;

	private CustomerView customer;

	@BeforeEach
	void users() {
		this.viewer = as(Role.VIEWER, Language.EN);
		this.dutchViewer = as(Role.VIEWER, Language.NL);
		this.editor = as(Role.EDITOR, Language.EN);
		this.admin = as(Role.ADMIN, Language.EN);
		this.customer = this.customers.register(CustomerMother.customer().details(), "test");
	}

	@Test
	void everyPageAnswersInEnglishAndDutchWithoutUntranslatedText() throws Exception {
		for (String path : new String[] { "/", "/analysis/retention", "/analysis/retention/economics", "/warnings",
				"/plans/actions", "/plans/actions?overdue=false", "/plans/decisions", "/review",
				"/customers/" + this.customer.id() + "/plan", "/customers/" + this.customer.id() + "/warnings" }) {
			for (RequestPostProcessor who : new RequestPostProcessor[] { this.viewer, this.dutchViewer }) {
				this.mvc.perform(get(path).with(who))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString("??"))));
			}
		}
		this.mvc.perform(get("/admin/warnings").with(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Warning thresholds")));
		this.mvc.perform(get("/").with(this.dutchViewer))
			.andExpect(content().string(containsString("Actieve klanten")))
			.andExpect(content().string(containsString("id=\"dashboard-customers\"")));
	}

	@Test
	void theScenarioRefusesRetentionAboveAHundredAndANegativeCostRatio() throws Exception {
		this.mvc.perform(get("/analysis/retention/economics").param("retention", "120").with(this.viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Retention is a percentage from 0 to 100.")));
		this.mvc
			.perform(get("/analysis/retention/economics").param("retention", "98")
				.param("improvement", "5")
				.with(this.viewer))
			.andExpect(content().string(containsString("would be above 100 %")));
		this.mvc.perform(get("/analysis/retention/economics").param("costRatio", "-2").with(this.dutchViewer))
			.andExpect(content().string(containsString("kan niet negatief zijn")));
	}

	@Test
	void theReviewRefusesADateInTheFuture() throws Exception {
		this.mvc.perform(get("/review").param("since", "2999-01-01").with(this.viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be in the future")));
		this.mvc.perform(get("/review").param("since", "yesterday").with(this.dutchViewer))
			.andExpect(content().string(containsString("is geen datum")));
		this.mvc.perform(get("/review/report.pdf").param("since", "2999-01-01").with(this.viewer))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theReviewReportDownloadsAsPdfAndWorkbook() throws Exception {
		byte[] pdf = this.mvc.perform(get("/review/report.pdf").param("since", "2020-01-01").with(this.dutchViewer))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("portefeuillereview-2020-01-01.pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		byte[] xlsx = this.mvc.perform(get("/review/report.xlsx").param("since", "2020-01-01").with(this.viewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(xlsx).startsWith('P', 'K');
	}

	@Test
	void anActionWithoutOwnerOrWithAnImpossibleDateIsRefusedAndNothingSaved() throws Exception {
		this.mvc
			.perform(post("/customers/{id}/plan/actions", this.customer.id()).param("description", "Call them")
				.param("owner", "")
				.param("dueDate", "31-02-2026")
				.with(this.editor)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a date")))
			.andExpect(content().string(containsString("Name who owns the action.")))
			.andExpect(content().string(containsString("value=\"Call them\"")));
		assertThat(this.plans.plan(this.customer.id()).actions()).isEmpty();

		this.mvc
			.perform(post("/customers/{id}/plan/actions", this.customer.id()).param("description", "Call them")
				.param("owner", "Anna")
				.param("dueDate", "2026-02-28")
				.with(this.editor)
				.with(csrf()))
			.andExpect(redirectedUrl("/customers/" + this.customer.id() + "#plan"));
		assertThat(this.plans.plan(this.customer.id()).actions()).hasSize(1);
	}

	@Test
	void endingARelationshipWithoutReasonIsRefusedAndWithOneEndsIt() throws Exception {
		this.mvc
			.perform(post("/customers/{id}/plan/end", this.customer.id()).param("reason", " ")
				.param("decidedOn", "2026-01-15")
				.with(this.editor)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("a decision needs a reason")));
		assertThat(this.customers.customer(this.customer.id()).status()).isEqualTo(CustomerStatus.ACTIVE);

		this.mvc
			.perform(post("/customers/{id}/plan/end", this.customer.id()).param("reason", "No margin, no prospects")
				.param("decidedOn", "15-01-2026")
				.with(this.editor)
				.with(csrf()))
			.andExpect(redirectedUrl("/customers/" + this.customer.id() + "#plan"));
		assertThat(this.customers.customer(this.customer.id()).status()).isEqualTo(CustomerStatus.ENDED);
		this.mvc.perform(get("/customers/{id}/plan", this.customer.id()).with(this.viewer))
			.andExpect(content().string(containsString("No margin, no prospects")))
			.andExpect(content().string(containsString("Relationship ended")));
	}

	@Test
	void aStaleStrategyChangeIsRefusedWithAMessage() throws Exception {
		long version = this.plans.plan(this.customer.id()).version();
		this.mvc
			.perform(post("/customers/{id}/plan/strategy", this.customer.id()).param("strategy", "DEVELOP")
				.param("reason", "Growth")
				.param("decidedOn", "2026-01-15")
				.param("version", String.valueOf(version))
				.with(this.editor)
				.with(csrf()))
			.andExpect(redirectedUrl("/customers/" + this.customer.id() + "#plan"));
		this.mvc
			.perform(post("/customers/{id}/plan/strategy", this.customer.id()).param("strategy", "MAINTAIN")
				.param("reason", "Stale")
				.param("decidedOn", "2026-01-15")
				.param("version", String.valueOf(version))
				.with(this.editor)
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this plan")));
	}

	@Test
	void administratorsSetThresholdsAndBadOnesAreNamed() throws Exception {
		this.mvc
			.perform(post("/admin/warnings/NOT_EVALUATED").param("enabled", "true")
				.param("threshold", "abc")
				.param("version", "0")
				.with(this.admin)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/warnings"));
	}

	private RequestPostProcessor as(Role role, Language language) {
		String username = TestUsers.create(this.accounts, role, language).username();
		UserDetails details = this.users.loadUserByUsername(username);
		RequestPostProcessor authenticated = user(details);
		Locale locale = language.locale();
		return (request) -> {
			request.addPreferredLocale(locale);
			return authenticated.postProcessRequest(request);
		};
	}

}
