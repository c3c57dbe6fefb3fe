package org.customerportfolio.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes users and their API tokens, and keeps the rules that guard them:
 * unique usernames, decent passwords, always at least one enabled administrator.
 */
@Service
@Transactional
public class AccountManagement {

	static final int MIN_PASSWORD_LENGTH = 10;

	static final int MAX_PASSWORD_LENGTH = 128;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,100}");

	private static final String TOKEN_PREFIX = "cpt_";

	/** How exactly a token's "last used" is kept. */
	private static final Duration TOKEN_USE_PRECISION = Duration.ofMinutes(1);

	/** How the audit log names a user as the subject of a change. */
	public static final String USER_SUBJECT = "USER";

	private final Users users;

	private final ApiTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final SessionTermination sessions;

	private final AuditLog audit;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	AccountManagement(Users users, ApiTokens tokens, PasswordEncoder passwordEncoder, Clock clock,
			SessionTermination sessions, AuditLog audit, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.users = users;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.sessions = sessions;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public boolean hasUsers() {
		return this.users.count() > 0;
	}

	/**
	 * Creates the first administrator of a fresh installation; refused once any user
	 * exists.
	 */
	public UserSummary createFirstAdministrator(String username, String password, Language language) {
		if (hasUsers()) {
			throw new RuleViolation(null, "setup.done");
		}
		return createUser(new NewUser(username, null, password, Role.ADMIN, language), "setup");
	}

	public UserSummary createUser(NewUser user, String actor) {
		String username = UserAccount.normalise(user.username());
		if (!USERNAME.matcher(username).matches()) {
			throw new RuleViolation("username", "user.username.invalid");
		}
		if (this.users.findByUsername(username).isPresent()) {
			throw new RuleViolation("username", "user.username.taken");
		}
		checkPassword("password", user.password());
		UserAccount account = UserAccount.create(username, user.fullName(),
				this.passwordEncoder.encode(user.password()), user.role(), user.language(), this.clock.instant());
		UserAccount saved = this.users.save(account);
		this.audit.recordChanges(subject(saved, actor), "CREATED", Map.of(), snapshot(saved));
		return saved.summary();
	}

	@Transactional(readOnly = true)
	public List<UserSummary> users() {
		return this.users.findAllByOrderByUsername().stream().map(UserAccount::summary).toList();
	}

	@Transactional(readOnly = true)
	public List<UserSummary> enabledUsers() {
		return this.users.findAllByOrderByUsername()
			.stream()
			.filter(UserAccount::enabled)
			.map(UserAccount::summary)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> user(long id) {
		return this.users.findById(id).map(UserAccount::summary);
	}

	public void changeRole(long userId, Role role, String actor) {
		UserAccount user = existing(userId);
		Map<String, String> before = snapshot(user);
		if (user.role() == Role.ADMIN && role != Role.ADMIN) {
			requireAnotherAdministrator(user);
		}
		user.changeRole(role);
		this.audit.recordChanges(subject(this.users.save(user), actor), "UPDATED", before, snapshot(user));
		this.sessions.endSessionsOf(user.username());
	}

	public void rename(long userId, @Nullable String fullName, String actor) {
		UserAccount user = existing(userId);
		Map<String, String> before = snapshot(user);
		user.rename(fullName);
		this.audit.recordChanges(subject(this.users.save(user), actor), "UPDATED", before, snapshot(user));
	}

	public void disable(long userId, String actor) {
		UserAccount user = existing(userId);
		Map<String, String> before = snapshot(user);
		if (user.role() == Role.ADMIN) {
			requireAnotherAdministrator(user);
		}
		user.disable();
		this.audit.recordChanges(subject(this.users.save(user), actor), "UPDATED", before, snapshot(user));
		this.sessions.endSessionsOf(user.username());
	}

	public void enable(long userId, String actor) {
		UserAccount user = existing(userId);
		Map<String, String> before = snapshot(user);
		user.enable();
		this.audit.recordChanges(subject(this.users.save(user), actor), "UPDATED", before, snapshot(user));
	}

	/**
	 * An administrator sets a new password for a user; the user's open sessions end.
	 */
	public void resetPassword(long userId, String newPassword, String actor) {
		UserAccount user = setPassword(userId, newPassword);
		this.audit.recordAction(subject(user, actor), "PASSWORD_RESET");
		this.sessions.endSessionsOf(user.username());
	}

	public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
		changeOwnPassword(userId, currentPassword, newPassword, null);
	}

	/**
	 * The user changes their own password; their other sessions end (a stolen one among
	 * them), the one they use stays.
	 */
	public void changeOwnPassword(long userId, String currentPassword, String newPassword,
			@Nullable String currentSession) {
		UserAccount user = existing(userId);
		if (!this.passwordEncoder.matches(currentPassword, user.passwordHash())) {
			throw new RuleViolation("currentPassword", "account.password.wrong");
		}
		UserAccount changed = setPassword(userId, newPassword);
		this.audit.recordAction(subject(changed, changed.username()), "PASSWORD_CHANGED");
		this.sessions.endSessionsOf(changed.username(), currentSession);
	}

	private UserAccount setPassword(long userId, String newPassword) {
		checkPassword("newPassword", newPassword);
		UserAccount user = existing(userId);
		user.changePassword(this.passwordEncoder.encode(newPassword));
		return this.users.save(user);
	}

	/**
	 * Switches the user's language; answers the principal to put in the security context.
	 */
	public PortfolioUser changeLanguage(long userId, Language language) {
		UserAccount user = existing(userId);
		user.changeLanguage(language);
		return principal(this.users.save(user));
	}

	/** A token that may do everything the user's role allows. */
	public IssuedToken issueToken(long userId, String name) {
		return issueToken(userId, name, TokenScope.WRITE);
	}

	public IssuedToken issueToken(long userId, String name, TokenScope scope) {
		existing(userId);
		String trimmed = name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new RuleViolation("name", "token.name.invalid");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = this.tokens
			.save(ApiToken.issue(userId, trimmed, hash(secret), secret.substring(0, 8), this.clock.instant(), scope));
		UserAccount owner = existing(userId);
		this.audit.recordChanges(subject(owner, owner.username()), "TOKEN_ISSUED", Map.of(),
				Map.of("token", trimmed, "token.scope", scope.name()));
		return new IssuedToken(token.view().id(), trimmed, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> tokens(long userId) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(userId).stream().map(ApiToken::view).toList();
	}

	public void revokeToken(long userId, long tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter((candidate) -> candidate.userId() == userId)
			.orElseThrow(() -> new NotFoundException("token.notFound"));
		token.revoke(this.clock.instant());
		this.tokens.save(token);
		UserAccount owner = existing(userId);
		this.audit.recordChanges(subject(owner, owner.username()), "TOKEN_REVOKED",
				Map.of("token", token.view().name()), Map.of("token", ""));
	}

	/**
	 * The enabled user behind an active token, if the secret belongs to one.
	 */
	public Optional<PortfolioUser> authenticateToken(String secret) {
		return scopedToken(secret).map(ScopedUser::user);
	}

	/** The user behind an active token, with what the token may do. */
	record ScopedUser(PortfolioUser user, TokenScope scope) {
	}

	Optional<ScopedUser> scopedToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(hash(secret)).filter(ApiToken::isActive).flatMap((token) -> {
			// "last used" to the minute: a script calling often writes once a
			// minute, and reads go on while the database is read-only. A targeted
			// update: saving the whole token could undo a revocation made meanwhile.
			Instant now = this.clock.instant();
			Instant lastUsed = token.view().lastUsedAt();
			if (lastUsed == null || lastUsed.isBefore(now.minus(TOKEN_USE_PRECISION))) {
				this.jdbc.sql("update api_token set last_used_at = :at where id = :id and revoked_at is null")
					.param("at", java.sql.Timestamp.from(now))
					.param("id", token.view().id())
					.update();
			}
			return this.users.findById(token.userId())
				.filter(UserAccount::enabled)
				.map((user) -> new ScopedUser(principal(user), token.scope()));
		});
	}

	@Transactional(readOnly = true)
	Optional<PortfolioUser> principal(String username) {
		return this.users.findByUsername(UserAccount.normalise(username)).map(this::principalWithPassword);
	}

	/**
	 * Counts a failed login; the fifth in a row locks the account for a while. Targeted
	 * updates, so that concurrent logins neither lose counts nor collide with an
	 * administrator's edit of the user.
	 */
	void loginFailed(String username) {
		String name = UserAccount.normalise(username);
		this.jdbc.sql("update app_user set failed_logins = failed_logins + 1 where username = :name")
			.param("name", name)
			.update();
		this.jdbc.sql("""
				update app_user set failed_logins = 0, locked_until = :until
				where username = :name and failed_logins >= :limit
				""")
			.param("until", java.sql.Timestamp.from(this.clock.instant().plus(UserAccount.LOCK_DURATION)))
			.param("name", name)
			.param("limit", UserAccount.FAILURES_BEFORE_LOCK)
			.update();
	}

	/**
	 * Clears the failed logins a user had. Asked first, so that the usual login — nothing
	 * to clear — writes nothing: it then also works while the database is read-only.
	 */
	void loginSucceeded(String username) {
		String name = UserAccount.normalise(username);
		boolean failedBefore = this.jdbc.sql("""
				select count(*) from app_user
				where username = :name and (failed_logins <> 0 or locked_until is not null)
				""").param("name", name).query(Long.class).single() > 0;
		if (failedBefore) {
			this.jdbc.sql("""
					update app_user set failed_logins = 0, locked_until = null
					where username = :name and (failed_logins <> 0 or locked_until is not null)
					""").param("name", name).update();
		}
	}

	private static Subject subject(UserAccount user, String actor) {
		return new Subject(USER_SUBJECT, user.id(), user.version(), null, actor);
	}

	private static Map<String, String> snapshot(UserAccount user) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("user.username", user.username());
		values.put("user.fullName", Objects.toString(user.fullName(), ""));
		values.put("user.role", user.role().name());
		values.put("user.enabled", String.valueOf(user.enabled()));
		return values;
	}

	private PortfolioUser principal(UserAccount user) {
		return new PortfolioUser(user.id(), user.username(), user.fullName(), user.role(), user.language(), null,
				user.enabled(), user.isLocked(this.clock.instant()));
	}

	private PortfolioUser principalWithPassword(UserAccount user) {
		return new PortfolioUser(user.id(), user.username(), user.fullName(), user.role(), user.language(),
				user.passwordHash(), user.enabled(), user.isLocked(this.clock.instant()));
	}

	private UserAccount existing(long userId) {
		return this.users.findById(userId).orElseThrow(() -> new NotFoundException("user.notFound", userId));
	}

	private void requireAnotherAdministrator(UserAccount user) {
		boolean another = this.users.findAll()
			.stream()
			.anyMatch((other) -> other.id() != user.id() && other.role() == Role.ADMIN && other.enabled());
		if (!another) {
			throw new RuleViolation("role", "user.lastAdministrator");
		}
	}

	private static void checkPassword(String field, @Nullable String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH
				|| password.isBlank()) {
			throw new RuleViolation(field, "user.password.invalid", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
		}
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
