package org.customerportfolio.shared;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that fails on the database says what is wrong and what to do.
 */
class DatabaseTroubleFailureAnalyzerTests {

	private final DatabaseTroubleFailureAnalyzer analyzer = new DatabaseTroubleFailureAnalyzer();

	@Test
	void aReadOnlyDatabaseIsNamedWithWhatToCheck() {
		var failure = new BeanCreationException("importRecovery",
				new UncategorizedSQLException("update", "update invoice_import set status = 'FAILED'",
						DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_READ_ONLY)));
		var analysis = this.analyzer.analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("The database is read-only")
			.contains("The database is read only");
		assertThat(analysis.getAction()).contains("PORTFOLIO_DATA_DIR").contains("default_transaction_read_only");
	}

	@Test
	void anUnreachableDatabaseIsNamedWithWhatToCheck() {
		var analysis = this.analyzer.analyze(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("cannot be reached").contains("refused");
		assertThat(analysis.getAction()).contains("PORTFOLIO_DB_URL");
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		assertThat(this.analyzer.analyze(new IllegalStateException("a bug"))).isNull();
	}

}
