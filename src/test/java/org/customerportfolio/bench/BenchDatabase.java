package org.customerportfolio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.customerportfolio.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a benchmark runs on: {@code -Dbench.database=h2} (a fresh file database
 * under {@code target/bench}, or in memory with {@code -Dbench.h2=mem}) or
 * {@code postgres} (the embedded server the tests use), and where the figures go.
 */
final class BenchDatabase {

	static final String DATABASE = System.getProperty("bench.database", "h2").toLowerCase(Locale.ROOT);

	/** {@code file} (default) or {@code mem}: where the H2 database lives. */
	static final String H2 = System.getProperty("bench.h2", "file");

	static final Path DIR = Path.of("target", "bench").toAbsolutePath();

	private BenchDatabase() {
	}

	/**
	 * Checks the choice and tells {@link TestDatabase} about it; call from a static
	 * initialiser.
	 */
	static void choose() {
		if (!DATABASE.equals("h2") && !DATABASE.equals("postgres")) {
			throw new IllegalArgumentException("bench.database is h2 or postgres, not " + DATABASE);
		}
		if (DATABASE.equals("postgres")) {
			// what TestDatabase switches on, should the build not have mapped it
			System.setProperty("portfolio.test.database", "postgres");
		}
		else if (TestDatabase.isPostgres()) {
			System.clearProperty("portfolio.test.database");
		}
	}

	/**
	 * Points the context at an empty H2 database named {@code name} (PostgreSQL needs
	 * nothing).
	 */
	static void register(DynamicPropertyRegistry registry, String name) {
		if (DATABASE.equals("postgres")) {
			return;
		}
		String url;
		if (H2.equals("mem")) {
			url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		}
		else {
			try {
				Files.createDirectories(DIR);
				// an empty database every run
				for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
					Files.deleteIfExists(DIR.resolve(name + suffix));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			url = "jdbc:h2:file:" + DIR.resolve(name);
		}
		String database = url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		registry.add("spring.datasource.url", () -> database);
	}

}
