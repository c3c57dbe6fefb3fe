package org.customerportfolio.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which failures are the database's: the exceptions the two drivers really throw, as
 * Spring and Spring Security wrap them.
 */
class DatabaseTroubleTests {

	@Test
	void aWriteOnAReadOnlyPostgresqlIsReadOnly() {
		// as the server sends it: severity, SQLSTATE, message
		var readOnly = new PSQLException(
				new ServerErrorMessage("SERROR\0C25006\0Mcannot execute INSERT in a read-only transaction\0"));
		assertThat(DatabaseTrouble.of(new UncategorizedSQLException("insert", "insert into customer", readOnly)))
			.hasValue(DatabaseTrouble.READ_ONLY);
	}

	@Test
	void aWriteOnAReadOnlyH2IsReadOnly() {
		SQLException readOnly = DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_READ_ONLY);
		assertThat(DatabaseTrouble.of(new UncategorizedSQLException("insert", "insert into customer", readOnly)))
			.hasValue(DatabaseTrouble.READ_ONLY);
	}

	@Test
	void aServerThatIsGoneOrShuttingDownIsUnavailable() {
		assertThat(DatabaseTrouble.of(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001"))))
			.hasValue(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new CannotCreateTransactionException("no transaction")))
			.hasValue(DatabaseTrouble.UNAVAILABLE);
		var broken = new PSQLException("An I/O error occurred while sending to the backend.",
				PSQLState.CONNECTION_FAILURE);
		assertThat(DatabaseTrouble.of(new UncategorizedSQLException("select", "select 1", broken)))
			.hasValue(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new UncategorizedSQLException("select", "select 1",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.hasValue(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_CLOSED)))
			.hasValue(DatabaseTrouble.UNAVAILABLE);
	}

	@Test
	void aConnectionThePoolClosedAfterItBrokeIsUnavailable() throws SQLException {
		var config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:closed-by-the-pool");
		try (var pool = new HikariDataSource(config)) {
			Connection connection = pool.getConnection();
			connection.close();
			assertThatExceptionOfType(SQLException.class).isThrownBy(connection::createStatement)
				.satisfies((closed) -> assertThat(DatabaseTrouble.of(closed)).hasValue(DatabaseTrouble.UNAVAILABLE));
		}
	}

	@Test
	void aFailedRollbackTellsTheFailureBeforeIt() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("rollback"));
		rollback.initApplicationException(new UncategorizedSQLException("insert", "insert into customer",
				new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
		assertThat(DatabaseTrouble.of(rollback)).hasValue(DatabaseTrouble.READ_ONLY);
	}

	@Test
	void aLoginTheDatabaseCouldNotCheckIsTheDatabasesTrouble() {
		var login = new InternalAuthenticationServiceException("lookup failed",
				new CannotGetJdbcConnectionException("no connection"));
		assertThat(DatabaseTrouble.of(login)).hasValue(DatabaseTrouble.UNAVAILABLE);
	}

	@Test
	void readOnlyWinsOverTheConnectionFailureAroundIt() {
		var readOnly = new SQLException("read-only", "25006");
		assertThat(DatabaseTrouble.of(new CannotCreateTransactionException("begin", readOnly)))
			.hasValue(DatabaseTrouble.READ_ONLY);
	}

	@Test
	void everythingElseIsNot() {
		assertThat(DatabaseTrouble.of(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isEmpty();
		assertThat(DatabaseTrouble.of(new IllegalStateException("a bug"))).isEmpty();
	}

}
