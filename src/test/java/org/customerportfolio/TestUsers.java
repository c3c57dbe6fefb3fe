package org.customerportfolio;

import java.util.concurrent.atomic.AtomicInteger;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.NewUser;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.shared.Language;

/**
 * Creates users with unique names for tests that share a database.
 */
public final class TestUsers {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger counter = new AtomicInteger();

	private TestUsers() {
	}

	public static UserSummary create(AccountManagement accounts, Role role) {
		return create(accounts, role, Language.EN);
	}

	public static UserSummary create(AccountManagement accounts, Role role, Language language) {
		String username = role.name().toLowerCase() + "-" + System.nanoTime() % 100000 + "-"
				+ counter.incrementAndGet();
		return accounts.createUser(new NewUser(username, "Test " + username, PASSWORD, role, language), "test");
	}

}
