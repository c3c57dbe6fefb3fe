package org.customerportfolio.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the sheet shows: which columns in which order, sorted on what, filtered how,
 * grouped on which column, whether the name column stays in view, and which page. It is
 * read from (and written back to) URL parameters, so a view can be bookmarked, exported,
 * remembered and asked of the API alike:
 * {@code columns=name,criterion.relationship_type&sort=revenueThisYear,desc&f.businessType=contractor&group=strategy&frozen=true&page=0&size=50}.
 * Without any {@code f.status} the view holds the active customers only (ended
 * relationships leave the active portfolio); {@code f.status=} shows every status.
 */
public record SheetQuery(List<String> columns, String sort, boolean descending, Map<String, SheetFilter> filters,
		@Nullable String group, boolean frozen, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public SheetQuery {
		columns = List.copyOf(columns);
		filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
	}

	/**
	 * Reads a query from request parameters; anything naming an unknown column or holding
	 * a value that cannot be a filter is refused, all problems at once.
	 */
	public static SheetQuery parse(MultiValueMap<String, String> parameters, SheetColumns.Catalogue catalogue) {
		List<RuleViolation> problems = new ArrayList<>();
		Set<String> columns = new LinkedHashSet<>();
		List<String> requested = new ArrayList<>();
		String list = parameters.getFirst("columns");
		if (list != null && !list.isBlank()) {
			requested.addAll(List.of(list.split(",")));
		}
		List<String> single = parameters.get("col");
		if (single != null) {
			requested.addAll(single);
		}
		for (String key : requested) {
			String column = key.strip();
			if (column.isEmpty()) {
				continue;
			}
			if (catalogue.column(column).isEmpty()) {
				problems.add(new RuleViolation("columns", "sheet.column.unknown", column));
			}
			else {
				columns.add(column);
			}
		}
		if (columns.isEmpty()) {
			columns.addAll(catalogue.defaults());
		}
		String sort = "name";
		boolean descending = false;
		String sortText = parameters.getFirst("sort");
		if (sortText != null && !sortText.isBlank()) {
			String[] parts = sortText.split(",", 2);
			String key = parts[0].strip();
			if (catalogue.column(key).filter(SheetColumn::sortable).isEmpty()) {
				problems.add(new RuleViolation("sort", "sheet.sort.invalid", key));
			}
			else {
				sort = key;
				descending = parts.length > 1 && "desc".equalsIgnoreCase(parts[1].strip());
			}
		}
		Map<String, SheetFilter> filters = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!name.startsWith("f.") || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
				return;
			}
			String key = name.substring(2);
			SheetColumn column = catalogue.column(key).orElse(null);
			if (column == null) {
				problems.add(new RuleViolation(name, "sheet.column.unknown", key));
				return;
			}
			try {
				filters.put(key, SheetFilter.parse(column, values.get(0)));
			}
			catch (RuleViolation ex) {
				problems.add(ex);
			}
		});
		if (!parameters.containsKey("f.status") && catalogue.column("status").isPresent()) {
			// ended relationships leave the active portfolio unless a view asks for them
			filters.put("status", SheetFilter.parse(catalogue.column("status").get(), "ACTIVE"));
		}
		String group = parameters.getFirst("group");
		if (group != null && group.isBlank()) {
			group = null;
		}
		if (group != null && catalogue.column(group).filter(SheetColumn::groupable).isEmpty()) {
			problems.add(new RuleViolation("group", "sheet.group.invalid", group));
			group = null;
		}
		int page = number(parameters.getFirst("page"), 0, "page", problems);
		int size = number(parameters.getFirst("size"), DEFAULT_SIZE, "size", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SheetQuery(List.copyOf(columns), sort, descending, filters, group,
				!"false".equals(parameters.getFirst("frozen")), Math.max(0, page),
				Math.max(1, Math.min(MAX_SIZE, size)));
	}

	private static int number(@Nullable String text, int fallback, String field, List<RuleViolation> problems) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new RuleViolation(field, "sheet.number.invalid", text));
			return fallback;
		}
	}

	/** The query as URL parameters (without a leading {@code ?}), page included. */
	public String toQueryString() {
		return builder().queryParam("page", this.page).build().encode().getQuery();
	}

	/** The query without its page: for layouts, exports and links that start over. */
	public String viewQueryString() {
		return builder().build().encode().getQuery();
	}

	private UriComponentsBuilder builder() {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance()
			.queryParam("columns", String.join(",", this.columns))
			.queryParam("sort", this.sort + (this.descending ? ",desc" : ",asc"));
		this.filters.forEach((key, filter) -> builder.queryParam("f." + key, filter.text()));
		if (!this.filters.containsKey("status")) {
			// every status, said out loud, since no status at all means the active ones
			builder.queryParam("f.status", "");
		}
		if (this.group != null) {
			builder.queryParam("group", this.group);
		}
		return builder.queryParam("frozen", this.frozen).queryParam("size", this.size);
	}

	public SheetQuery withPage(int page) {
		return new SheetQuery(this.columns, this.sort, this.descending, this.filters, this.group, this.frozen, page,
				this.size);
	}

	/** Sorted on a column: ascending first, the other way round when it already was. */
	public SheetQuery sortedOn(String key) {
		boolean descending = key.equals(this.sort) && !this.descending;
		return new SheetQuery(this.columns, key, descending, this.filters, this.group, this.frozen, 0, this.size);
	}

	public @Nullable String filterText(String key) {
		SheetFilter filter = this.filters.get(key);
		return (filter != null) ? filter.text() : null;
	}

}
