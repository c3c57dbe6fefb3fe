package org.customerportfolio.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer's relationship plan as pages and the API show it: the strategy (with the
 * version an edit must be based on), goals, actions and the decision log, newest first.
 */
public record PlanView(long customerId, @Nullable Strategy strategy, long version, @Nullable Instant updatedAt,
		@Nullable String updatedBy, List<Goal> goals, List<Action> actions, List<Decision> decisions) {

	/** Something the relationship should reach, optionally by a date. */
	public record Goal(long id, String description, @Nullable LocalDate targetDate, boolean achieved, long version) {
	}

	/** Something someone on our side will do by a date. */
	public record Action(long id, long customerId, String description, String owner, LocalDate dueDate,
			ActionStatus status, @Nullable Instant doneAt, long version, boolean overdue) {
	}

	/** Who decided what, when and why. */
	public record Decision(long id, long customerId, DecisionKind kind, String summary, String reason,
			LocalDate decidedOn, String decidedBy, @Nullable Strategy strategy, Instant recordedAt) {
	}

}
