package org.customerportfolio.customer;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.IssuedToken;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST API as an integration uses it: JSON in and out, versions, problem details,
 * tokens.
 */
@IntegrationTest
class CustomerApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	private UserSummary editor;

	private UserSummary viewer;

	@BeforeEach
	void users() {
		this.editor = TestUsers.create(this.accounts, Role.EDITOR, Language.EN);
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER, Language.NL);
	}

	@Test
	void registersReadsAndChangesACustomer() throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/customers").with(as(this.editor)).contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "Gemeente Houten", "externalRef": "API-%d", "businessType": "municipal",
					 "country": "nl", "city": "Houten", "tags": ["overheid"]}
					""".formatted(System.nanoTime())))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.name").value("Gemeente Houten"))
			.andExpect(jsonPath("$.country").value("NL"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);

		this.mvc.perform(get(location).with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tags[0]").value("overheid"));
		this.mvc
			.perform(put(location).with(as(this.editor))
				.header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Gemeente Houten", "businessType": "municipal", "city": "Houten", "status": "ENDED"}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ENDED"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get(location + "/audit").with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].field", hasItem("status")));
	}

	@Test
	void refusesAStaleChangeWithWhatChangedSince() throws Exception {
		CustomerView customer = this.customers.register(CustomerMother.customer().inCity("Delft").details(), "x");
		String url = "/api/v1/customers/" + customer.id();
		this.mvc
			.perform(put(url).with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(customer, "Leiden", 0)))
			.andExpect(status().isOk());

		this.mvc
			.perform(put(url).with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(customer, "Gouda", 0)))
			.andExpect(status().isConflict())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.currentVersion").value(1))
			.andExpect(jsonPath("$.changes[?(@.field == 'city')].oldValue").value("Delft"))
			.andExpect(jsonPath("$.changes[?(@.field == 'city')].newValue").value("Leiden"))
			.andExpect(jsonPath("$.changes[?(@.field == 'city')].actor").value(this.editor.username()));
		this.mvc.perform(get(url).with(as(this.viewer))).andExpect(jsonPath("$.city").value("Leiden"));
	}

	@Test
	void requiresTheVersionAChangeIsBasedOn() throws Exception {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");

		this.mvc
			.perform(put("/api/v1/customers/" + customer.id()).with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"No version\"}"))
			.andExpect(status().isPreconditionRequired())
			.andExpect(jsonPath("$.detail", containsString("version")));
	}

	@Test
	void answersProblemDetailsWithFieldErrorsInTheCallersLanguage() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers").with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.content("{\"name\": \"\", \"website\": \"ftp://x\", \"vatNumber\": \"12\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("website")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("This field is required.")))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	@Test
	void refusesMalformedJsonWrongTypesAndContentTypes() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers").with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
		this.mvc
			.perform(post("/api/v1/customers").with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"X\", \"status\": \"SLEEPING\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc
			.perform(
					post("/api/v1/customers").with(as(this.editor)).contentType(MediaType.TEXT_PLAIN).content("name=X"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(get("/api/v1/customers/not-a-number").with(as(this.viewer)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/customers?sort=password,asc").with(as(this.viewer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void answersNotFoundForUnknownCustomersAndRefusesChangesToArchivedOnes() throws Exception {
		this.mvc.perform(get("/api/v1/customers/987654321").with(as(this.viewer)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Er is geen klant met nummer 987654321."));
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");
		this.mvc.perform(delete("/api/v1/customers/" + customer.id()).with(as(this.editor)))
			.andExpect(status().isNoContent());

		this.mvc
			.perform(post("/api/v1/customers/" + customer.id() + "/contacts").with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Piet\", \"role\": \"USER\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/customers/" + customer.id() + "/restore").with(as(this.editor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.archived").value(false));
	}

	@Test
	void managesContactsAndTeamMembers() throws Exception {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");
		String base = "/api/v1/customers/" + customer.id();

		this.mvc
			.perform(post(base + "/contacts").with(as(this.editor)).contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "Sanne Visser", "jobTitle": "Inkoper", "email": "sanne@example.nl",
					 "role": "GATEKEEPER"}
					"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.role").value("GATEKEEPER"));
		this.mvc
			.perform(post(base + "/team-members").with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": %d, \"role\": \"PROJECT_LEAD\"}".formatted(this.editor.id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.displayName").value(this.editor.displayName()));

		this.mvc.perform(get(base + "/contacts").with(as(this.viewer)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("Sanne Visser"));
		this.mvc.perform(get(base + "/team-members").with(as(this.viewer)))
			.andExpect(jsonPath("$[0].role").value("PROJECT_LEAD"));
	}

	@Test
	void pagesNeverAnswerMoreThanTheMaximumSize() throws Exception {
		this.mvc.perform(get("/api/v1/customers?size=100000").with(as(this.viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(200));
	}

	@Test
	void acceptsPersonalTokensAndRefusesRevokedOnes() throws Exception {
		IssuedToken token = this.accounts.issueToken(this.editor.id(), "integration");

		this.mvc.perform(get("/api/v1/business-types").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("contractor")));
		this.accounts.revokeToken(this.editor.id(), token.id());
		this.mvc.perform(get("/api/v1/business-types").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail", not(containsString(token.secret()))));
	}

	@Test
	void theApiNeedsNoCsrfTokenButNeverCreatesASession() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers").with(as(this.editor))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Sessionless\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("doc")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/customers']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/customers/{id}/contacts']").exists());
	}

	private static RequestPostProcessor as(UserSummary user) {
		return httpBasic(user.username(), TestUsers.PASSWORD);
	}

	private static String json(CustomerView customer, String city, long version) {
		return """
				{"name": "%s", "externalRef": "%s", "businessType": "%s", "city": "%s", "version": %d}
				""".formatted(customer.name(), customer.externalRef(), customer.businessType(), city, version);
	}

}
