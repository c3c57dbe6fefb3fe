package org.customerportfolio.analysis;

import java.math.BigDecimal;

import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers with yearly figures written straight into the read model, so that analysis
 * tests control every number. Each fixture tags its customers with a tag of its own, and
 * the tests filter on it: other tests share the database.
 */
public final class AnalysisFixtures {

	private final CustomerManagement customers;

	private final JdbcClient jdbc;

	public final String tag = "analysis-" + System.nanoTime();

	public AnalysisFixtures(CustomerManagement customers, JdbcClient jdbc) {
		this.customers = customers;
		this.jdbc = jdbc;
	}

	public long customer(String name, String businessType) {
		return this.customers
			.register(CustomerMother.customer().named(name).ofType(businessType).tagged(this.tag).details(), "test")
			.id();
	}

	public AnalysisFixtures year(long customerId, int year, String revenue, @Nullable String margin, int lines) {
		this.jdbc.sql("""
				insert into revenue_year (customer_id, fiscal_year, revenue, margin, revenue_with_margin, lines)
				values (:customer, :year, :revenue, :margin, :withMargin, :lines)
				""")
			.param("customer", customerId)
			.param("year", year)
			.param("revenue", new BigDecimal(revenue))
			.param("margin", (margin != null) ? new BigDecimal(margin) : null, java.sql.Types.NUMERIC)
			.param("withMargin", (margin != null) ? new BigDecimal(revenue) : BigDecimal.ZERO)
			.param("lines", lines)
			.update();
		return changed();
	}

	/** The customer's current scores, as the evaluation module keeps them. */
	public AnalysisFixtures standing(long customerId, @Nullable Double attractiveness, @Nullable Double relationship) {
		this.jdbc.sql("""
				insert into customer_standing (customer_id, attractiveness, relationship_strength, rated_criteria)
				values (:customer, :attractiveness, :relationship, 3)
				""")
			.param("customer", customerId)
			.param("attractiveness", attractiveness, java.sql.Types.NUMERIC)
			.param("relationship", relationship, java.sql.Types.NUMERIC)
			.update();
		return changed();
	}

	/** The customer's current answer on a criterion with levels. */
	public AnalysisFixtures level(long customerId, String criterion, String level) {
		this.jdbc
			.sql("""
					insert into customer_level (customer_id, criterion_id, level_code, level_codes, level_position, level_score)
					select :customer, c.id, l.code, ',' || l.code || ',', l.position, l.score
					from criterion c join criterion_level l on l.criterion_id = c.id
					where c.code = :criterion and l.code = :level
					""")
			.param("customer", customerId)
			.param("criterion", criterion)
			.param("level", level)
			.update();
		return changed();
	}

	/** Tells the analyses' caches, as the read models' own writers do. */
	private AnalysisFixtures changed() {
		this.jdbc.sql("insert into data_change (changed_at) values (current_timestamp)").update();
		return this;
	}

}
