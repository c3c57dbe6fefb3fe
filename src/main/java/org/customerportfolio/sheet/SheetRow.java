package org.customerportfolio.sheet;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One customer's row: its values by column key as stored (codes, numbers, dates), and the
 * revision it had when read, which an edit or an imported sheet must still match.
 *
 * @param revision the customer's version, current evaluation and plan version, e.g.
 * {@code r4-118-3} (starting with a letter so no spreadsheet takes it for a number or a
 * date) — anything saved about the row in the meantime changes it
 */
public record SheetRow(long id, String revision, @Nullable Long evaluationId, Map<String, @Nullable Object> values,
		List<String> tags) {

	public SheetRow {
		values = Collections.unmodifiableMap(values);
		tags = List.copyOf(tags);
	}

	public @Nullable Object value(String key) {
		return this.values.get(key);
	}

	static String revision(long customerVersion, @Nullable Long evaluationId, @Nullable Long planVersion) {
		return "r" + customerVersion + "-" + ((evaluationId != null) ? evaluationId : 0) + "-"
				+ ((planVersion != null) ? planVersion + 1 : 0);
	}

}
