package org.customerportfolio.shared;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The flush runs on an H2 file database only; its proof under a failing disk is
 * {@code scripts/fault-read-only-disk.sh}.
 */
class H2DiskFlushTests {

	@Test
	void flushesAnH2FileDatabase() throws Exception {
		Path folder = Files.createTempDirectory("h2-flush");
		String url = "jdbc:h2:file:" + folder.resolve("db");
		var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
		jdbc.execute("create table t (id int)");
		jdbc.execute("insert into t values (1)");
		var flush = new H2DiskFlush(jdbc, url);
		assertThat(flush.active()).isTrue();
		assertThatNoException().isThrownBy(flush::flush);
	}

	@Test
	void leavesOtherDatabasesAlone() {
		assertThat(new H2DiskFlush(new JdbcTemplate(), "jdbc:h2:mem:test").active()).isFalse();
		assertThat(new H2DiskFlush(new JdbcTemplate(), "jdbc:postgresql://localhost/portfolio").active()).isFalse();
	}

}
