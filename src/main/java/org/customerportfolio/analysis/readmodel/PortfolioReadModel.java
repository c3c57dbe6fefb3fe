package org.customerportfolio.analysis.readmodel;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.Years;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the analyses need, one row per customer, with the filter turned into SQL.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioReadModel {

	private final JdbcClient jdbc;

	PortfolioReadModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The years with invoices, oldest first (empty when nothing is invoiced yet).
	 */
	public List<Integer> years() {
		return this.jdbc.sql("select distinct fiscal_year from revenue_year order by fiscal_year")
			.query(Integer.class)
			.list();
	}

	/**
	 * The period the filter names, its open ends filled with the first and last year that
	 * has invoices; nothing when there are none.
	 */
	public Optional<Years> period(AnalysisFilter filter) {
		if (filter.from() != null && filter.to() != null) {
			return Optional.of(new Years(filter.from(), filter.to()));
		}
		return this.jdbc.sql("select min(fiscal_year), max(fiscal_year) from revenue_year").query((rs, n) -> {
			int first = rs.getInt(1);
			if (rs.wasNull()) {
				return null;
			}
			int last = rs.getInt(2);
			Integer asked = filter.to();
			int from = (filter.from() != null) ? filter.from() : (asked != null) ? Math.min(first, asked) : first;
			int to = (asked != null) ? asked : (filter.from() != null) ? Math.max(last, filter.from()) : last;
			return new Years(from, to);
		})
			.optional()
			.or(() -> (filter.from() != null) ? Optional.of(new Years(filter.from(), filter.from()))
					: (filter.to() != null) ? Optional.of(new Years(filter.to(), filter.to())) : Optional.empty());
	}

	/** A customer's revenue and margin (empty when unknown) over the period. */
	public record CustomerTotals(long customerId, String name, BigDecimal revenue, @Nullable BigDecimal margin) {
	}

	/**
	 * Each filtered customer with at least one invoice line in the period, with its
	 * revenue and margin there.
	 */
	public List<CustomerTotals> totals(AnalysisFilter filter, Years years) {
		CustomerConditions conditions = CustomerConditions.of(filter);
		// one joined aggregate: on H2 a range filter on fiscal_year without the join
		// takes the year index and is
		// three times slower (docs/PERFORMANCE.md)
		Map<String, Object> parameters = new HashMap<>(conditions.parameters());
		parameters.put("from", years.from());
		parameters.put("to", years.to());
		return this.jdbc.sql("""
				select c.id, c.name, sum(r.revenue) as revenue, sum(r.margin) as margin
				from revenue_year r join customer c on c.id = r.customer_id
				where r.fiscal_year between :from and :to and r.lines > 0 and %s
				group by c.id, c.name
				""".formatted(conditions.sql()))
			.params(parameters)
			.query((rs, n) -> new CustomerTotals(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4)))
			.list();
	}

}
