package org.customerportfolio.shared;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance that the portfolio's data changed, so results computed from it can
 * be kept in memory and thrown away exactly when they go stale — also when another
 * instance on the same database made the change.
 * <p>
 * A writing transaction inserts one row into {@code data_change}; readers compare the
 * newest id <em>and</em> the number of rows with what they remember. The count matters:
 * identities are handed out at insert, not at commit, so a slow transaction can commit a
 * lower id after a faster one committed a higher id. Rows are only inserted, so writers
 * never wait for each other here.
 */
@Component
public class DataChanges {

	private static final Object RECORDED = new Object();

	private final JdbcClient jdbc;

	private final Clock clock;

	DataChanges(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Which committed changes a reader sees. */
	public record Version(long last, long count) {
	}

	/**
	 * Marks the current transaction (once, however often it is called) as one that
	 * changes what analyses read; outside a transaction the mark is written at once.
	 */
	public void record() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			if (TransactionSynchronizationManager.hasResource(RECORDED)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(RECORDED, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RECORDED);
				}

			});
		}
		this.jdbc.sql("insert into data_change (changed_at) values (:at)")
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	public Version current() {
		return this.jdbc.sql("select coalesce(max(id), 0), count(*) from data_change")
			.query((rs, n) -> new Version(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** Keeps the table small; readers see the count change once and load afresh. */
	@Scheduled(cron = "${portfolio.data-changes.prune-cron:0 45 2 * * *}")
	public void prune() {
		this.jdbc.sql("delete from data_change where id < (select max(id) from data_change)").update();
	}

}
