package org.customerportfolio.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps working after the connection that migrated it is gone (a
 * pool retires connections after 30 minutes): H2 2.4.240 binds check constraints to the
 * migrating session and then refuses every insert as "Check constraint invalid … the
 * database has been closed". {@link SchemaMigration} closes the database once after
 * migrating, so that it reads its constraints afresh; without that, this test fails.
 */
class H2AfterMigrationTests {

	@Test
	void checkConstraintsHoldOnConnectionsOpenedAfterTheMigration() throws Exception {
		Path folder = Files.createTempDirectory("h2-after-migration");
		String url = "jdbc:h2:file:" + folder.resolve("portfolio")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			pool.setUsername("sa");
			pool.setPassword("");
			SchemaMigration.migrate(Flyway.configure().dataSource(pool).locations("classpath:db/migration").load());
			// the pool goes on right away, as the application's start-up does
			try (Connection next = pool.getConnection()) {
				assertThat(insertCustomer(next, "Direct na de migratie")).isEqualTo(1);
			}
			// the database stays open while the pool retires the connections it had
			try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
				pool.getHikariPoolMXBean().softEvictConnections();
				// the pool closes them in the background
				for (int wait = 0; wait < 100 && pool.getHikariPoolMXBean().getTotalConnections() > 0; wait++) {
					Thread.sleep(50);
				}
				assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isZero();
				try (Connection later = DriverManager.getConnection(url, "sa", "")) {
					assertThat(insertCustomer(later, "Na de migratie")).isEqualTo(1);
				}
				assertThat(keeper.isValid(1)).isTrue();
			}
		}
	}

	private static int insertCustomer(Connection connection, String name) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into customer (name, status, archived, created_at, updated_at, version) "
					+ "values (?, 'ACTIVE', false, ?, ?, 0)")) {
			Timestamp now = Timestamp.from(Instant.now());
			insert.setString(1, name);
			insert.setTimestamp(2, now);
			insert.setTimestamp(3, now);
			return insert.executeUpdate();
		}
	}

}
