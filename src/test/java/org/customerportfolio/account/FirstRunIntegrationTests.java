package org.customerportfolio.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh installation: no users, no default credentials, a setup page for the first
 * administrator that closes once one exists.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:first-run;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
		+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FirstRunIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Test
	void aFreshInstallationAsksForTheFirstAdministratorOnceOnly() throws Exception {
		assertThat(this.accounts.hasUsers()).isFalse();
		this.mvc.perform(get("/customers")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
		this.mvc.perform(get("/setup").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Welkom bij Klantportfolio")));

		this.mvc
			.perform(post("/setup").with(csrf())
				.param("username", "beheer")
				.param("password", "een-lang-wachtwoord")
				.param("passwordRepeat", "een-ander-wachtwoord")
				.param("language", "NL")
				.header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De twee wachtwoorden zijn niet gelijk.")));
		assertThat(this.accounts.hasUsers()).isFalse();

		this.mvc
			.perform(post("/setup").with(csrf())
				.param("username", "beheer")
				.param("password", "een-lang-wachtwoord")
				.param("passwordRepeat", "een-lang-wachtwoord")
				.param("language", "NL"))
			.andExpect(redirectedUrl("/login?lang=nl"));

		assertThat(this.accounts.users()).singleElement().satisfies((user) -> {
			assertThat(user.username()).isEqualTo("beheer");
			assertThat(user.role()).isEqualTo(Role.ADMIN);
		});
		this.mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/setup").with(csrf())
				.param("username", "indringer")
				.param("password", "een-lang-wachtwoord")
				.param("passwordRepeat", "een-lang-wachtwoord")
				.param("language", "EN"))
			.andExpect(redirectedUrl("/login"));
		assertThat(this.accounts.users()).hasSize(1);
	}

}
