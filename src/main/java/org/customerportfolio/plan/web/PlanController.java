package org.customerportfolio.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.plan.ActionStatus;
import org.customerportfolio.plan.PlanDates;
import org.customerportfolio.plan.PlanManagement;
import org.customerportfolio.plan.PlanManagement.ActionDetails;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The relationship plan on the customer page (an htmx include, or a page of its own):
 * strategy, goals, actions and the decision log, and the forms that change them. A
 * refused change shows the plan page again with the problem named and what was typed
 * kept; nothing is saved.
 */
@Controller
class PlanController {

	private final PlanManagement plans;

	private final CustomerManagement customers;

	private final AccountManagement accounts;

	PlanController(PlanManagement plans, CustomerManagement customers, AccountManagement accounts) {
		this.plans = plans;
		this.customers = customers;
		this.accounts = accounts;
	}

	@GetMapping("/customers/{customerId}/plan")
	String plan(@PathVariable long customerId, HttpServletRequest request, Model model) {
		fill(customerId, model);
		boolean htmx = request.getHeader("HX-Request") != null;
		return htmx ? "plan/plan :: section" : "plan/plan";
	}

	@PostMapping("/customers/{customerId}/plan/strategy")
	String strategy(@PathVariable long customerId, @RequestParam(required = false) @Nullable Strategy strategy,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String decidedOn, @RequestParam long version,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return attempt(customerId, "strategy", Map.of("strategy", (strategy != null) ? strategy.name() : "", "reason",
				text(reason), "decidedOn", text(decidedOn)), model, redirect, response, () -> {
					this.plans.chooseStrategy(customerId, version, strategy, reason,
							PlanDates.parse(decidedOn, "decidedOn"), user.getUsername());
					return "plan.strategy.saved";
				});
	}

	@PostMapping("/customers/{customerId}/plan/goals")
	String addGoal(@PathVariable long customerId, @RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String targetDate, @AuthenticationPrincipal PortfolioUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(customerId, "goal", Map.of("description", text(description), "targetDate", text(targetDate)),
				model, redirect, response, () -> {
					this.plans.addGoal(customerId, description, PlanDates.parse(targetDate, "targetDate"),
							user.getUsername());
					return "plan.goal.saved";
				});
	}

	@PostMapping("/customers/{customerId}/plan/goals/{goalId}")
	String goal(@PathVariable long customerId, @PathVariable long goalId, @RequestParam boolean achieved,
			@RequestParam long version, @AuthenticationPrincipal PortfolioUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(customerId, "goal", Map.of(), model, redirect, response, () -> {
			this.plans.setGoalAchieved(customerId, goalId, version, achieved, user.getUsername());
			return "plan.goal.saved";
		});
	}

	@PostMapping("/customers/{customerId}/plan/actions")
	String addAction(@PathVariable long customerId, @RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String dueDate, @AuthenticationPrincipal PortfolioUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(customerId, "action",
				Map.of("description", text(description), "owner", text(owner), "dueDate", text(dueDate)), model,
				redirect, response, () -> {
					this.plans.addAction(customerId,
							ActionDetails.typed(description, owner, dueDate, ActionStatus.OPEN), user.getUsername());
					return "plan.action.saved";
				});
	}

	@PostMapping("/customers/{customerId}/plan/actions/{actionId}")
	String action(@PathVariable long customerId, @PathVariable long actionId,
			@RequestParam(required = false) @Nullable ActionStatus status, @RequestParam long version,
			@RequestParam(required = false) @Nullable String returnTo, @AuthenticationPrincipal PortfolioUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String view = attempt(customerId, "action", Map.of(), model, redirect, response, () -> {
			this.plans.updateAction(customerId, actionId, version, new ActionDetails(null, null, null, status),
					user.getUsername());
			return "plan.action.saved";
		});
		if (view.startsWith("redirect:") && "actions".equals(returnTo)) {
			return "redirect:/plans/actions";
		}
		return view;
	}

	@PostMapping("/customers/{customerId}/plan/decisions")
	String decide(@PathVariable long customerId, @RequestParam(required = false) @Nullable String summary,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String decidedOn, @AuthenticationPrincipal PortfolioUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(customerId, "decision",
				Map.of("summary", text(summary), "reason", text(reason), "decidedOn", text(decidedOn)), model, redirect,
				response, () -> {
					this.plans.decide(customerId, summary, reason, PlanDates.parse(decidedOn, "decidedOn"),
							user.getUsername());
					return "plan.decision.saved";
				});
	}

	@PostMapping("/customers/{customerId}/plan/end")
	String end(@PathVariable long customerId, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String decidedOn, @AuthenticationPrincipal PortfolioUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(customerId, "end", Map.of("reason", text(reason), "decidedOn", text(decidedOn)), model, redirect,
				response, () -> {
					this.plans.endRelationship(customerId, reason, PlanDates.parse(decidedOn, "decidedOn"),
							user.getUsername());
					return "plan.end.saved";
				});
	}

	@PostMapping("/customers/{customerId}/plan/resume")
	String resume(@PathVariable long customerId, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String decidedOn, @AuthenticationPrincipal PortfolioUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(customerId, "resume", Map.of("reason", text(reason), "decidedOn", text(decidedOn)), model,
				redirect, response, () -> {
					this.plans.resumeRelationship(customerId, reason, PlanDates.parse(decidedOn, "decidedOn"),
							user.getUsername());
					return "plan.resume.saved";
				});
	}

	/**
	 * Runs a change; on success back to the customer page with a message, on a refusal
	 * the plan page with the problems beside the form that caused them.
	 */
	private String attempt(long customerId, String form, Map<String, String> typed, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("message", change.get());
			return "redirect:/customers/" + customerId + "#plan";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problems", ex.violations());
		}
		catch (EditConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problems", List.of(new RuleViolation(null, "plan.conflict")));
		}
		model.addAttribute("failedForm", form);
		model.addAttribute("typed", new LinkedHashMap<>(typed));
		fill(customerId, model);
		return "plan/plan";
	}

	private void fill(long customerId, Model model) {
		model.addAttribute("customer", this.customers.customer(customerId));
		model.addAttribute("plan", this.plans.plan(customerId));
		model.addAttribute("strategies", Strategy.values());
		model.addAttribute("actionStatuses", ActionStatus.values());
		model.addAttribute("owners",
				this.accounts.users()
					.stream()
					.filter(UserSummary::enabled)
					.map(UserSummary::displayName)
					.sorted()
					.toList());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
