package org.customerportfolio.analysis.readmodel;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the portfolio matrix turns from low to high on each score axis: settings an
 * administrator changes, every change audited.
 */
@Service
@Transactional
public class MatrixThresholds {

	static final String SUBJECT = "ANALYSIS_SETTING";

	static final String ATTRACTIVENESS = "matrix.attractiveness_threshold";

	static final String RELATIONSHIP = "matrix.relationship_threshold";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final DataChanges changes;

	private final Clock clock;

	MatrixThresholds(JdbcClient jdbc, AuditLog audit, DataChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
	}

	/** The two thresholds, scores from 0 to 100. */
	public record Thresholds(double attractiveness, double relationshipStrength) {
	}

	@Transactional(readOnly = true)
	public Thresholds current() {
		Map<String, String> values = new java.util.HashMap<>();
		this.jdbc.sql("select name, setting_value from analysis_setting where name in (:names)")
			.param("names", List.of(ATTRACTIVENESS, RELATIONSHIP))
			.query((rs) -> {
				values.put(rs.getString(1), rs.getString(2));
			});
		return new Thresholds(number(values.get(ATTRACTIVENESS)), number(values.get(RELATIONSHIP)));
	}

	/**
	 * @throws InvalidInputException for a threshold outside 0–100
	 */
	public Thresholds change(double attractiveness, double relationshipStrength, String actor) {
		List<RuleViolation> problems = new ArrayList<>();
		check("attractiveness", attractiveness, problems);
		check("relationshipStrength", relationshipStrength, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Thresholds before = current();
		this.changes.record();
		set(ATTRACTIVENESS, before.attractiveness(), attractiveness, actor);
		set(RELATIONSHIP, before.relationshipStrength(), relationshipStrength, actor);
		return current();
	}

	private void set(String name, double before, double after, String actor) {
		if (before == after) {
			return;
		}
		String value = text(after);
		this.jdbc
			.sql("""
					update analysis_setting set setting_value = :value, updated_at = :at, updated_by = :actor, version = version + 1
					where name = :name
					""")
			.param("value", value)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("name", name)
			.update();
		long version = this.jdbc.sql("select version from analysis_setting where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		this.audit.recordChanges(new Subject(SUBJECT, (name.equals(ATTRACTIVENESS) ? 1 : 2), version, null, actor),
				"UPDATED", Map.of(field(name), text(before)), Map.of(field(name), value));
	}

	private static String field(String name) {
		return name.equals(ATTRACTIVENESS) ? "attractivenessThreshold" : "relationshipThreshold";
	}

	private static void check(String field, double value, List<RuleViolation> problems) {
		if (Double.isNaN(value) || value < 0 || value > 100) {
			problems.add(new RuleViolation(field, "analysis.matrix.threshold.range"));
		}
	}

	private static double number(String text) {
		return (text != null) ? Double.parseDouble(text) : 50;
	}

	private static String text(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
