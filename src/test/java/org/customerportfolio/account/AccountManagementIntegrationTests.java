package org.customerportfolio.account;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.audit.AuditEntry;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Users, passwords, lockout and API tokens against the real database.
 */
@IntegrationTest
@Tag("persistence")
class AccountManagementIntegrationTests {

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private AuditLog audit;

	@Test
	void storesPasswordsHashedAndUsernamesInLowerCase() {
		UserSummary user = this.accounts.createUser(new NewUser("Marieke.Bos" + System.nanoTime(), "Marieke Bos",
				"a-long-enough-secret", Role.EDITOR, Language.NL), "test");

		String hash = this.jdbc.sql("select password_hash from app_user where id = ?")
			.param(user.id())
			.query(String.class)
			.single();
		assertThat(user.username()).isLowerCase();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("a-long-enough-secret");
	}

	@Test
	void refusesShortPasswordsTakenAndMalformedUsernames() {
		UserSummary existing = TestUsers.create(this.accounts, Role.VIEWER);

		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.accounts
				.createUser(new NewUser("kort" + System.nanoTime(), null, "short", Role.VIEWER, Language.EN), "test"))
			.extracting(RuleViolation::code)
			.isEqualTo("user.password.invalid");
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> this.accounts.createUser(
				new NewUser(existing.username().toUpperCase(), null, TestUsers.PASSWORD, Role.VIEWER, Language.EN),
				"test"))
			.extracting(RuleViolation::code)
			.isEqualTo("user.username.taken");
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.accounts
				.createUser(new NewUser("<script>", null, TestUsers.PASSWORD, Role.VIEWER, Language.EN), "test"))
			.extracting(RuleViolation::code)
			.isEqualTo("user.username.invalid");
	}

	@Test
	void locksAnAccountAfterRepeatedWrongPasswordsEvenForTheRightOne() {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);
		AuthenticationManager manager = authenticationManager();

		for (int attempt = 0; attempt < UserAccount.FAILURES_BEFORE_LOCK; attempt++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> manager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.username(), "wrong-password")));
		}

		assertThatExceptionOfType(LockedException.class).isThrownBy(() -> manager
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.username(), TestUsers.PASSWORD)));
		this.accounts.enable(user.id(), "test");
		assertThat(manager
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.username(), TestUsers.PASSWORD))
			.isAuthenticated()).isTrue();
	}

	@Test
	void keepsAtLeastOneEnabledAdministrator() {
		UserSummary admin = TestUsers.create(this.accounts, Role.ADMIN);
		for (UserSummary other : this.accounts.users()) {
			if (other.role() == Role.ADMIN && other.id() != admin.id() && other.enabled()) {
				this.accounts.disable(other.id(), "test");
			}
		}

		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> this.accounts.disable(admin.id(), "test"))
			.extracting(RuleViolation::code)
			.isEqualTo("user.lastAdministrator");
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.accounts.changeRole(admin.id(), Role.VIEWER, "test"));
		this.accounts.users()
			.stream()
			.filter((user) -> user.role() == Role.ADMIN && !user.enabled())
			.forEach((user) -> this.accounts.enable(user.id(), "test"));
	}

	@Test
	void issuesTokensThatAreStoredHashedAndStopWorkingWhenRevoked() {
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);

		IssuedToken token = this.accounts.issueToken(user.id(), "nightly invoice export");

		String stored = this.jdbc.sql("select token_hash from api_token where id = ?")
			.param(token.id())
			.query(String.class)
			.single();
		assertThat(token.secret()).startsWith("cpt_").hasSizeGreaterThan(40);
		assertThat(stored).isEqualTo(AccountManagement.hash(token.secret())).doesNotContain(token.secret());
		assertThat(this.accounts.authenticateToken(token.secret())).map(PortfolioUser::getUsername)
			.contains(user.username());
		assertThat(this.accounts.tokens(user.id())).singleElement()
			.satisfies((view) -> assertThat(view.lastUsedAt()).isNotNull());

		this.accounts.revokeToken(user.id(), token.id());

		assertThat(this.accounts.authenticateToken(token.secret())).isEmpty();
		assertThat(this.accounts.authenticateToken("cpt_made-up")).isEmpty();
	}

	@Test
	void aDisabledUsersTokensStopWorking() {
		UserSummary user = TestUsers.create(this.accounts, Role.EDITOR);
		IssuedToken token = this.accounts.issueToken(user.id(), "sync");

		this.accounts.disable(user.id(), "test");

		assertThat(this.accounts.authenticateToken(token.secret())).isEmpty();
	}

	@Test
	void changingOwnPasswordNeedsTheCurrentOne() {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);

		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.accounts.changeOwnPassword(user.id(), "not-the-password", "another-long-secret"))
			.extracting(RuleViolation::code)
			.isEqualTo("account.password.wrong");
		this.accounts.changeOwnPassword(user.id(), TestUsers.PASSWORD, "another-long-secret");
		String hash = this.jdbc.sql("select password_hash from app_user where id = ?")
			.param(user.id())
			.query(String.class)
			.single();
		assertThat(this.passwordEncoder.matches("another-long-secret", hash)).isTrue();
	}

	@Test
	void recordsChangesToUsersInTheAuditLog() {
		UserSummary user = TestUsers.create(this.accounts, Role.VIEWER);

		this.accounts.changeRole(user.id(), Role.EDITOR, "the-admin");
		this.accounts.resetPassword(user.id(), "a-brand-new-secret", "the-admin");

		assertThat(this.audit.ofSubject(AccountManagement.USER_SUBJECT, user.id(), 10)).satisfies((entries) -> {
			assertThat(entries).anySatisfy((entry) -> {
				assertThat(entry.field()).isEqualTo("user.role");
				assertThat(entry.oldValue()).isEqualTo("VIEWER");
				assertThat(entry.newValue()).isEqualTo("EDITOR");
				assertThat(entry.actor()).isEqualTo("the-admin");
			});
			assertThat(entries).extracting(AuditEntry::action).contains("CREATED", "PASSWORD_RESET");
			assertThat(entries).extracting(AuditEntry::newValue).doesNotContain("a-brand-new-secret");
		});
	}

	private AuthenticationManager authenticationManager() {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(this.userDetails);
		provider.setPasswordEncoder(this.passwordEncoder);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(this.events));
		return manager;
	}

}
