package org.customerportfolio.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins so that an account locks for a while after repeated wrong
 * passwords.
 */
@Component
class LoginAttempts {

	private final AccountManagement accounts;

	LoginAttempts(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		this.accounts.loginFailed(event.getAuthentication().getName());
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PortfolioUser user) {
			this.accounts.loginSucceeded(user.getUsername());
		}
	}

}
