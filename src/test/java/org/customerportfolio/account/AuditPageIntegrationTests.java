package org.customerportfolio.account;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators read the whole audit log, also for records that belong to no customer.
 */
@IntegrationTest
class AuditPageIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService userDetails;

	@Test
	void showsChangesToUsersAndListsWithWhoAndWhat() throws Exception {
		UserSummary admin = TestUsers.create(this.accounts, Role.ADMIN, Language.EN);
		UserSummary changed = TestUsers.create(this.accounts, Role.VIEWER);
		this.accounts.changeRole(changed.id(), Role.EDITOR, admin.username());

		this.mvc
			.perform(get("/admin/audit").param("subject", "USER")
				.with(user(this.userDetails.loadUserByUsername(admin.username()))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"audit-log\""), containsString("User changed"),
					containsString("Role"), containsString("Editor"), containsString(admin.username()))));
	}

}
