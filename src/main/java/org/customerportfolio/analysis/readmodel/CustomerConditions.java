package org.customerportfolio.analysis.readmodel;

import java.util.HashMap;
import java.util.Map;

import org.customerportfolio.analysis.AnalysisFilter;

/**
 * The customer part of an analysis filter as SQL conditions on {@code customer c}, with
 * their parameters: never archived, and the exact filters that were given.
 */
record CustomerConditions(String sql, Map<String, Object> parameters) {

	static CustomerConditions of(AnalysisFilter filter) {
		StringBuilder sql = new StringBuilder("c.archived = false");
		Map<String, Object> parameters = new HashMap<>();
		if (filter.businessType() != null) {
			sql.append(" and c.business_type = :businessType");
			parameters.put("businessType", filter.businessType());
		}
		if (filter.accountManagerId() != null) {
			sql.append(" and c.account_manager_id = :manager");
			parameters.put("manager", filter.accountManagerId());
		}
		if (filter.status() != null) {
			sql.append(" and c.status = :status");
			parameters.put("status", filter.status().name());
		}
		if (filter.tag() != null) {
			sql.append(" and exists (select 1 from customer_tag t where t.customer_id = c.id and t.tag = :tag)");
			parameters.put("tag", filter.tag());
		}
		return new CustomerConditions(sql.toString(), parameters);
	}

}
