package org.customerportfolio.shared;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One field that someone changed: from what, to what, by whom, when.
 */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue, String actor,
		Instant at) {
}
