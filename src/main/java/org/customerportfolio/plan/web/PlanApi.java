package org.customerportfolio.plan.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.plan.ActionStatus;
import org.customerportfolio.plan.DecisionKind;
import org.customerportfolio.plan.PlanDates;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ActionDetails;
import org.customerportfolio.plan.PlanView;
import org.customerportfolio.plan.PlanView.Action;
import org.customerportfolio.plan.PlanView.Decision;
import org.customerportfolio.plan.PlanView.Goal;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.customerportfolio.shared.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's relationship plan for integrations: read it whole; set the strategy, add
 * goals and actions, change them as of a version, and record decisions (ending a
 * relationship among them). Dates as yyyy-mm-dd.
 */
@RestController
@RequestMapping(path = "/api/v1/customers/{id}/plan", produces = "application/json")
@Tag(name = "Relationship plans", description = "Strategy, goals, actions and the decision log per customer")
class PlanApi {

	private final PlanManagement plans;

	PlanApi(PlanManagement plans) {
		this.plans = plans;
	}

	@GetMapping
	@Operation(summary = "The plan: strategy (with the version to base a change on), goals, actions, decisions")
	PlanView plan(@PathVariable long id) {
		return this.plans.plan(id);
	}

	record StrategyRequest(@Nullable Strategy strategy, @Nullable String reason, @Nullable String decidedOn,
			@Nullable Long version) {
	}

	@PutMapping("/strategy")
	@Operation(summary = "Choose the strategy, as a decision with a reason; version from the plan")
	Decision strategy(@PathVariable long id, @RequestBody StrategyRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		if (request.version() == null) {
			throw new VersionRequiredException();
		}
		return this.plans.chooseStrategy(id, request.version(), request.strategy(), request.reason(),
				PlanDates.parse(request.decidedOn(), "decidedOn"), user.getUsername());
	}

	record GoalRequest(@Nullable String description, @Nullable String targetDate, @Nullable Boolean achieved,
			@Nullable Long version) {
	}

	@PostMapping("/goals")
	@ResponseStatus(HttpStatus.CREATED)
	Goal addGoal(@PathVariable long id, @RequestBody GoalRequest request, @AuthenticationPrincipal PortfolioUser user) {
		return this.plans.addGoal(id, request.description(), PlanDates.parse(request.targetDate(), "targetDate"),
				user.getUsername());
	}

	@PutMapping("/goals/{goalId}")
	@Operation(summary = "Mark a goal achieved (or not), as of its version")
	Goal goal(@PathVariable long id, @PathVariable long goalId, @RequestBody GoalRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		if (request.version() == null) {
			throw new VersionRequiredException();
		}
		return this.plans.setGoalAchieved(id, goalId, request.version(), Boolean.TRUE.equals(request.achieved()),
				user.getUsername());
	}

	record ActionRequest(@Nullable String description, @Nullable String owner, @Nullable String dueDate,
			@Nullable ActionStatus status, @Nullable Long version) {
	}

	@PostMapping("/actions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an action: what, owner, due date (yyyy-mm-dd), optionally a status")
	Action addAction(@PathVariable long id, @RequestBody ActionRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		return this.plans.addAction(id, details(request), user.getUsername());
	}

	@PutMapping("/actions/{actionId}")
	@Operation(summary = "Change an action as of its version; fields left out stay as they are")
	Action action(@PathVariable long id, @PathVariable long actionId, @RequestBody ActionRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		if (request.version() == null) {
			throw new VersionRequiredException();
		}
		return this.plans.updateAction(id, actionId, request.version(), details(request), user.getUsername());
	}

	record DecisionRequest(@Nullable DecisionKind kind, @Nullable String summary, @Nullable String reason,
			@Nullable String decidedOn) {
	}

	@PostMapping("/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a decision: kind OTHER (with summary), END_RELATIONSHIP or RESUME; always a "
			+ "reason and the date decided")
	Decision decide(@PathVariable long id, @RequestBody DecisionRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		DecisionKind kind = (request.kind() != null) ? request.kind() : DecisionKind.OTHER;
		var decidedOn = PlanDates.parse(request.decidedOn(), "decidedOn");
		return switch (kind) {
			case END_RELATIONSHIP -> this.plans.endRelationship(id, request.reason(), decidedOn, user.getUsername());
			case RESUME -> this.plans.resumeRelationship(id, request.reason(), decidedOn, user.getUsername());
			case OTHER -> this.plans.decide(id, request.summary(), request.reason(), decidedOn, user.getUsername());
			case STRATEGY ->
				throw new InvalidInputException(List.of(new RuleViolation("kind", "plan.decision.strategyViaPlan")));
		};
	}

	private static ActionDetails details(ActionRequest request) {
		return ActionDetails.typed(request.description(), request.owner(), request.dueDate(), request.status());
	}

}
