package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account manager's own projection of the next twelve months' revenue, kept beside
 * the computed one and never mixed with it. Every entry is kept; the newest counts.
 */
@Service
@Transactional
public class ManualProjections {

	private final JdbcClient jdbc;

	private final CustomerManagement customers;

	private final AuditLog audit;

	private final Clock clock;

	ManualProjections(JdbcClient jdbc, CustomerManagement customers, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	/** One projection as entered. */
	public record ManualProjection(BigDecimal amount, @Nullable String note, String enteredBy, Instant enteredAt) {
	}

	@Transactional(readOnly = true)
	public Optional<ManualProjection> latest(long customerId) {
		return this.jdbc.sql("""
				select amount, note, entered_by, entered_at from manual_projection
				where customer_id = :id order by entered_at desc, id desc limit 1
				""")
			.param("id", customerId)
			// by name: a DataClassRowMapper asks for "enteredby" first, and H2 writes
			// each miss to its trace file
			.query((rs, row) -> new ManualProjection(rs.getBigDecimal("amount"), rs.getString("note"),
					rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant()))
			.optional();
	}

	public void record(long customerId, @Nullable BigDecimal amount, @Nullable String note, String actor) {
		if (this.customers.customer(customerId).archived()) {
			throw new RuleViolation(null, "customer.archived.refused");
		}
		if (amount == null || amount.abs().compareTo(new BigDecimal("1e13")) >= 0) {
			throw new InvalidInputException(List.of(new RuleViolation("amount", "projection.amount.invalid")));
		}
		String tidy = (note == null || note.isBlank()) ? null : note.strip();
		if (tidy != null && tidy.length() > 1000) {
			throw new InvalidInputException(List.of(new RuleViolation("note", "field.tooLong", 1000)));
		}
		String previous = latest(customerId).map((projection) -> projection.amount().toPlainString()).orElse("");
		this.jdbc.sql("""
				insert into manual_projection (customer_id, amount, note, entered_by, entered_at)
				values (:customer, :amount, :note, :actor, :at)
				""")
			.param("customer", customerId)
			.param("amount", amount)
			.param("note", tidy)
			.param("actor", actor)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.recordChanges(new Subject("CUSTOMER", customerId, null, customerId, actor), "UPDATED",
				Map.of("manualProjection", previous), Map.of("manualProjection", amount.toPlainString()));
	}

}
