package org.customerportfolio.invoicing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What a function answers for each distinct text of one file, computed once per text: a
 * file of a million lines holds a few thousand distinct dates or categories. Keeps at
 * most {@link #KEPT} answers and computes the rest each time, so a file of distinct
 * values costs no more memory than that.
 */
final class Memo<V> {

	static final int KEPT = 20_000;

	private final Function<String, @Nullable V> compute;

	private final Map<String, Optional<V>> answers = new HashMap<>();

	Memo(Function<String, @Nullable V> compute) {
		this.compute = compute;
	}

	@Nullable V get(String text) {
		Optional<V> answer = this.answers.get(text);
		if (answer == null) {
			answer = Optional.ofNullable(this.compute.apply(text));
			if (this.answers.size() < KEPT) {
				this.answers.put(text, answer);
			}
		}
		return answer.orElse(null);
	}

}
