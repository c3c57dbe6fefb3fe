package org.customerportfolio.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that failed because of the database rather than of itself: the server cannot
 * be reached (restarting, network, a closed H2 file) or it takes no changes (read-only,
 * for example a standby after a fail-over). Both are answered with 503 and a message that
 * says nothing was saved, instead of the generic 500; the request can be tried again.
 */
public enum DatabaseTrouble {

	/** The database cannot be reached or has closed itself. */
	UNAVAILABLE("problem.databaseUnavailable"),

	/** The database answers but refuses every change. */
	READ_ONLY("problem.databaseReadOnly");

	/** How long a client is told to wait before it tries again. */
	public static final int RETRY_AFTER_SECONDS = 30;

	/**
	 * PostgreSQL: a write in a read-only transaction (hot standby, or read-only by
	 * default).
	 */
	private static final String POSTGRES_READ_ONLY = "25006";

	/** H2: "The database is read only". */
	private static final int H2_READ_ONLY = 90097;

	/** H2: "Database is already closed" — after a fatal error such as a full disk. */
	private static final int H2_CLOSED = 90098;

	private static final String HIKARI_PROXY_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection";

	private final String messageCode;

	DatabaseTrouble(String messageCode) {
		this.messageCode = messageCode;
	}

	/** The message bundle key that explains the trouble to a user. */
	public String messageCode() {
		return this.messageCode;
	}

	/**
	 * The database trouble behind a failure, found anywhere in its causes, if any. A
	 * read-only refusal wins over the connection failure a driver may wrap around it.
	 */
	public static Optional<DatabaseTrouble> of(Throwable failure) {
		@Nullable DatabaseTrouble found = null;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
			@Nullable DatabaseTrouble trouble = (cause instanceof SQLException sql) ? of(sql) : null;
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				// the rollback failed too, on a broken connection: the first one tells
				trouble = of(rollback.getApplicationException()).orElse(null);
			}
			if (trouble == READ_ONLY) {
				return Optional.of(READ_ONLY);
			}
			if (trouble == UNAVAILABLE || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				found = UNAVAILABLE;
			}
		}
		return Optional.ofNullable(found);
	}

	private static @Nullable DatabaseTrouble of(SQLException sql) {
		String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
		if (POSTGRES_READ_ONLY.equals(state) || sql.getErrorCode() == H2_READ_ONLY) {
			return READ_ONLY;
		}
		// 08: connection exceptions; 57P01-03: the server stopping, crashed, starting
		if (state.startsWith("08") || state.startsWith("57P") || sql.getErrorCode() == H2_CLOSED
				|| sql instanceof SQLRecoverableException || sql instanceof SQLNonTransientConnectionException
				|| sql instanceof SQLTransientConnectionException || closedByThePool(sql)) {
			return UNAVAILABLE;
		}
		return null;
	}

	/**
	 * HikariCP's answer for a connection it has already closed because it broke
	 * ("Connection is closed", without a SQL state): what a request meets that was using
	 * the connection when the server went away.
	 */
	private static boolean closedByThePool(SQLException sql) {
		StackTraceElement[] trace = sql.getStackTrace();
		return sql.getSQLState() == null && trace.length > 0
				&& trace[0].getClassName().startsWith(HIKARI_PROXY_CONNECTION);
	}

}
