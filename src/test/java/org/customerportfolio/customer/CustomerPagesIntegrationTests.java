package org.customerportfolio.customer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer pages as a browser sends and receives them: forms, messages in the user's
 * language, conflicts, escaping and headers.
 */
@IntegrationTest
class CustomerPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private UserDetailsService userDetails;

	@Test
	void registersACustomerFromTheForm() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		String reference = "FORM-" + System.nanoTime();

		this.mvc
			.perform(post("/customers").with(as(editor))
				.with(csrf())
				.param("name", "Adviesbureau Smit")
				.param("externalRef", reference)
				.param("businessType", "consultant")
				.param("status", "ACTIVE")
				.param("country", "BE")
				.param("tags", "kennis, regio zuid")
				.param("accountManagerId", String.valueOf(editor.id())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/customers/*"));

		CustomerView saved = this.customers
			.search(new CustomerFilter(reference, null, null, null, null, false),
					org.customerportfolio.shared.PageQuery.of(0, 5, null, CustomerManagement.sortableFields(), "name"))
			.content()
			.get(0);
		assertThat(saved.tags()).containsExactly("kennis", "regio zuid");
		assertThat(saved.country()).isEqualTo("BE");
	}

	@Test
	void showsFieldErrorsInTheUsersLanguageAndSavesNothing() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR, Language.NL);

		this.mvc
			.perform(post("/customers").with(as(editor))
				.with(csrf())
				.param("name", "")
				.param("vatNumber", "123")
				.param("website", "niet een adres")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Dit veld is verplicht."),
					containsString("Een btw-nummer begint met een landcode"),
					containsString("Een website is een webadres"), containsString("Verbeter de gemarkeerde velden."))));
	}

	@Test
	void writesDatesAndNumbersTheDutchWay() throws Exception {
		UserSummary dutch = TestUsers.create(this.accounts, Role.VIEWER, Language.NL);
		UserSummary english = TestUsers.create(this.accounts, Role.VIEWER, Language.EN);
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

		this.mvc.perform(get("/customers/" + customer.id()).with(as(dutch)))
			.andExpect(content().string(allOf(containsString(DateTimeFormatter.ofPattern("dd-MM-yyyy").format(today)),
					containsString("Laatst gewijzigd"), containsString("Contactpersonen"))));
		this.mvc.perform(get("/customers/" + customer.id()).with(as(english)))
			.andExpect(content().string(
					allOf(containsString(DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK).format(today)),
							containsString("Last changed"))));
	}

	@Test
	void aStaleSaveShowsTheOtherPersonsChangesAndKeepsTheUsersValues() throws Exception {
		UserSummary anna = TestUsers.create(this.accounts, Role.EDITOR);
		UserSummary bram = TestUsers.create(this.accounts, Role.EDITOR);
		CustomerView customer = this.customers.register(CustomerMother.customer().inCity("Arnhem").details(), "x");
		this.mvc.perform(edit(customer, anna, "Nijmegen", "Anna's notes")).andExpect(status().is3xxRedirection());

		this.mvc.perform(edit(customer, bram, "Arnhem", "Bram's notes"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"conflict\""), containsString("Nijmegen"),
					containsString(anna.username()), containsString("Bram&#39;s notes"),
					containsString("Save my values on the current version"))));
		assertThat(this.customers.customer(customer.id()).city()).isEqualTo("Nijmegen");
	}

	@Test
	void escapesWhatUsersTyped() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		CustomerView customer = this.customers
			.register(CustomerMother.customer().named("<script>alert(1)</script>").details(), "x");

		this.mvc.perform(get("/customers/" + customer.id()).with(as(viewer)))
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
					not(containsString("<script>alert(1)</script>")))));
		this.mvc.perform(get("/customers").param("q", "<script>").with(as(viewer)))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void viewersSeeNoEditingActionsAndCannotPost() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");

		this.mvc.perform(get("/customers/" + customer.id()).with(as(viewer)))
			.andExpect(content().string(allOf(not(containsString("id=\"edit-customer\"")),
					not(containsString("id=\"archive-customer\"")), not(containsString("id=\"add-contact\"")))));
		this.mvc.perform(post("/customers/" + customer.id() + "/archive").with(as(viewer)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.customers.customer(customer.id()).archived()).isFalse();
	}

	@Test
	void refusesFormsWithoutTheCsrfToken() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");

		this.mvc.perform(post("/customers/" + customer.id() + "/archive").with(as(editor)))
			.andExpect(status().isForbidden());
		assertThat(this.customers.customer(customer.id()).archived()).isFalse();
	}

	@Test
	void answersAnUnknownCustomerWithAPageThatSaysSo() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER, Language.NL);

		this.mvc.perform(get("/customers/987654321").with(as(viewer)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Er is geen klant met nummer 987654321.")));
		this.mvc.perform(get("/customers/abc").with(as(viewer))).andExpect(status().isBadRequest());
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);

		this.mvc.perform(get("/customers").with(as(viewer)))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void theListShowsTheActivePortfolioUnlessAnotherStatusIsChosen() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		String city = "Listdorp" + System.nanoTime();
		CustomerView active = this.customers
			.register(CustomerMother.customer().named("Actief " + city).inCity(city).details(), "x");
		CustomerDetails ended = CustomerMother.customer().named("Voormalig " + city).inCity(city).details();
		CustomerView former = this.customers.register(new CustomerDetails(ended.name(), ended.externalRef(),
				ended.businessType(), ended.registrationNumber(), ended.vatNumber(), ended.country(), ended.city(),
				ended.website(), CustomerStatus.ENDED, ended.tags(), ended.notes(), ended.accountManagerId()), "x");

		this.mvc.perform(get("/customers").param("q", city).with(as(viewer)))
			.andExpect(content().string(allOf(containsString(active.name()), not(containsString(former.name())))));
		this.mvc.perform(get("/customers").param("q", city).param("status", "").with(as(viewer)))
			.andExpect(content().string(allOf(containsString(active.name()), containsString(former.name()))));
		this.mvc.perform(get("/customers").param("q", city).param("status", "ENDED").with(as(viewer)))
			.andExpect(content().string(allOf(not(containsString(active.name())), containsString(former.name()))));
	}

	@Test
	void theListAnswersAFragmentToHtmx() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "x");

		this.mvc
			.perform(get("/customers").param("q", customer.externalRef()).header("HX-Request", "true").with(as(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"results\""), containsString(customer.name()),
					not(containsString("<html")))));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit(CustomerView customer,
			UserSummary user, String city, String notes) {
		return post("/customers/" + customer.id()).with(as(user))
			.with(csrf())
			.param("name", customer.name())
			.param("externalRef", customer.externalRef())
			.param("businessType", customer.businessType())
			.param("status", "ACTIVE")
			.param("city", city)
			.param("notes", notes)
			.param("version", String.valueOf(customer.version()));
	}

	private RequestPostProcessor as(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
