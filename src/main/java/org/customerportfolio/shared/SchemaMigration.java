package org.customerportfolio.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the schema with Flyway at start-up; on the embedded H2 file database, closes
 * the database once after migrations ran, so that it opens afresh for the application.
 * <p>
 * Why: H2 2.4.240 binds the check constraints that a migration creates to the session
 * that created them; once the pool retires that connection (after 30 minutes), every
 * insert into such a table is refused ("Check constraint invalid … the database has been
 * closed") until a restart. Reopened, the database reads its constraints itself. H2 2.5
 * fixed that but, killed in the middle of committing a large transaction, recovers the
 * transaction half done — which an import must never be — so the build stays on 2.4.240
 * with this one close. ({@code H2AfterMigrationTests}, {@code H2CrashDuringCommitTests}.)
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

	private static final Logger logger = LoggerFactory.getLogger(SchemaMigration.class);

	@Bean
	FlywayMigrationStrategy migrateAndReopenH2() {
		return SchemaMigration::migrate;
	}

	static MigrateResult migrate(Flyway flyway) {
		MigrateResult result = flyway.migrate();
		if (result.migrationsExecuted > 0) {
			closeIfH2File(flyway.getConfiguration().getDataSource());
		}
		return result;
	}

	private static void closeIfH2File(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			if (isH2File(connection.getMetaData().getURL())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SHUTDOWN");
				}
				// the pool's connections are to the closed database: new ones reopen it
				if (dataSource.isWrapperFor(HikariDataSource.class)) {
					HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
					if (pool != null) {
						pool.softEvictConnections();
					}
				}
				logger.info("Closed the H2 database once after migrating it; it opens again on the next connection");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not reopen the H2 database after migrating it", ex);
		}
	}

	/** An H2 database in a file (an in-memory one would be gone once closed). */
	static boolean isH2File(String url) {
		return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
	}

}
