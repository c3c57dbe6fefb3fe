package org.customerportfolio.bench;

import java.util.Arrays;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times a question to a cached service twice over: computed (a data change recorded just
 * before, as every writer of the read models does, so the cache must compute afresh) and
 * cached (the same question asked again with nothing changed in between). Shared by the
 * analysis and the scale benchmarks.
 */
final class CacheTimings {

	/** Sorted nanoseconds per run. */
	record Runs(long[] computed, long[] cached) {
	}

	private final JdbcTemplate jdbc;

	private final int warmup;

	private final int runs;

	CacheTimings(JdbcTemplate jdbc, int warmup, int runs) {
		this.jdbc = jdbc;
		this.warmup = warmup;
		this.runs = runs;
	}

	Runs time(IntFunction<Object> question) {
		for (int run = 0; run < this.warmup; run++) {
			changeData();
			question.apply(run + 100);
		}
		long[] computed = new long[this.runs];
		long[] cached = new long[this.runs];
		for (int run = 0; run < this.runs; run++) {
			changeData();
			long start = System.nanoTime();
			Object result = question.apply(run);
			computed[run] = System.nanoTime() - start;
			assertThat(result).isNotNull();
			start = System.nanoTime();
			question.apply(run);
			cached[run] = System.nanoTime() - start;
		}
		Arrays.sort(computed);
		Arrays.sort(cached);
		return new Runs(computed, cached);
	}

	/** The value at this percentile of sorted values. */
	static long percentile(long[] sorted, int percent) {
		return (sorted.length == 0) ? 0 : sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private void changeData() {
		this.jdbc.update("insert into data_change (changed_at) values (current_timestamp)");
	}

}
