package org.customerportfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at a real PostgreSQL when the build asks for it
 * ({@code -Dportfolio.test.database=postgres}, as the second Surefire run does): one
 * embedded server per test JVM, started on first use. Otherwise the tests keep their H2
 * database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("portfolio.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!isPostgres()) {
			return;
		}
		// a server of one's own (to benchmark on, or to watch with its own logs), else an
		// embedded one
		String url = System.getProperty("portfolio.test.postgres.url");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url",
							(url != null) ? url
									: server().getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
							"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

	private static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going anyway
				}
			}));
		}
		return postgres;
	}

}
