package org.customerportfolio.shared;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a start that failed on the database — it cannot be reached, or it takes no
 * changes — in the words an administrator needs instead of a stack trace: the application
 * writes at start-up (migrations, read models, imports a crash interrupted).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseTroubleFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		return DatabaseTrouble.of(failure).map((trouble) -> switch (trouble) {
			case READ_ONLY -> new FailureAnalysis("""
					The database is read-only, and the application writes when it starts (migrations, \
					read models, imports a crash interrupted): %s""".formatted(rootMessage(failure)), """
					Make the database writable and start again. On the embedded H2 database: check that the data \
					directory (portfolio.data-dir, PORTFOLIO_DATA_DIR) is on a disk that is mounted read-write and \
					has free space, and that the files in it may be written. On PostgreSQL: connect to the primary \
					server, not a standby, and check default_transaction_read_only.""", failure);
			case UNAVAILABLE ->
				new FailureAnalysis("The database cannot be reached: %s".formatted(rootMessage(failure)), """
						Check that the database server is running and accepts connections, and that its \
						address, user and password are right (spring.datasource.url/username/password, or \
						PORTFOLIO_DB_URL, PORTFOLIO_DB_USER and PORTFOLIO_DB_PASSWORD with the postgres \
						profile). On the embedded H2 database: check that the data directory exists and \
						may be written.""", failure);
		}).orElse(null);
	}

	private static String rootMessage(Throwable failure) {
		return String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
	}

}
