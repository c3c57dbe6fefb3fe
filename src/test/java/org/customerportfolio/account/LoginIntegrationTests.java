package org.customerportfolio.account;

import jakarta.servlet.http.Cookie;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Logging in through the form: sessions kept in the database, lockout after repeated
 * failures, the language following the user, sessions ended when access is taken away.
 */
@IntegrationTest
@Tag("persistence")
class LoginIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aLoginLivesInTheDatabaseSoAnyInstanceKnowsIt() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);

		Cookie session = login(user.username(), TestUsers.PASSWORD);

		long sessions = this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(user.username())
			.query(Long.class)
			.single();
		assertThat(sessions).isEqualTo(1);
		this.mvc.perform(get("/customers").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/customers").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aWrongPasswordAndAnUnknownUserFailTheSameWay() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);

		this.mvc.perform(post("/login").with(csrf()).param("username", user.username()).param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").with(csrf()).param("username", "nobody-here").param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void repeatedFailuresLockTheAccountForAWhile() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		for (int attempt = 0; attempt < UserAccount.FAILURES_BEFORE_LOCK; attempt++) {
			this.mvc.perform(post("/login").with(csrf()).param("username", user.username()).param("password", "wrong"));
		}

		this.mvc.perform(
				post("/login").with(csrf()).param("username", user.username()).param("password", TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login?error"))
			.andExpect(content().string(containsString("or locked for a while after repeated attempts")));
	}

	@Test
	void theInterfaceFollowsTheLanguageTheUserPicks() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER, Language.EN);
		Cookie session = login(user.username(), TestUsers.PASSWORD);
		this.mvc.perform(get("/customers").cookie(session)).andExpect(content().string(containsString("Customers")));

		this.mvc
			.perform(post("/account/language").cookie(session)
				.with(csrf())
				.param("language", "nl")
				.param("returnTo", "/customers"))
			.andExpect(redirectedUrl("/customers"));

		this.mvc.perform(get("/customers").cookie(session))
			.andExpect(content().string(containsString("Zoek op naam, klantnummer of plaats")));
		assertThat(this.accounts.user(user.id())).map(UserSummary::language).contains(Language.NL);
	}

	@Test
	void disablingAUserEndsTheirSessions() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);
		Cookie session = login(user.username(), TestUsers.PASSWORD);

		this.accounts.disable(user.id(), "test");

		this.mvc.perform(get("/customers").cookie(session)).andExpect(status().is3xxRedirection());
		this.mvc.perform(
				post("/login").with(csrf()).param("username", user.username()).param("password", TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void languageChangesOnlyReturnToPagesOfThisSite() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		Cookie session = login(user.username(), TestUsers.PASSWORD);

		this.mvc
			.perform(post("/account/language").cookie(session)
				.with(csrf())
				.param("language", "en")
				.param("returnTo", "//evil.example.com/"))
			.andExpect(redirectedUrl("/account"));
		this.mvc
			.perform(post("/account/language").cookie(session)
				.with(csrf())
				.param("language", "en")
				.param("returnTo", "/\t/evil.example.com/"))
			.andExpect(redirectedUrl("/account"));
		this.mvc
			.perform(post("/account/language").cookie(session)
				.with(csrf())
				.param("language", "en")
				.param("returnTo", "/customers?q=a%20b"))
			.andExpect(redirectedUrl("/customers?q=a%20b"));
	}

	@Test
	void changingYourPasswordEndsYourOtherSessionsButNotThisOne() throws Exception {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		Cookie stolen = login(user.username(), TestUsers.PASSWORD);
		Cookie mine = login(user.username(), TestUsers.PASSWORD);

		this.mvc
			.perform(post("/account/password").cookie(mine)
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "a-new-long-password")
				.param("newPasswordRepeat", "a-new-long-password"))
			.andExpect(redirectedUrl("/account"));

		this.mvc.perform(get("/customers").cookie(mine)).andExpect(status().isOk());
		this.mvc.perform(get("/customers").cookie(stolen)).andExpect(status().is3xxRedirection());
	}

	private Cookie login(String username, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

}
