package org.customerportfolio.analysis.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customerportfolio.analysis.AnalysisFilter;
import org.jspecify.annotations.Nullable;

/**
 * The filter of every analysis page and API call, as typed: read into an
 * {@link AnalysisFilter}, and written back into links (export, other pages) unchanged.
 */
record FilterForm(@Nullable String from, @Nullable String to, @Nullable String businessType, @Nullable String manager,
		@Nullable String tag, @Nullable String status) {

	AnalysisFilter filter() {
		return AnalysisFilter.parse(this.from, this.to, this.businessType, this.manager, this.tag, this.status);
	}

	/** The filter's values that are set, for a query string. */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
		put(parameters, "businessType", this.businessType);
		put(parameters, "manager", this.manager);
		put(parameters, "tag", this.tag);
		put(parameters, "status", this.status);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			parameters.put(name, value);
		}
	}

}
