package org.customerportfolio.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PORTFOLIO_ADMIN_USERNAME} and {@code PORTFOLIO_ADMIN_PASSWORD} create the first
 * administrator at start-up.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:admin-from-env;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"portfolio.admin.username=ops", "portfolio.admin.password=from-the-environment",
		"portfolio.admin.language=nl" })
@ActiveProfiles("test")
class AdministratorFromEnvironmentIntegrationTests {

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private FirstAdministrator firstAdministrator;

	@Test
	void createsTheFirstAdministratorAtStartUpAndIgnoresTheSettingOnceUsersExist() throws Exception {
		assertThat(this.accounts.users()).singleElement().satisfies((user) -> {
			assertThat(user.username()).isEqualTo("ops");
			assertThat(user.role()).isEqualTo(Role.ADMIN);
			assertThat(user.language().code()).isEqualTo("nl");
		});

		this.firstAdministrator.run(null);

		assertThat(this.accounts.users()).hasSize(1);
	}

}
