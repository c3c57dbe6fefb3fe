package org.customerportfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint the application answers, found in its handler mappings, has a rule here;
 * for each, an anonymous request and a role below the required one are refused. An
 * endpoint added without a rule fails this test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIntegrationTests {

	/** Who may call an endpoint. */
	enum Access {

		/** Anyone, logged in or not. */
		PUBLIC,
		/** Any logged-in user, whatever the role. */
		AUTHENTICATED, VIEWER, EDITOR, ADMIN,
		/** Nobody: mapped by a library but not offered. */
		NOBODY

	}

	private static final Map<String, Access> RULES = new TreeMap<>(Map.ofEntries(
			// the portfolio sheet
			Map.entry("GET /portfolio", Access.VIEWER), Map.entry("GET /portfolio/export", Access.VIEWER),
			Map.entry("POST /portfolio/layout/reset", Access.VIEWER),
			Map.entry("POST /portfolio/rating", Access.EDITOR), Map.entry("POST /portfolio/ratings", Access.EDITOR),
			Map.entry("GET /portfolio/import", Access.EDITOR), Map.entry("POST /portfolio/import", Access.EDITOR),
			Map.entry("GET /portfolio/import/{token}", Access.EDITOR),
			Map.entry("POST /portfolio/import/{token}", Access.EDITOR),
			Map.entry("GET /api/v1/portfolio", Access.VIEWER), Map.entry("GET /api/v1/portfolio/export", Access.VIEWER),
			Map.entry("POST /api/v1/portfolio/import", Access.EDITOR),
			// login and first-run setup
			Map.entry("GET /login", Access.PUBLIC), Map.entry("GET /setup", Access.PUBLIC),
			Map.entry("POST /setup", Access.PUBLIC), Map.entry("* /error", Access.PUBLIC),
			Map.entry("GET /actuator/health", Access.PUBLIC), Map.entry("GET /actuator/health/**", Access.PUBLIC),
			Map.entry("GET /actuator", Access.NOBODY),
			// API documentation
			Map.entry("GET /v3/api-docs", Access.AUTHENTICATED),
			Map.entry("GET /v3/api-docs.yaml", Access.AUTHENTICATED),
			Map.entry("GET /v3/api-docs/swagger-config", Access.AUTHENTICATED),
			Map.entry("GET /swagger-ui.html", Access.AUTHENTICATED),
			// own account
			Map.entry("GET /account", Access.AUTHENTICATED), Map.entry("POST /account/language", Access.AUTHENTICATED),
			Map.entry("POST /account/password", Access.AUTHENTICATED),
			Map.entry("POST /account/tokens", Access.AUTHENTICATED),
			Map.entry("POST /account/tokens/{id}/revoke", Access.AUTHENTICATED),
			// user administration
			Map.entry("GET /admin", Access.ADMIN), Map.entry("GET /admin/audit", Access.ADMIN),
			Map.entry("GET /admin/users", Access.ADMIN), Map.entry("GET /admin/users/new", Access.ADMIN),
			Map.entry("POST /admin/users", Access.ADMIN), Map.entry("GET /admin/users/{id}", Access.ADMIN),
			Map.entry("POST /admin/users/{id}/role", Access.ADMIN),
			Map.entry("POST /admin/users/{id}/name", Access.ADMIN),
			Map.entry("POST /admin/users/{id}/disable", Access.ADMIN),
			Map.entry("POST /admin/users/{id}/enable", Access.ADMIN),
			Map.entry("POST /admin/users/{id}/password", Access.ADMIN),
			Map.entry("GET /admin/business-types", Access.ADMIN), Map.entry("POST /admin/business-types", Access.ADMIN),
			Map.entry("POST /admin/business-types/{id}", Access.ADMIN),
			Map.entry("GET /admin/service-categories", Access.ADMIN),
			Map.entry("POST /admin/service-categories", Access.ADMIN),
			Map.entry("POST /admin/service-categories/{id}", Access.ADMIN),
			// backup and restore
			Map.entry("GET /admin/backup", Access.ADMIN), Map.entry("GET /admin/backup/archive", Access.ADMIN),
			Map.entry("POST /admin/backup/restore", Access.ADMIN), Map.entry("GET /api/v1/admin/backup", Access.ADMIN),
			Map.entry("POST /api/v1/admin/restore", Access.ADMIN),
			// customer pages
			Map.entry("GET /", Access.VIEWER), Map.entry("GET /customers", Access.VIEWER),
			Map.entry("GET /customers/new", Access.EDITOR), Map.entry("POST /customers", Access.EDITOR),
			Map.entry("GET /customers/{id}", Access.VIEWER), Map.entry("GET /customers/{id}/edit", Access.EDITOR),
			Map.entry("POST /customers/{id}", Access.EDITOR), Map.entry("POST /customers/{id}/archive", Access.EDITOR),
			Map.entry("POST /customers/{id}/restore", Access.EDITOR),
			Map.entry("GET /customers/{customerId}/contacts/new", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/contacts", Access.EDITOR),
			Map.entry("GET /customers/{customerId}/contacts/{contactId}/edit", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/contacts/{contactId}", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/contacts/{contactId}/remove", Access.EDITOR),
			Map.entry("GET /customers/{customerId}/team/new", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/team", Access.EDITOR),
			Map.entry("GET /customers/{customerId}/team/{memberId}/edit", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/team/{memberId}", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/team/{memberId}/remove", Access.EDITOR),
			// the REST API
			Map.entry("GET /api/v1/customers", Access.VIEWER), Map.entry("POST /api/v1/customers", Access.EDITOR),
			Map.entry("GET /api/v1/customers/{id}", Access.VIEWER),
			Map.entry("PUT /api/v1/customers/{id}", Access.EDITOR),
			Map.entry("DELETE /api/v1/customers/{id}", Access.EDITOR),
			Map.entry("POST /api/v1/customers/{id}/restore", Access.EDITOR),
			Map.entry("GET /api/v1/customers/{id}/audit", Access.VIEWER),
			Map.entry("GET /api/v1/customers/{id}/contacts", Access.VIEWER),
			Map.entry("POST /api/v1/customers/{id}/contacts", Access.EDITOR),
			Map.entry("GET /api/v1/customers/{id}/contacts/{contactId}", Access.VIEWER),
			Map.entry("PUT /api/v1/customers/{id}/contacts/{contactId}", Access.EDITOR),
			Map.entry("DELETE /api/v1/customers/{id}/contacts/{contactId}", Access.EDITOR),
			Map.entry("GET /api/v1/customers/{id}/team-members", Access.VIEWER),
			Map.entry("POST /api/v1/customers/{id}/team-members", Access.EDITOR),
			Map.entry("GET /api/v1/customers/{id}/team-members/{memberId}", Access.VIEWER),
			Map.entry("PUT /api/v1/customers/{id}/team-members/{memberId}", Access.EDITOR),
			Map.entry("DELETE /api/v1/customers/{id}/team-members/{memberId}", Access.EDITOR),
			Map.entry("GET /api/v1/business-types", Access.VIEWER),
			// criteria and evaluations
			Map.entry("GET /admin/criteria", Access.ADMIN), Map.entry("GET /admin/criteria/new", Access.ADMIN),
			Map.entry("POST /admin/criteria", Access.ADMIN), Map.entry("GET /admin/criteria/{id}/edit", Access.ADMIN),
			Map.entry("POST /admin/criteria/{id}", Access.ADMIN),
			Map.entry("POST /admin/criteria/{id}/retire", Access.ADMIN),
			Map.entry("POST /admin/criteria/{id}/reinstate", Access.ADMIN),
			Map.entry("POST /admin/criteria/{id}/move", Access.ADMIN),
			Map.entry("GET /customers/{customerId}/scorecard", Access.VIEWER),
			Map.entry("GET /customers/{customerId}/evaluations", Access.VIEWER),
			Map.entry("GET /customers/{customerId}/evaluations/new", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/evaluations", Access.EDITOR),
			Map.entry("GET /api/v1/criteria", Access.VIEWER),
			Map.entry("GET /api/v1/customers/{id}/evaluations", Access.VIEWER),
			Map.entry("POST /api/v1/customers/{id}/evaluations", Access.EDITOR),
			// invoices and figures
			Map.entry("POST /api/v1/imports/invoices", Access.EDITOR),
			Map.entry("GET /imports/invoices", Access.EDITOR), Map.entry("POST /imports/invoices", Access.EDITOR),
			Map.entry("GET /imports/invoices/{token}", Access.EDITOR),
			Map.entry("POST /imports/invoices/{token}/preview", Access.EDITOR),
			Map.entry("POST /imports/invoices/{token}/commit", Access.EDITOR),
			Map.entry("GET /imports/invoices/jobs/{id}", Access.EDITOR),
			Map.entry("GET /imports/invoices/jobs/{id}/progress", Access.EDITOR),
			Map.entry("GET /figures", Access.VIEWER), Map.entry("GET /customers/{customerId}/figures", Access.VIEWER),
			Map.entry("POST /customers/{customerId}/projection", Access.EDITOR),
			Map.entry("GET /api/v1/customers/{id}/figures", Access.VIEWER),
			Map.entry("GET /api/v1/figures", Access.VIEWER),
			// retention, warnings, plans, review and dashboard
			Map.entry("GET /analysis/retention", Access.VIEWER),
			Map.entry("GET /analysis/retention/export.xlsx", Access.VIEWER),
			Map.entry("GET /analysis/retention/economics", Access.VIEWER),
			Map.entry("GET /api/v1/analysis/retention", Access.VIEWER), Map.entry("GET /warnings", Access.VIEWER),
			Map.entry("GET /review", Access.VIEWER), Map.entry("GET /review/report.pdf", Access.VIEWER),
			Map.entry("GET /review/report.xlsx", Access.VIEWER),
			Map.entry("GET /customers/{customerId}/warnings", Access.VIEWER),
			// the example portfolio
			Map.entry("POST /admin/example-portfolio", Access.ADMIN),
			Map.entry("POST /api/v1/admin/example-portfolio", Access.ADMIN),
			Map.entry("GET /admin/warnings", Access.ADMIN), Map.entry("POST /admin/warnings/{kind}", Access.ADMIN),
			Map.entry("GET /api/v1/warnings", Access.VIEWER),
			Map.entry("GET /api/v1/customers/{id}/warnings", Access.VIEWER),
			Map.entry("GET /customers/{customerId}/plan", Access.VIEWER),
			Map.entry("POST /customers/{customerId}/plan/strategy", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/goals", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/goals/{goalId}", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/actions", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/actions/{actionId}", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/decisions", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/end", Access.EDITOR),
			Map.entry("POST /customers/{customerId}/plan/resume", Access.EDITOR),
			Map.entry("GET /plans/actions", Access.VIEWER), Map.entry("GET /plans/decisions", Access.VIEWER),
			Map.entry("GET /api/v1/customers/{id}/plan", Access.VIEWER),
			Map.entry("PUT /api/v1/customers/{id}/plan/strategy", Access.EDITOR),
			Map.entry("POST /api/v1/customers/{id}/plan/goals", Access.EDITOR),
			Map.entry("PUT /api/v1/customers/{id}/plan/goals/{goalId}", Access.EDITOR),
			Map.entry("POST /api/v1/customers/{id}/plan/actions", Access.EDITOR),
			Map.entry("PUT /api/v1/customers/{id}/plan/actions/{actionId}", Access.EDITOR),
			Map.entry("POST /api/v1/customers/{id}/plan/decisions", Access.EDITOR),
			// analyses
			Map.entry("GET /analysis/concentration", Access.VIEWER),
			Map.entry("GET /analysis/concentration.xlsx", Access.VIEWER),
			Map.entry("GET /api/v1/analysis/concentration", Access.VIEWER),
			Map.entry("GET /analysis/matrix", Access.VIEWER), Map.entry("GET /analysis/matrix.xlsx", Access.VIEWER),
			Map.entry("GET /analysis/matrix/customers/{customerId}", Access.VIEWER),
			Map.entry("POST /analysis/matrix/customers/{customerId}/strategy", Access.EDITOR),
			Map.entry("POST /admin/analysis/matrix-thresholds", Access.ADMIN),
			Map.entry("GET /api/v1/analysis/matrix", Access.VIEWER), Map.entry("GET /analysis/segments", Access.VIEWER),
			Map.entry("GET /analysis/segments.xlsx", Access.VIEWER),
			Map.entry("GET /api/v1/analysis/segments", Access.VIEWER),
			Map.entry("GET /analysis/clusters", Access.VIEWER), Map.entry("GET /analysis/clusters.xlsx", Access.VIEWER),
			Map.entry("GET /api/v1/analysis/clusters", Access.VIEWER),
			Map.entry("GET /customers/{customerId}/similar", Access.VIEWER),
			Map.entry("GET /api/v1/customers/{id}/similar", Access.VIEWER)));

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService userDetails;

	private final Map<Role, String> usernames = new java.util.EnumMap<>(Role.class);

	@BeforeAll
	void createOneUserPerRole() {
		for (Role role : Role.values()) {
			this.usernames.put(role, TestUsers.create(this.accounts, role).username());
		}
	}

	@Test
	void everyEndpointHasAnAuthorisationRule() {
		assertThat(endpoints()).allSatisfy((endpoint) -> assertThat(RULES)
			.as("authorisation rule for %s (add it to RULES and to SecurityConfiguration)", endpoint)
			.containsKey(endpoint));
	}

	@Test
	void everyRuleBelongsToAnEndpoint() {
		assertThat(endpoints()).containsAll(RULES.keySet());
	}

	@TestFactory
	Stream<DynamicTest> anonymousRequestsAreRefused() {
		return endpoints().stream()
			.filter((endpoint) -> RULES.get(endpoint) != Access.PUBLIC)
			.map((endpoint) -> DynamicTest.dynamicTest(endpoint, () -> {
				MvcResult result = this.mvc.perform(requestFor(endpoint, null)).andReturn();
				assertRefusedAnonymous(endpoint, result);
			}));
	}

	@TestFactory
	Stream<DynamicTest> rolesBelowTheRequiredOneAreRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String endpoint : endpoints()) {
			Access access = RULES.get(endpoint);
			for (Role role : rolesBelow(access)) {
				tests.add(DynamicTest.dynamicTest(endpoint + " as " + role, () -> {
					MvcResult result = this.mvc.perform(requestFor(endpoint, role)).andReturn();
					assertThat(result.getResponse().getStatus()).as("%s as %s", endpoint, role).isEqualTo(403);
				}));
			}
		}
		return tests.stream();
	}

	private static List<Role> rolesBelow(Access access) {
		if (access == null) {
			return List.of(); // reported by everyEndpointHasAnAuthorisationRule
		}
		return switch (access) {
			case EDITOR -> List.of(Role.VIEWER);
			case ADMIN -> List.of(Role.EDITOR, Role.VIEWER);
			case NOBODY -> List.of(Role.ADMIN, Role.EDITOR, Role.VIEWER);
			default -> List.of();
		};
	}

	private void assertRefusedAnonymous(String endpoint, MvcResult result) {
		int status = result.getResponse().getStatus();
		if (path(endpoint).startsWith("/api/")) {
			assertThat(status).as(endpoint).isEqualTo(401);
		}
		else {
			assertThat(status).as(endpoint).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(endpoint).endsWith("/login");
		}
	}

	private MockHttpServletRequestBuilder requestFor(String endpoint, Role role) {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String url = path(endpoint).replaceAll("\\{[^}]+}", "1").replace("/**", "/liveness");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf("*".equals(method) ? "GET" : method), url);
		if (!url.startsWith("/api/")) {
			request.with(csrf());
			if (role != null) {
				UserDetails principal = this.userDetails.loadUserByUsername(this.usernames.get(role));
				request.with(user(principal));
			}
		}
		else if (role != null) {
			request.with(httpBasic(this.usernames.get(role), TestUsers.PASSWORD));
		}
		return request;
	}

	private static String path(String endpoint) {
		return endpoint.substring(endpoint.indexOf(' ') + 1);
	}

	private List<String> endpoints() {
		Set<String> endpoints = new java.util.TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						endpoints.add("* " + pattern);
					}
					for (RequestMethod method : methods) {
						endpoints.add(method.name() + " " + pattern);
					}
				}
			}
		}
		return new ArrayList<>(endpoints);
	}

}
