package org.customerportfolio.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2 file database, has what was committed written through to the disk
 * every second ({@code CHECKPOINT SYNC}). H2 itself hands its file to the operating
 * system, which writes it to the disk up to half a minute later: a power cut or a failing
 * disk took every commit of that time with it ({@code scripts/fault-read-only-disk.sh}:
 * all 256 customers acknowledged in the 15 s before the disk failed). Now at most about
 * the last second is at risk. PostgreSQL flushes every commit itself; nothing is done
 * there, nor for an in-memory database.
 */
@Component
class H2DiskFlush {

	private static final Logger logger = LoggerFactory.getLogger(H2DiskFlush.class);

	private final JdbcTemplate jdbc;

	private final boolean h2File;

	H2DiskFlush(JdbcTemplate jdbc, @Value("${spring.datasource.url:}") String url) {
		this.jdbc = jdbc;
		this.h2File = SchemaMigration.isH2File(url);
	}

	boolean active() {
		return this.h2File;
	}

	@Scheduled(fixedDelayString = "${portfolio.h2.flush-interval-ms:1000}")
	void flush() {
		if (!this.h2File) {
			return;
		}
		try {
			this.jdbc.execute("CHECKPOINT SYNC");
		}
		catch (DataAccessException ex) {
			// the database is closed or its disk fails: requests say so; try again next
			// time
			logger.debug("Could not flush the H2 database to the disk: {}", ex.toString());
		}
	}

}
