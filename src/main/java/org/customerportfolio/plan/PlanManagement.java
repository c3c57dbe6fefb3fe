package org.customerportfolio.plan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.plan.PlanView.Action;
import org.customerportfolio.plan.PlanView.Decision;
import org.customerportfolio.plan.PlanView.Goal;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's plan beyond its strategy: goals, actions with an owner and a due date, and
 * the decision log. Every change is checked, refused when based on a stale version, and
 * audited on the customer in the same transaction. Ending a relationship is a decision
 * with a reason and a date that also sets the plan's strategy to end and the customer's
 * status to ended; nothing of its history is removed.
 */
@Service
@Transactional
public class PlanManagement {

	static final String GOAL = "PLAN_GOAL";

	static final String ACTION = "PLAN_ACTION";

	static final String DECISION = "PLAN_DECISION";

	static final int MAX_TEXT = 1000;

	static final int MAX_REASON = 4000;

	private final JdbcClient jdbc;

	private final RelationshipPlans plans;

	private final CustomerManagement customers;

	private final AuditLog audit;

	private final Clock clock;

	private final Formats formats;

	private final ApplicationEventPublisher events;

	PlanManagement(JdbcClient jdbc, RelationshipPlans plans, CustomerManagement customers, AuditLog audit, Clock clock,
			Formats formats, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
		this.formats = formats;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public PlanView plan(long customerId) {
		this.customers.customer(customerId);
		LocalDate today = this.formats.today();
		record Head(@Nullable String strategy, long version, Instant updatedAt, String updatedBy) {
		}
		Head head = this.jdbc
			.sql("select strategy, version, updated_at, updated_by from relationship_plan where customer_id = :id")
			.param("id", customerId)
			.query((rs, n) -> new Head(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.optional()
			.orElse(null);
		List<Goal> goals = this.jdbc.sql("""
				select id, description, target_date, achieved, version from plan_goal
				where customer_id = :id order by achieved, coalesce(target_date, date '9999-12-31'), id
				""")
			.param("id", customerId)
			.query((rs, n) -> new Goal(rs.getLong(1), rs.getString(2), localDate(rs.getDate(3)), rs.getBoolean(4),
					rs.getLong(5)))
			.list();
		List<Action> actions = this.jdbc.sql(ACTION_COLUMNS + """
				 where a.customer_id = :id
				order by case when a.status in ('DONE', 'CANCELLED') then 1 else 0 end, a.due_date, a.id
				""").param("id", customerId).query((rs, n) -> action(rs, today)).list();
		List<Decision> decisions = this.jdbc.sql(DECISION_COLUMNS + """
				 where d.customer_id = :id order by d.decided_on desc, d.id desc
				""").param("id", customerId).query((rs, n) -> decision(rs)).list();
		return new PlanView(customerId,
				(head != null && head.strategy() != null) ? Strategy.valueOf(head.strategy()) : null,
				(head != null) ? head.version() + 1 : 0, (head != null) ? head.updatedAt() : null,
				(head != null) ? head.updatedBy() : null, goals, actions, decisions);
	}

	/**
	 * Sets the strategy as a decision with a reason, based on the plan version the user
	 * saw ({@link PlanView#version()}).
	 */
	public Decision chooseStrategy(long customerId, long basedOnVersion, @Nullable Strategy strategy,
			@Nullable String reason, @Nullable LocalDate decidedOn, String actor) {
		activeCustomer(customerId);
		List<RuleViolation> problems = new ArrayList<>();
		if (strategy == null) {
			problems.add(new RuleViolation("strategy", "plan.strategy.required"));
		}
		String why = required(reason, "reason", "plan.decision.reason.required", MAX_REASON, problems);
		LocalDate when = decisionDate(decidedOn, problems);
		failIfAny(problems);
		long current = planVersion(customerId);
		if (current != basedOnVersion) {
			throw new EditConflictException(current,
					this.audit.changesSince(RelationshipPlans.PLAN, customerId, basedOnVersion - 1));
		}
		this.plans.setStrategy(customerId, strategy, actor);
		if (planVersion(customerId) > current + 1) {
			throw new EditConflictException(planVersion(customerId), List.of());
		}
		return record(customerId, DecisionKind.STRATEGY, strategy.name(), why, when, strategy, actor);
	}

	/** Records a decision other than the strategy or ending: what, why and when. */
	public Decision decide(long customerId, @Nullable String what, @Nullable String reason,
			@Nullable LocalDate decidedOn, String actor) {
		activeCustomer(customerId);
		List<RuleViolation> problems = new ArrayList<>();
		String summary = required(what, "summary", "plan.decision.summary.required", 500, problems);
		String why = required(reason, "reason", "plan.decision.reason.required", MAX_REASON, problems);
		LocalDate when = decisionDate(decidedOn, problems);
		failIfAny(problems);
		return record(customerId, DecisionKind.OTHER, summary, why, when, null, actor);
	}

	/**
	 * Ends the relationship: a decision with its reason and date, the plan's strategy set
	 * to end, the customer's status to ended. Its history, figures and evaluations stay.
	 */
	public Decision endRelationship(long customerId, @Nullable String reason, @Nullable LocalDate decidedOn,
			String actor) {
		CustomerView customer = activeCustomer(customerId);
		List<RuleViolation> problems = new ArrayList<>();
		if (customer.status() == CustomerStatus.ENDED) {
			problems.add(new RuleViolation(null, "plan.end.alreadyEnded"));
		}
		String why = required(reason, "reason", "plan.decision.reason.required", MAX_REASON, problems);
		LocalDate when = decisionDate(decidedOn, problems);
		failIfAny(problems);
		Decision decision = record(customerId, DecisionKind.END_RELATIONSHIP, DecisionKind.END_RELATIONSHIP.name(), why,
				when, Strategy.END, actor);
		this.plans.setStrategy(customerId, Strategy.END, actor);
		setStatus(customer, CustomerStatus.ENDED, actor);
		this.events.publishEvent(new RelationshipEnded(customerId, decision.id(), when));
		return decision;
	}

	/** Takes an ended relationship up again, as a decision with its reason and date. */
	public Decision resumeRelationship(long customerId, @Nullable String reason, @Nullable LocalDate decidedOn,
			String actor) {
		CustomerView customer = activeCustomer(customerId);
		List<RuleViolation> problems = new ArrayList<>();
		if (customer.status() != CustomerStatus.ENDED) {
			problems.add(new RuleViolation(null, "plan.resume.notEnded"));
		}
		String why = required(reason, "reason", "plan.decision.reason.required", MAX_REASON, problems);
		LocalDate when = decisionDate(decidedOn, problems);
		failIfAny(problems);
		Decision decision = record(customerId, DecisionKind.RESUME, DecisionKind.RESUME.name(), why, when, null, actor);
		this.plans.setStrategy(customerId, null, actor);
		setStatus(customer, CustomerStatus.ACTIVE, actor);
		return decision;
	}

	public Goal addGoal(long customerId, @Nullable String description, @Nullable LocalDate targetDate, String actor) {
		activeCustomer(customerId);
		List<RuleViolation> problems = new ArrayList<>();
		String text = required(description, "description", "plan.goal.required", MAX_TEXT, problems);
		failIfAny(problems);
		long id = insert(this.jdbc.sql("""
				insert into plan_goal (customer_id, description, target_date, achieved, created_at, created_by, version)
				values (:customer, :description, :target, false, :at, :actor, 0)
				""")
			.param("customer", customerId)
			.param("description", text)
			.param("target", (targetDate != null) ? Date.valueOf(targetDate) : null)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor));
		Subject subject = new Subject(GOAL, id, 0L, customerId, actor);
		this.audit.recordAction(subject, "CREATED");
		this.audit.recordChanges(subject, "CREATED", Map.of(), goalSnapshot(text, targetDate, false));
		return goal(customerId, id);
	}

	public Goal setGoalAchieved(long customerId, long goalId, long basedOnVersion, boolean achieved, String actor) {
		activeCustomer(customerId);
		Goal goal = goal(customerId, goalId);
		if (goal.version() != basedOnVersion) {
			throw new EditConflictException(goal.version(), this.audit.changesSince(GOAL, goalId, basedOnVersion));
		}
		int updated = this.jdbc
			.sql("update plan_goal set achieved = :achieved, version = version + 1 where id = :id and version = :v")
			.param("achieved", achieved)
			.param("id", goalId)
			.param("v", basedOnVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(goal(customerId, goalId).version(), List.of());
		}
		this.audit.recordChanges(new Subject(GOAL, goalId, basedOnVersion + 1, customerId, actor), "UPDATED",
				goalSnapshot(goal.description(), goal.targetDate(), goal.achieved()),
				goalSnapshot(goal.description(), goal.targetDate(), achieved));
		return goal(customerId, goalId);
	}

	/** What an action is: what, who, by when, and where it stands. */
	public record ActionDetails(@Nullable String description, @Nullable String owner, @Nullable LocalDate dueDate,
			@Nullable ActionStatus status) {

		/**
		 * An action as typed into a form or a request, its due date as text; an
		 * unreadable date is reported together with a missing what or owner.
		 */
		public static ActionDetails typed(@Nullable String description, @Nullable String owner,
				@Nullable String dueDate, @Nullable ActionStatus status) {
			try {
				return new ActionDetails(description, owner, PlanDates.parse(dueDate, "dueDate"), status);
			}
			catch (InvalidInputException ex) {
				List<RuleViolation> problems = new ArrayList<>(ex.violations());
				if (description == null || description.isBlank()) {
					problems.add(new RuleViolation("description", "plan.action.description.required"));
				}
				if (owner == null || owner.isBlank()) {
					problems.add(new RuleViolation("owner", "plan.action.owner.required"));
				}
				throw new InvalidInputException(problems);
			}
		}

	}

	public Action addAction(long customerId, ActionDetails input, String actor) {
		activeCustomer(customerId);
		ActionDetails details = checked(input);
		ActionStatus status = (details.status() != null) ? details.status() : ActionStatus.OPEN;
		Instant now = this.clock.instant();
		long id = insert(this.jdbc.sql("""
				insert into plan_action (customer_id, description, owner, due_date, status, created_at, created_by,
				                         done_at, version)
				values (:customer, :description, :owner, :due, :status, :at, :actor, :done, 0)
				""")
			.param("customer", customerId)
			.param("description", details.description())
			.param("owner", details.owner())
			.param("due", Date.valueOf(details.dueDate()))
			.param("status", status.name())
			.param("at", Timestamp.from(now))
			.param("actor", actor)
			.param("done", (status == ActionStatus.DONE) ? Timestamp.from(now) : null));
		Subject subject = new Subject(ACTION, id, 0L, customerId, actor);
		this.audit.recordAction(subject, "CREATED");
		this.audit.recordChanges(subject, "CREATED", Map.of(), actionSnapshot(details, status));
		return action(customerId, id);
	}

	/** Changes an action as of the version the user started from. */
	public Action updateAction(long customerId, long actionId, long basedOnVersion, ActionDetails input, String actor) {
		activeCustomer(customerId);
		Action before = action(customerId, actionId);
		if (before.version() != basedOnVersion) {
			throw new EditConflictException(before.version(),
					this.audit.changesSince(ACTION, actionId, basedOnVersion));
		}
		ActionDetails details = checked(
				new ActionDetails((input.description() != null) ? input.description() : before.description(),
						(input.owner() != null) ? input.owner() : before.owner(),
						(input.dueDate() != null) ? input.dueDate() : before.dueDate(), input.status()));
		ActionStatus status = (details.status() != null) ? details.status() : before.status();
		Instant doneAt = (status == ActionStatus.DONE)
				? ((before.doneAt() != null) ? before.doneAt() : this.clock.instant()) : null;
		int updated = this.jdbc.sql("""
				update plan_action set description = :description, owner = :owner, due_date = :due, status = :status,
				       done_at = :done, version = version + 1
				where id = :id and version = :version
				""")
			.param("description", details.description())
			.param("owner", details.owner())
			.param("due", Date.valueOf(details.dueDate()))
			.param("status", status.name())
			.param("done", (doneAt != null) ? Timestamp.from(doneAt) : null)
			.param("id", actionId)
			.param("version", basedOnVersion)
			.update();
		if (updated == 0) {
			throw new EditConflictException(action(customerId, actionId).version(), List.of());
		}
		this.audit.recordChanges(new Subject(ACTION, actionId, basedOnVersion + 1, customerId, actor), "UPDATED",
				actionSnapshot(new ActionDetails(before.description(), before.owner(), before.dueDate(), null),
						before.status()),
				actionSnapshot(details, status));
		return action(customerId, actionId);
	}

	/** An action listed across customers, with its customer's name. */
	public record ListedAction(Action action, String customerName) {
	}

	/**
	 * Open and in-progress actions of customers in the active portfolio, earliest due
	 * first; only the overdue ones (due before today) when asked.
	 */
	@Transactional(readOnly = true)
	public List<ListedAction> openActions(boolean overdueOnly, @Nullable String owner, int limit) {
		LocalDate today = this.formats.today();
		String where = " where a.status in ('OPEN', 'IN_PROGRESS') and c.archived = false and c.status = 'ACTIVE'"
				+ (overdueOnly ? " and a.due_date < :today" : "")
				+ ((owner != null && !owner.isBlank()) ? " and lower(a.owner) = lower(:owner)" : "");
		return this.jdbc.sql(LISTED_ACTION_COLUMNS + where + " order by a.due_date, a.id limit :limit")
			.param("today", Date.valueOf(today))
			.param("owner", (owner != null) ? owner.strip() : "")
			.param("limit", limit)
			.query((rs, n) -> new ListedAction(action(rs, today), rs.getString("customer_name")))
			.list();
	}

	/** How many actions are overdue in the active portfolio. */
	@Transactional(readOnly = true)
	public long overdueCount() {
		return this.jdbc.sql("""
				select count(*) from plan_action a join customer c on c.id = a.customer_id
				where a.status in ('OPEN', 'IN_PROGRESS') and a.due_date < :today and c.archived = false
				  and c.status = 'ACTIVE'
				""").param("today", Date.valueOf(this.formats.today())).query(Long.class).single();
	}

	/** Actions marked done at or after a moment (for the portfolio review). */
	@Transactional(readOnly = true)
	public List<ListedAction> actionsDoneSince(Instant since) {
		LocalDate today = this.formats.today();
		return this.jdbc
			.sql(LISTED_ACTION_COLUMNS + " where a.status = 'DONE' and a.done_at >= :since order by a.done_at desc")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new ListedAction(action(rs, today), rs.getString("customer_name")))
			.list();
	}

	/** A decision listed across customers, with its customer's name. */
	public record ListedDecision(Decision decision, String customerName) {
	}

	/** The decision log across customers, newest first, optionally from a date on. */
	@Transactional(readOnly = true)
	public List<ListedDecision> decisions(@Nullable LocalDate from, int limit) {
		return this.jdbc.sql("""
				select d.id, d.customer_id, d.kind, d.summary, d.reason, d.decided_on, d.decided_by, d.strategy,
				       d.recorded_at, c.name as customer_name
				from plan_decision d join customer c on c.id = d.customer_id
				where d.decided_on >= :from order by d.decided_on desc, d.id desc limit :limit
				""")
			.param("from", Date.valueOf((from != null) ? from : LocalDate.of(1900, 1, 1)))
			.param("limit", limit)
			.query((rs, n) -> new ListedDecision(decision(rs), rs.getString("customer_name")))
			.list();
	}

	/** The strategy of every customer that has one, by customer id. */
	@Transactional(readOnly = true)
	public Map<Long, Strategy> strategies() {
		Map<Long, Strategy> strategies = new LinkedHashMap<>();
		this.jdbc.sql("select customer_id, strategy from relationship_plan where strategy is not null").query((rs) -> {
			strategies.put(rs.getLong(1), Strategy.valueOf(rs.getString(2)));
		});
		return strategies;
	}

	private Decision record(long customerId, DecisionKind kind, String summary, String reason, LocalDate decidedOn,
			@Nullable Strategy strategy, String actor) {
		long id = insert(this.jdbc.sql("""
				insert into plan_decision (customer_id, kind, summary, reason, decided_on, decided_by, strategy,
				                           recorded_at)
				values (:customer, :kind, :summary, :reason, :on, :actor, :strategy, :at)
				""")
			.param("customer", customerId)
			.param("kind", kind.name())
			.param("summary", summary)
			.param("reason", reason)
			.param("on", Date.valueOf(decidedOn))
			.param("actor", actor)
			.param("strategy", (strategy != null) ? strategy.name() : null)
			.param("at", Timestamp.from(this.clock.instant())));
		Subject subject = new Subject(DECISION, id, 0L, customerId, actor);
		this.audit.recordChanges(subject, "CREATED", Map.of(), decisionSnapshot(kind, summary, reason, decidedOn));
		return this.jdbc.sql(DECISION_COLUMNS + " where d.id = :id")
			.param("id", id)
			.query((rs, n) -> decision(rs))
			.single();
	}

	private void setStatus(CustomerView customer, CustomerStatus status, String actor) {
		this.customers.update(customer.id(), customer.version(),
				new CustomerDetails(customer.name(), customer.externalRef(), customer.businessType(),
						customer.registrationNumber(), customer.vatNumber(), customer.country(), customer.city(),
						customer.website(), status, customer.tags(), customer.notes(), customer.accountManagerId()),
				actor);
	}

	private long planVersion(long customerId) {
		return this.jdbc.sql("select version from relationship_plan where customer_id = :id")
			.param("id", customerId)
			.query(Long.class)
			.optional()
			.map((version) -> version + 1)
			.orElse(0L);
	}

	private static long insert(JdbcClient.StatementSpec insert) {
		org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		insert.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	private Goal goal(long customerId, long goalId) {
		return this.jdbc.sql(
				"select id, description, target_date, achieved, version from plan_goal where id = :id and customer_id = :c")
			.param("id", goalId)
			.param("c", customerId)
			.query((rs, n) -> new Goal(rs.getLong(1), rs.getString(2), localDate(rs.getDate(3)), rs.getBoolean(4),
					rs.getLong(5)))
			.optional()
			.orElseThrow(() -> new NotFoundException("plan.goal.notFound", goalId));
	}

	private Action action(long customerId, long actionId) {
		LocalDate today = this.formats.today();
		return this.jdbc.sql(ACTION_COLUMNS + " where a.id = :id and a.customer_id = :c")
			.param("id", actionId)
			.param("c", customerId)
			.query((rs, n) -> action(rs, today))
			.optional()
			.orElseThrow(() -> new NotFoundException("plan.action.notFound", actionId));
	}

	private CustomerView activeCustomer(long customerId) {
		CustomerView customer = this.customers.customer(customerId);
		if (customer.archived()) {
			throw new InvalidInputException(List.of(new RuleViolation(null, "plan.customer.archived")));
		}
		return customer;
	}

	private ActionDetails checked(ActionDetails input) {
		List<RuleViolation> problems = new ArrayList<>();
		String description = required(input.description(), "description", "plan.action.description.required", MAX_TEXT,
				problems);
		String owner = required(input.owner(), "owner", "plan.action.owner.required", 200, problems);
		if (input.dueDate() == null) {
			problems.add(new RuleViolation("dueDate", "plan.action.dueDate.required"));
		}
		failIfAny(problems);
		return new ActionDetails(description, owner, input.dueDate(), input.status());
	}

	private LocalDate decisionDate(@Nullable LocalDate date, List<RuleViolation> problems) {
		if (date == null) {
			problems.add(new RuleViolation("decidedOn", "plan.decision.date.required"));
			return LocalDate.MIN;
		}
		if (date.isAfter(this.formats.today())) {
			problems.add(new RuleViolation("decidedOn", "plan.decision.date.future"));
		}
		return date;
	}

	private static String required(@Nullable String text, String field, String code, int max,
			List<RuleViolation> problems) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			problems.add(new RuleViolation(field, code));
		}
		else if (value.length() > max) {
			problems.add(new RuleViolation(field, "field.tooLong", max));
		}
		else if (value.chars().anyMatch((c) -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			problems.add(new RuleViolation(field, "field.controlCharacters"));
		}
		return value;
	}

	private static void failIfAny(List<RuleViolation> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static Map<String, String> goalSnapshot(String description, @Nullable LocalDate target, boolean achieved) {
		Map<String, String> snapshot = new LinkedHashMap<>();
		snapshot.put("plan.goal", description);
		snapshot.put("plan.targetDate", (target != null) ? target.toString() : "");
		snapshot.put("plan.achieved", String.valueOf(achieved));
		return snapshot;
	}

	private static Map<String, String> actionSnapshot(ActionDetails details, ActionStatus status) {
		Map<String, String> snapshot = new LinkedHashMap<>();
		snapshot.put("plan.action", Objects.toString(details.description(), ""));
		snapshot.put("plan.owner", Objects.toString(details.owner(), ""));
		snapshot.put("plan.dueDate", Objects.toString(details.dueDate(), ""));
		snapshot.put("plan.actionStatus", status.name());
		return snapshot;
	}

	private static Map<String, String> decisionSnapshot(DecisionKind kind, String summary, String reason,
			LocalDate decidedOn) {
		Map<String, String> snapshot = new LinkedHashMap<>();
		snapshot.put("plan.decisionKind", kind.name());
		if (kind == DecisionKind.OTHER || kind == DecisionKind.STRATEGY) {
			snapshot.put("plan.decision", summary);
		}
		snapshot.put("plan.reason", reason);
		snapshot.put("plan.decidedOn", decidedOn.toString());
		return snapshot;
	}

	private static final String ACTION_COLUMNS = """
			select a.id, a.customer_id, a.description, a.owner, a.due_date, a.status, a.done_at, a.version
			from plan_action a""";

	private static final String LISTED_ACTION_COLUMNS = """
			select a.id, a.customer_id, a.description, a.owner, a.due_date, a.status, a.done_at, a.version,
			       c.name as customer_name
			from plan_action a join customer c on c.id = a.customer_id""";

	private static final String DECISION_COLUMNS = """
			select d.id, d.customer_id, d.kind, d.summary, d.reason, d.decided_on, d.decided_by, d.strategy,
			       d.recorded_at
			from plan_decision d""";

	private static Action action(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
		ActionStatus status = ActionStatus.valueOf(rs.getString(6));
		LocalDate due = rs.getDate(5).toLocalDate();
		Timestamp done = rs.getTimestamp(7);
		return new Action(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), due, status,
				(done != null) ? done.toInstant() : null, rs.getLong(8), !status.finished() && due.isBefore(today));
	}

	private static Decision decision(java.sql.ResultSet rs) throws java.sql.SQLException {
		String strategy = rs.getString(8);
		return new Decision(rs.getLong(1), rs.getLong(2), DecisionKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
				(strategy != null) ? Strategy.valueOf(strategy) : null, rs.getTimestamp(9).toInstant());
	}

	private static @Nullable LocalDate localDate(java.sql.@Nullable Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
