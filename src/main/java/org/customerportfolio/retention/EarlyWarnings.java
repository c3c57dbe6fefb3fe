package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the relationships that need attention, for the whole active portfolio at once:
 * one set-based query per kind of warning over the read models (monthly revenue, current
 * levels and standings, the two newest evaluations), never one query per customer, so
 * that 100,000 customers take a handful of statements. Thresholds are set by
 * administrators and audited. It also remembers when each warning first appeared, so a
 * review can list the new ones.
 */
@Service
@Transactional
public class EarlyWarnings {

	static final String SETTING = "WARNING_SETTING";

	private static final String ACTIVE = " c.archived = false and c.status = 'ACTIVE'";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Formats formats;

	private final AuditLog audit;

	private final Clock clock;

	private final RetentionCache cache;

	EarlyWarnings(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Formats formats, AuditLog audit, Clock clock,
			RetentionCache cache) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.formats = formats;
		this.audit = audit;
		this.clock = clock;
		this.cache = cache;
	}

	@Transactional(readOnly = true)
	public List<WarningSetting> settings() {
		Map<WarningKind, WarningSetting> settings = new EnumMap<>(WarningKind.class);
		this.jdbc.sql("select code, enabled, threshold, version from warning_setting").query((rs) -> {
			WarningKind kind = WarningKind.valueOf(rs.getString(1));
			settings.put(kind, new WarningSetting(kind, rs.getBoolean(2), rs.getBigDecimal(3), rs.getLong(4)));
		});
		return List.copyOf(settings.values());
	}

	/**
	 * Changes a kind of warning as of the version the administrator saw. Thresholds: a
	 * percentage above 0 up to 100 for falling revenue and for the revenue share, points
	 * above 0 up to 100 for a dropped rating, whole months from 1 to 120 without
	 * evaluation.
	 */
	public WarningSetting update(WarningKind kind, boolean enabled, @Nullable BigDecimal threshold, long basedOnVersion,
			String actor) {
		WarningSetting before = setting(kind);
		if (before.version() != basedOnVersion) {
			throw new EditConflictException(before.version(),
					this.audit.changesSince(SETTING, kind.ordinal() + 1, basedOnVersion));
		}
		BigDecimal checked = kind.hasThreshold() ? checkedThreshold(kind, threshold) : null;
		this.jdbc.sql("""
				update warning_setting set enabled = :enabled, threshold = :threshold, version = version + 1
				where code = :code and version = :version
				""")
			.param("enabled", enabled)
			.param("threshold", checked)
			.param("code", kind.name())
			.param("version", basedOnVersion)
			.update();
		this.audit.recordChanges(new Subject(SETTING, kind.ordinal() + 1, basedOnVersion + 1, null, actor), "UPDATED",
				snapshot(before.enabled(), before.threshold()), snapshot(enabled, checked));
		return setting(kind);
	}

	/** Every current warning of the active portfolio, by customer name. */
	@Transactional(readOnly = true)
	public List<EarlyWarning> current() {
		// the rules depend on the data, today's date and the settings: all three decide
		return this.cache.get(new Current(this.formats.today(), settings()), List::size, () -> List.copyOf(find(null)));
	}

	private record Current(LocalDate today, List<WarningSetting> settings) {
	}

	/** The current warnings of one customer (none when it is archived or ended). */
	@Transactional(readOnly = true)
	public List<EarlyWarning> of(long customerId) {
		return find(customerId);
	}

	/**
	 * The current warnings, with the moment each was first seen recorded (and those no
	 * longer raised marked cleared).
	 */
	public List<EarlyWarning> currentAndRecorded() {
		List<EarlyWarning> warnings = find(null);
		record(warnings);
		return warnings;
	}

	@Scheduled(cron = "${portfolio.warnings.record-cron:0 15 * * * *}")
	public void hourly() {
		currentAndRecorded();
	}

	/** A warning that appeared at or after a moment and is still raised. */
	public record NewWarning(EarlyWarning warning, Instant firstSeen) {
	}

	/** The warnings raised now that first appeared at or after a moment. */
	public List<NewWarning> newSince(Instant since) {
		List<EarlyWarning> warnings = currentAndRecorded();
		Map<String, Instant> seen = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, code, first_seen from warning_occurrence
				where cleared_at is null and first_seen >= :since
				""").param("since", Timestamp.from(since)).query((rs) -> {
			seen.put(rs.getLong(1) + ":" + rs.getString(2), rs.getTimestamp(3).toInstant());
		});
		List<NewWarning> fresh = new ArrayList<>();
		for (EarlyWarning warning : warnings) {
			Instant first = seen.get(warning.customerId() + ":" + warning.kind().name());
			if (first != null) {
				fresh.add(new NewWarning(warning, first));
			}
		}
		return fresh;
	}

	private List<EarlyWarning> find(@Nullable Long customerId) {
		Map<WarningKind, WarningSetting> settings = new EnumMap<>(WarningKind.class);
		settings().forEach((setting) -> settings.put(setting.kind(), setting));
		List<EarlyWarning> warnings = new ArrayList<>();
		String only = (customerId != null) ? " and c.id = :customer" : "";
		long customer = (customerId != null) ? customerId : -1;
		WarningSetting falling = settings.get(WarningKind.REVENUE_FALLING);
		if (enabled(falling)) {
			this.jdbc.sql("""
					select c.id, c.name, c.account_manager_id, t.trailing_twelve, t.previous_twelve
					from customer_figures t join customer c on c.id = t.customer_id
					where t.previous_twelve > 0 and t.trailing_twelve < t.previous_twelve * :factor and%s%s
					""".formatted(ACTIVE, only))
				.param("customer", customer)
				.param("factor", BigDecimal.ONE.subtract(percent(falling.threshold())))
				.query((rs) -> {
					BigDecimal now = rs.getBigDecimal(4);
					BigDecimal before = rs.getBigDecimal(5);
					BigDecimal change = now.subtract(before)
						.multiply(BigDecimal.valueOf(100))
						.divide(before, 1, RoundingMode.HALF_UP);
					warnings.add(warning(rs, WarningKind.REVENUE_FALLING, change));
				});
		}
		levelWarnings(settings.get(WarningKind.AT_RISK), "relationship_type", "at_risk", only, customer, warnings);
		levelWarnings(settings.get(WarningKind.OUTLOOK_FAILING), "business_outlook", "failing", only, customer,
				warnings);
		WarningSetting dropped = settings.get(WarningKind.RATING_DROPPED);
		if (enabled(dropped)) {
			ratingDrops(dropped.threshold(), only, customer, warnings);
		}
		WarningSetting unevaluated = settings.get(WarningKind.NOT_EVALUATED);
		if (enabled(unevaluated)) {
			int months = unevaluated.threshold().intValue();
			LocalDate today = this.formats.today();
			Instant cutoff = today.minusMonths(months).atStartOfDay(this.formats.zone()).toInstant();
			this.jdbc.sql("""
					select c.id, c.name, c.account_manager_id, s.evaluated_at
					from customer c left join customer_standing s on s.customer_id = c.id
					where%s%s and ((s.evaluated_at is null and c.created_at < :cutoff) or s.evaluated_at < :cutoff)
					""".formatted(ACTIVE, only))
				.param("cutoff", Timestamp.from(cutoff))
				.param("customer", customer)
				.query((rs) -> {
					Timestamp at = rs.getTimestamp(4);
					BigDecimal since = (at != null) ? BigDecimal.valueOf(
							ChronoUnit.MONTHS.between(at.toInstant().atZone(this.formats.zone()).toLocalDate(), today))
							: null;
					warnings.add(warning(rs, WarningKind.NOT_EVALUATED, since));
				});
		}
		WarningSetting concentration = settings.get(WarningKind.CONCENTRATION);
		if (enabled(concentration)) {
			BigDecimal total = this.jdbc
				.sql("""
						select coalesce(sum(t.trailing_twelve), 0) from customer_figures t join customer c on c.id = t.customer_id
						where c.archived = false
						""")
				.query(BigDecimal.class)
				.single();
			if (total.signum() > 0) {
				this.jdbc.sql("""
						select c.id, c.name, c.account_manager_id, t.trailing_twelve
						from customer_figures t join customer c on c.id = t.customer_id
						where t.trailing_twelve > :limit and%s%s
						""".formatted(ACTIVE, only))
					.param("customer", customer)
					.param("limit", total.multiply(percent(concentration.threshold())))
					.query((rs) -> {
						BigDecimal share = rs.getBigDecimal(4)
							.multiply(BigDecimal.valueOf(100))
							.divide(total, 1, RoundingMode.HALF_UP);
						warnings.add(warning(rs, WarningKind.CONCENTRATION, share));
					});
			}
		}
		warnings.sort(Comparator.comparing(EarlyWarning::customerName, String.CASE_INSENSITIVE_ORDER)
			.thenComparingLong(EarlyWarning::customerId)
			.thenComparing(EarlyWarning::kind));
		return warnings;
	}

	private void levelWarnings(WarningSetting setting, String criterion, String level, String only, long customer,
			List<EarlyWarning> warnings) {
		if (!enabled(setting)) {
			return;
		}
		this.jdbc.sql("""
				select c.id, c.name, c.account_manager_id
				from customer_level l join criterion k on k.id = l.criterion_id join customer c on c.id = l.customer_id
				where k.code = :criterion and (l.level_code = :level or l.level_codes like :like) and%s%s
				""".formatted(ACTIVE, only))
			.param("criterion", criterion)
			.param("level", level)
			.param("like", "%," + level + ",%")
			.param("customer", customer)
			.query((rs) -> {
				warnings.add(warning(rs, setting.kind(), null));
			});
	}

	/**
	 * The scores of the newest evaluation against the one before (kept in
	 * {@code rating_change}): a drop of at least the threshold on either axis raises the
	 * warning, with the larger drop.
	 */
	private void ratingDrops(@Nullable BigDecimal threshold, String only, long customer, List<EarlyWarning> warnings) {
		if (threshold == null) {
			return;
		}
		this.jdbc
			.sql("""
					select c.id, c.name, c.account_manager_id,
					       r.previous_attractiveness - r.attractiveness, r.previous_relationship_strength - r.relationship_strength
					from rating_change r join customer c on c.id = r.customer_id
					where (r.previous_attractiveness - r.attractiveness >= :threshold
					       or r.previous_relationship_strength - r.relationship_strength >= :threshold) and%s%s
					"""
				.formatted(ACTIVE, only))
			.param("threshold", threshold)
			.param("customer", customer)
			.query((rs) -> {
				BigDecimal attractiveness = rs.getBigDecimal(4);
				BigDecimal strength = rs.getBigDecimal(5);
				BigDecimal drop = (attractiveness == null) ? strength
						: (strength == null) ? attractiveness : attractiveness.max(strength);
				warnings.add(warning(rs, WarningKind.RATING_DROPPED, drop));
			});
	}

	private void record(List<EarlyWarning> warnings) {
		Set<String> open = new HashSet<>();
		this.jdbc.sql("select customer_id, code from warning_occurrence where cleared_at is null").query((rs) -> {
			open.add(rs.getLong(1) + ":" + rs.getString(2));
		});
		Timestamp now = Timestamp.from(this.clock.instant());
		Set<String> raised = new HashSet<>();
		List<Object[]> inserts = new ArrayList<>();
		for (EarlyWarning warning : warnings) {
			String key = warning.customerId() + ":" + warning.kind().name();
			if (raised.add(key) && !open.contains(key)) {
				inserts.add(new Object[] { warning.customerId(), warning.kind().name(), now });
			}
		}
		List<Object[]> clears = new ArrayList<>();
		for (String key : open) {
			if (!raised.contains(key)) {
				int colon = key.indexOf(':');
				clears.add(new Object[] { now, Long.parseLong(key.substring(0, colon)), key.substring(colon + 1) });
			}
		}
		if (!inserts.isEmpty()) {
			this.jdbcTemplate.batchUpdate(
					"insert into warning_occurrence (customer_id, code, first_seen) values (?, ?, ?)", inserts);
		}
		if (!clears.isEmpty()) {
			this.jdbcTemplate.batchUpdate(
					"""
							update warning_occurrence set cleared_at = ? where customer_id = ? and code = ? and cleared_at is null
							""",
					clears);
		}
	}

	private WarningSetting setting(WarningKind kind) {
		return settings().stream().filter((setting) -> setting.kind() == kind).findFirst().orElseThrow();
	}

	private static BigDecimal checkedThreshold(WarningKind kind, @Nullable BigDecimal threshold) {
		if (threshold == null) {
			throw new InvalidInputException(List.of(new RuleViolation("threshold", "warnings.threshold.required")));
		}
		boolean valid = switch (kind) {
			case NOT_EVALUATED ->
				threshold.stripTrailingZeros().scale() <= 0 && threshold.intValue() >= 1 && threshold.intValue() <= 120;
			default -> threshold.signum() > 0 && threshold.compareTo(BigDecimal.valueOf(100)) <= 0;
		};
		if (!valid) {
			throw new InvalidInputException(List.of(new RuleViolation("threshold",
					(kind == WarningKind.NOT_EVALUATED) ? "warnings.threshold.months" : "warnings.threshold.range")));
		}
		return threshold.setScale(2, RoundingMode.HALF_UP);
	}

	private static Map<String, String> snapshot(boolean enabled, @Nullable BigDecimal threshold) {
		Map<String, String> snapshot = new LinkedHashMap<>();
		snapshot.put("warning.enabled", String.valueOf(enabled));
		snapshot.put("warning.threshold", (threshold != null) ? threshold.stripTrailingZeros().toPlainString() : "");
		return snapshot;
	}

	private static boolean enabled(@Nullable WarningSetting setting) {
		return setting != null && setting.enabled() && (!setting.kind().hasThreshold() || setting.threshold() != null);
	}

	private static BigDecimal percent(@Nullable BigDecimal value) {
		return (value != null) ? value.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP) : BigDecimal.ZERO;
	}

	private static EarlyWarning warning(java.sql.ResultSet rs, WarningKind kind, @Nullable BigDecimal value)
			throws java.sql.SQLException {
		long manager = rs.getLong(3);
		return new EarlyWarning(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : manager, kind, value);
	}

}
