package org.customerportfolio.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.customer.CustomerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each customer's relationship plan. A plan exists from the first time anything is set on
 * it; every change is audited on the customer.
 */
@Service
@Transactional
public class RelationshipPlans {

	static final String PLAN = "PLAN";

	private final JdbcClient jdbc;

	private final CustomerManagement customers;

	private final AuditLog audit;

	private final DataChanges changes;

	private final Clock clock;

	RelationshipPlans(JdbcClient jdbc, CustomerManagement customers, AuditLog audit, DataChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Strategy> strategy(long customerId) {
		return this.jdbc.sql("select strategy from relationship_plan where customer_id = :id")
			.param("id", customerId)
			.query(String.class)
			.optional()
			.map(Strategy::valueOf);
	}

	/** Sets (or, with null, clears) the plan's strategy. */
	public void setStrategy(long customerId, @Nullable Strategy strategy, String actor) {
		this.customers.customer(customerId);
		Optional<Strategy> before = strategy(customerId);
		if (before.orElse(null) == strategy) {
			return;
		}
		this.changes.record();
		Timestamp now = Timestamp.from(this.clock.instant());
		String value = (strategy != null) ? strategy.name() : null;
		int updated = this.jdbc.sql("""
				update relationship_plan set strategy = :strategy, updated_at = :at, updated_by = :actor,
				       version = version + 1
				where customer_id = :id
				""").param("strategy", value).param("at", now).param("actor", actor).param("id", customerId).update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into relationship_plan (customer_id, strategy, updated_at, updated_by, version)
					values (:id, :strategy, :at, :actor, 0)
					""")
				.param("strategy", value)
				.param("at", now)
				.param("actor", actor)
				.param("id", customerId)
				.update();
		}
		long version = this.jdbc.sql("select version from relationship_plan where customer_id = :id")
			.param("id", customerId)
			.query(Long.class)
			.single();
		this.audit.recordChanges(new Subject(PLAN, customerId, version, customerId, actor), "UPDATED",
				Map.of("strategy", before.map(Strategy::name).orElse("")),
				Map.of("strategy", (value != null) ? value : ""));
	}

}
