package org.customerportfolio.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.customerportfolio.shared.PageQuery;
import org.customerportfolio.shared.PageSlice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds customers page by page in SQL: filtering, sorting and counting happen in the
 * database, so the list stays quick with a hundred thousand customers.
 */
@Component
class CustomerSearch {

	static final Map<String, String> SORTABLE = Map.of("name", "lower(c.name)", "externalRef", "c.external_ref", "city",
			"lower(c.city)", "businessType", "c.business_type", "status", "c.status", "updatedAt", "c.updated_at",
			"createdAt", "c.created_at");

	private static final String COLUMNS = """
			c.id, c.version, c.name, c.external_ref, c.business_type, c.registration_number, c.vat_number, c.country,
			c.city, c.website, c.status, c.notes, c.account_manager_id, c.archived, c.created_at, c.updated_at
			""";

	private final JdbcClient jdbc;

	CustomerSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Set<String> sortable() {
		return SORTABLE.keySet();
	}

	PageSlice<CustomerView> search(CustomerFilter filter, PageQuery page, LongFunction<String> userName) {
		StringBuilder where = new StringBuilder(" where c.archived = :archived");
		Map<String, Object> params = new HashMap<>();
		params.put("archived", filter.archived());
		if (filter.text() != null && !filter.text().isBlank()) {
			where.append(" and (lower(c.name) like :text escape '\\' or lower(c.external_ref) like :text escape '\\'"
					+ " or lower(c.city) like :text escape '\\')");
			params.put("text", "%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		if (filter.businessType() != null) {
			where.append(" and c.business_type = :businessType");
			params.put("businessType", filter.businessType());
		}
		if (filter.status() != null) {
			where.append(" and c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.accountManagerId() != null) {
			where.append(" and c.account_manager_id = :manager");
			params.put("manager", filter.accountManagerId());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.append(" and exists (select 1 from customer_tag t where t.customer_id = c.id and t.tag = :tag)");
			params.put("tag", filter.tag().strip());
		}
		long total = this.jdbc.sql("select count(*) from customer c" + where).params(params).query(Long.class).single();
		String order = SORTABLE.get(page.sort()) + (page.ascending() ? " asc" : " desc") + ", c.id";
		List<CustomerView> rows = this.jdbc
			.sql("select " + COLUMNS + " from customer c" + where + " order by " + order
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CustomerSearch::row)
			.list();
		return new PageSlice<>(complete(rows, userName), page.page(), page.size(), total);
	}

	List<CustomerKey> keys() {
		return this.jdbc.sql("select id, external_ref, name from customer")
			// by position: a DataClassRowMapper asks for "externalref" first
			// and H2 writes each miss to its trace file
			.query((rs, row) -> new CustomerKey(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<String> tags() {
		return this.jdbc.sql("select distinct tag from customer_tag order by tag").query(String.class).list();
	}

	private List<CustomerView> complete(List<CustomerView> rows, LongFunction<String> userName) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<String>> tags = new HashMap<>();
		this.jdbc.sql("select customer_id, tag from customer_tag where customer_id in (:ids) order by tag")
			.param("ids", rows.stream().map(CustomerView::id).toList())
			.query((rs) -> {
				tags.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2));
			});
		return rows.stream()
			.map((row) -> new CustomerView(row.id(), row.version(), row.name(), row.externalRef(), row.businessType(),
					row.registrationNumber(), row.vatNumber(), row.country(), row.city(), row.website(), row.status(),
					tags.getOrDefault(row.id(), List.of()), row.notes(), row.accountManagerId(),
					(row.accountManagerId() != null) ? userName.apply(row.accountManagerId()) : null, row.archived(),
					row.createdAt(), row.updatedAt()))
			.toList();
	}

	private static CustomerView row(ResultSet rs, int rowNum) throws SQLException {
		long manager = rs.getLong("account_manager_id");
		Long managerId = rs.wasNull() ? null : manager;
		return new CustomerView(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
				rs.getString("external_ref"), rs.getString("business_type"), rs.getString("registration_number"),
				rs.getString("vat_number"), rs.getString("country"), rs.getString("city"), rs.getString("website"),
				CustomerStatus.valueOf(rs.getString("status")), List.of(), rs.getString("notes"), managerId, null,
				rs.getBoolean("archived"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * Locks the customers' rows, in id order so that two lockers never wait for each
	 * other crosswise.
	 */
	void lock(List<Long> customerIds) {
		this.jdbc.sql("select id from customer where id in (:ids) order by id for update")
			.param("ids", customerIds)
			.query(Long.class)
			.list();
	}

}
