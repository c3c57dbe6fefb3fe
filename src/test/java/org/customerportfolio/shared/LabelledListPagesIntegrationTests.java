package org.customerportfolio.shared;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The configurable lists' pages: an administrator adds an entry, sees it, and a bad code
 * is refused with a message.
 */
@IntegrationTest
class LabelledListPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService userDetails;

	@ParameterizedTest
	@ValueSource(strings = { "/admin/business-types", "/admin/service-categories" })
	void administratorsAddEntriesAndBadCodesAreRefused(String path) throws Exception {
		UserSummary admin = TestUsers.create(this.accounts, Role.ADMIN, Language.EN);
		String code = "entry_" + System.nanoTime() % 100000;

		this.mvc
			.perform(post(path).with(as(admin))
				.with(csrf())
				.param("code", code)
				.param("labelNl", "Woningcorporatie")
				.param("labelEn", "Housing association"))
			.andExpect(redirectedUrl(path));
		this.mvc
			.perform(post(path).with(as(admin))
				.with(csrf())
				.param("code", "Not A Code")
				.param("labelNl", "x")
				.param("labelEn", "y"))
			.andExpect(flash().attribute("error", "list.code.invalid"));

		this.mvc.perform(get(path).with(as(admin)))
			.andExpect(content().string(allOf(containsString(code), containsString("Housing association"))));
		// an edit based on an old version is refused, not applied over someone else's
		this.mvc
			.perform(post(path + "/1").with(as(admin))
				.with(csrf())
				.param("version", "999")
				.param("labelNl", "Overschreven")
				.param("labelEn", "Overwritten")
				.param("position", "1"))
			.andExpect(flash().attribute("error", "edit.conflict.list"));
		this.mvc.perform(get(path).with(as(admin))).andExpect(content().string(not(containsString("Overwritten"))));
	}

	private RequestPostProcessor as(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
