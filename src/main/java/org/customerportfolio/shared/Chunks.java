package org.customerportfolio.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits long lists of keys into parts of a bounded size, for SQL {@code in (…)} lists
 * that must stay within what a database accepts in one statement.
 */
public final class Chunks {

	private Chunks() {
	}

	public static <T> List<List<T>> of(Collection<T> values, int size) {
		List<T> list = List.copyOf(values);
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < list.size(); i += size) {
			chunks.add(list.subList(i, Math.min(list.size(), i + size)));
		}
		return chunks;
	}

}
