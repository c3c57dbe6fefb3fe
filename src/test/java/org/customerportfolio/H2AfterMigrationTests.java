package org.customerportfolio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps working after the connection that migrated it is gone (a
 * pool retires connections after 30 minutes): H2 2.4.240 bound check constraints to the
 * migrating session and refused every later insert as "Check constraint invalid … the
 * database has been closed". The H2 version in the build must not bring that back.
 */
class H2AfterMigrationTests {

	@Test
	void checkConstraintsHoldOnAConnectionOpenedAfterTheMigration() throws Exception {
		Path folder = Files.createTempDirectory("h2-after-migration");
		String url = "jdbc:h2:file:" + folder.resolve("portfolio")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
			// the database stays open, as in the running application, while connections
			// come and go
			try (Connection migrating = DriverManager.getConnection(url, "sa", "")) {
				Flyway.configure()
					.dataSource(new org.springframework.jdbc.datasource.SingleConnectionDataSource(migrating, true))
					.locations("classpath:db/migration")
					.load()
					.migrate();
			}
			try (Connection later = DriverManager.getConnection(url, "sa", "");
					PreparedStatement insert = later.prepareStatement(
							"insert into customer (name, status, archived, created_at, updated_at, version) "
									+ "values ('Na de migratie', 'ACTIVE', false, ?, ?, 0)")) {
				Timestamp now = Timestamp.from(Instant.now());
				insert.setTimestamp(1, now);
				insert.setTimestamp(2, now);
				assertThat(insert.executeUpdate()).isEqualTo(1);
			}
			assertThat(keeper.isValid(1)).isTrue();
		}
	}

}
