package org.customerportfolio.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins so that an account locks for a while after repeated wrong
 * passwords, and so that an address that keeps failing (trying many accounts, each below
 * its own limit) is refused for a while. The count per address lives in this instance's
 * memory: it is a brake on guessing, the lock per account (in the database) is the guard.
 */
@Component
class LoginAttempts {

	/**
	 * Failed logins from one address within {@link #ADDRESS_WINDOW} before it is refused.
	 */
	static final int FAILURES_PER_ADDRESS = 20;

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	/** More addresses than this are tidied up, so that a flood cannot fill the memory. */
	private static final int MAX_ADDRESSES = 10_000;

	private final AccountManagement accounts;

	private final Clock clock;

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	/** Failures from one address since the first of its current window. */
	private record Failures(int count, Instant since) {
	}

	LoginAttempts(AccountManagement accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		this.accounts.loginFailed(event.getAuthentication().getName());
		String address = address(event.getAuthentication().getDetails());
		if (address != null) {
			failedFrom(address);
		}
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PortfolioUser user) {
			this.accounts.loginSucceeded(user.getUsername());
		}
	}

	/** Whether logins from this address are refused for now. */
	boolean blocked(String address) {
		Failures failures = this.byAddress.get(address);
		return failures != null && failures.count() >= FAILURES_PER_ADDRESS && current(failures, this.clock.instant());
	}

	private void failedFrom(String address) {
		Instant now = this.clock.instant();
		if (this.byAddress.size() > MAX_ADDRESSES) {
			this.byAddress.values().removeIf((failures) -> !current(failures, now));
		}
		this.byAddress.merge(address, new Failures(1, now),
				(old, one) -> current(old, now) ? new Failures(old.count() + 1, old.since()) : one);
	}

	private static boolean current(Failures failures, Instant now) {
		return failures.since().plus(ADDRESS_WINDOW).isAfter(now);
	}

	private static @Nullable String address(@Nullable Object details) {
		return (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
	}

}
