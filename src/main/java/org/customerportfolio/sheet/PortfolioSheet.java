package org.customerportfolio.sheet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.customerportfolio.sheet.SheetColumn.Source;
import org.customerportfolio.sheet.SheetFilter.Codes;
import org.customerportfolio.sheet.SheetFilter.Contains;
import org.customerportfolio.sheet.SheetFilter.DateRange;
import org.customerportfolio.sheet.SheetFilter.NumberRange;
import org.customerportfolio.shared.Chunks;
import org.customerportfolio.shared.PageSlice;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the sheet in SQL over the read models: the filtered count, one sorted page of
 * rows (ids first, with only the joins the filter and the sort need, then the page's
 * values), the groups with their counts and subtotals, and every row of a view for an
 * export, streamed. Archived customers are not in the sheet.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioSheet {

	private static final int FETCH_SIZE = 1000;

	private static final int EXPORT_CHUNK = 1000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final SheetColumns columns;

	private final NamedParameterJdbcTemplate streaming;

	PortfolioSheet(JdbcClient jdbc, NamedParameterJdbcTemplate named, SheetColumns columns, DataSource dataSource) {
		this.jdbc = jdbc;
		this.named = named;
		this.columns = columns;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
	}

	public SheetColumns.Catalogue catalogue() {
		return this.columns.all();
	}

	/** One page of the view, with its groups' totals when it is grouped. */
	public SheetPage page(SheetQuery query, SheetColumns.Catalogue catalogue) {
		Sql sql = new Sql(catalogue, query);
		Set<SheetColumn> filterAndSort = new LinkedHashSet<>(sql.filtered());
		filterAndSort.add(sql.column(query.sort()));
		if (query.group() != null) {
			filterAndSort.add(sql.column(query.group()));
		}
		long total = this.jdbc.sql("select count(*) from " + sql.from(sql.filtered()) + sql.where())
			.params(sql.params())
			.query(Long.class)
			.single();
		List<Long> ids = this.jdbc
			.sql("select c.id from " + sql.from(filterAndSort) + sql.where() + sql.orderBy()
					+ " limit :limit offset :offset")
			.params(sql.params())
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(Long.class)
			.list();
		List<SheetRow> rows = rows(sql, ids);
		Map<String, GroupTotal> groups = (query.group() != null) ? groups(sql, query) : Map.of();
		return new SheetPage(new PageSlice<>(rows, query.page(), query.size(), total), groups);
	}

	/** Every row of the view in its order, read in one streaming pass. */
	public void forEachRow(SheetQuery query, SheetColumns.Catalogue catalogue, Consumer<SheetRow> consumer) {
		Sql sql = new Sql(catalogue, query);
		Set<SheetColumn> filterAndSort = new LinkedHashSet<>(sql.filtered());
		filterAndSort.add(sql.column(query.sort()));
		if (query.group() != null) {
			filterAndSort.add(sql.column(query.group()));
		}
		// the view's order first (ids only, with only the joins it needs), then its rows
		// a
		// chunk at a time: memory stays bounded and no database has to sort wide rows
		List<Long> ids = this.streaming.queryForList(
				"select c.id from " + sql.from(filterAndSort) + sql.where() + sql.orderBy(), sql.params(), Long.class);
		Chunks.of(ids, EXPORT_CHUNK).forEach((chunk) -> rows(sql, chunk).forEach(consumer));
	}

	/**
	 * The rows of these customers (archived ones left out), with the query's columns, in
	 * no order.
	 */
	public List<SheetRow> rows(SheetQuery query, SheetColumns.Catalogue catalogue, List<Long> ids) {
		return rows(new Sql(catalogue, query), ids);
	}

	private List<SheetRow> rows(Sql sql, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> tags = sql.query().columns().contains("tags") ? tags(ids) : Map.of();
		Map<Long, SheetRow> byId = new HashMap<>();
		this.named.query("select " + sql.select() + " from " + sql.fromForRows(sql.visible())
				+ " where c.id in (:ids) and c.archived = false", Map.of("ids", ids), (ResultSet rs) -> {
					SheetRow row = row(rs, sql, tags.getOrDefault(rs.getLong("id"), List.of()));
					byId.put(row.id(), row);
				});
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private static SheetRow row(ResultSet rs, Sql sql, List<String> tags) throws SQLException {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		List<SheetColumn> visible = sql.visible();
		for (int i = 0; i < visible.size(); i++) {
			SheetColumn column = visible.get(i);
			values.put(column.key(), value(rs, "v" + i, column));
		}
		long evaluation = rs.getLong("evaluation_id");
		Long evaluationId = rs.wasNull() ? null : evaluation;
		long plan = rs.getLong("plan_version");
		Long planVersion = rs.wasNull() ? null : plan;
		return new SheetRow(rs.getLong("id"), SheetRow.revision(rs.getLong("version"), evaluationId, planVersion),
				evaluationId, values, tags);
	}

	private static @Nullable Object value(ResultSet rs, String alias, SheetColumn column) throws SQLException {
		return switch (column.type()) {
			case TAGS -> null;
			case NUMBER, SCORE, MONEY, PERCENT -> rs.getBigDecimal(alias);
			case DATE -> {
				Timestamp at = rs.getTimestamp(alias);
				yield (at != null) ? at.toInstant() : null;
			}
			case LEVELS -> {
				String codes = rs.getString(alias);
				yield (codes == null) ? null
						: List.of(codes.substring(1, codes.length() - 1).split(","))
							.stream()
							.filter((code) -> !code.isEmpty())
							.toList();
			}
			default -> rs.getString(alias);
		};
	}

	private Map<String, GroupTotal> groups(Sql sql, SheetQuery query) {
		SheetColumn group = sql.column(query.group());
		List<SheetColumn> summed = sql.visible()
			.stream()
			.filter((column) -> column.type() == ColumnType.MONEY || column.type() == ColumnType.SCORE)
			.toList();
		StringBuilder select = new StringBuilder(group.value() + " as g, count(*) as n");
		for (int i = 0; i < summed.size(); i++) {
			SheetColumn column = summed.get(i);
			select.append((column.type() == ColumnType.MONEY) ? ", sum(" : ", avg(")
				.append(column.value())
				.append(") as t")
				.append(i);
		}
		Set<SheetColumn> used = new LinkedHashSet<>(sql.filtered());
		used.add(group);
		used.addAll(summed);
		Map<String, GroupTotal> groups = new LinkedHashMap<>();
		this.named.query("select " + select + " from " + sql.from(used) + sql.where() + " group by " + group.value(),
				sql.params(), (ResultSet rs) -> {
					Map<String, @Nullable BigDecimal> totals = new LinkedHashMap<>();
					for (int i = 0; i < summed.size(); i++) {
						BigDecimal total = rs.getBigDecimal("t" + i);
						totals.put(summed.get(i).key(),
								(total != null) ? total.setScale((summed.get(i).type() == ColumnType.SCORE) ? 1 : 2,
										java.math.RoundingMode.HALF_UP) : null);
					}
					String code = rs.getString("g");
					groups.put((code != null) ? code : "", new GroupTotal(rs.getLong("n"), totals));
				});
		// in the order the rows come in: by the column's choices, or alphabetically;
		// "none" last
		Map<String, GroupTotal> ordered = new LinkedHashMap<>();
		groups.keySet()
			.stream()
			.sorted(java.util.Comparator.comparing((String code) -> code.isEmpty())
				.thenComparingInt((code) -> group.choices().isEmpty() ? 0 : group.position(code))
				.thenComparing((code) -> code.toLowerCase(Locale.ROOT)))
			.forEach((code) -> ordered.put(code, groups.get(code)));
		return ordered;
	}

	private Map<Long, List<String>> tags(List<Long> ids) {
		Map<Long, List<String>> tags = new HashMap<>();
		this.jdbc.sql("select customer_id, tag from customer_tag where customer_id in (:ids) order by tag")
			.param("ids", ids)
			.query((rs) -> {
				tags.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2));
			});
		return tags;
	}

	/** A page of rows, and per group code (empty for "none") its count and totals. */
	public record SheetPage(PageSlice<SheetRow> rows, Map<String, GroupTotal> groups) {
	}

	/** A group's count, with money columns summed and scores averaged. */
	public record GroupTotal(long count, Map<String, @Nullable BigDecimal> totals) {
	}

	/**
	 * The SQL of one view: which columns it reads, the joins they need, the conditions of
	 * its filters with their parameters, and its order.
	 */
	private static final class Sql {

		private final SheetColumns.Catalogue catalogue;

		private final SheetQuery query;

		private final List<SheetColumn> visible;

		private final List<SheetColumn> filtered = new ArrayList<>();

		private final StringBuilder where = new StringBuilder(" where c.archived = false");

		private final Map<String, Object> params = new HashMap<>();

		/** The joined tables a filter needs a value of. */
		private final Set<String> required = new java.util.HashSet<>();

		Sql(SheetColumns.Catalogue catalogue, SheetQuery query) {
			this.catalogue = catalogue;
			this.query = query;
			List<String> read = new ArrayList<>(query.columns());
			if (query.group() != null && !read.contains(query.group())) {
				// the rows carry the group's value, whether it is shown or not
				read.add(query.group());
			}
			this.visible = read.stream().map(this::column).toList();
			query.filters().forEach((key, filter) -> condition(column(key), filter));
		}

		SheetQuery query() {
			return this.query;
		}

		SheetColumn column(@Nullable String key) {
			return this.catalogue.column(String.valueOf(key))
				.orElseThrow(() -> new IllegalArgumentException("No column " + key));
		}

		List<SheetColumn> visible() {
			return this.visible;
		}

		List<SheetColumn> filtered() {
			return this.filtered;
		}

		Map<String, Object> params() {
			return this.params;
		}

		String where() {
			return this.where.toString();
		}

		String select() {
			StringBuilder select = new StringBuilder(
					"c.id, c.version, s.evaluation_id as evaluation_id, p.version as plan_version");
			for (int i = 0; i < this.visible.size(); i++) {
				SheetColumn column = this.visible.get(i);
				select.append(", ")
					.append((column.type() == ColumnType.TAGS) ? "null" : column.value())
					.append(" as v")
					.append(i);
			}
			return select.toString();
		}

		/**
		 * The customer table with only the joins these columns need: for counting and
		 * ordering.
		 */
		String from(Collection<SheetColumn> columns) {
			return from(columns, new LinkedHashMap<>());
		}

		/**
		 * As {@link #from}, with the standing and the plan joined for the rows'
		 * revisions.
		 */
		String fromForRows(Collection<SheetColumn> columns) {
			Map<String, String> joins = new LinkedHashMap<>();
			joins.put("s", " customer_standing s on s.customer_id = c.id");
			joins.put("p", " relationship_plan p on p.customer_id = c.id");
			return from(columns, joins);
		}

		/**
		 * Joins are outer, so customers without a value stay in the view — except where a
		 * filter already demands a value: there an inner join lets the database start
		 * from the few rows that match.
		 */
		private String from(Collection<SheetColumn> columns, Map<String, String> joins) {
			for (SheetColumn column : columns) {
				String alias = alias(column);
				if (alias != null) {
					joins.putIfAbsent(alias, on(alias, column));
				}
			}
			StringBuilder from = new StringBuilder("customer c");
			joins
				.forEach((alias, on) -> from.append(this.required.contains(alias) ? " join" : " left join").append(on));
			return from.toString();
		}

		private static @Nullable String alias(SheetColumn column) {
			return switch (column.source()) {
				case STANDING -> "s";
				case FIGURES -> "f";
				case PLAN -> "p";
				case MANAGER -> "u";
				case LEVEL -> "l" + column.criterion().id();
				case CUSTOMER -> null;
			};
		}

		private static String on(String alias, SheetColumn column) {
			return switch (column.source()) {
				case STANDING -> " customer_standing s on s.customer_id = c.id";
				case FIGURES -> " customer_figures f on f.customer_id = c.id";
				case PLAN -> " relationship_plan p on p.customer_id = c.id";
				case MANAGER -> " app_user u on u.id = c.account_manager_id";
				case LEVEL -> " customer_level " + alias + " on " + alias + ".customer_id = c.id and " + alias
						+ ".criterion_id = " + column.criterion().id();
				case CUSTOMER -> "";
			};
		}

		String orderBy() {
			StringBuilder order = new StringBuilder(" order by ");
			if (this.query.group() != null) {
				order.append(sortValue(column(this.query.group()))).append(" nulls last, ");
			}
			order.append(sortValue(column(this.query.sort())))
				.append(this.query.descending() ? " desc" : " asc")
				.append(" nulls last, c.id");
			return order.toString();
		}

		private static String sortValue(SheetColumn column) {
			if (column.source() == Source.LEVEL && column.choices().size() > 0) {
				return "l" + column.criterion().id() + ".level_position";
			}
			if ("accountManager".equals(column.key())) {
				return "coalesce(u.full_name, u.username)";
			}
			if (column.type() == ColumnType.CHOICE) {
				StringBuilder order = new StringBuilder("case ").append(column.value());
				for (int i = 0; i < column.choices().size(); i++) {
					order.append(" when '")
						.append(column.choices().get(i).code().replace("'", "''"))
						.append("' then ")
						.append(i);
				}
				return order.append(" end").toString();
			}
			if (column.type() == ColumnType.TEXT && column.source() == Source.CUSTOMER
					&& !"name".equals(column.key())) {
				return "lower(" + column.value() + ")";
			}
			return column.value();
		}

		private void condition(SheetColumn column, SheetFilter filter) {
			this.filtered.add(column);
			boolean none = filter instanceof Codes codes && codes.none();
			if (!none && column.type() != ColumnType.TAGS && alias(column) != null) {
				this.required.add(alias(column));
			}
			String p = "p" + this.params.size();
			String value = column.value();
			if (filter instanceof Contains contains) {
				this.where.append(" and lower(").append(value).append(") like :").append(p).append(" escape '\\'");
				this.params.put(p, "%" + escapeLike(contains.text().toLowerCase(Locale.ROOT)) + "%");
			}
			else if (filter instanceof Codes codes) {
				codes(column, codes, p);
			}
			else if (filter instanceof NumberRange range) {
				between(value, p, range.min(), range.max());
			}
			else if (filter instanceof DateRange range) {
				between(value, p, (range.from() != null) ? startOf(range.from()) : null,
						(range.to() != null) ? startOf(range.to().plusDays(1)) : null);
			}
		}

		private void between(String value, String p, @Nullable Object min, @Nullable Object below) {
			if (min != null) {
				this.where.append(" and ").append(value).append(" >= :").append(p).append("min");
				this.params.put(p + "min", min);
			}
			if (below != null) {
				this.where.append(" and ")
					.append(value)
					.append(below instanceof Timestamp ? " < :" : " <= :")
					.append(p)
					.append("max");
				this.params.put(p + "max", below);
			}
		}

		private void codes(SheetColumn column, Codes codes, String p) {
			List<String> parts = new ArrayList<>();
			List<String> values = List.copyOf(codes.codes());
			switch (column.type()) {
				case TAGS -> {
					if (!values.isEmpty()) {
						parts.add("exists (select 1 from customer_tag t where t.customer_id = c.id and t.tag in (:" + p
								+ "))");
						this.params.put(p, values);
					}
					if (codes.none()) {
						parts.add("not exists (select 1 from customer_tag t where t.customer_id = c.id)");
					}
				}
				case LEVELS -> {
					for (int i = 0; i < values.size(); i++) {
						parts.add(column.value() + " like :" + p + "_" + i);
						this.params.put(p + "_" + i, "%," + values.get(i) + ",%");
					}
					if (codes.none()) {
						parts.add(column.value() + " is null");
					}
				}
				default -> {
					if (!values.isEmpty()) {
						parts.add(column.value() + " in (:" + p + ")");
						this.params.put(p, "accountManager".equals(column.key())
								? values.stream().map(Long::valueOf).toList() : values);
					}
					if (codes.none()) {
						parts.add(column.value() + " is null");
					}
				}
			}
			if (!parts.isEmpty()) {
				this.where.append(" and (").append(String.join(" or ", parts)).append(")");
			}
		}

		private static Timestamp startOf(LocalDate day) {
			return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
		}

		private static String escapeLike(String text) {
			return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}

	}

}
