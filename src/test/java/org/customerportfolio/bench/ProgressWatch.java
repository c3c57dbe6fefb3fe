package org.customerportfolio.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watches an import from outside, as the import page does: polls the import's record,
 * which the import updates in transactions of its own. The moment the total number of
 * rows appears ends the validation (the file read and checked); after that the progress
 * climbs every 5,000 lines written.
 */
final class ProgressWatch implements AutoCloseable {

	/** One change seen in the import's record, nanoseconds since the watch started. */
	record Tick(long nanos, Long totalRows, long processedRows, String status) {
	}

	private final JdbcTemplate jdbc;

	private final long previousImport;

	private final long started = System.nanoTime();

	private final List<Tick> ticks = new ArrayList<>();

	private final Thread poller;

	private volatile boolean running = true;

	private volatile RuntimeException failure;

	ProgressWatch(JdbcTemplate jdbc, long intervalMillis) {
		this.jdbc = jdbc;
		this.previousImport = jdbc.queryForObject("select coalesce(max(id), 0) from invoice_import", Long.class);
		this.poller = new Thread(() -> poll(intervalMillis), "bench-progress-watch");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	private void poll(long intervalMillis) {
		Tick last = null;
		while (this.running) {
			try {
				List<Map<String, Object>> rows = this.jdbc.queryForList(
						"select total_rows, processed_rows, status from invoice_import where id > ? order by id desc limit 1",
						this.previousImport);
				if (!rows.isEmpty()) {
					Map<String, Object> row = rows.get(0);
					Number total = (Number) row.get("total_rows");
					Tick tick = new Tick(System.nanoTime() - this.started, (total != null) ? total.longValue() : null,
							((Number) row.get("processed_rows")).longValue(), (String) row.get("status"));
					if (last == null || !same(last, tick)) {
						synchronized (this.ticks) {
							this.ticks.add(tick);
						}
						last = tick;
					}
				}
				Thread.sleep(intervalMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				return;
			}
		}
	}

	private static boolean same(Tick a, Tick b) {
		return Objects.equals(a.totalRows(), b.totalRows()) && a.processedRows() == b.processedRows()
				&& a.status().equals(b.status());
	}

	long started() {
		return this.started;
	}

	List<Tick> ticks() {
		synchronized (this.ticks) {
			return List.copyOf(this.ticks);
		}
	}

	RuntimeException failure() {
		return this.failure;
	}

	@Override
	public void close() {
		// no interrupt: it could land in the database driver's file or socket I/O
		this.running = false;
		try {
			this.poller.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
