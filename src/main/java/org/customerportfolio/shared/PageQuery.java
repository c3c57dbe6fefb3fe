package org.customerportfolio.shared;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to answer, sorted how: parsed from {@code page}, {@code size} and
 * {@code sort=field,asc|desc}, with the sortable fields named by whoever asks, so no
 * request can sort on anything else.
 */
public record PageQuery(int page, int size, String sort, boolean ascending) {

	public static final int MAX_SIZE = 200;

	public long offset() {
		return (long) this.page * this.size;
	}

	public static PageQuery of(@Nullable Integer page, @Nullable Integer size, @Nullable String sort,
			Set<String> sortable, String defaultSort) {
		int actualPage = (page == null || page < 0) ? 0 : page;
		int actualSize = (size == null || size < 1) ? 25 : Math.min(size, MAX_SIZE);
		String field = defaultSort;
		boolean ascending = true;
		if (sort != null && !sort.isBlank()) {
			String[] parts = sort.split(",", 2);
			String requested = parts[0].trim();
			if (!sortable.contains(requested)) {
				throw new InvalidInputException(java.util.List.of(new RuleViolation("sort", "paging.sort.invalid",
						requested, String.join(", ", new java.util.TreeSet<>(sortable)))));
			}
			field = requested;
			ascending = parts.length < 2 || !"desc".equalsIgnoreCase(parts[1].trim());
		}
		return new PageQuery(actualPage, actualSize, field, ascending);
	}

}
