package org.customerportfolio.shared;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
	 * since.
	 * @param key equal for equal questions (records of the analysis's parameters)
	 * @param weigher how many customers a result describes
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, ToIntFunction<T> weigher, Supplier<T> compute) {
		DataChanges.Version now = this.changes.current();
		synchronized (this) {
			if (!now.equals(this.version)) {
				this.entries.clear();
				this.weight = 0;
				this.version = now;
			}
			Entry kept = this.entries.get(key);
			if (kept != null) {
				return (T) kept.value();
			}
		}
		T value = compute.get();
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

}
