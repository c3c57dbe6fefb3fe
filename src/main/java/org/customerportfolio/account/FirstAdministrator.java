package org.customerportfolio.account;

import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator at start-up from {@code PORTFOLIO_ADMIN_USERNAME} and
 * {@code PORTFOLIO_ADMIN_PASSWORD}, for servers and scripts that cannot click through the
 * setup page. Ignored once any user exists.
 */
@Component
@EnableConfigurationProperties(FirstAdministrator.AdminProperties.class)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountManagement accounts;

	private final AdminProperties properties;

	FirstAdministrator(AccountManagement accounts, AdminProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = this.properties.username();
		String password = this.properties.password();
		if (username == null || username.isBlank() || password == null || this.accounts.hasUsers()) {
			return;
		}
		Language language = Language.fromCode(this.properties.language()).orElse(Language.EN);
		try {
			this.accounts.createFirstAdministrator(username, password, language);
		}
		catch (DataIntegrityViolationException ex) {
			if (!this.accounts.hasUsers()) {
				throw ex;
			}
			logger.info("The first administrator was created by another instance on the same database");
			return;
		}
		catch (RuleViolation ex) {
			if (this.accounts.hasUsers()) {
				logger.info("The first administrator was created by another instance on the same database");
				return;
			}
			throw new IllegalStateException(
					"PORTFOLIO_ADMIN_USERNAME / PORTFOLIO_ADMIN_PASSWORD cannot create the first "
							+ "administrator: the username must be 3 to 100 letters, digits or . _ @ -, and the password "
							+ AccountManagement.MIN_PASSWORD_LENGTH + " to " + AccountManagement.MAX_PASSWORD_LENGTH
							+ " characters (" + ex.code() + ")");
		}
		logger.info("Created the first administrator '{}' from PORTFOLIO_ADMIN_USERNAME", username);
	}

	@ConfigurationProperties("portfolio.admin")
	record AdminProperties(@Nullable String username, @Nullable String password, @Nullable String language) {
	}

}
