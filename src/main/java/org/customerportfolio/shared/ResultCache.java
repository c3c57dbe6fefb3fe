package org.customerportfolio.shared;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Keeps results computed from the whole portfolio (analyses, warnings, retention) in
 * memory until the portfolio's data changes. Each request asks {@link DataChanges} which
 * changes are committed (one indexed read); when that differs from what the results were
 * computed on, they are all dropped — so a result is never older than the data, on this
 * instance or any other on the same database. Repeating an analysis, switching between
 * pages or paging a table then costs the presentation only, not another read of 100,000
 * customers.
 * <p>
 * What a result depends on beyond the data (today's date, a setting that is not recorded
 * as a change) belongs in its key. Bounded by the number of customers the kept results
 * describe (their weight), least recently used first out. Each module keeps its own.
 */
public class ResultCache {

	private final DataChanges changes;

	private final long budget;

	private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	/** The questions being answered right now, for the current version. */
	private final Map<Object, FutureTask<Object>> computing = new HashMap<>();

	private DataChanges.@Nullable Version version;

	private long weight;

	public ResultCache(DataChanges changes, long budget) {
		this.changes = changes;
		this.budget = budget;
	}

	private record Entry(Object value, long weight) {
	}

	/**
	 * The result for this key, computed now when it is not kept or the data changed
	 * since. Requests that ask the same question while it is being computed wait for that
	 * computation instead of starting their own: after an edit, thirty users opening the
	 * same analysis read the portfolio once, not thirty times side by side.
	 * @param key equal for equal questions (records of the analysis's parameters)
	 * @param weigher how many customers a result describes
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, ToIntFunction<T> weigher, Supplier<T> compute) {
		DataChanges.Version now = this.changes.current();
		FutureTask<Object> computation;
		boolean ours = false;
		synchronized (this) {
			if (!now.equals(this.version)) {
				this.entries.clear();
				this.computing.clear();
				this.weight = 0;
				this.version = now;
			}
			Entry kept = this.entries.get(key);
			if (kept != null) {
				return (T) kept.value();
			}
			computation = this.computing.get(key);
			if (computation == null) {
				computation = new FutureTask<>(compute::get);
				this.computing.put(key, computation);
				ours = true;
			}
		}
		if (!ours) {
			return (T) outcome(computation);
		}
		computation.run();
		synchronized (this) {
			this.computing.remove(key, computation);
		}
		T value = (T) outcome(computation);
		long cost = Math.max(1, weigher.applyAsInt(value));
		synchronized (this) {
			if (now.equals(this.version) && cost <= this.budget) {
				Entry replaced = this.entries.put(key, new Entry(value, cost));
				this.weight += cost - ((replaced != null) ? replaced.weight() : 0);
				Iterator<Entry> oldest = this.entries.values().iterator();
				while (this.weight > this.budget && oldest.hasNext()) {
					this.weight -= oldest.next().weight();
					oldest.remove();
				}
			}
		}
		return value;
	}

	/** The computation's result, or what it threw, thrown again. */
	private static Object outcome(FutureTask<Object> computation) {
		try {
			return computation.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while another request computed the same result", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
